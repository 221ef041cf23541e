import type { Db } from "@/lib/prisma.server";
import type { Level } from "@/lib/progress/plan";

/** The study plan's inputs per user and track: experience level and optional exam date. */
export function studyProfile(db: Db, userId: string, trackId: string) {
  return db.studyProfile.findUnique({ where: { userId_trackId: { userId, trackId } } });
}

export function saveStudyProfile(
  db: Db,
  input: { userId: string; trackId: string; level: Level; examDate: Date | null },
) {
  const { userId, trackId, level, examDate } = input;
  return db.studyProfile.upsert({
    where: { userId_trackId: { userId, trackId } },
    create: { userId, trackId, level, examDate },
    update: { level, examDate },
  });
}
