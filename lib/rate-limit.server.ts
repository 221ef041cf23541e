import type { Db } from "@/lib/prisma.server";

/**
 * Fixed-window counters in Postgres, so every app instance shares them.
 * One statement per hit: the upsert is atomic under concurrency.
 */

export type RateLimitPolicy = { limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Sign-in counts only real password failures, three ways: per (account, address), which stops
 * guessing from one place without touching the owner elsewhere; per address, which stops
 * spraying many accounts; and per account, a back-off against guessing from many addresses that
 * the owner passes from a browser they signed in with before (see app/signin/actions.ts).
 */
export const SIGN_IN_PAIR_POLICY: RateLimitPolicy = { limit: 10, windowSeconds: 15 * 60 };
export const SIGN_IN_ADDRESS_POLICY: RateLimitPolicy = { limit: 30, windowSeconds: 15 * 60 };
export const SIGN_IN_ACCOUNT_POLICY: RateLimitPolicy = { limit: 30, windowSeconds: 15 * 60 };
export const SIGN_UP_POLICY: RateLimitPolicy = { limit: 30, windowSeconds: 60 * 60 };

/** Per-user quotas on signed-in writes that cost the server real work. */
export const DRILL_CHECK_QUOTA: RateLimitPolicy = { limit: 60, windowSeconds: 10 * 60 };
export const START_MOCK_QUOTA: RateLimitPolicy = { limit: 20, windowSeconds: 60 * 60 };
export const START_PRACTICE_QUOTA: RateLimitPolicy = { limit: 60, windowSeconds: 60 * 60 };

/** A 429 JSON answer with Retry-After. */
export function tooMany(result: RateLimitResult, message: string) {
  return Response.json(
    { error: `${message} Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.` },
    {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds), "Cache-Control": "no-store" },
    },
  );
}

/** Drops counters whose window ended long ago; every app instance may run it, it is idempotent. */
export async function pruneRateLimits(db: Db, olderThanSeconds = 24 * 60 * 60) {
  return db.$executeRaw`
    DELETE FROM "RateLimit"
     WHERE "windowStart" < (now() AT TIME ZONE 'UTC') - ${`${olderThanSeconds} seconds`}::interval`;
}

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
  // Now and then, drop counters of windows that ended long ago (any instance; idempotent).
  if (Math.random() < 0.005) void pruneRateLimits(db).catch(() => {});
  return {
    allowed: row.count <= policy.limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil(policy.windowSeconds - row.elapsed)),
  };
}

/** The current count of a key's window without counting this request. */
export async function peekRateLimit(
  db: Db,
  key: string,
  policy: RateLimitPolicy,
): Promise<RateLimitResult> {
  const rows = await db.$queryRaw<{ count: number; elapsed: number }[]>`
    SELECT "count", EXTRACT(EPOCH FROM ((now() AT TIME ZONE 'UTC') - "windowStart"))::float8 AS "elapsed"
      FROM "RateLimit" WHERE "key" = ${key}`;
  const row = rows[0];
  if (!row || row.elapsed >= policy.windowSeconds) {
    return { allowed: true, count: 0, retryAfterSeconds: 0 };
  }
  return {
    allowed: row.count < policy.limit,
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
