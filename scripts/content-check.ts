/**
 * npm run content:check [-- --dir <content folder>]
 *
 * Compiles the question bank. On problems: prints "path:line: message" lines and exits 1.
 * Otherwise prints, per track and grouping, questions present versus what one full mock exam
 * needs, the difficulty mix, and how many disjoint full mocks the bank can assemble; on a track
 * with official competencies (CBA), the on-list count per competency and how many fresh mocks
 * each domain's on-list pool fills.
 *
 * Bank-wide checks (docs/decisions/0011-cba-competencies-and-bank-checks.md):
 * - near-copies across all tracks (3-word shingle Jaccard ≥ 0.5 on stem + options) are errors,
 *   reported at both files' stem lines;
 * - same-scenario pairs (content-word Jaccard ≥ 0.4) and key-position / key-set skew
 *   (chi-square, p < 0.01, per track) are warnings.
 */
import { parseArgs } from "node:util";
import { findNearDuplicates, keySkewByTrack } from "@/lib/content/bank-checks";
import {
  availableByGroup,
  blueprintQuotas,
  competencyCounts,
  distinctMocks,
  freshMocksByGroup,
} from "@/lib/content/blueprint";
import { compileBank, formatProblems } from "@/lib/content/compile";
import { contentRoot, defaultContentDir, readContentFiles } from "@/lib/content/load.server";
import { NEAR_COPY, SAME_SCENARIO } from "@/lib/content/similarity";
import type { Bank, DomainInfo, Problem, Question, Track } from "@/lib/content/types";
import { compileDrills, verifyDrill } from "@/lib/drills/drill";

const { values } = parseArgs({ options: { dir: { type: "string" } }, strict: true });
const dir = values.dir ?? defaultContentDir();

const started = performance.now();
const files = readContentFiles(dir);
const result = compileBank(files, { root: contentRoot(dir) });
const elapsed = performance.now() - started;

// YAML drills: compiled, and each model answer must pass the checker while the starter does not.
const drillResult = compileDrills(files, contentRoot(dir), (id) => {
  const track = result.ok ? result.bank.tracks.get(id) : undefined;
  return track ? new Set(track.domains.map((d) => d.id)) : undefined;
});
const drillProblems = [...drillResult.problems];
for (const drill of drillResult.drills) drillProblems.push(...(await verifyDrill(drill)));

// Near-copies across the whole bank are errors (both positions reported).
const texts = new Map(files.map((f) => [f.path, f.text]));
const checksStarted = performance.now();
const copies = result.ok ? findNearDuplicates(result.bank, (f) => texts.get(f), NEAR_COPY) : [];
const scenarios = result.ok
  ? findNearDuplicates(result.bank, (f) => texts.get(f), SAME_SCENARIO)
  : [];
const skew = result.ok ? keySkewByTrack(result.bank) : new Map();
const checksMs = performance.now() - checksStarted;
const copyProblems: Problem[] = copies.flatMap((d) => {
  const message = (other: { file: string; line: number; id: string }) =>
    `near-copy of ${other.id} at ${other.file}:${other.line} (Jaccard ${d.jaccard.toFixed(2)} ≥ ${NEAR_COPY.threshold} on ${NEAR_COPY.k}-word shingles of stem and options): rewrite one or retire it`;
  return [
    { file: d.a.file, line: d.a.line, message: message(d.b) },
    { file: d.b.file, line: d.b.line, message: message(d.a) },
  ];
});

if (!result.ok || drillProblems.length > 0 || copyProblems.length > 0) {
  const problems = [...(result.ok ? [] : result.problems), ...drillProblems, ...copyProblems];
  const count = new Set(problems.map((p) => p.file)).size;
  console.log(formatProblems(problems));
  console.log(
    `\ncontent:check: ${problems.length} problem(s) in ${count} file(s). Fix them and run npm run content:check again.`,
  );
  process.exit(1);
}

function table(rows: string[][], rightAligned: Set<number>): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map(
      (r) =>
        `  ${r
          .map((cell, i) =>
            rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
          )
          .join("  ")
          .trimEnd()}`,
    )
    .join("\n");
}

function groupingTable(
  track: Track,
  label: string,
  groups: readonly DomainInfo[],
  questions: readonly Question[],
  key: (q: Question) => string | null,
  quotas: Record<string, number> | null,
): string {
  const rows: string[][] = [
    [label, "weight", "mock needs", "present", "short", "easy", "medium", "hard", "multiple"],
  ];
  for (const g of groups) {
    const mine = questions.filter((q) => key(q) === g.id);
    const need = quotas ? (quotas[g.id] ?? 0) : null;
    const count = (d: string) => String(mine.filter((q) => q.difficulty === d).length);
    rows.push([
      g.id,
      g.weight === null ? "-" : `${g.weight}%`,
      need === null ? "-" : String(need),
      String(mine.length),
      need === null ? "-" : need > mine.length ? String(need - mine.length) : "0",
      count("easy"),
      count("medium"),
      count("hard"),
      track.questionTypes.includes("multiple")
        ? String(mine.filter((q) => q.type === "multiple").length)
        : "-",
    ]);
  }
  return table(rows, new Set([1, 2, 3, 4, 5, 6, 7, 8]));
}

function report(bank: Bank): string {
  const out: string[] = [];
  for (const track of bank.tracks.values()) {
    const questions = bank.questionsOf(track.id);
    const quotas = blueprintQuotas(track);
    const mocks = distinctMocks(bank, track.id);
    out.push(
      `${track.id}: ${track.title} (${track.examCode}), ${questions.length} questions; a full mock takes ${track.questionCount} sampled by ${track.blueprint}`,
    );
    const sampledFirst: ["domains" | "curriculum", string][] =
      track.blueprint === "curriculum"
        ? [
            ["curriculum", "curriculum (blueprint)"],
            ["domains", "domain (study)"],
          ]
        : [["domains", "domain (blueprint)"]];
    for (const [grouping, label] of sampledFirst) {
      const groups = grouping === "curriculum" ? track.curriculum : track.domains;
      if (groups.length === 0) continue;
      out.push(
        groupingTable(
          track,
          label,
          groups,
          questions,
          (q) => (grouping === "curriculum" ? q.curriculum : q.domain),
          grouping === track.blueprint ? quotas : null,
        ),
      );
    }
    const available = availableByGroup(bank, track.id);
    const limiting = Object.entries(quotas)
      .filter(([, quota]) => quota > 0)
      .map(([id, quota]) => ({ id, mocks: Math.floor((available[id] ?? 0) / quota) }))
      .filter((g) => g.mocks === mocks)
      .map((g) => g.id);
    out.push(
      `  distinct full mocks: ${mocks}${limiting.length > 0 && questions.length > 0 ? ` (limited by ${limiting.join(", ")})` : ""}`,
    );
    const noRationale = questions.reduce(
      (n, q) => n + q.options.filter((o) => o.rationaleHtml === null).length,
      0,
    );
    if (noRationale > 0) out.push(`  note: ${noRationale} option(s) have no one-line rationale`);
    if (track.competencies.length > 0) out.push(competencyReport(bank, track));
    out.push("");
  }
  return out.join("\n");
}

/** Official competencies: on-list questions each, and fresh mocks per domain's on-list pool. */
function competencyReport(bank: Bank, track: Track): string {
  const counts = competencyCounts(bank, track.id);
  const fresh = freshMocksByGroup(bank, track.id);
  const available = availableByGroup(bank, track.id);
  const quotas = blueprintQuotas(track);
  const rows: string[][] = [["competency", "domain", "on-list", "", "title"]];
  for (const c of track.competencies) {
    const n = counts[c.id] ?? 0;
    rows.push([c.id, c.curriculum, String(n), n < MIN_PER_COMPETENCY ? "< 8" : "", c.title]);
  }
  const lines = [
    `  official competencies (mocks sample on-list questions only; ${counts.beyond ?? 0} questions are \`beyond\` the list):`,
    table(rows, new Set([2])),
    "  fresh mocks per domain (on-list pool / quota of one mock):",
  ];
  for (const g of track.curriculum) {
    const f = fresh[g.id];
    lines.push(
      `    ${g.id}: ${available[g.id] ?? 0} on-list / ${quotas[g.id] ?? 0} = ${f === null ? "-" : f}${f !== null && f !== undefined && f < TARGET_FRESH_MOCKS ? ` (target ${TARGET_FRESH_MOCKS}: needs ${TARGET_FRESH_MOCKS * (quotas[g.id] ?? 0) - (available[g.id] ?? 0)} more)` : ""}`,
    );
  }
  return lines.join("\n");
}

const MIN_PER_COMPETENCY = 8;
const TARGET_FRESH_MOCKS = 6;

function warnings(): string {
  const out: string[] = [];
  out.push(
    `same-scenario pairs (warning: content-word Jaccard ≥ ${SAME_SCENARIO.threshold} on stem and options; rewrite or retire true repeats): ${scenarios.length}`,
  );
  for (const d of scenarios) {
    out.push(
      `  ${d.jaccard.toFixed(2)}  ${d.a.file}:${d.a.line} (${d.a.id})  ~  ${d.b.file}:${d.b.line} (${d.b.id})`,
    );
  }
  out.push("key positions (chi-square against uniform, warning at p < 0.01):");
  for (const [trackId, groups] of skew) {
    for (const g of groups) {
      const counts = [...g.counts]
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(", ");
      const verdict =
        g.method === "untested"
          ? "not tested (fewer than 10)"
          : `p = ${g.pValue < 0.0001 ? g.pValue.toExponential(1) : g.pValue.toFixed(4)} (${g.method})${g.skewed ? "  WARNING: skewed, rebalance the authored keys" : ""}`;
      out.push(`  ${trackId}, ${g.label}: n ${g.n}, ${verdict}; ${counts}`);
    }
  }
  out.push(`(bank-wide checks took ${checksMs.toFixed(0)} ms)`);
  return out.join("\n");
}

console.log(report(result.bank));
console.log(`${warnings()}\n`);
const drillsBy = (key: "target" | "domain") => {
  const counts = new Map<string, number>();
  for (const d of drillResult.drills) counts.set(d[key], (counts.get(d[key]) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ");
};
if (drillResult.drills.length > 0) {
  console.log(
    `YAML drills: ${drillResult.drills.length} (${drillsBy("target")}; ${drillsBy("domain")})\n`,
  );
}
console.log(
  `content:check: OK, ${result.bank.questions.length} questions in ${result.bank.tracks.size} tracks, ${drillResult.drills.length} YAML drills (${files.length} files, ${elapsed.toFixed(0)} ms)`,
);
