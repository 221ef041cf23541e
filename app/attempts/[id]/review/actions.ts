"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { startRetake } from "@/lib/exam/retake.server";
import { hitRateLimit, START_PRACTICE_QUOTA } from "@/lib/rate-limit.server";

/** "Retake the ones I got wrong": a practice session on this attempt's wrong questions. */
export async function retakeWrongAction(attemptId: string) {
  const reviewUrl = `/attempts/${encodeURIComponent(attemptId)}/review`;
  const user = await requireUser(reviewUrl);
  const db = getDb();
  const quota = await hitRateLimit(db, `quota:practice:${user.id}`, START_PRACTICE_QUOTA);
  if (!quota.allowed) redirect(reviewUrl);
  const started = await startRetake(db, { userId: user.id, attemptId, bank: loadBank() });
  redirect(started ? `/attempts/${started.attemptId}` : reviewUrl);
}
