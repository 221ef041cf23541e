import { describe, expect, it } from "vitest";
import { DEFAULT_POOL_MAX, poolMax } from "./db-pool";

describe("poolMax", () => {
  it("defaults when DATABASE_POOL_MAX is unset or blank", () => {
    expect(poolMax({})).toBe(DEFAULT_POOL_MAX);
    expect(poolMax({ DATABASE_POOL_MAX: " " })).toBe(DEFAULT_POOL_MAX);
  });
  it("takes a whole number and refuses anything else", () => {
    expect(poolMax({ DATABASE_POOL_MAX: "25" })).toBe(25);
    expect(() => poolMax({ DATABASE_POOL_MAX: "ten" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => poolMax({ DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => poolMax({ DATABASE_POOL_MAX: "2.5" })).toThrow(/DATABASE_POOL_MAX/);
  });
});
