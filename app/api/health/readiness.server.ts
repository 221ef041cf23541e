import path from "node:path";
import { type MigrationFile, planPending, readMigrations } from "@/lib/migrations.server";

/**
 * Readiness of one replica: the process is not draining (SIGTERM received), PostgreSQL answers,
 * and every migration under prisma/migrations is recorded as applied with the same checksum.
 * The answer names no version, host, database or error text: only which check failed.
 */

export type Readiness = {
  ready: boolean;
  checks: {
    draining: boolean;
    database: "ok" | "unreachable";
    migrations: "ok" | "pending" | "unknown";
  };
};

type Query = (sql: string) => Promise<unknown[]>;

export const READY_DB_TIMEOUT_MS = 2000;
const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Files on disk do not change while the process runs: read (and checksum) them once per dir.
const filesByDir = new Map<string, Promise<MigrationFile[]>>();
function migrationFiles(dir: string): Promise<MigrationFile[]> {
  let files = filesByDir.get(dir);
  if (!files) {
    files = readMigrations(dir);
    filesByDir.set(dir, files);
    files.catch(() => filesByDir.delete(dir));
  }
  return files;
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether SIGTERM has started this process's drain (scripts/graceful-shutdown.cjs). */
export function isDraining(): boolean {
  const lifecycle = (globalThis as { passmarkLifecycle?: { draining: boolean } }).passmarkLifecycle;
  return lifecycle?.draining === true;
}

export async function readiness(
  query: Query,
  options: { dir?: string; draining?: boolean; timeoutMs?: number } = {},
): Promise<Readiness> {
  const draining = options.draining ?? isDraining();
  const dir = options.dir ?? MIGRATIONS_DIR;
  let rows: AppliedRow[];
  try {
    rows = (await withTimeout(
      query(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations"`,
      ),
      options.timeoutMs ?? READY_DB_TIMEOUT_MS,
    )) as AppliedRow[];
  } catch (error) {
    // A reachable database without the bookkeeping table has had no migration applied.
    const missingTable = error instanceof Error && /_prisma_migrations|42P01/.test(error.message);
    const database = missingTable ? "ok" : "unreachable";
    return {
      ready: false,
      checks: { draining, database, migrations: missingTable ? "pending" : "unknown" },
    };
  }
  let migrations: "ok" | "pending" = "pending";
  try {
    const onDisk = await migrationFiles(dir);
    migrations = planPending(onDisk, rows).length === 0 ? "ok" : "pending";
  } catch {
    // Half-applied, modified or unknown migrations: not ready (the start-up runner says why).
  }
  return {
    ready: !draining && migrations === "ok",
    checks: { draining, database: "ok", migrations },
  };
}
