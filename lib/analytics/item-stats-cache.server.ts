import "server-only";
import { createHash } from "node:crypto";
import { DEFAULT_MIN_N } from "@/lib/analytics/item-stats";
import { computeItemStats, type VersionStats } from "@/lib/analytics/item-stats.server";
import type { Bank } from "@/lib/content/types";
import { getDb } from "@/lib/db.server";

/**
 * Item statistics for the author pages, cached per track and content version: a page view reads
 * the cache; a computation runs when the track's content changed (its version hash differs) or
 * the entry is older than the TTL (new responses). Concurrent views share one computation.
 */

const TTL_MS = 10 * 60_000;

type Entry = { version: string; at: number; result: Promise<CachedStats> };
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

export function cachedItemStats(bank: Bank, trackId: string): Promise<CachedStats> {
  const version = contentVersion(bank, trackId);
  const now = Date.now();
  const hit = entries.get(trackId);
  if (hit && hit.version === version && now - hit.at < TTL_MS) return hit.result;
  const result = computeItemStats(
    getDb(),
    { trackId, minN: statsMinN() },
    (id) => bank.byId.get(id)?.options.map((o) => o.key) ?? [],
  ).then((stats) => ({ stats, computedAt: new Date(now), contentVersion: version }));
  entries.set(trackId, { version, at: now, result });
  result.catch(() => entries.delete(trackId));
  return result;
}
