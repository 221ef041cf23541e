import {
  DEFAULT_MIN_N,
  ItemAccumulator,
  type ItemResponse,
  type ItemStats,
} from "@/lib/analytics/item-stats";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma.server";

/**
 * Item statistics from the database (ADR 0014). Each graded response is derived from the answer
 * events once, into `ItemResponse` (`recordResponses`); PostgreSQL then picks each user's first
 * graded response per question, and Node reads them through a cursor in batches into one
 * `ItemAccumulator` per question version, so neither the events nor every response are ever held
 * in memory at once. Used by the author pages (through
 * `cachedItemStats`), `npm run content:stats` and `npm run bench:stats`.
 *
 * Not `server-only`: the CLI and the benchmark import it too.
 */

export type StatsFilter = { trackId?: string | undefined; minN?: number | undefined };

type ResponseRow = {
  questionId: string;
  hash: string;
  selected: string[];
  correct: boolean;
  rest: number | null;
  timeMs: number | null;
  flagged: boolean;
};

const BATCH = 20_000;

/**
 * Records, once, the graded responses that are not in `ItemResponse` yet: every question of each
 * newly closed mock, and each new practice or drill check. Mirrors lib/attempts.server.ts:
 * a mock's answer is its latest `answer` event (by time, then arrival) up to the deadline; a
 * check's answer is the check event's selection; the flag is the latest `flag` event (up to the
 * check for a check); time on a question sums its visits, each lasting until the next visit or
 * the close (the check), at most 10 minutes (lib/exam/practice `timeSpent`). Each response is
 * graded against the key of the version it showed. Serialised by an advisory lock; idempotent.
 *
 * The attempt filters are written out in each part (no shared CTE): PostgreSQL then estimates each
 * join from the table's statistics and picks hash joins over sequential scans.
 */
export async function recordResponses(db: Db, trackId: string | null = null): Promise<number> {
  const track = trackId === null ? Prisma.empty : Prisma.sql`AND a."trackId" = ${trackId}`;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('passmark:item-responses'))`;
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '64MB'`);
      return tx.$executeRaw`
        WITH mocks AS MATERIALIZED (
          SELECT a.id, a."userId", a."trackId", a.deadline, a."submittedAt"
          FROM "Attempt" a
          WHERE a.mode = 'mock' AND a.status <> 'in_progress' ${track}
            AND NOT EXISTS (SELECT 1 FROM "ItemResponse" r WHERE r."attemptId" = a.id)
        ),
        checks AS MATERIALIZED (
          SELECT c."attemptId", c."questionId", c.selected, c."answeredAt", c.sequence,
            a."userId", a."trackId"
          FROM "AnswerEvent" c JOIN "Attempt" a ON a.id = c."attemptId"
          WHERE c.kind = 'check' AND a.mode <> 'mock' ${track}
            AND NOT EXISTS (SELECT 1 FROM "ItemResponse" r
                            WHERE r."attemptId" = c."attemptId" AND r."questionId" = c."questionId")
        ),
        ans AS (
          SELECT DISTINCT ON (e."attemptId", e."questionId") e."attemptId", e."questionId", e.selected
          FROM "AnswerEvent" e JOIN mocks m ON m.id = e."attemptId"
          WHERE e.kind = 'answer' AND (m.deadline IS NULL OR e."answeredAt" <= m.deadline)
          ORDER BY e."attemptId", e."questionId", e."answeredAt" DESC, e.sequence DESC
        ),
        visits AS (
          SELECT e."attemptId", e."questionId", e."answeredAt",
            LEAD(e."answeredAt") OVER (PARTITION BY e."attemptId" ORDER BY e."answeredAt", e.sequence)
              AS next
          FROM "AnswerEvent" e
          WHERE e.kind = 'visit' AND e."attemptId" IN (
            SELECT id FROM mocks UNION SELECT "attemptId" FROM checks)
        ),
        flags AS (
          SELECT e."attemptId", e."questionId", e.flagged, e."answeredAt", e.sequence
          FROM "AnswerEvent" e
          WHERE e.kind = 'flag' AND e."attemptId" IN (
            SELECT id FROM mocks UNION SELECT "attemptId" FROM checks)
        ),
        mock_items AS (
          SELECT m.id AS "attemptId", aq."questionId", m."userId", m."trackId",
            aq."questionHash", m."submittedAt" AS "gradedAt", sel.selected,
            (sel.selected @> qv."correctKeys" AND sel.selected <@ qv."correctKeys") AS correct
          FROM mocks m
          JOIN "AttemptQuestion" aq ON aq."attemptId" = m.id
          JOIN "QuestionVersion" qv ON qv."questionId" = aq."questionId" AND qv.hash = aq."questionHash"
          LEFT JOIN ans ON ans."attemptId" = m.id AND ans."questionId" = aq."questionId"
          CROSS JOIN LATERAL (SELECT COALESCE(ans.selected, '{}'::text[]) AS selected) sel
        ),
        rows AS (
          SELECT i."attemptId", i."questionId", i."userId", i."trackId", i."questionHash",
            i."gradedAt", 0::bigint AS ord, i.selected, i.correct,
            (SUM(i.correct::int) OVER p - i.correct::int)::float8 / NULLIF(COUNT(*) OVER p - 1, 0)
              AS rest,
            i."gradedAt" AS "endAt"
          FROM mock_items i
          WINDOW p AS (PARTITION BY i."attemptId")
          UNION ALL
          SELECT c."attemptId", c."questionId", c."userId", c."trackId", aq."questionHash",
            c."answeredAt", c.sequence, c.selected,
            (c.selected @> qv."correctKeys" AND c.selected <@ qv."correctKeys"), NULL::float8,
            c."answeredAt"
          FROM checks c
          JOIN "AttemptQuestion" aq ON aq."attemptId" = c."attemptId" AND aq."questionId" = c."questionId"
          JOIN "QuestionVersion" qv ON qv."questionId" = aq."questionId" AND qv.hash = aq."questionHash"
        ),
        spent AS (
          SELECT r."attemptId", r."questionId", SUM(LEAST(600000, GREATEST(0, EXTRACT(EPOCH FROM (
              LEAST(COALESCE(v.next, r."endAt"), r."endAt") - v."answeredAt")) * 1000)))::float8 AS ms
          FROM rows r JOIN visits v ON v."attemptId" = r."attemptId" AND v."questionId" = r."questionId"
          WHERE v."answeredAt" <= r."endAt"
          GROUP BY r."attemptId", r."questionId"
        ),
        flagged AS (
          SELECT DISTINCT ON (r."attemptId", r."questionId") r."attemptId", r."questionId", f.flagged
          FROM rows r JOIN flags f ON f."attemptId" = r."attemptId" AND f."questionId" = r."questionId"
          WHERE f."answeredAt" <= r."endAt"
          ORDER BY r."attemptId", r."questionId", f."answeredAt" DESC, f.sequence DESC
        )
        INSERT INTO "ItemResponse" ("attemptId", "questionId", "userId", "trackId", "questionHash",
          "gradedAt", ord, selected, correct, rest, "timeMs", flagged)
        SELECT r."attemptId", r."questionId", r."userId", r."trackId", r."questionHash",
          r."gradedAt", r.ord, r.selected, r.correct, r.rest, s.ms, COALESCE(fl.flagged, false)
        FROM rows r
        LEFT JOIN spent s ON s."attemptId" = r."attemptId" AND s."questionId" = r."questionId"
        LEFT JOIN flagged fl ON fl."attemptId" = r."attemptId" AND fl."questionId" = r."questionId"
        ON CONFLICT DO NOTHING`;
    },
    { timeout: 300_000 },
  );
}

/**
 * Streams the counted responses, each user's first graded response per question (ADR 0014), from
 * `ItemResponse` through a server-side cursor, after recording any new ones.
 */
export async function forEachCountedResponse(
  db: Db,
  filter: StatsFilter,
  visit: (row: ResponseRow) => void,
): Promise<void> {
  const trackId = filter.trackId ?? null;
  await recordResponses(db, trackId);
  const track = trackId === null ? Prisma.empty : Prisma.sql`WHERE r."trackId" = ${trackId}`;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '64MB'`);
      await tx.$executeRaw`
        DECLARE counted NO SCROLL CURSOR FOR
        SELECT DISTINCT ON (r."userId", r."questionId") r."questionId", r."questionHash" AS hash,
          r.selected, r.correct, r.rest, r."timeMs", r.flagged
        FROM "ItemResponse" r ${track}
        ORDER BY r."userId", r."questionId", r."gradedAt", r.ord, r."attemptId"`;
      for (;;) {
        const rows = await tx.$queryRawUnsafe<ResponseRow[]>(`FETCH ${BATCH} FROM counted`);
        for (const row of rows) visit(row);
        if (rows.length < BATCH) break;
      }
    },
    { timeout: 120_000 },
  );
}

type VersionRow = {
  questionId: string;
  hash: string;
  correctKeys: string[];
  createdAt: Date;
  current: boolean;
};

export type VersionStats = ItemStats & {
  /** The question's current version (the others are history). */
  current: boolean;
  versionCreatedAt: Date;
};

/**
 * Statistics of every version of every question that has counted responses, plus the current
 * version of every question (with n = 0 when unanswered), of one track or all. `optionKeys` gives
 * each question's authored options (from the bank), so options never chosen still show.
 */
export async function computeItemStats(
  db: Db,
  filter: StatsFilter,
  optionKeys: (questionId: string) => readonly string[] = () => [],
): Promise<VersionStats[]> {
  const trackId = filter.trackId ?? null;
  const versions = await db.$queryRaw<VersionRow[]>`
    SELECT v."questionId", v.hash, v."correctKeys", v."createdAt", (v.hash = q."currentHash") AS current
    FROM "QuestionVersion" v JOIN "Question" q ON q.id = v."questionId"
    WHERE (${trackId}::text IS NULL OR q."trackId" = ${trackId}::text) AND NOT q.retired`;
  const accs = new Map<string, ItemAccumulator>();
  await forEachCountedResponse(db, filter, (row) => {
    const key = `${row.questionId} ${row.hash}`;
    let acc = accs.get(key);
    if (!acc) {
      acc = new ItemAccumulator();
      accs.set(key, acc);
    }
    acc.add(toResponse(row));
  });
  const minN = filter.minN ?? DEFAULT_MIN_N;
  const out: VersionStats[] = [];
  for (const v of versions) {
    const acc = accs.get(`${v.questionId} ${v.hash}`);
    if (!acc && !v.current) continue;
    const stats = (acc ?? new ItemAccumulator()).finish(
      {
        questionId: v.questionId,
        hash: v.hash,
        correctKeys: v.correctKeys,
        optionKeys: optionKeys(v.questionId),
      },
      minN,
    );
    out.push({ ...stats, current: v.current, versionCreatedAt: v.createdAt });
  }
  return out;
}

function toResponse(row: ResponseRow): ItemResponse {
  return {
    selected: row.selected,
    correct: row.correct,
    rest: row.rest,
    timeMs: row.timeMs,
    flagged: row.flagged,
  };
}
