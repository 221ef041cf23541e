import { randomUUID } from "node:crypto";
import type {
  ReportCategory,
  ReportInput,
  ReportStatus,
  ResolveInput,
} from "@/lib/analytics/reports";
import { GRACE_MS } from "@/lib/exam/deadline";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma.server";
import { hitRateLimit, type RateLimitPolicy } from "@/lib/rate-limit.server";

/**
 * Learners' reports on questions, and their triage by authors. Every learner-facing function is
 * scoped to the caller's user id. Not `server-only`: the CLI and the tests import it.
 */

export const REPORT_POLICY: RateLimitPolicy = { limit: 10, windowSeconds: 60 * 60 };

export type SubmitResult =
  | { status: "ok"; reportId: string; updated: boolean }
  | { status: "rate-limited"; retryAfterSeconds: number }
  | { status: "refused"; message: string };

/**
 * Files a report on the version of a question the user was shown (the version the given attempt
 * of theirs pinned, else the current one), or updates their open report on
 * that version (one open report per user per version, enforced by a unique index). Refused while
 * the question is in one of the user's open mocks: a report must not pause a mock or leak a key.
 */
export async function submitReport(
  db: Db,
  userId: string,
  input: ReportInput,
  now: Date = new Date(),
): Promise<SubmitResult> {
  const limit = await hitRateLimit(db, `report:${userId}`, REPORT_POLICY);
  if (!limit.allowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const [check] = await db.$queryRaw<{ hash: string | null; seen: boolean; inOpenMock: boolean }[]>`
    SELECT
      ${
        input.attemptId
          ? Prisma.sql`(SELECT aq."questionHash" FROM "AttemptQuestion" aq
               JOIN "Attempt" a ON a.id = aq."attemptId"
               WHERE a.id = ${input.attemptId} AND a."userId" = ${userId}
                 AND aq."questionId" = ${input.questionId})`
          : Prisma.sql`(SELECT q."currentHash" FROM "Question" q WHERE q.id = ${input.questionId})`
      } AS hash,
      (EXISTS (SELECT 1 FROM "AttemptQuestion" aq JOIN "Attempt" a ON a.id = aq."attemptId"
               WHERE a."userId" = ${userId} AND aq."questionId" = ${input.questionId})
       OR EXISTS (SELECT 1 FROM "ReviewCard" c
                  WHERE c."userId" = ${userId} AND c."questionId" = ${input.questionId})) AS seen,
      EXISTS (SELECT 1 FROM "AttemptQuestion" aq JOIN "Attempt" a ON a.id = aq."attemptId"
              WHERE a."userId" = ${userId} AND aq."questionId" = ${input.questionId}
                AND a.mode = 'mock' AND a.status = 'in_progress'
                AND (a.deadline IS NULL
                     OR a.deadline + ${`${GRACE_MS} milliseconds`}::interval >= ${now.toISOString()}::timestamp(3)))
        AS "inOpenMock"`;
  const questionHash = check?.hash;
  if (!questionHash || !check.seen) {
    return { status: "refused", message: "You can only report questions you have answered." };
  }
  if (check.inOpenMock) {
    return {
      status: "refused",
      message: "This question is in a mock you have not finished. Report it from the review page.",
    };
  }
  const [row] = await db.$queryRaw<{ id: string; updated: boolean }[]>`
    INSERT INTO "QuestionReport"
      (id, "userId", "questionId", "questionHash", category, comment, "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${userId}, ${input.questionId}, ${questionHash},
      ${input.category}::"ReportCategory", ${input.comment}, ${now.toISOString()}::timestamp(3), ${now.toISOString()}::timestamp(3))
    ON CONFLICT ("userId", "questionId", "questionHash", "openSlot") DO UPDATE
      SET category = EXCLUDED.category, comment = EXCLUDED.comment, "updatedAt" = EXCLUDED."updatedAt"
    RETURNING id, (xmax <> 0) AS updated`;
  if (!row) throw new Error("the report upsert returned no row");
  return { status: "ok", reportId: row.id, updated: row.updated };
}

export type MyReport = {
  id: string;
  questionId: string;
  questionHash: string;
  category: ReportCategory;
  comment: string;
  status: ReportStatus;
  authorNote: string | null;
  fixedInHash: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const MY_FIELDS = {
  id: true,
  questionId: true,
  questionHash: true,
  category: true,
  comment: true,
  status: true,
  authorNote: true,
  fixedInHash: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The user's own reports, newest first. */
export async function myReports(db: Db, userId: string): Promise<MyReport[]> {
  await markFixedReports(db);
  return db.questionReport.findMany({
    where: { userId },
    orderBy: { updatedAt: "desc" },
    select: MY_FIELDS,
    take: 200,
  });
}

/**
 * Accepted reports on a version that is no longer the question's current one become `fixed`, in
 * the current version. Idempotent; run before reports are read.
 */
export async function markFixedReports(db: Db): Promise<number> {
  return db.$executeRaw`
    UPDATE "QuestionReport" r
       SET status = 'fixed', "fixedInHash" = q."currentHash", "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM "Question" q
     WHERE q.id = r."questionId" AND r.status = 'accepted' AND r."questionHash" <> q."currentHash"`;
}

export type QueueRow = {
  questionId: string;
  trackId: string;
  open: number;
  byCategory: Partial<Record<ReportCategory, number>>;
  latest: Date;
};

/** Open reports grouped by question (most reported first), optionally on one track. */
export async function reportQueue(db: Db, trackId?: string): Promise<QueueRow[]> {
  await markFixedReports(db);
  const rows = await db.$queryRaw<
    { questionId: string; trackId: string; category: ReportCategory; n: number; latest: Date }[]
  >`
    SELECT r."questionId", q."trackId", r.category, COUNT(*)::int AS n, MAX(r."updatedAt") AS latest
      FROM "QuestionReport" r JOIN "Question" q ON q.id = r."questionId"
     WHERE r.status = 'open' AND (${trackId ?? null}::text IS NULL OR q."trackId" = ${trackId ?? null}::text)
     GROUP BY r."questionId", q."trackId", r.category`;
  const out = new Map<string, QueueRow>();
  for (const r of rows) {
    const row = out.get(r.questionId) ?? {
      questionId: r.questionId,
      trackId: r.trackId,
      open: 0,
      byCategory: {},
      latest: r.latest,
    };
    row.open += r.n;
    row.byCategory[r.category] = r.n;
    if (r.latest > row.latest) row.latest = r.latest;
    out.set(r.questionId, row);
  }
  return [...out.values()].sort(
    (a, b) => b.open - a.open || b.latest.getTime() - a.latest.getTime(),
  );
}

/** Every report on a question, for its author view (reporters stay anonymous). */
export async function reportsOnQuestion(db: Db, questionId: string) {
  await markFixedReports(db);
  return db.questionReport.findMany({
    where: { questionId },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    select: { ...MY_FIELDS, resolvedAt: true },
  });
}

export type ResolveResult = { status: "ok"; report: MyReport } | { status: "not-found" };

/**
 * An author accepts or declines a report (open or accepted) with a note. It leaves the open slot,
 * so its reporter may report that version again.
 */
export async function resolveReport(
  db: Db,
  authorId: string,
  input: ResolveInput,
  now: Date = new Date(),
): Promise<ResolveResult> {
  const updated = await db.questionReport.updateManyAndReturn({
    where: { id: input.reportId, status: { in: ["open", "accepted"] } },
    data: {
      status: input.decision === "accept" ? "accepted" : "declined",
      authorNote: input.note.trim() || null,
      openSlot: null,
      resolvedById: authorId,
      resolvedAt: now,
      updatedAt: now,
    },
    select: MY_FIELDS,
  });
  const report = updated[0];
  if (!report) return { status: "not-found" };
  await markFixedReports(db);
  return { status: "ok", report };
}

/** Open-report counts per question (for the sortable lists). */
export async function openReportCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db.questionReport.groupBy({
    by: ["questionId"],
    where: { status: "open" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.questionId, r._count._all]));
}
