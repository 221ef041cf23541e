import "server-only";
import { createHash } from "node:crypto";
import { DEFAULT_MIN_N } from "@/lib/analytics/item-stats";
import {
  computeItemStats,
  recordResponses,
  type VersionStats,
} from "@/lib/analytics/item-stats.server";
import type { Bank } from "@/lib/content/types";
import { getDb } from "@/lib/db.server";

/**
 * Item statistics for the author pages, cached per track, content version and number of graded
 * responses. A page view records any newly graded responses (cheap when there are none) and
 * counts them; the statistics are recomputed only when the track's content changed (its version
 * digest differs) or new responses were graded. Concurrent views share one computation.
 */

type Entry = { key: string; result: Promise<CachedStats> };
export type CachedStats = { stats: VersionStats[]; computedAt: Date; contentVersion: string };

const globalCache = globalThis as unknown as { passmarkItemStats?: Map<string, Entry> };
globalCache.passmarkItemStats ??= new Map<string, Entry>();
const entries = globalCache.passmarkItemStats;

/** The minimum number of responses before flags apply (PASSMARK_STATS_MIN_N, default 30). */
export function statsMinN(): number {
  const value = Number(process.env.PASSMARK_STATS_MIN_N);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MIN_N;
}

/** A digest of every question id and version hash of the track. */
export function contentVersion(bank: Bank, trackId: string): string {
  const hash = createHash("sha256");
  for (const q of [...bank.questionsOf(trackId)].sort((a, b) => a.id.localeCompare(b.id))) {
    hash.update(`${q.id}\u0000${q.hash}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

export async function cachedItemStats(bank: Bank, trackId: string): Promise<CachedStats> {
  const db = getDb();
  const version = contentVersion(bank, trackId);
  await recordResponses(db, trackId);
  const responses = await db.itemResponse.count({ where: { trackId } });
  const key = `${version}:${responses}`;
  const hit = entries.get(trackId);
  if (hit && hit.key === key) return hit.result;
  const computedAt = new Date();
  const result = computeItemStats(
    db,
    { trackId, minN: statsMinN() },
    (id) => bank.byId.get(id)?.options.map((o) => o.key) ?? [],
  ).then((stats) => ({ stats, computedAt, contentVersion: version }));
  entries.set(trackId, { key, result });
  result.catch(() => entries.delete(trackId));
  return result;
}
