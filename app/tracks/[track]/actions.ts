"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { abandonMock, startMock } from "@/lib/exam/attempts.server";
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

/** Discards the user's open mock (after the confirm step on the track page): kept as abandoned. */
export async function abandonMockAction(trackId: string, form: FormData) {
  const user = await requireUser(`/tracks/${encodeURIComponent(trackId)}`);
  const bank = loadBank();
  if (!bank.tracks.has(trackId)) notFound();
  const attemptId = String(form.get("attempt") ?? "");
  if (form.get("confirm") !== "yes" || attemptId.length === 0 || attemptId.length > 64) {
    redirect(`/tracks/${encodeURIComponent(trackId)}`);
  }
  const result = await abandonMock(getDb(), user.id, attemptId, bank);
  redirect(
    result === "abandoned"
      ? `/attempts/${encodeURIComponent(attemptId)}/review`
      : `/tracks/${encodeURIComponent(trackId)}`,
  );
}
