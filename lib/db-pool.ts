/**
 * Size of the app's PostgreSQL connection pool: DATABASE_POOL_MAX, or 10 (node-postgres' own
 * default). One pool per server process; keep processes × pool under the server's
 * max_connections.
 */
export const DEFAULT_POOL_MAX = 10;

export function poolMax(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_POOL_MAX;
  if (raw === undefined || raw.trim() === "") return DEFAULT_POOL_MAX;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new Error(`DATABASE_POOL_MAX must be a whole number from 1 to 1000, not "${raw}".`);
  }
  return n;
}
