import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { compileTrust, frameworkRequestProblem } = require("./server-preload.cjs") as {
  compileTrust: (setting: string | undefined) => (address: string, index: number) => boolean;
  frameworkRequestProblem: (
    method: string,
    headers: Record<string, string>,
  ) => { status: number; message: string } | null;
};
const proxyaddr = require("proxy-addr") as (
  req: unknown,
  trust: (address: string, index: number) => boolean,
) => string;

const request = (forwardedFor: string) => ({
  socket: { remoteAddress: "10.0.0.2" },
  connection: { remoteAddress: "10.0.0.2" },
  headers: { "x-forwarded-for": forwardedFor },
});

describe("the client address (TRUST_PROXY, proxy-addr semantics)", () => {
  it("ignores X-Forwarded-For unless proxies are trusted, then takes the right hop", () => {
    const req = request("6.6.6.6, 203.0.113.7");
    expect(proxyaddr(req, compileTrust(undefined))).toBe("10.0.0.2");
    expect(proxyaddr(req, compileTrust("0"))).toBe("10.0.0.2");
    expect(proxyaddr(req, compileTrust("1"))).toBe("203.0.113.7");
    expect(proxyaddr(req, compileTrust("2"))).toBe("6.6.6.6");
    expect(proxyaddr(req, compileTrust("10.0.0.0/8"))).toBe("203.0.113.7");
    expect(proxyaddr(req, compileTrust("loopback"))).toBe("10.0.0.2");
  });
});

describe("requests Next.js would fail on", () => {
  it("lets ordinary requests and well-formed framework headers through", () => {
    expect(frameworkRequestProblem("GET", {})).toBeNull();
    const tree = encodeURIComponent(
      JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true]),
    );
    expect(frameworkRequestProblem("GET", { "next-router-state-tree": tree })).toBeNull();
    expect(
      frameworkRequestProblem("POST", { "next-action": "7f3a9c", "content-length": "120" }),
    ).toBeNull();
  });

  it("refuses a malformed router state header with 400", () => {
    for (const bad of ["%E0%A4%A", "not json", encodeURIComponent('{"a":1}'), "x".repeat(20_000)]) {
      expect(frameworkRequestProblem("GET", { "next-router-state-tree": bad })?.status).toBe(400);
    }
  });

  it("refuses a malformed action id (400) and an action body over 1 MB (413)", () => {
    expect(frameworkRequestProblem("POST", { "next-action": "../../x" })?.status).toBe(400);
    expect(
      frameworkRequestProblem("POST", { "next-action": "abc123", "content-length": "2000000" })
        ?.status,
    ).toBe(413);
  });
});
