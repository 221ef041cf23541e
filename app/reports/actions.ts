"use server";

import { reportInputSchema } from "@/lib/analytics/reports";
import { submitReport } from "@/lib/analytics/reports.server";
import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db.server";

export type ReportActionResult = { ok: boolean; message: string };

/**
 * "Report a problem with this question" (a server action: Next.js checks its Origin). The input
 * is validated here; the repository decides the version and refuses reports during open mocks.
 */
export async function reportProblemAction(raw: unknown): Promise<ReportActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Sign in to report a problem." };
  const parsed = reportInputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      message: `The report could not be sent: ${parsed.error.issues[0]?.message ?? "invalid input"}`,
    };
  }
  const result = await submitReport(getDb(), user.id, parsed.data);
  switch (result.status) {
    case "ok":
      return {
        ok: true,
        message: result.updated
          ? "Your open report on this question was updated. Thank you."
          : "Thank you: an author will look at it.",
      };
    case "rate-limited":
      return {
        ok: false,
        message: `You have sent many reports recently. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.`,
      };
    case "refused":
      return { ok: false, message: result.message };
  }
}
