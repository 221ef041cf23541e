import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/embedded-postgres.server";

export type DatabaseHandle = {
  url: string;
  /** Human-readable description for the start-up banner (no password). */
  description: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/**
 * DATABASE_URL when it is set; otherwise an embedded PostgreSQL whose data lives under
 * .data/ (one cluster for the app, another for test runs so both can run at once).
 */
export async function openDatabase(purpose: "app" | "test" = "app"): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      url: external,
      description: `external PostgreSQL at ${hostOf(external)} (DATABASE_URL)`,
      embedded: false,
      stop: async () => {},
    };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? (purpose === "app" ? 54329 : 54330));
  const dir = path.join(ROOT, ".data", purpose === "app" ? "postgres" : "test-postgres");
  const db = await startEmbeddedPostgres({ dir, port, database: "passmark" });
  return {
    url: db.url,
    description: `embedded PostgreSQL on 127.0.0.1:${port}, data in ${path.relative(ROOT, dir)}/`,
    embedded: true,
    stop: db.stop,
  };
}
