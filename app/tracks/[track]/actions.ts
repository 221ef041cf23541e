"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { startMock } from "@/lib/exam/attempts.server";
import { hitRateLimit, START_MOCK_QUOTA } from "@/lib/rate-limit.server";

/** Starts (or resumes) a timed mock exam on the track and opens the player. */
export async function startMockAction(trackId: string) {
  const user = await requireUser(`/tracks/${encodeURIComponent(trackId)}`);
  const bank = loadBank();
  const track = bank.tracks.get(trackId);
  if (!track) notFound();
  const db = getDb();
  const quota = await hitRateLimit(db, `quota:mock:${user.id}`, START_MOCK_QUOTA);
  if (!quota.allowed) {
    redirect(`/tracks/${encodeURIComponent(track.id)}?quota=mock#start`);
  }
  const { attemptId } = await startMock(db, {
    userId: user.id,
    track,
    bank,
  });
  redirect(`/attempts/${attemptId}`);
}
