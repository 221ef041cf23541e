import { z } from "zod";

/** "Report a problem with this question": categories, input rules and status wording. Pure. */

export const REPORT_CATEGORIES = [
  "wrong_key",
  "multiple_correct",
  "outdated",
  "unclear",
  "typo",
  "other",
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<ReportCategory, string> = {
  wrong_key: "Wrong answer key",
  multiple_correct: "More than one correct answer",
  outdated: "Outdated",
  unclear: "Unclear wording",
  typo: "Typo",
  other: "Other",
};

export type ReportStatus = "open" | "accepted" | "fixed" | "declined";

export const COMMENT_MAX = 2_000;
export const NOTE_MAX = 2_000;

/** A UTF-16 surrogate half without its partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Free text from a user: at most `max` characters, no NUL bytes, no lone surrogates. */
export function userText(max: number) {
  return z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .refine((s) => !s.includes("\u0000"), "The text contains a NUL character.")
    .refine((s) => !LONE_SURROGATE.test(s), "The text contains an invalid character.");
}

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, "Not a question id.");

export const reportInputSchema = z.object({
  questionId: id,
  /**
   * The attempt the question was shown in (review page, practice feedback): the report is on the
   * version that attempt showed. Without it (the review deck), on the current version.
   */
  attemptId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not an attempt id.")
    .optional(),
  category: z.enum(REPORT_CATEGORIES),
  comment: userText(COMMENT_MAX).default(""),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const resolveInputSchema = z.object({
  reportId: z.string().min(1).max(64),
  decision: z.enum(["accept", "decline"]),
  note: userText(NOTE_MAX).default(""),
});
export type ResolveInput = z.infer<typeof resolveInputSchema>;

export const shortHash = (hash: string) => hash.slice(0, 12);

/** What the reporter reads about their report. */
export function statusText(report: {
  status: ReportStatus;
  fixedInHash: string | null;
  authorNote: string | null;
}): string {
  switch (report.status) {
    case "open":
      return "Open";
    case "accepted":
      return "Accepted";
    case "fixed":
      return report.fixedInHash ? `Fixed in version ${shortHash(report.fixedInHash)}` : "Fixed";
    case "declined":
      return report.authorNote ? `Declined: ${report.authorNote}` : "Declined";
  }
}
