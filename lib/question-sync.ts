import type { Question } from "@/lib/content/types";
import { optionHashesOf } from "@/lib/exam/grading";

/** What the question mirror in Postgres must change to match the bank. Pure. */

export type MirrorRow = {
  id: string;
  trackId: string;
  domain: string;
  currentHash: string;
  retired: boolean;
};

export type SyncPlan = {
  create: MirrorRow[];
  update: MirrorRow[];
  retire: string[];
  /** Versions to record (existing ones are skipped by the database). */
  versions: { questionId: string; hash: string; correctKeys: string[]; optionHashes: string[] }[];
};

export function planQuestionSync(
  questions: readonly Question[],
  existing: readonly MirrorRow[],
): SyncPlan {
  const byId = new Map(existing.map((row) => [row.id, row]));
  const plan: SyncPlan = { create: [], update: [], retire: [], versions: [] };
  const seen = new Set<string>();
  for (const q of questions) {
    seen.add(q.id);
    const row: MirrorRow = {
      id: q.id,
      trackId: q.trackId,
      domain: q.domain,
      currentHash: q.hash,
      retired: false,
    };
    const old = byId.get(q.id);
    if (!old) plan.create.push(row);
    else if (
      old.currentHash !== row.currentHash ||
      old.trackId !== row.trackId ||
      old.domain !== row.domain ||
      old.retired
    ) {
      plan.update.push(row);
    }
    if (!old || old.currentHash !== q.hash) {
      plan.versions.push({
        questionId: q.id,
        hash: q.hash,
        correctKeys: [...q.correctKeys],
        optionHashes: optionHashesOf(q),
      });
    }
  }
  for (const row of existing) {
    if (!seen.has(row.id) && !row.retired) plan.retire.push(row.id);
  }
  return plan;
}
