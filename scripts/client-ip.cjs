// Preloaded into the Next.js server process (node --require): stamps every request with the
// client's address, decided by proxy-addr from the TCP peer and the TRUST_PROXY setting, in a
// header that a client cannot set (any value it sent is overwritten). Route handlers and server
// actions read it through lib/client-ip.ts.
//
// TRUST_PROXY: unset or 0 → the socket's address (no proxy is trusted; X-Forwarded-For is
// ignored); a number N → trust N proxy hops (as Express's `trust proxy`); otherwise a comma list
// of addresses/CIDRs or proxy-addr's names (loopback, linklocal, uniquelocal).
const http = require("node:http");
const proxyaddr = require("proxy-addr");

const HEADER = "x-passmark-client-ip";

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

const trust = compileTrust(process.env.TRUST_PROXY);
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function stampClientAddress(event, request, ...rest) {
  if (event === "request" && request?.headers) {
    let address = "unknown";
    try {
      address = proxyaddr(request, trust) || "unknown";
    } catch {}
    request.headers[HEADER] = address;
  }
  return emit.call(this, event, request, ...rest);
};

module.exports = { compileTrust };
