import { describe, expect, it } from "vitest";
import { resolveInputSchema, statusText, userText } from "@/lib/analytics/reports";

describe("report wording and input", () => {
  it("tells the reporter each status", () => {
    const base = { fixedInHash: null, authorNote: null };
    expect(statusText({ ...base, status: "open" })).toBe("Open");
    expect(statusText({ ...base, status: "accepted" })).toBe("Accepted");
    expect(statusText({ ...base, status: "fixed", fixedInHash: "abcdef0123456789" })).toBe(
      "Fixed in version abcdef012345",
    );
    expect(statusText({ ...base, status: "declined", authorNote: "The key is right." })).toBe(
      "Declined: The key is right.",
    );
    expect(statusText({ ...base, status: "declined" })).toBe("Declined");
  });

  it("caps and cleans the author's note like a learner's comment", () => {
    const ok = { reportId: "r1", decision: "decline" };
    expect(resolveInputSchema.safeParse({ ...ok, note: "fine" }).success).toBe(true);
    expect(resolveInputSchema.safeParse({ ...ok, note: "x".repeat(2001) }).success).toBe(false);
    expect(resolveInputSchema.safeParse({ ...ok, note: "a\u0000" }).success).toBe(false);
    expect(resolveInputSchema.safeParse({ ...ok, decision: "delete" }).success).toBe(false);
    expect(userText(5).safeParse("\uD83D\uDE00 ok").success).toBe(true);
  });
});
