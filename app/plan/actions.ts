"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { isTimeZone } from "@/lib/progress/plan";
import { saveStudyProfile, setStepDone } from "@/lib/study-profile.server";
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
  const zone = String(form.get("timeZone") ?? "");
  await saveStudyProfile(getDb(), {
    userId: user.id,
    trackId: track,
    level,
    examDate: examDate ? new Date(`${examDate}T00:00:00Z`) : null,
    timeZone: isTimeZone(zone) ? zone : null,
  });
  redirect(`/plan?track=${encodeURIComponent(track)}`);
}

const stepKey = z.string().regex(/^(baseline|retake|repeat|domain:[a-z0-9-]{1,64})$/);

/** Ticks a plan step off (or back on); the choice is stored with the study profile. */
export async function toggleStepAction(form: FormData) {
  const user = await requireUser("/plan");
  const track = String(form.get("track") ?? "");
  if (!idText.safeParse(track).success || !loadBank().tracks.has(track)) redirect("/plan");
  const key = stepKey.safeParse(form.get("step"));
  if (key.success) {
    await setStepDone(getDb(), {
      userId: user.id,
      trackId: track,
      key: key.data,
      done: form.get("done") === "1",
    });
  }
  redirect(`/plan?track=${encodeURIComponent(track)}`);
}
