import { describe, expect, it } from "vitest";
import { TokenCache } from "./token-cache";

describe("TokenCache", () => {
  it("remembers a verified token's user until the token expires", () => {
    const cache = new TokenCache();
    cache.set("t1", { userId: "u1", expiresAt: 1_000 });
    expect(cache.get("t1", 999)).toBe("u1");
    expect(cache.get("t1", 1_000)).toBeNull();
    // An expired entry is dropped, not kept around.
    expect(cache.size).toBe(0);
  });

  it("misses on any other token", () => {
    const cache = new TokenCache();
    cache.set("t1", { userId: "u1", expiresAt: null });
    expect(cache.get("t1x", 0)).toBeNull();
    expect(cache.get("t1", Number.MAX_SAFE_INTEGER)).toBe("u1");
  });

  it("holds at most its capacity, dropping the oldest entry", () => {
    const cache = new TokenCache(2);
    cache.set("a", { userId: "ua", expiresAt: null });
    cache.set("b", { userId: "ub", expiresAt: null });
    cache.set("c", { userId: "uc", expiresAt: null });
    expect(cache.size).toBe(2);
    expect(cache.get("a", 0)).toBeNull();
    expect(cache.get("b", 0)).toBe("ub");
    expect(cache.get("c", 0)).toBe("uc");
  });
});
