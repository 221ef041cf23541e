import type { Db } from "@/lib/prisma.server";

/**
 * Fixed-window counters in Postgres, so every app instance shares them.
 * One statement per hit: the upsert is atomic under concurrency.
 */

export type RateLimitPolicy = { limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

export const SIGN_IN_POLICY: RateLimitPolicy = { limit: 10, windowSeconds: 15 * 60 };
export const SIGN_UP_POLICY: RateLimitPolicy = { limit: 30, windowSeconds: 60 * 60 };

export async function hitRateLimit(
  db: Db,
  key: string,
  policy: RateLimitPolicy,
): Promise<RateLimitResult> {
  const window = `${policy.windowSeconds} seconds`;
  const rows = await db.$queryRaw<{ count: number; elapsed: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${key}, now() AT TIME ZONE 'UTC', 1)
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= (now() AT TIME ZONE 'UTC') - ${window}::interval
                           THEN now() AT TIME ZONE 'UTC' ELSE "RateLimit"."windowStart" END,
      "count" = CASE WHEN "RateLimit"."windowStart" <= (now() AT TIME ZONE 'UTC') - ${window}::interval
                     THEN 1 ELSE "RateLimit"."count" + 1 END
    RETURNING "count",
      EXTRACT(EPOCH FROM ((now() AT TIME ZONE 'UTC') - "windowStart"))::float8 AS "elapsed"`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  return {
    allowed: row.count <= policy.limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil(policy.windowSeconds - row.elapsed)),
  };
}

/** Checks every key (all are counted) and answers with the most restrictive result. */
export async function hitAll(
  db: Db,
  keys: readonly string[],
  policy: RateLimitPolicy,
): Promise<RateLimitResult> {
  const results = await Promise.all(keys.map((key) => hitRateLimit(db, key, policy)));
  const blocked = results.filter((r) => !r.allowed);
  if (blocked.length === 0) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  return {
    allowed: false,
    count: Math.max(...blocked.map((r) => r.count)),
    retryAfterSeconds: Math.max(...blocked.map((r) => r.retryAfterSeconds)),
  };
}
