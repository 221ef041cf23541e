import type { Db } from "@/lib/prisma.server";
import { GRACE_MS } from "./deadline";

/**
 * Questions in the user's open (unexpired) mocks. Nothing else may show or grade them while the
 * mock runs: practice, drills, checks and the review deck would otherwise reveal their keys.
 */
export async function openMockQuestionIds(
  db: Pick<Db, "attemptQuestion">,
  userId: string,
  now: Date = new Date(),
): Promise<Set<string>> {
  const rows = await db.attemptQuestion.findMany({
    where: {
      attempt: {
        userId,
        mode: "mock",
        status: "in_progress",
        deadline: { gt: new Date(now.getTime() - GRACE_MS) },
      },
    },
    select: { questionId: true },
  });
  return new Set(rows.map((r) => r.questionId));
}
