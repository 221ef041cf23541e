import type { Bank } from "@/lib/content/types";
import type { Db } from "@/lib/prisma.server";
import { storeGrades } from "./attempts.server";
import { gradeAttempt } from "./derive";
import { sameMeaning } from "./regrade";

/**
 * Re-grades closed attempts whose questions were graded against a version that is no longer the
 * bank's current one (a key change, a revert, options moved to other letters). Each such
 * attempt is re-graded whole from its events, under its row lock, and its stored grades and
 * score are replaced; a Regrade row records each question whose answer key changed meaning.
 * Idempotent: the stored `gradedHash` is the current hash afterwards, so a re-run finds nothing.
 * It also grades, once, closed attempts stored before per-question grades existed.
 * The bank must already be mirrored (its versions and option hashes recorded).
 */
export async function regradeAttempts(db: Db, bank: Bank) {
  const stale = await db.$queryRaw<{ attemptId: string }[]>`
    SELECT DISTINCT aq."attemptId"
      FROM "AttemptQuestion" aq
      JOIN "Attempt" a ON a.id = aq."attemptId" AND a.status IN ('submitted', 'expired')
      JOIN "Question" q ON q.id = aq."questionId"
     WHERE q."currentHash" <> COALESCE(aq."gradedHash", aq."questionHash")
        -- Closed before grades were stored per question: grade them once.
        OR (aq.correct IS NULL AND NOT q.retired)`;
  let questionsRegraded = 0;
  for (const { attemptId } of stale) {
    questionsRegraded += await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
        const attempt = await tx.attempt.findUniqueOrThrow({
          where: { id: attemptId },
          include: {
            questions: { include: { version: { select: { optionHashes: true } } } },
            events: { orderBy: { sequence: "asc" } },
          },
        });
        const track = bank.tracks.get(attempt.trackId);
        if (!track) return 0;
        const versions = await tx.questionVersion.findMany({
          where: {
            OR: attempt.questions.map((q) => ({
              questionId: q.questionId,
              hash: q.gradedHash ?? q.questionHash,
            })),
          },
          select: { questionId: true, hash: true, correctKeys: true, optionHashes: true },
        });
        const gradedWith = new Map(versions.map((v) => [`${v.questionId}:${v.hash}`, v]));
        const { graded, score } = gradeAttempt(attempt, bank, track);
        const regrades = attempt.questions.flatMap((aq) => {
          const now = graded.get(aq.questionId);
          const q = bank.byId.get(aq.questionId);
          const fromHash = aq.gradedHash ?? aq.questionHash;
          const before = gradedWith.get(`${aq.questionId}:${fromHash}`);
          if (!now || !q || fromHash === q.hash || !before) return [];
          if (sameMeaning(before, q) && now.correct === aq.correct) return [];
          return [
            {
              attemptId,
              questionId: aq.questionId,
              fromHash,
              toHash: q.hash,
              wasCorrect: aq.correct ?? false,
              nowCorrect: now.correct,
            },
          ];
        });
        if (regrades.length > 0) await tx.regrade.createMany({ data: regrades });
        await storeGrades(tx, attemptId, graded, attempt.submittedAt ?? attempt.startedAt);
        await tx.attempt.update({
          where: { id: attemptId },
          data: {
            correctCount: score.correct,
            scorePercent: score.percent,
            scaledEstimate: score.scaledEstimate,
            passed: score.passed,
          },
        });
        return regrades.length;
      },
      { maxWait: 15_000, timeout: 30_000 },
    );
  }
  return { questionsRegraded, attemptsRescored: stale.length };
}
