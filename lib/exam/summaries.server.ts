import type { Db } from "@/lib/prisma.server";

/** Mock results per track, from the scores stored at close (and by regrades). */

type MockOutcome = {
  id: string;
  percent: number;
  scaledEstimate: number | null;
  passed: boolean;
  at: Date;
};

export type MockSummary = {
  trackId: string;
  taken: number;
  latest: MockOutcome | null;
  best: MockOutcome | null;
  /** Every finished mock, oldest first (for readiness and trends). */
  results: { percent: number; passed: boolean }[];
};

/** Per track: how many mocks the user finished, the latest and the best (by percentage). */
export async function mockSummaries(db: Db, userId: string): Promise<Map<string, MockSummary>> {
  const rows = await db.attempt.findMany({
    where: { userId, mode: "mock", status: { in: ["submitted", "expired"] } },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      trackId: true,
      scorePercent: true,
      scaledEstimate: true,
      passed: true,
      submittedAt: true,
      startedAt: true,
    },
  });
  const out = new Map<string, MockSummary>();
  for (const row of rows) {
    const entry: MockSummary = out.get(row.trackId) ?? {
      trackId: row.trackId,
      taken: 0,
      latest: null,
      best: null,
      results: [],
    };
    const result = {
      id: row.id,
      percent: row.scorePercent ?? 0,
      scaledEstimate: row.scaledEstimate,
      passed: row.passed ?? false,
      at: row.submittedAt ?? row.startedAt,
    };
    entry.taken += 1;
    entry.latest = result;
    entry.results.push({ percent: result.percent, passed: result.passed });
    if (!entry.best || result.percent > entry.best.percent) entry.best = result;
    out.set(row.trackId, entry);
  }
  return out;
}
