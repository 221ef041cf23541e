import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checksumOf, MigrationError, markRolledBack, migrate } from "@/lib/migrations.server";
import { query, scratchDatabase } from "./scratch";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function fresh() {
  const db = await scratchDatabase();
  cleanups.push(db.drop);
  return db.url;
}

async function copyOfMigrations() {
  const dir = await mkdtemp(path.join(tmpdir(), "passmark-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
};

describe("db:migrate runner", () => {
  it("applies every migration to an empty database and records it the way Prisma does", async () => {
    const url = await fresh();
    const first = await migrate({ connectionString: url, dir: MIGRATIONS });
    expect(first.applied.length).toBe(first.total);
    expect(first.total).toBeGreaterThan(0);

    const rows = await query<Row>(
      url,
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    for (const row of rows) {
      const sql = await readFile(
        path.join(MIGRATIONS, row.migration_name, "migration.sql"),
        "utf8",
      );
      expect(row.checksum).toBe(checksumOf(sql));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }

    const again = await migrate({ connectionString: url, dir: MIGRATIONS });
    expect(again.applied).toEqual([]);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(rows.length);
  });

  it("lets only one of two concurrent runs apply (advisory lock)", async () => {
    const url = await fresh();
    const [a, b] = await Promise.all([
      migrate({ connectionString: url, dir: MIGRATIONS }),
      migrate({ connectionString: url, dir: MIGRATIONS }),
    ]);
    expect(a.applied.length + b.applied.length).toBe(a.total);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(a.total);
  });

  it("applies pending migrations in name order, each in its own transaction", async () => {
    const url = await fresh();
    const dir = await copyOfMigrations();
    await migrate({ connectionString: url, dir });
    await addMigration(dir, "29990101000001_b", `ALTER TABLE "Probe" ADD COLUMN "b" INT;`);
    await addMigration(dir, "29990101000000_a", `CREATE TABLE "Probe" ("a" INT);`);
    const run = await migrate({ connectionString: url, dir });
    expect(run.applied).toEqual(["29990101000000_a", "29990101000001_b"]);
    const cols = await query<{ column_name: string }>(
      url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Probe' ORDER BY column_name`,
    );
    expect(cols.map((c) => c.column_name)).toEqual(["a", "b"]);
  });

  it("refuses to run when an applied migration's file changed", async () => {
    const url = await fresh();
    const dir = await copyOfMigrations();
    await migrate({ connectionString: url, dir });
    const [first] = (await query<Row>(
      url,
      `SELECT migration_name FROM "_prisma_migrations"`,
    )) as Row[];
    const file = path.join(dir, first?.migration_name ?? "", "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited after the fact\n`);
    await addMigration(dir, "29990101000000_next", `CREATE TABLE "Never" ("a" INT);`);

    const run = migrate({ connectionString: url, dir });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/was modified after it was applied/);
    expect(
      await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Never'`),
    ).toEqual([]);
  });

  it("rolls a failing migration back, then refuses until it is marked rolled back", async () => {
    const url = await fresh();
    const dir = await copyOfMigrations();
    await migrate({ connectionString: url, dir });
    await addMigration(
      dir,
      "29990101000000_broken",
      `CREATE TABLE "Half" ("a" INT);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INT;`,
    );
    await expect(migrate({ connectionString: url, dir })).rejects.toThrow(
      /Migration 29990101000000_broken failed: .*NoSuchTable/,
    );
    // The first statement was rolled back with the second: nothing half-written.
    expect(
      await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`),
    ).toEqual([]);

    // The failure is recorded, so the next run stops with a clear message.
    await expect(migrate({ connectionString: url, dir })).rejects.toThrow(
      /29990101000000_broken was started but never finished/,
    );

    await writeFile(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("a" INT);`,
    );
    await markRolledBack(url, "29990101000000_broken");
    const retry = await migrate({ connectionString: url, dir });
    expect(retry.applied).toEqual(["29990101000000_broken"]);
    expect(
      await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`),
    ).toHaveLength(1);
  });

  it("stops on a half-applied migration left by another tool", async () => {
    const url = await fresh();
    await migrate({ connectionString: url, dir: MIGRATIONS });
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29990101000000_crashed', now(), 0)`,
    );
    await expect(migrate({ connectionString: url, dir: MIGRATIONS })).rejects.toThrow(
      /29990101000000_crashed was started but never finished.*Nothing else was applied/s,
    );
  });
});
