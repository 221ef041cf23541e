import {
  DEFAULT_MIN_N,
  ItemAccumulator,
  type ItemResponse,
  type ItemStats,
} from "@/lib/analytics/item-stats";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma.server";

/**
 * Item statistics from the database (ADR 0014). PostgreSQL picks the counted responses, a user's
 * first graded response per question, and grades each against the key of the version it showed;
 * Node reads them through a cursor in batches into one `ItemAccumulator` per question version, so
 * neither the events nor every response are ever held at once. Used by the author pages (through
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
 * The counted responses with their question and version. Mirrors lib/attempts.server.ts:
 * a mock's answer is its latest `answer` event by time then arrival, up to the deadline; a
 * practice or drill check's answer is the check event's selection; the flag is the latest
 * `flag` event; time on a question sums its visits, each lasting until the next visit or the
 * attempt's end, at most 10 minutes (lib/exam/practice `timeSpent`).
 */
export function countedResponsesSql(trackId: string | null) {
  // The attempt filters are written out in each part (no shared CTE): PostgreSQL then estimates
  // each join from the table's statistics and picks hash joins over sequential scans, where a
  // CTE's guessed row count led it to one index probe per attempt.
  const track = trackId === null ? Prisma.empty : Prisma.sql`AND a."trackId" = ${trackId}`;
  const closedMock = Prisma.sql`a.mode = 'mock' AND a.status <> 'in_progress' ${track}`;
  const graded = Prisma.sql`(a.mode <> 'mock' OR a.status <> 'in_progress') ${track}`;
  return Prisma.sql`
    WITH ans AS (
      SELECT DISTINCT ON (e."attemptId", e."questionId") e."attemptId", e."questionId", e.selected
      FROM "AnswerEvent" e JOIN "Attempt" a ON a.id = e."attemptId"
      WHERE ${closedMock} AND e.kind = 'answer'
        AND (a.deadline IS NULL OR e."answeredAt" <= a.deadline)
      ORDER BY e."attemptId", e."questionId", e."answeredAt" DESC, e.sequence DESC
    ),
    mock_items AS (
      SELECT a."userId", a.id AS "attemptId", aq."questionId", aq."questionHash" AS hash,
        a."submittedAt" AS "gradedAt", 0::bigint AS ord, sel.selected,
        (sel.selected @> qv."correctKeys" AND sel.selected <@ qv."correctKeys") AS correct
      FROM "Attempt" a
      JOIN "AttemptQuestion" aq ON aq."attemptId" = a.id
      JOIN "QuestionVersion" qv ON qv."questionId" = aq."questionId" AND qv.hash = aq."questionHash"
      LEFT JOIN ans ON ans."attemptId" = a.id AND ans."questionId" = aq."questionId"
      CROSS JOIN LATERAL (SELECT COALESCE(ans.selected, '{}'::text[]) AS selected) sel
      WHERE ${closedMock}
    ),
    responses AS (
      SELECT m."userId", m."attemptId", m."questionId", m.hash, m."gradedAt", m.ord, m.selected,
        m.correct,
        (SUM(m.correct::int) OVER p - m.correct::int)::float8 / NULLIF(COUNT(*) OVER p - 1, 0)
          AS rest
      FROM mock_items m
      WINDOW p AS (PARTITION BY m."attemptId")
      UNION ALL
      SELECT a."userId", a.id, c."questionId", aq."questionHash", c."answeredAt", c.sequence,
        c.selected, (c.selected @> qv."correctKeys" AND c.selected <@ qv."correctKeys"),
        NULL::float8
      FROM "AnswerEvent" c
      JOIN "Attempt" a ON a.id = c."attemptId"
      JOIN "AttemptQuestion" aq ON aq."attemptId" = c."attemptId" AND aq."questionId" = c."questionId"
      JOIN "QuestionVersion" qv ON qv."questionId" = aq."questionId" AND qv.hash = aq."questionHash"
      WHERE a.mode <> 'mock' ${track} AND c.kind = 'check'
    ),
    visits AS (
      SELECT e."attemptId", e."questionId", LEAST(600000, GREATEST(0, EXTRACT(EPOCH FROM (
          COALESCE(LEAD(e."answeredAt") OVER w, a."submittedAt", a.deadline, now() AT TIME ZONE 'UTC')
          - e."answeredAt")) * 1000)) AS ms
      FROM "AnswerEvent" e JOIN "Attempt" a ON a.id = e."attemptId"
      WHERE ${graded} AND e.kind = 'visit'
        AND e."answeredAt" <= COALESCE(a."submittedAt", a.deadline, now() AT TIME ZONE 'UTC')
      WINDOW w AS (PARTITION BY e."attemptId" ORDER BY e."answeredAt", e.sequence)
    ),
    spent AS (
      SELECT "attemptId", "questionId", SUM(ms)::float8 AS ms FROM visits GROUP BY 1, 2
    ),
    flags AS (
      SELECT DISTINCT ON (e."attemptId", e."questionId") e."attemptId", e."questionId", e.flagged
      FROM "AnswerEvent" e JOIN "Attempt" a ON a.id = e."attemptId"
      WHERE ${graded} AND e.kind = 'flag'
      ORDER BY e."attemptId", e."questionId", e."answeredAt" DESC, e.sequence DESC
    ),
    firsts AS (
      SELECT DISTINCT ON (r."userId", r."questionId") r.*
      FROM responses r
      ORDER BY r."userId", r."questionId", r."gradedAt", r.ord, r."attemptId"
    )
    SELECT f."questionId", f.hash, f.selected, f.correct, f.rest, t.ms AS "timeMs",
      COALESCE(fl.flagged, false) AS flagged
    FROM firsts f
    LEFT JOIN spent t ON t."attemptId" = f."attemptId" AND t."questionId" = f."questionId"
    LEFT JOIN flags fl ON fl."attemptId" = f."attemptId" AND fl."questionId" = f."questionId"`;
}

/** Streams the counted responses (in no particular order) through a server-side cursor. */
export async function forEachCountedResponse(
  db: Db,
  filter: StatsFilter,
  visit: (row: ResponseRow) => void,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // The sorts of a few hundred thousand rows fit in memory with this (the default 4 MB spills).
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '64MB'`);
      await tx.$executeRaw`DECLARE counted NO SCROLL CURSOR FOR ${countedResponsesSql(filter.trackId ?? null)}`;
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
