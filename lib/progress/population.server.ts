import { groupOf, isMockEligible } from "@/lib/content/blueprint";
import type { Bank, Track } from "@/lib/content/types";
import type { Db } from "@/lib/prisma.server";

/**
 * The population's facility per exam domain: of every user's first answered response to each
 * on-list question, the share correct. The readiness prior is centred on it (prediction.ts) once
 * a domain has MIN_RESPONSES; otherwise the prior stays Beta(1, 1). Cached per process for
 * CACHE_MS: it moves slowly, and one query over every user's grades is not per-view work.
 */
export const MIN_RESPONSES = 30;
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { at: number; value: Map<string, number> }>();

export async function populationFacility(
  db: Db,
  track: Track,
  bank: Bank,
  now: number = Date.now(),
): Promise<Map<string, number>> {
  const hit = cache.get(track.id);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const rows = await db.$queryRaw<{ questionId: string; n: number; right: number }[]>`
    SELECT f."questionId", count(*)::int AS n, sum(f.correct::int)::int AS right
      FROM (
        SELECT DISTINCT ON (a."userId", aq."questionId") aq."questionId", aq.correct
          FROM "AttemptQuestion" aq JOIN "Attempt" a ON a.id = aq."attemptId"
         WHERE a."trackId" = ${track.id} AND aq.correct IS NOT NULL AND aq.answered
         ORDER BY a."userId", aq."questionId", aq."respondedAt"
      ) f
     GROUP BY f."questionId"`;
  const totals = new Map<string, { n: number; right: number }>();
  for (const row of rows) {
    const q = bank.byId.get(row.questionId);
    const group = q && isMockEligible(track, q) ? groupOf(track, q) : null;
    if (!group) continue;
    const t = totals.get(group) ?? { n: 0, right: 0 };
    t.n += row.n;
    t.right += row.right;
    totals.set(group, t);
  }
  const value = new Map(
    [...totals].filter(([, t]) => t.n >= MIN_RESPONSES).map(([g, t]) => [g, t.right / t.n]),
  );
  cache.set(track.id, { at: now, value });
  return value;
}
