import type { Question } from "@/lib/content/types";
import { optionHashesOf } from "@/lib/exam/grading";
import type { Db } from "@/lib/prisma.server";
import { planQuestionSync } from "@/lib/question-sync";

/**
 * Mirrors the bank into Postgres (question id + version hash + answer key per version) so
 * attempts can reference questions by foreign key and be regraded later. Idempotent: a re-run
 * with the same bank writes nothing. Questions removed from content are retired, never deleted.
 */
export async function syncQuestions(db: Db, questions: readonly Question[]) {
  return db.$transaction(
    async (tx) => {
      const existing = await tx.question.findMany({
        select: { id: true, trackId: true, domain: true, currentHash: true, retired: true },
      });
      const plan = planQuestionSync(questions, existing);
      if (plan.create.length > 0) {
        await tx.question.createMany({ data: plan.create, skipDuplicates: true });
      }
      if (plan.update.length > 0) {
        // One statement for every changed question, however many there are.
        const rows = plan.update;
        await tx.$executeRaw`
          UPDATE "Question" AS q
             SET "trackId" = v."trackId", "domain" = v."domain", "currentHash" = v."hash",
                 "retired" = false, "syncedAt" = now()
            FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.trackId)}::text[],
                        ${rows.map((r) => r.domain)}::text[], ${rows.map((r) => r.currentHash)}::text[])
                 AS v("id", "trackId", "domain", "hash")
           WHERE q."id" = v."id"`;
      }
      if (plan.retire.length > 0) {
        await tx.question.updateMany({
          where: { id: { in: plan.retire } },
          data: { retired: true },
        });
      }
      if (plan.versions.length > 0) {
        await tx.questionVersion.createMany({ data: plan.versions, skipDuplicates: true });
      }
      // Versions recorded before option hashes were: fill in those of the current versions.
      await tx.$executeRaw`
        UPDATE "QuestionVersion" AS qv SET "optionHashes" = string_to_array(v.hashes, ',')
          FROM unnest(${questions.map((q) => q.id)}::text[], ${questions.map((q) => q.hash)}::text[],
                      ${questions.map((q) => optionHashesOf(q).join(","))}::text[])
               AS v("questionId", hash, hashes)
         WHERE qv."questionId" = v."questionId" AND qv.hash = v.hash
           AND cardinality(qv."optionHashes") = 0`;
      return {
        created: plan.create.length,
        updated: plan.update.length,
        retired: plan.retire.length,
        versions: plan.versions.length,
      };
    },
    // maxWait: replicas starting together on a cold pool may wait for a connection.
    { maxWait: 15_000, timeout: 60_000 },
  );
}
