import { randomUUID } from "node:crypto";
import type { Bank } from "@/lib/content/types";
import type { Db } from "@/lib/prisma.server";
import { addMisses } from "@/lib/review-deck.server";
import { deriveState } from "./derive";
import { openMockQuestionIds } from "./open-mocks.server";
import { type CheckedFeedback, feedbackFor } from "./practice";
import { isCorrect } from "./scoring";

export type CheckResult =
  | { status: "ok"; questionId: string; feedback: CheckedFeedback }
  | { status: "refused"; message: string }
  | { status: "closed"; message: string }
  | { status: "not-found" };

/**
 * Immediate feedback (practice and drills): grades one answered question, records a `check`
 * event that makes the answer final, adds a miss to the review deck, and only then returns the
 * answer key, rationales and explanation of that question. Checking twice returns the same
 * feedback.
 * - The check event's id is made here, never taken from the client: a reused id cannot skip the
 *   insert and so return the key without locking the answer.
 * - It holds the attempt's row lock (as a close does), so a check, a close and a late answer
 *   cannot interleave.
 * - A question that is also in one of the user's open mocks is refused: its key would leak.
 */
export async function checkAnswer(
  db: Db,
  userId: string,
  attemptId: string,
  input: { questionId: string },
  bank: Bank,
  now: Date = new Date(),
): Promise<CheckResult> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Attempt" WHERE id = ${attemptId} AND "userId" = ${userId} FOR UPDATE`;
    if (locked.length === 0) return { status: "not-found" };
    const attempt = await tx.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: {
        mode: true,
        status: true,
        deadline: true,
        questions: { where: { questionId: input.questionId }, select: { questionId: true } },
        events: {
          where: { questionId: input.questionId, kind: { in: ["answer", "check"] } },
          orderBy: { sequence: "asc" },
        },
      },
    });
    if (attempt.mode === "mock") {
      return { status: "refused", message: "A mock exam is graded when you submit it." };
    }
    const question = bank.byId.get(input.questionId);
    if (attempt.questions.length === 0 || !question) {
      return {
        status: "refused",
        message: `Question ${input.questionId} is not part of this session.`,
      };
    }
    const { answers, checked } = deriveState(attempt);
    const selected = answers.get(question.id) ?? [];
    const correct = isCorrect(question.correctKeys, selected);
    if (!checked.has(question.id)) {
      if (attempt.status !== "in_progress") {
        return { status: "closed", message: "This session is finished." };
      }
      if ((await openMockQuestionIds(tx, userId, now)).has(question.id)) {
        return {
          status: "refused",
          message: "This question is in your open mock exam. Finish the mock to see its answer.",
        };
      }
      if (selected.length === 0) {
        return { status: "refused", message: "Choose an answer before checking it." };
      }
      await tx.answerEvent.create({
        data: {
          id: randomUUID(),
          attemptId,
          questionId: question.id,
          kind: "check",
          selected: [...selected],
          answeredAt: now,
          receivedAt: now,
        },
      });
      // The grade is stored at once: progress and readiness read it without the event log.
      await tx.attemptQuestion.updateMany({
        where: { attemptId, questionId: question.id },
        data: { correct, answered: true, gradedHash: question.hash, respondedAt: now },
      });
      if (!correct) await addMisses(tx, userId, [{ questionId: question.id, at: now }]);
    }
    return {
      status: "ok",
      questionId: question.id,
      feedback: feedbackFor(question, selected, correct),
    };
  });
}
