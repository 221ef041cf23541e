"use server";

import { redirect } from "next/navigation";
import { resolveInputSchema } from "@/lib/analytics/reports";
import { resolveReport } from "@/lib/analytics/reports.server";
import { requireRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db.server";

const QUESTION_ID = /^[A-Za-z0-9._-]{1,200}$/;

/** An author accepts or declines one report with a note, then returns to the question. */
export async function resolveReportAction(form: FormData) {
  const user = await requireRole(["author", "admin"], "/author/reports");
  const questionId = String(form.get("questionId") ?? "");
  const back = (params: Record<string, string>) =>
    redirect(
      QUESTION_ID.test(questionId)
        ? `/author/questions/${encodeURIComponent(questionId)}?${new URLSearchParams(params)}#reports`
        : "/author/reports",
    );
  const parsed = resolveInputSchema.safeParse({
    reportId: form.get("reportId"),
    decision: form.get("decision"),
    note: form.get("note") ?? "",
  });
  if (!parsed.success) {
    return back({ error: parsed.error.issues[0]?.message ?? "That decision could not be read." });
  }
  const result = await resolveReport(getDb(), user.id, parsed.data);
  if (result.status === "not-found") {
    return back({ error: "That report was already closed." });
  }
  return back({ resolved: parsed.data.decision === "accept" ? "accepted" : "declined" });
}
