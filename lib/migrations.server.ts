import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations/<name>/migration.sql the way `prisma migrate deploy` does,
 * without Prisma's schema-engine binary (see docs/decisions/0002).
 *
 * - one advisory lock (Prisma's own key, so this runner and Prisma's CLI exclude each other);
 * - pending migrations in name order, each in its own transaction;
 * - bookkeeping in Prisma's `_prisma_migrations` table with the same columns and sha256
 *   checksums, so Prisma's CLI, where its engine is available, agrees on what is applied;
 * - refuses to go on while a migration is half-applied (started, never finished, not rolled
 *   back) or when an applied migration's file has changed.
 */

export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export type MigrationFile = { name: string; sql: string; checksum: string };

type AppliedRow = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8").catch(() => {
      throw new MigrationError(`${name}: migration.sql is missing.`);
    });
    files.push({ name, sql, checksum: checksumOf(sql) });
  }
  return files;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrateOptions = {
  connectionString: string;
  dir: string;
  log?: (line: string) => void;
};

/** Applies every pending migration. Returns the names applied by this call (empty on a re-run). */
export async function migrate({ connectionString, dir, log = () => {} }: MigrateOptions) {
  const files = await readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs
         FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const pending = planPending(files, rows);
    const applied: string[] = [];
    for (const file of pending) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, file.checksum, file.name],
      );
      try {
        await client.query("BEGIN");
        await client.query(file.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        const reason = error instanceof Error ? error.message : String(error);
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, reason]);
        throw new MigrationError(
          `Migration ${file.name} failed: ${reason}\n` +
            "Its SQL was rolled back. Fix the migration, then mark it rolled back with " +
            `\`npm run db:migrate -- --rolled-back ${file.name}\` and run \`npm run db:migrate\` again.`,
        );
      }
      log(`applied ${file.name}`);
      applied.push(file.name);
    }
    return { applied, total: files.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** Decides what to apply, or refuses with the reason. Pure, so every case is unit-testable. */
export function planPending(
  files: readonly MigrationFile[],
  rows: readonly Pick<
    AppliedRow,
    "migration_name" | "checksum" | "finished_at" | "rolled_back_at" | "logs"
  >[],
): MigrationFile[] {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const halfApplied = live.find((r) => r.finished_at === null);
  if (halfApplied) {
    throw new MigrationError(
      `Migration ${halfApplied.migration_name} was started but never finished` +
        (halfApplied.logs ? ` (${halfApplied.logs.split("\n")[0]})` : "") +
        ". The database may be half-migrated: inspect it and repair it by hand, then run " +
        `\`npm run db:migrate -- --rolled-back ${halfApplied.migration_name}\` to retry it. ` +
        "Nothing else was applied.",
    );
  }
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of live) {
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.migration_name} is recorded as applied but prisma/migrations has no such folder. ` +
          "Restore it (migrations are never deleted once applied).",
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was modified after it was applied ` +
          `(checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). ` +
          "Applied migrations are immutable: restore the file and put the change in a new migration.",
      );
    }
  }
  const done = new Set(live.map((r) => r.migration_name));
  return files.filter((f) => !done.has(f.name));
}

/** `prisma migrate resolve --rolled-back <name>`: marks a failed migration so it can be retried. */
export async function markRolledBack(connectionString: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(CREATE_TABLE);
    const result = await client.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now()
        WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
      [name],
    );
    if (result.rowCount === 0) {
      throw new MigrationError(`No failed migration named ${name} is recorded; nothing to mark.`);
    }
  } finally {
    await client.end();
  }
}
