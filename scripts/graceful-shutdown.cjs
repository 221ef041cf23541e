// Preloaded into the Next.js server process (node --require, see scripts/run.ts and the
// Dockerfile): a bounded, graceful stop on SIGTERM or SIGINT.
//
// Next.js's own handler (start-server.js) closes the listener and waits for open connections
// without any time limit, never closes the app's PostgreSQL pool, and exits 143. This one,
// which replaces it (NEXT_MANUAL_SIG_HANDLE):
//   1. marks the process as draining (GET /api/health/ready answers 503 from then on);
//   2. stops accepting connections and closes idle keep-alive ones; responses still being
//      written are sent with `Connection: close`;
//   3. waits for in-flight requests (answer saves included) for at most SHUTDOWN_GRACE_MS
//      (default 10 000 ms), then drops what is left;
//   4. runs the registered closers (the Prisma client: lib/db.server.ts), and exits 0 when every
//      request finished, 1 when the grace period cut some off.
const http = require("node:http");

process.env.NEXT_MANUAL_SIG_HANDLE = "1";

const GRACE_MS = (() => {
  const raw = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);
  return Number.isFinite(raw) && raw >= 0 ? raw : 10_000;
})();

const closers = [];
const servers = new Set();
const open = new Set(); // responses not yet finished
const lifecycle = {
  draining: false,
  inFlight: 0,
  /** Registers a function to run (awaited) after the last request, before exit. */
  onClose(fn) {
    closers.push(fn);
  },
};
globalThis.passmarkLifecycle = lifecycle;

let idle = null;
function requestDone() {
  open.delete(this);
  lifecycle.inFlight -= 1;
  if (lifecycle.inFlight === 0 && idle) idle();
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function trackRequests(event, request, response, ...rest) {
  if (event === "listening") servers.add(this);
  if (event === "request" && response) {
    servers.add(this);
    lifecycle.inFlight += 1;
    open.add(response);
    response.once("close", requestDone);
    if (lifecycle.draining) response.shouldKeepAlive = false;
  }
  return emit.call(this, event, request, response, ...rest);
};

function log(message) {
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "info", msg: message, pid: process.pid })}\n`,
  );
}

async function drain(signal) {
  if (lifecycle.draining) return;
  lifecycle.draining = true;
  const started = Date.now();
  log(`${signal}: draining (${lifecycle.inFlight} request(s) in flight, grace ${GRACE_MS} ms)`);
  // Responses already under way end their connection instead of keeping it alive.
  for (const response of open) if (!response.headersSent) response.shouldKeepAlive = false;
  for (const server of servers) {
    server.close();
    server.closeIdleConnections?.();
  }
  const finished = await new Promise((resolve) => {
    if (lifecycle.inFlight === 0) return resolve(true);
    const timer = setTimeout(() => resolve(false), GRACE_MS);
    idle = () => {
      clearTimeout(timer);
      resolve(true);
    };
  });
  const cut = lifecycle.inFlight;
  for (const server of servers) server.closeAllConnections?.();
  for (const close of closers) {
    await Promise.race([
      Promise.resolve()
        .then(close)
        .catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  }
  log(
    finished
      ? `stopped after ${Date.now() - started} ms; every request finished`
      : `stopped after ${Date.now() - started} ms; ${cut} request(s) cut off by the grace period`,
  );
  process.exit(finished ? 0 : 1);
}

process.on("SIGTERM", () => void drain("SIGTERM"));
process.on("SIGINT", () => void drain("SIGINT"));

module.exports = { lifecycle };
