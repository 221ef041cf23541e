"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { startMock } from "@/lib/exam/attempts.server";

/** Starts (or resumes) a timed mock exam on the track and opens the player. */
export async function startMockAction(trackId: string) {
  const user = await requireUser(`/tracks/${encodeURIComponent(trackId)}`);
  const bank = loadBank();
  const track = bank.tracks.get(trackId);
  if (!track) notFound();
  const { attemptId } = await startMock(getDb(), {
    userId: user.id,
    track,
    bank,
  });
  redirect(`/attempts/${attemptId}`);
}
