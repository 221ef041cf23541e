/** CPU and latency measures shared by the exam benches. Linux: CPU times come from /proc. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

const CLK_TCK = 100; // Linux USER_HZ: /proc/<pid>/stat times are in 1/100 s.

/** CPU seconds (user + system) used so far by `pid` and all its descendants; null off Linux. */
export function treeCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync("/proc/self/stat")) return null;
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state ppid ... utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [p] of ticks) {
    let q: number | undefined = p;
    while (q !== undefined && q > 1 && q !== pid) q = parent.get(q);
    if (q === pid) total += ticks.get(p) ?? 0;
  }
  return total / CLK_TCK;
}

/** CPU ticks of one process (user + system), or null when it is not on this machine. */
export function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** CPU ticks of the PostgreSQL backends serving the bench database (when PostgreSQL is local). */
export async function backendTicks(client: pg.Client, database: string) {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [database],
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    const t = processTicks(pid);
    if (t !== null) ticks.set(pid, t);
  }
  return rows.length > 0 && ticks.size === 0 ? null : ticks;
}

/** CPU seconds the backends used between two `backendTicks` snapshots. */
export function backendSeconds(
  before: Map<number, number> | null,
  after: Map<number, number> | null,
) {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, t] of after) total += t - (before.get(pid) ?? 0);
  return total / CLK_TCK;
}

export function clientCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
