/**
 * `npm run bench:yaml`: how long the YAML checker takes on real files and on hostile input
 * (a "billion laughs" document, 5 MB of text, invalid UTF-8), and on the worst inputs under the
 * 256 KB limit: thousands of tiny documents, deep nesting, long lines, many keys, thousands of
 * findings. Median and max of N runs each, and the median CPU time (less sensitive to other
 * processes on a shared machine); the worst-case rows must stay ≤ 200 ms (issue 12).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkYaml } from "@/lib/drills/check";
import { MAX_BYTES } from "@/lib/drills/yaml";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../lib/drills/fixtures", name), "utf8");

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [x, y] of ["ba", "cb", "dc", "ed", "fe", "gf", "hg", "ih"]) {
  laughs.push(`${x}: &${x} [${Array(9).fill(`*${y}`).join(",")}]`);
}

/** `head`, then `unit(i)` repeated while the text stays under the size limit. */
function fill(unit: (i: number) => string, head = ""): string {
  const parts = [head];
  let size = head.length;
  for (let i = 0; ; i++) {
    const part = unit(i);
    if (size + part.length > MAX_BYTES - 16) return parts.join("");
    parts.push(part);
    size += part.length;
  }
}
const deepHead = Array.from({ length: 60 }, (_, d) => `${" ".repeat(d)}k${d}:\n`).join("");
const entity = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n";

const worst: [string, string][] = [
  ["under 256 KB: ~29,000 tiny documents", fill(() => "---\na: 1\n")],
  ["under 256 KB: ~16,000 tiny invalid entities", fill((i) => `---\nkind: X${i}\n`)],
  [
    "under 256 KB: 100 invalid entities (the cap)",
    Array.from({ length: 100 }, (_, i) => `---\nkind: X${i}\n`).join(""),
  ],
  [
    "under 256 KB: 60 levels deep, then ~3,800 keys",
    fill((i) => `${" ".repeat(60)}x${i}: 1\n`, deepHead),
  ],
  ["under 256 KB: 13 lines of 20,000 characters", fill((i) => `k${i}: ${"x".repeat(20_000)}\n`)],
  ["under 256 KB: ~29,000 keys", fill((i) => `k${i}: 1\n`)],
  [
    "under 256 KB: ~10,000 annotations",
    fill((i) => `    "bad key ${i}!": 1\n`, `${entity}  annotations:\n`),
  ],
  [
    "under 256 KB: ~29,000 findings in one app-config",
    fill(
      () => "    - {}\n",
      "app:\n  baseUrl: x\nbackend:\n  baseUrl: y\ncatalog:\n  locations:\n",
    ),
  ],
];

const cases: [string, string | Uint8Array][] = [
  ["8 entities (catalog-all-kinds.yaml)", fixture("catalog-all-kinds.yaml")],
  ["Software Template (template.yaml)", fixture("template.yaml")],
  ["app-config.yaml", fixture("app-config.yaml")],
  ["billion laughs (9 levels of 9 aliases)", laughs.join("\n")],
  ["5 MB of text", `a: "${"x".repeat(5 * 1024 * 1024)}"\n`],
  ["invalid UTF-8", new Uint8Array([0x6b, 0x3a, 0x20, 0xc3, 0x28])],
  ...worst,
];

await checkYaml(fixture("template.yaml")); // warm-up: module initialisation, ajv compilation
console.log(
  `| input | median ms | max ms | median CPU ms | findings | valid |\n|---|---:|---:|---:|---:|---|`,
);
for (const [label, input] of cases) {
  const times: number[] = [];
  const cpu: number[] = [];
  let result = await checkYaml(input); // warm-up for this shape
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    result = await checkYaml(input);
    const used = process.cpuUsage(usage);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const max = times.at(-1) ?? 0;
  console.log(
    `| ${label} | ${median.toFixed(2)} | ${max.toFixed(2)} | ${(cpu[Math.floor(cpu.length / 2)] ?? 0).toFixed(2)} | ${result.findings.length} | ${result.valid} |`,
  );
}
