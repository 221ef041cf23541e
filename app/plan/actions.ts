"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { saveStudyProfile } from "@/lib/study-profile.server";
import { calendarDate, idText } from "@/lib/validation";

const formSchema = z.object({
  track: idText,
  level: z.enum(["beginner", "moderate", "heavy"], { error: "Choose your experience level." }),
  examDate: z.union([
    z.literal(""),
    calendarDate.pipe(z.string({ error: "Enter the exam date as a date (YYYY-MM-DD)." })),
  ]),
});

/** Saves the user's level and exam date for a track; the plan re-renders from them. */
export async function savePlanAction(form: FormData) {
  const user = await requireUser("/plan");
  const parsed = formSchema.safeParse({
    track: form.get("track"),
    level: form.get("level"),
    examDate: form.get("examDate") ?? "",
  });
  const track = String(form.get("track") ?? "");
  if (!idText.safeParse(track).success || !loadBank().tracks.has(track)) redirect("/plan");
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Check the form.";
    redirect(`/plan?${new URLSearchParams({ track, error: message })}`);
  }
  const { level, examDate } = parsed.data;
  await saveStudyProfile(getDb(), {
    userId: user.id,
    trackId: track,
    level,
    examDate: examDate ? new Date(`${examDate}T00:00:00Z`) : null,
  });
  redirect(`/plan?track=${encodeURIComponent(track)}`);
}
