import "server-only";
import type { Db } from "@/lib/prisma.server";
import type { Level } from "@/lib/progress/plan";

/** The study plan's inputs per user and track: experience level, optional exam date, ticked steps. */
export function studyProfile(db: Db, userId: string, trackId: string) {
  return db.studyProfile.findUnique({ where: { userId_trackId: { userId, trackId } } });
}

/** The user's time zone as the browser last reported it (null = UTC). */
export async function userTimeZone(db: Db, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return user?.timeZone ?? null;
}

export async function saveStudyProfile(
  db: Db,
  input: {
    userId: string;
    trackId: string;
    level: Level;
    examDate: Date | null;
    /** A valid IANA name from the browser, or null to keep the stored one. */
    timeZone: string | null;
  },
) {
  const { userId, trackId, level, examDate, timeZone } = input;
  if (timeZone !== null) await db.user.update({ where: { id: userId }, data: { timeZone } });
  return db.studyProfile.upsert({
    where: { userId_trackId: { userId, trackId } },
    create: { userId, trackId, level, examDate },
    update: { level, examDate },
  });
}

/** Ticks a plan step off, or back on; a profile must exist (the plan is made from it). */
export async function setStepDone(
  db: Db,
  input: { userId: string; trackId: string; key: string; done: boolean },
) {
  const { userId, trackId, key, done } = input;
  const profile = await studyProfile(db, userId, trackId);
  if (!profile) return;
  const rest = profile.doneSteps.filter((k) => k !== key);
  await db.studyProfile.update({
    where: { userId_trackId: { userId, trackId } },
    data: { doneSteps: done ? [...rest, key] : rest },
  });
}
