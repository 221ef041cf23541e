// Preloaded into every Next.js server process (node --require, set by scripts/run.ts). It sits in
// front of Next.js at the HTTP level, where Next's own proxy (proxy.ts) cannot see everything:
//
// 1. The client's address. Every request is stamped, in a header a client cannot set (any value
//    it sent is overwritten), with the address proxy-addr decides from the TCP peer and the
//    TRUST_PROXY setting. Route handlers and server actions read it through lib/client-ip.ts.
//    TRUST_PROXY: unset or 0 → the socket's address (X-Forwarded-For is ignored); a number N →
//    trust N proxy hops (as Express's `trust proxy`); otherwise a comma list of addresses/CIDRs or
//    proxy-addr's names (loopback, linklocal, uniquelocal).
// 2. Requests Next.js would answer with a 500 are refused with a 4xx first: a malformed router
//    state header (Next strips it before proxy.ts runs, then fails to parse it), a malformed
//    server-action id, and a server-action body declared over Next's 1 MB limit.
const http = require("node:http");
const proxyaddr = require("proxy-addr");

const CLIENT_IP_HEADER = "x-passmark-client-ip";
const ACTION_BODY_LIMIT = 1024 * 1024;

function compileTrust(setting) {
  const value = (setting ?? "").trim();
  if (value === "" || value === "0" || value === "false") return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, index) => index < hops;
  }
  return proxyaddr.compile(
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

function isRouterStateTree(value) {
  if (value.length > 16_384) return false;
  try {
    const parsed = JSON.parse(decodeURIComponent(value));
    return Array.isArray(parsed) && parsed.length >= 2;
  } catch {
    return false;
  }
}

/** { status, message } for a request Next.js would fail on, or null. `headers`: Node's, lower-case. */
function frameworkRequestProblem(method, headers) {
  const tree = headers["next-router-state-tree"];
  if (typeof tree === "string" && !isRouterStateTree(tree)) {
    return { status: 400, message: "Malformed router state header." };
  }
  const action = headers["next-action"];
  if (method === "POST" && typeof action === "string") {
    if (!/^[0-9a-f]{2,64}$/i.test(action)) {
      return { status: 400, message: "Malformed server action id." };
    }
    const length = Number(headers["content-length"] ?? "0");
    if (!Number.isFinite(length) || length > ACTION_BODY_LIMIT) {
      return { status: 413, message: "The form is too large." };
    }
  }
  return null;
}

const trust = compileTrust(process.env.TRUST_PROXY);
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function beforeNext(event, request, response, ...rest) {
  if (event === "request" && request?.headers) {
    let address = "unknown";
    try {
      address = proxyaddr(request, trust) || "unknown";
    } catch {}
    request.headers[CLIENT_IP_HEADER] = address;
    const refused = frameworkRequestProblem(request.method, request.headers);
    if (refused && response && !response.headersSent) {
      response.writeHead(refused.status, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        Connection: "close",
      });
      response.end(refused.message);
      request.resume();
      return true;
    }
  }
  return emit.call(this, event, request, response, ...rest);
};

module.exports = { compileTrust, frameworkRequestProblem };
