import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/client-ip";
import { contentSecurityPolicy } from "@/lib/csp";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and eval only in development", () => {
    const prod = contentSecurityPolicy("abc", false);
    expect(prod).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).toContain("frame-ancestors 'none'");
    expect(prod).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy("abc", true)).toContain("'unsafe-eval'");
  });
});

describe("clientIp", () => {
  it("reads only the address the server stamped, never a client's forwarding headers", () => {
    expect(clientIp(new Headers({ "x-passmark-client-ip": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7" }))).toBe(
      "unknown",
    );
  });
});
