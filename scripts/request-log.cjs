// Preloaded into the Next.js server process (node --require, see scripts/run.ts): one JSON line
// per request on stdout, and the request id in an `X-Request-Id` response header.
//
//   {"time":"…","level":"info","msg":"request","requestId":"…","method":"POST",
//    "route":"/api/attempts/:id/events","status":200,"durationMs":4.1,"user":"3f9c…"}
//
// What it never writes: query strings, bodies, headers, cookies, ids from the path (replaced by
// ":id"), or the user id itself: `user` is an HMAC of it under a key derived from
// NEXTAUTH_SECRET, so lines of one user can be grouped without naming them.
//
// The request id: the one nginx set (X-Request-Id, when it looks like an id), else a new one.
// PASSMARK_REQUEST_LOG=0 turns the lines off (the header stays).
const http = require("node:http");
const { createHmac, randomUUID } = require("node:crypto");

const HEADER = "x-request-id";
const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const ENABLED = process.env.PASSMARK_REQUEST_LOG !== "0";
const SECRET = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? "";
const USER_KEY = SECRET
  ? createHmac("sha256", SECRET).update("passmark request log").digest()
  : null;

/** A path with its ids (uuids, cuids, long tokens, numbers) replaced, and no query string. */
function routeOf(url) {
  const path = (url ?? "/").split("?")[0].split("#")[0];
  return path
    .split("/")
    .map((segment) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
      /^[a-z0-9]{20,}$/i.test(segment) ||
      /^\d+$/.test(segment) ||
      segment.length > 64
        ? ":id"
        : segment,
    )
    .join("/");
}

// The session cookie's user, decoded at most once per token per minute (next-auth's decode is
// an HKDF and an AES-GCM decryption); only its hash is kept.
const TOKEN_TTL_MS = 60_000;
const TOKEN_CACHE_MAX = 20_000;
const tokens = new Map();
let decode = null;

function sessionToken(cookieHeader) {
  if (!cookieHeader) return null;
  const match = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=([^;]+)/.exec(cookieHeader);
  return match ? match[1] : null;
}

async function userHash(cookieHeader) {
  const token = sessionToken(cookieHeader);
  if (!token || !USER_KEY) return null;
  const now = Date.now();
  const known = tokens.get(token);
  if (known && known.until > now) return known.hash;
  let hash = null;
  try {
    decode ??= require("next-auth/jwt").decode;
    const payload = await decode({ token, secret: SECRET });
    if (typeof payload?.sub === "string" && payload.sub) {
      hash = createHmac("sha256", USER_KEY).update(payload.sub).digest("hex").slice(0, 16);
    }
  } catch {
    // Not a token of ours: logged as anonymous.
  }
  if (tokens.size >= TOKEN_CACHE_MAX) tokens.clear();
  tokens.set(token, { hash, until: now + TOKEN_TTL_MS });
  return hash;
}

function write(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function logRequest(event, request, response, ...rest) {
  if (event === "request" && response) {
    const started = process.hrtime.bigint();
    const incoming = request.headers[HEADER];
    const requestId =
      typeof incoming === "string" && ID_PATTERN.test(incoming) ? incoming : randomUUID();
    request.headers[HEADER] = requestId;
    response.setHeader("X-Request-Id", requestId);
    if (ENABLED) {
      const method = request.method;
      const route = routeOf(request.url);
      const cookie = request.headers.cookie;
      response.once("close", () => {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const line = {
          time: new Date().toISOString(),
          level: "info",
          msg: "request",
          requestId,
          method,
          route,
          status: response.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          ...(response.writableFinished ? {} : { aborted: true }),
        };
        userHash(cookie).then(
          (user) => write({ ...line, user }),
          () => write({ ...line, user: null }),
        );
      });
    }
  }
  return emit.call(this, event, request, response, ...rest);
};

module.exports = { routeOf, sessionToken };
