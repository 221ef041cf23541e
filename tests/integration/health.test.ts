import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readiness } from "@/app/api/health/readiness.server";
import { migrate } from "@/lib/migrations.server";
import { createDb, type Db } from "@/lib/prisma.server";
import { scratchDatabase } from "./scratch";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
// Generous on a loaded machine: the first query also opens the pool's first connection.
const SLOW = 20_000;
const clients: Db[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const db of clients) await db.$disconnect();
  for (const clean of cleanups) await clean();
});

function queryOf(url: string) {
  const db = createDb(url);
  clients.push(db);
  return (sql: string) => db.$queryRawUnsafe<unknown[]>(sql);
}

describe("GET /api/health/ready's checks", () => {
  it("is ready on a migrated database", async () => {
    const result = await readiness(queryOf(inject("databaseUrl")), {
      dir: MIGRATIONS,
      timeoutMs: SLOW,
    });
    expect(result).toEqual({
      ready: true,
      checks: { draining: false, database: "ok", migrations: "ok" },
    });
  });

  it("is not ready while draining, even on a healthy database", async () => {
    const result = await readiness(queryOf(inject("databaseUrl")), {
      dir: MIGRATIONS,
      draining: true,
      timeoutMs: SLOW,
    });
    expect(result.ready).toBe(false);
    expect(result.checks.draining).toBe(true);
  });

  it("is not ready on a database no migration ran on", async () => {
    const scratch = await scratchDatabase();
    cleanups.push(scratch.drop);
    const result = await readiness(queryOf(scratch.url), { dir: MIGRATIONS, timeoutMs: SLOW });
    expect(result).toEqual({
      ready: false,
      checks: { draining: false, database: "ok", migrations: "pending" },
    });
  });

  it("is not ready when prisma/migrations holds a migration the database lacks", async () => {
    const scratch = await scratchDatabase();
    cleanups.push(scratch.drop);
    await migrate({ connectionString: scratch.url, dir: MIGRATIONS });
    const dir = await mkdtemp(path.join(tmpdir(), "passmark-health-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(MIGRATIONS, dir, { recursive: true });
    await mkdir(path.join(dir, "29990101000000_next"));
    await writeFile(path.join(dir, "29990101000000_next", "migration.sql"), "SELECT 1;");
    const result = await readiness(queryOf(scratch.url), { dir, timeoutMs: SLOW });
    expect(result.checks.migrations).toBe("pending");
    expect(result.ready).toBe(false);
  });

  it("reports an unreachable database within its time limit, naming no host or error", async () => {
    const started = Date.now();
    const result = await readiness(queryOf("postgresql://postgres@127.0.0.1:1/nowhere"), {
      dir: MIGRATIONS,
      timeoutMs: 1500,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toEqual({
      ready: false,
      checks: { draining: false, database: "unreachable", migrations: "unknown" },
    });
    expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|nowhere|postgres|ECONNREFUSED/);
  });
});
