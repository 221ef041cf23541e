import { describe, expect, it } from "vitest";
import {
  clockOffset,
  crossedWarnings,
  formatRemaining,
  interpretSubmitResponse,
  isTypingTarget,
  type KeyInput,
  navigatorLabel,
  optionLetter,
  type PlayerQuestion,
  remainingMs,
  resolveShortcut,
  reviewUrlFor,
  safeReviewUrl,
  sameSelection,
  selectionNote,
  shortcutForKey,
  summarise,
  toggleSelection,
  warningLevel,
  warningMessage,
} from "./player";

const MIN = 60_000;

describe("time", () => {
  it("computes the clock offset from the server's time", () => {
    expect(clockOffset("2026-01-01T10:00:05.000Z", Date.parse("2026-01-01T10:00:00.000Z"))).toBe(
      5000,
    );
    expect(clockOffset("garbage", 123)).toBe(0);
  });

  it("computes what is left against the server's clock", () => {
    const deadline = "2026-01-01T11:00:00.000Z";
    expect(remainingMs(deadline, Date.parse("2026-01-01T10:00:00.000Z"))).toBe(60 * MIN);
    expect(remainingMs(deadline, Date.parse("2026-01-01T12:00:00.000Z"))).toBe(0);
    expect(remainingMs(null, 0)).toBeNull();
    expect(remainingMs("not a date", 0)).toBeNull();
  });

  it("formats mm:ss below an hour and h:mm:ss from one, rounding seconds up", () => {
    expect(formatRemaining(0)).toBe("00:00");
    expect(formatRemaining(-5000)).toBe("00:00");
    expect(formatRemaining(1)).toBe("00:01");
    expect(formatRemaining(59_001)).toBe("01:00");
    expect(formatRemaining(9 * MIN + 5000)).toBe("09:05");
    expect(formatRemaining(59 * MIN + 59_000)).toBe("59:59");
    expect(formatRemaining(60 * MIN)).toBe("1:00:00");
    expect(formatRemaining(130 * MIN + 7000)).toBe("2:10:07");
  });

  it("reports the most urgent warning reached", () => {
    expect(warningLevel(null)).toBeNull();
    expect(warningLevel(10 * MIN + 1)).toBeNull();
    expect(warningLevel(10 * MIN)).toBe(10);
    expect(warningLevel(5 * MIN + 1)).toBe(10);
    expect(warningLevel(5 * MIN)).toBe(5);
    expect(warningLevel(61_000)).toBe(5);
    expect(warningLevel(MIN)).toBe(1);
    expect(warningLevel(0)).toBe(1);
  });

  it("lists the warnings crossed between two ticks", () => {
    expect(crossedWarnings(10 * MIN + 500, 10 * MIN - 500)).toEqual([10]);
    expect(crossedWarnings(10 * MIN - 500, 10 * MIN - 1500)).toEqual([]);
    expect(crossedWarnings(11 * MIN, 30_000)).toEqual([10, 5, 1]);
    expect(crossedWarnings(5 * MIN, 4 * MIN)).toEqual([]);
  });

  it("words the warnings", () => {
    expect(warningMessage(10)).toBe("10 minutes remaining");
    expect(warningMessage(1)).toBe("1 minute remaining");
  });
});

const q = (position: number, type: "single" | "multiple" = "single", chooseCount = 1) =>
  ({
    questionId: `q${position}`,
    position,
    type,
    chooseCount,
    stemHtml: "<p>?</p>",
    options: [
      { key: "A", html: "a" },
      { key: "B", html: "b" },
      { key: "C", html: "c" },
    ],
    domainTitle: "D",
  }) satisfies PlayerQuestion;

describe("answers", () => {
  it("letters options by displayed position", () => {
    expect([0, 1, 5].map(optionLetter)).toEqual(["A", "B", "F"]);
  });

  it("replaces a single answer and toggles multiple answers, kept sorted", () => {
    expect(toggleSelection(["A"], "C", "single")).toEqual(["C"]);
    expect(toggleSelection(["C"], "C", "single")).toEqual(["C"]);
    expect(toggleSelection(["D"], "B", "multiple")).toEqual(["B", "D"]);
    expect(toggleSelection(["B", "D"], "B", "multiple")).toEqual(["D"]);
    expect(toggleSelection([], "A", "multiple")).toEqual(["A"]);
    // "Choose 2": a third option is refused until one is cleared.
    expect(toggleSelection(["B", "D"], "A", "multiple", 2)).toEqual(["B", "D"]);
    expect(toggleSelection(["B", "D"], "D", "multiple", 2)).toEqual(["B"]);
    expect(toggleSelection(["B"], "A", "multiple", 2)).toEqual(["A", "B"]);
  });

  it("compares selections as sets", () => {
    expect(sameSelection(["A", "B"], ["B", "A"])).toBe(true);
    expect(sameSelection(["A"], ["A", "B"])).toBe(false);
    expect(sameSelection([], [])).toBe(true);
  });

  it("notes too few or too many choices on multiple-answer questions only", () => {
    expect(selectionNote("single", 1, 1)).toBeNull();
    expect(selectionNote("multiple", 2, 0)).toBeNull();
    expect(selectionNote("multiple", 2, 2)).toBeNull();
    expect(selectionNote("multiple", 3, 2)).toBe("Select 1 more option: this question needs 3.");
    expect(selectionNote("multiple", 3, 1)).toBe("Select 2 more options: this question needs 3.");
    expect(selectionNote("multiple", 2, 3)).toBe(
      "You have selected 3 options; this question needs 2.",
    );
  });

  it("summarises answered, unanswered, flagged and miscounted questions", () => {
    const questions = [q(1), q(2), q(3, "multiple", 2), q(4, "multiple", 2), q(5)];
    const summary = summarise(
      questions,
      { q1: ["A"], q2: [], q3: ["A"], q4: ["A", "B"] },
      new Set(["q2", "q4"]),
    );
    expect(summary).toEqual({
      answered: [1, 3, 4],
      unanswered: [2, 5],
      flagged: [2, 4],
      miscounted: [3],
    });
  });

  it("labels navigator buttons", () => {
    expect(navigatorLabel(3, true, true)).toBe("Question 3, answered, flagged");
    expect(navigatorLabel(4, false, false)).toBe("Question 4, unanswered");
    expect(navigatorLabel(5, false, true)).toBe("Question 5, unanswered, flagged");
  });
});

describe("keyboard", () => {
  it("maps digits and letters to displayed positions within the option count", () => {
    expect(shortcutForKey("1", 4)).toEqual({ kind: "option", index: 0 });
    expect(shortcutForKey("4", 4)).toEqual({ kind: "option", index: 3 });
    expect(shortcutForKey("5", 4)).toBeNull();
    expect(shortcutForKey("6", 6)).toEqual({ kind: "option", index: 5 });
    expect(shortcutForKey("0", 6)).toBeNull();
    expect(shortcutForKey("a", 4)).toEqual({ kind: "option", index: 0 });
    expect(shortcutForKey("C", 4)).toEqual({ kind: "option", index: 2 });
    expect(shortcutForKey("e", 4)).toBeNull();
    expect(shortcutForKey("e", 5)).toEqual({ kind: "option", index: 4 });
  });

  it("maps navigation and flag keys, F always flags", () => {
    expect(shortcutForKey("n", 4)).toEqual({ kind: "next" });
    expect(shortcutForKey("ArrowRight", 4)).toEqual({ kind: "next" });
    expect(shortcutForKey("P", 4)).toEqual({ kind: "previous" });
    expect(shortcutForKey("ArrowLeft", 4)).toEqual({ kind: "previous" });
    expect(shortcutForKey("f", 6)).toEqual({ kind: "flag" });
  });

  it("never maps Tab, Space or other keys; Enter is check", () => {
    for (const key of ["Tab", " ", "Escape", "ArrowUp", "ArrowDown", "x", "Dead"]) {
      expect(shortcutForKey(key, 6)).toBeNull();
    }
    expect(shortcutForKey("Enter", 6)).toEqual({ kind: "check" });
  });

  const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({
    key,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    shiftKey: false,
    target: { tagName: "BODY" },
    ...extra,
  });

  it("ignores keys with modifiers, while composing, or while typing", () => {
    expect(resolveShortcut(press("n"), 4)).toEqual({ kind: "next" });
    for (const mod of ["ctrlKey", "altKey", "metaKey", "shiftKey", "isComposing"] as const) {
      expect(resolveShortcut(press("n", { [mod]: true }), 4)).toBeNull();
    }
    expect(resolveShortcut(press("a", { target: { tagName: "INPUT", type: "text" } }), 4)).toBe(
      null,
    );
    expect(resolveShortcut(press("a", { target: { tagName: "TEXTAREA" } }), 4)).toBeNull();
    expect(
      resolveShortcut(press("a", { target: { tagName: "DIV", isContentEditable: true } }), 4),
    ).toBeNull();
  });

  it("leaves Enter to buttons and links", () => {
    expect(resolveShortcut(press("Enter"), 4)).toEqual({ kind: "check" });
    expect(
      resolveShortcut(press("Enter", { target: { tagName: "INPUT", type: "radio" } }), 4),
    ).toEqual({ kind: "check" });
    for (const tagName of ["BUTTON", "A", "SUMMARY"]) {
      expect(resolveShortcut(press("Enter", { target: { tagName } }), 4)).toBeNull();
    }
  });

  it("works on checkboxes and buttons but leaves arrow keys to radio groups", () => {
    const radio = { tagName: "INPUT", type: "radio" };
    const checkbox = { tagName: "INPUT", type: "checkbox" };
    expect(resolveShortcut(press("b", { target: radio }), 4)).toEqual({ kind: "option", index: 1 });
    expect(resolveShortcut(press("ArrowRight", { target: radio }), 4)).toBeNull();
    expect(resolveShortcut(press("ArrowRight", { target: checkbox }), 4)).toEqual({
      kind: "next",
    });
    expect(resolveShortcut(press("f", { target: { tagName: "BUTTON" } }), 4)).toEqual({
      kind: "flag",
    });
    expect(resolveShortcut(press("n", { target: null }), 4)).toEqual({ kind: "next" });
  });

  it("knows which targets take typing", () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: "input" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "search" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
  });
});

describe("submitting", () => {
  it("builds and checks the review URL", () => {
    expect(reviewUrlFor("a1")).toBe("/attempts/a1/review");
    expect(safeReviewUrl("/attempts/a1/review?x=1", "a1")).toBe("/attempts/a1/review?x=1");
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil", "", 5, null]) {
      expect(safeReviewUrl(bad, "a1")).toBe("/attempts/a1/review");
    }
  });

  it("goes to review on 200 and on 409 closed", () => {
    expect(interpretSubmitResponse(200, { reviewUrl: "/r" }, "a1")).toEqual({
      kind: "done",
      reviewUrl: "/r",
    });
    expect(interpretSubmitResponse(200, null, "a1")).toEqual({
      kind: "done",
      reviewUrl: "/attempts/a1/review",
    });
    expect(
      interpretSubmitResponse(409, { error: "Closed", closed: true, reviewUrl: "/x" }, "a1"),
    ).toEqual({ kind: "done", reviewUrl: "/x" });
  });

  it("retries 5xx and fails on other errors", () => {
    expect(interpretSubmitResponse(503, null, "a1")).toEqual({ kind: "retry" });
    expect(interpretSubmitResponse(404, { error: "No such attempt." }, "a1")).toEqual({
      kind: "failed",
      message: "No such attempt.",
    });
    expect(interpretSubmitResponse(409, { error: "Conflict" }, "a1").kind).toBe("failed");
    expect(interpretSubmitResponse(400, null, "a1")).toEqual({
      kind: "failed",
      message: "The exam could not be submitted (error 400).",
    });
  });
});
