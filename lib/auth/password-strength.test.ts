import { describe, expect, it } from "vitest";
import { weakPasswordProblem } from "./password-strength";

describe("weakPasswordProblem", () => {
  it.each(["password1234", "qwerty12345", "backstage123", "iloveyou2026", "letmein2026"])(
    "refuses %s (breached or trivially guessable)",
    (password) => {
      expect(weakPasswordProblem(password)).toMatch(/too easy to guess/);
    },
  );

  it("refuses a password built from the user's own name (strong otherwise)", () => {
    expect(weakPasswordProblem("quintessa2026")).toBeNull();
    expect(weakPasswordProblem("quintessa2026", ["Quintessa Vale", "quintessa"])).not.toBeNull();
  });

  it.each(["an exam-taking passphrase 9", "correct horse battery staple", "tidal-ferret-orbit-42"])(
    "accepts %s",
    (password) => {
      expect(weakPasswordProblem(password)).toBeNull();
    },
  );
});
