import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ExamPlayer } from "@/components/exam-player";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { loadAttempt } from "@/lib/exam/attempts.server";
import { deriveState } from "@/lib/exam/derive";
import { attemptOptionIds } from "@/lib/exam/option-ids.server";
import { playerStateOf } from "@/lib/exam/view";

export const metadata: Metadata = { title: "Exam" };

type Props = { params: Promise<{ id: string }> };

export default async function AttemptPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/attempts/${encodeURIComponent(id)}`);
  const bank = loadBank();
  const now = new Date();
  const attempt = await loadAttempt(getDb(), user.id, id, bank, now);
  if (!attempt) notFound();
  if (attempt.status !== "in_progress") redirect(`/attempts/${attempt.id}/review`);
  const { answers, flagged, checked } = deriveState(attempt);
  const optionIds = attemptOptionIds(attempt.id);
  return (
    <ExamPlayer
      initial={playerStateOf({ bank, attempt, answers, flagged, checked, optionIds, now })}
    />
  );
}
