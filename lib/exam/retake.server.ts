import "server-only";
import { randomInt } from "node:crypto";
import type { Bank } from "@/lib/content/types";
import type { Db } from "@/lib/prisma.server";
import { openMockQuestionIds } from "./open-mocks.server";
import { retakeItems } from "./retake";

/**
 * Starts an untimed practice session on the questions the user got wrong in one of their closed
 * attempts. Null when the attempt is not theirs, still open, or has nothing wrong left to retake.
 */
export async function startRetake(
  db: Db,
  input: { userId: string; attemptId: string; bank: Bank; now?: Date },
): Promise<{ attemptId: string; count: number } | null> {
  const now = input.now ?? new Date();
  const source = await db.attempt.findFirst({
    where: { id: input.attemptId, userId: input.userId, status: { not: "in_progress" } },
    select: { trackId: true, questions: { select: { questionId: true, correct: true } } },
  });
  if (!source) return null;
  const hidden = await openMockQuestionIds(db, input.userId, now);
  const seed = randomInt(0, 2 ** 31 - 1);
  const items = retakeItems({ graded: source.questions, byId: input.bank.byId, hidden, seed });
  if (items.length === 0) return null;
  const domains = [...new Set(items.map((i) => input.bank.byId.get(i.questionId)?.domain ?? ""))];
  const attempt = await db.attempt.create({
    data: {
      userId: input.userId,
      trackId: source.trackId,
      mode: "practice",
      seed,
      startedAt: now,
      deadline: null,
      domains: domains.filter(Boolean),
      questions: {
        create: items.map((item, index) => ({
          position: index + 1,
          questionId: item.questionId,
          questionHash: input.bank.byId.get(item.questionId)?.hash ?? "",
          optionOrder: item.optionOrder,
        })),
      },
    },
    select: { id: true },
  });
  return { attemptId: attempt.id, count: items.length };
}
