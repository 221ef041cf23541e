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
  it("takes the first forwarded address, then X-Real-IP", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe(
      "203.0.113.7",
    );
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
