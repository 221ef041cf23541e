/**
 * Compiles a generated bank of 2,000 valid questions several times and prints timings and memory.
 *
 *   npm run bench:content            (env: BENCH_QUESTIONS=2000 BENCH_COLD_RUNS=3 BENCH_WARM_RUNS=7)
 *
 * "cold" clears the compiler's per-process parse memo before each run (a fresh process, e.g. CI
 * or `next build`); "warm" recompiles with the memo filled (dev-server reloads, repeated
 * loadBank calls). "parse floor" is markdown-it's parse alone on the same bodies, the part of the
 * work no compiler change can remove. "cpu" is the process CPU time of the run: on a busy machine
 * the wall time also counts waiting for a core.
 */
import { performance } from "node:perf_hooks";
import { clearCompileCache, compileBank, formatProblems } from "@/lib/content/compile";
import { parseMarkdown } from "@/lib/content/markdown";
import { benchFiles } from "./generate";

const questions = Number(process.env.BENCH_QUESTIONS ?? 2000);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 3);
const warmRuns = Number(process.env.BENCH_WARM_RUNS ?? 7);
const files = benchFiles(questions);

let peakHeap = 0;
const cpuTimes: number[] = [];
function compileOnce(): number {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = compileBank(files);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  if (!result.ok) {
    console.error(formatProblems(result.problems).split("\n").slice(0, 20).join("\n"));
    process.exit(1);
  }
  if (result.bank.questions.length !== questions) {
    console.error(`expected ${questions} questions, got ${result.bank.questions.length}`);
    process.exit(1);
  }
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return ms;
}

const cold: number[] = [];
for (let i = 0; i < coldRuns; i++) {
  clearCompileCache();
  cold.push(compileOnce());
}
const coldCpu = cpuTimes.splice(0);
const warm: number[] = [];
for (let i = 0; i < warmRuns; i++) warm.push(compileOnce());
const warmCpu = cpuTimes.splice(0);

const bodies = files
  .filter((f) => f.path.endsWith(".md"))
  .map((f) => f.text.split("\n---\n")[1] ?? "");
const floorStart = performance.now();
for (const body of bodies) parseMarkdown(body);
const floor = performance.now() - floorStart;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? 0, min: s[0] ?? 0, max: s[s.length - 1] ?? 0 };
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const c = stats(cold);
const w = stats(warm);
const rows: [string, string, string, string, string, string][] = [
  ["run", "runs", "median", "min", "max", "cpu median"],
  [
    "cold (memo cleared)",
    String(coldRuns),
    ms(c.median),
    ms(c.min),
    ms(c.max),
    ms(stats(coldCpu).median),
  ],
  [
    "warm (memo filled)",
    String(warmRuns),
    ms(w.median),
    ms(w.min),
    ms(w.max),
    ms(stats(warmCpu).median),
  ],
  ["parse floor (markdown-it only)", "1", ms(floor), "", "", ""],
];
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
console.log(
  `content compiler bench: ${files.length} files (${questions} questions), node ${process.version}`,
);
for (const r of rows)
  console.log(`  ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ")}`);
console.log(
  `  peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}, peak heap used ${mb(peakHeap)}`,
);
console.log(
  `  target < 2 s for 2,000 questions: cold ${c.median < 2000 ? "met" : "MISSED"}, warm ${w.median < 2000 ? "met" : "MISSED"}`,
);

// ---- bank-wide checks (issue 18): near-duplicates and key skew over the real bank ----
// The generated questions above share one template (every pair would match), so the checks are
// timed on the real bank (~1,000 questions) and on the real bank plus an enciphered copy of it
// (~2,000): each word of the copy (stop words aside) is replaced by a fresh token, so the copy has
// the same sizes and overlap structure as the real bank but matches nothing in it.
{
  const { loadBank } = await import("@/lib/content/load.server");
  const { htmlToText, NEAR_COPY, SAME_SCENARIO, STOP_WORDS, nearDuplicates } = await import(
    "@/lib/content/similarity"
  );
  const { keySkewByTrack } = await import("@/lib/content/bank-checks");
  const bank = loadBank();
  const real = bank.questions.map((q) => ({
    id: q.id,
    stem: htmlToText(q.stemHtml),
    options: q.options.map((o) => o.text),
  }));
  const cipher = new Map<string, string>();
  const encipher = (text: string) =>
    text.toLowerCase().replace(/[\p{L}\p{N}]+/gu, (w) => {
      if (STOP_WORDS.has(w)) return w;
      let t = cipher.get(w);
      if (!t) {
        t = `w${cipher.size.toString(36)}`;
        cipher.set(w, t);
      }
      return t;
    });
  const doubled = [
    ...real,
    ...real.map((q) => ({
      id: `copy-${q.id}`,
      stem: encipher(q.stem),
      options: q.options.map(encipher),
    })),
  ];
  const time = (run: () => unknown, runs = 5) => {
    const xs: number[] = [];
    let out: unknown;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      out = run();
      xs.push(performance.now() - start);
    }
    return { ms: stats(xs).median, out };
  };
  console.log("bank-wide checks (median of 5 runs):");
  for (const [label, inputs] of [
    ["real bank", real],
    ["real + enciphered copy", doubled],
  ] as const) {
    const copy = time(() => nearDuplicates(inputs, NEAR_COPY));
    const scenario = time(() => nearDuplicates(inputs, SAME_SCENARIO));
    console.log(
      `  ${label} (${inputs.length} questions): near-copy ${ms(copy.ms)} (${(copy.out as unknown[]).length} pairs), same-scenario ${ms(scenario.ms)} (${(scenario.out as unknown[]).length} pairs)`,
    );
  }
  const skew = time(() => keySkewByTrack(bank));
  console.log(`  key skew, all tracks (${bank.questions.length} questions): ${ms(skew.ms)}`);
}
