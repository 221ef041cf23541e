import { describe, expect, it } from "vitest";
import { nodeVersionProblem, productionSettingsProblem } from "./settings";

const strong = "b1P9x2Qk7mZr4Tw8Yc3Ve6Nu5Hs0Lj-_AaBbCc";

describe("production settings", () => {
  it("refuses a missing or weak secret", () => {
    expect(productionSettingsProblem({ NEXTAUTH_URL: "https://x.example" })).toMatch(/not set/);
    expect(
      productionSettingsProblem({ NEXTAUTH_SECRET: "secret", NEXTAUTH_URL: "https://x.example" }),
    ).toMatch(/too weak/);
    expect(
      productionSettingsProblem({
        NEXTAUTH_SECRET: "a".repeat(40),
        NEXTAUTH_URL: "https://x.example",
      }),
    ).toMatch(/too weak/);
  });

  it("refuses plain http unless local use is declared", () => {
    expect(
      productionSettingsProblem({ NEXTAUTH_SECRET: strong, NEXTAUTH_URL: "http://x.example" }),
    ).toMatch(/https/);
    expect(productionSettingsProblem({ NEXTAUTH_SECRET: strong })).toMatch(/NEXTAUTH_URL/);
    expect(
      productionSettingsProblem({
        NEXTAUTH_SECRET: strong,
        NEXTAUTH_URL: "http://localhost:3000",
        PASSMARK_ALLOW_HTTP: "1",
      }),
    ).toBeNull();
    expect(
      productionSettingsProblem({ NEXTAUTH_SECRET: strong, NEXTAUTH_URL: "https://x.example" }),
    ).toBeNull();
  });
});

describe("Node.js version", () => {
  it.each([
    ["20.18.1", false],
    ["20.19.0", true],
    ["20.20.2", true],
    ["22.1.0", true],
    ["18.20.0", false],
  ])("%s accepted: %s", (version, ok) => {
    expect(nodeVersionProblem(version) === null).toBe(ok);
  });
});
