/**
 * npm run content:check [-- --dir <content folder>]
 *
 * Compiles the question bank. On problems: prints "path:line: message" lines and exits 1.
 * Otherwise prints, per track and grouping, questions present versus what one full mock exam
 * needs, the difficulty mix, and how many disjoint full mocks the bank can assemble.
 */
import { parseArgs } from "node:util";
import { availableByGroup, blueprintQuotas, distinctMocks } from "@/lib/content/blueprint";
import { compileBank, formatProblems } from "@/lib/content/compile";
import { contentRoot, defaultContentDir, readContentFiles } from "@/lib/content/load.server";
import type { Bank, DomainInfo, Question, Track } from "@/lib/content/types";
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

if (!result.ok || drillProblems.length > 0) {
  const problems = [...(result.ok ? [] : result.problems), ...drillProblems];
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
    out.push("");
  }
  return out.join("\n");
}

console.log(report(result.bank));
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
