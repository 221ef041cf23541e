import { describe, expect, it } from "vitest";
import { passwordProblem, safeCallbackPath, signUpSchema } from "@/lib/auth/rules";

describe("password rules", () => {
  it.each([
    ["short", "Use at least 10 characters."],
    ["aaaaaaaaaaaa", "Do not repeat a single character."],
    ["Password123", "This password is too common."],
    ["é".repeat(37), "Use at most 72 bytes (about 72 plain characters)."],
  ])("%s → %s", (password, message) => {
    expect(passwordProblem(password)).toBe(message);
  });

  it("rejects the email's local part and accepts a passphrase", () => {
    expect(passwordProblem("my-alice-password", "alice@example.com")).toBe(
      "Do not use your email address in your password.",
    );
    expect(passwordProblem("correct horse battery", "alice@example.com")).toBeNull();
  });

  it("normalises the email and reports field errors", () => {
    const ok = signUpSchema.parse({
      name: " Ada ",
      email: " Ada@Example.COM ",
      password: "correct horse battery",
    });
    expect(ok).toEqual({
      name: "Ada",
      email: "ada@example.com",
      password: "correct horse battery",
    });
    const bad = signUpSchema.safeParse({ name: "", email: "nope", password: "x" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["email", "name", "password"]);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/dashboard?x=1", "/dashboard?x=1"],
    ["https://evil.example/", "/dashboard"],
    ["//evil.example/", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    [undefined, "/dashboard"],
    // Known open-redirect bypasses: each must stay on this site.
    ["/\t/evil.example", "/dashboard"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/\n/evil.example", "/dashboard"],
    ["/\r\n/evil.example", "/dashboard"],
    ["/%2F%2Fevil.example", "/dashboard"],
    ["/%5Cevil.example", "/dashboard"],
    ["/\\/evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    ["/javascript:alert(1)", "/javascript:alert(1)"],
    ["\uFF0F\uFF0Fevil.example", "/dashboard"],
    ["/\u3000/evil.example", "/%E3%80%80/evil.example"],
    ["/a\u0000b", "/a%00b"],
    ["/tracks/cba?x=/\t/evil", "/tracks/cba?x=//evil"],
  ])("%j → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
