/**
 * `npm run bench:yaml`: how long the YAML checker takes on real files and on hostile input
 * (a "billion laughs" document, 5 MB of text, invalid UTF-8). Median and max of N runs each.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkYaml } from "@/lib/drills/check";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../lib/drills/fixtures", name), "utf8");

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [x, y] of ["ba", "cb", "dc", "ed", "fe", "gf", "hg", "ih"]) {
  laughs.push(`${x}: &${x} [${Array(9).fill(`*${y}`).join(",")}]`);
}

const cases: [string, string | Uint8Array][] = [
  ["8 entities (catalog-all-kinds.yaml)", fixture("catalog-all-kinds.yaml")],
  ["Software Template (template.yaml)", fixture("template.yaml")],
  ["app-config.yaml", fixture("app-config.yaml")],
  ["billion laughs (9 levels of 9 aliases)", laughs.join("\n")],
  ["5 MB of text", `a: "${"x".repeat(5 * 1024 * 1024)}"\n`],
  ["invalid UTF-8", new Uint8Array([0x6b, 0x3a, 0x20, 0xc3, 0x28])],
];

await checkYaml(fixture("template.yaml")); // warm-up: module initialisation, ajv compilation
console.log(`| input | median ms | max ms | valid |\n|---|---:|---:|---|`);
for (const [label, input] of cases) {
  const times: number[] = [];
  let valid = false;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    valid = (await checkYaml(input)).valid;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const max = times.at(-1) ?? 0;
  console.log(`| ${label} | ${median.toFixed(2)} | ${max.toFixed(2)} | ${valid} |`);
}
