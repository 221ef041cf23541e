import type { Db } from "@/lib/prisma.server";

/** Attempt counts per track for one user (the exam engine extends this repository). */
export async function attemptCountsByTrack(db: Db, userId: string): Promise<Map<string, number>> {
  const rows = await db.attempt.groupBy({
    by: ["trackId"],
    where: { userId },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.trackId, r._count._all]));
}
