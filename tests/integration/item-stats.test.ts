import { afterAll, describe, expect, inject, it } from "vitest";
import {
  computeItemStats,
  recordResponses,
  type VersionStats,
} from "@/lib/analytics/item-stats.server";
import { createDb } from "@/lib/prisma.server";
import { newTrack, newUsers, seedCheck, seedMock, seedQuestion } from "./item-stats-fixtures";

const db = createDb(inject("databaseUrl"));
afterAll(() => db.$disconnect());

const T0 = new Date(Date.UTC(2026, 10, 1, 9));
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const KEYS = () => ["A", "B", "C", "D"];

function statsOf(all: VersionStats[], questionId: string, hash: string) {
  const found = all.find((s) => s.questionId === questionId && s.hash === hash);
  if (!found) throw new Error(`no statistics for ${questionId}@${hash}`);
  return found;
}

describe("item statistics from the database", () => {
  it("counts only each user's first graded response, whether a mock or a practice check", async () => {
    const trackId = newTrack();
    const q = await seedQuestion(db, { trackId, versions: [{ hash: "h1", correctKeys: ["B"] }] });
    const filler = await seedQuestion(db, {
      trackId,
      versions: [{ hash: "f1", correctKeys: ["A"] }],
    });
    const [checkFirst, mockFirst] = await newUsers(db, 2);
    if (!checkFirst || !mockFirst) throw new Error("users");
    // checkFirst: wrong at a practice check, then right in a later mock (not counted).
    await seedCheck(db, {
      userId: checkFirst,
      trackId,
      questionId: q,
      hash: "h1",
      selected: ["C"],
      checkedAt: hours(1),
    });
    await seedMock(db, {
      userId: checkFirst,
      trackId,
      startedAt: hours(2),
      items: [
        { questionId: q, hash: "h1", selected: ["B"] },
        { questionId: filler, hash: "f1", selected: ["A"] },
      ],
    });
    // mockFirst: right in a mock, then wrong at a later check (not counted).
    await seedMock(db, {
      userId: mockFirst,
      trackId,
      startedAt: hours(1),
      items: [
        { questionId: q, hash: "h1", selected: ["B"] },
        { questionId: filler, hash: "f1", selected: ["D"] },
      ],
    });
    await seedCheck(db, {
      userId: mockFirst,
      trackId,
      questionId: q,
      hash: "h1",
      selected: ["D"],
      checkedAt: hours(5),
    });

    const stats = statsOf(await computeItemStats(db, { trackId }, KEYS), q, "h1");
    expect(stats.n).toBe(2);
    expect(stats.mockN).toBe(1);
    expect(stats.facility).toBe(0.5);
    expect(stats.options.map((o) => [o.key, o.correct, o.count])).toEqual([
      ["A", false, 0],
      ["B", true, 1],
      ["C", false, 1],
      ["D", false, 0],
    ]);
  });

  it("a new version starts new counts; the old version stays as history", async () => {
    const trackId = newTrack();
    const q = await seedQuestion(db, {
      trackId,
      versions: [
        { hash: "v1", correctKeys: ["A"] },
        { hash: "v2", correctKeys: ["C"] },
      ],
      current: "v1",
    });
    const [a, b, c] = await newUsers(db, 3);
    if (!a || !b || !c) throw new Error("users");
    for (const user of [a, b]) {
      await seedCheck(db, {
        userId: user,
        trackId,
        questionId: q,
        hash: "v1",
        selected: ["C"],
        checkedAt: hours(1),
      });
    }
    await db.question.update({ where: { id: q }, data: { currentHash: "v2" } });
    await seedCheck(db, {
      userId: c,
      trackId,
      questionId: q,
      hash: "v2",
      selected: ["C"],
      checkedAt: hours(3),
    });
    // a saw v1 already: answering v2 is a later exposure and does not count.
    await seedCheck(db, {
      userId: a,
      trackId,
      questionId: q,
      hash: "v2",
      selected: ["A"],
      checkedAt: hours(4),
    });

    const all = await computeItemStats(db, { trackId }, KEYS);
    const v1 = statsOf(all, q, "v1");
    const v2 = statsOf(all, q, "v2");
    expect([v1.current, v1.n, v1.facility]).toEqual([false, 2, 0]);
    expect([v2.current, v2.n, v2.facility]).toEqual([true, 1, 1]);
  });

  it("grades mocks as closed: late answers ignored, unanswered and flagged counted, rest of score and time", async () => {
    const trackId = newTrack();
    const q = await seedQuestion(db, { trackId, versions: [{ hash: "h", correctKeys: ["A"] }] });
    const others = [
      await seedQuestion(db, { trackId, versions: [{ hash: "o1", correctKeys: ["A"] }] }),
      await seedQuestion(db, { trackId, versions: [{ hash: "o2", correctKeys: ["A"] }] }),
    ] as const;
    const users = await newUsers(db, 4);
    const plans: { selected?: string[]; late?: boolean; flagged?: boolean; rest: number }[] = [
      { selected: ["A"], rest: 2 },
      { selected: ["A"], late: true, rest: 1 },
      { flagged: true, rest: 0 },
      { selected: ["B"], rest: 1 },
    ];
    for (const [i, plan] of plans.entries()) {
      await seedMock(db, {
        userId: users[i] as string,
        trackId,
        startedAt: hours(i),
        items: [
          { questionId: q, hash: "h", seconds: 30 * (i + 1), ...plan },
          { questionId: others[0], hash: "o1", selected: plan.rest >= 1 ? ["A"] : ["B"] },
          { questionId: others[1], hash: "o2", selected: plan.rest >= 2 ? ["A"] : ["B"] },
        ],
      });
    }
    // An open mock is not graded yet and never counts.
    const [late] = await newUsers(db, 1);
    await seedMock(db, {
      userId: late as string,
      trackId,
      startedAt: hours(9),
      open: true,
      items: [{ questionId: q, hash: "h", selected: ["A"] }],
    });

    const stats = statsOf(await computeItemStats(db, { trackId }, KEYS), q, "h");
    expect(stats.n).toBe(4);
    expect(stats.mockN).toBe(4);
    expect(stats.facility).toBe(0.25);
    expect(stats.unansweredRate).toBe(0.5);
    expect(stats.flaggedRate).toBe(0.25);
    expect(stats.medianTimeMs).toBe(75_000);
    // Item (1,0,0,0) against the rest of the score (1, .5, 0, .5).
    const x = [1, 0, 0, 0];
    const y = [1, 0.5, 0, 0.5];
    const mx = 0.25;
    const my = 0.5;
    const sxy = x.reduce((s, xi, i) => s + (xi - mx) * ((y[i] as number) - my), 0);
    const sxx = x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
    const syy = y.reduce((s, yi) => s + (yi - my) ** 2, 0);
    expect(stats.pointBiserial).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 10);
  });

  it("records each graded response once, and picks up responses graded since", async () => {
    const trackId = newTrack();
    const q = await seedQuestion(db, { trackId, versions: [{ hash: "h", correctKeys: ["A"] }] });
    const [a, b] = await newUsers(db, 2);
    if (!a || !b) throw new Error("users");
    await seedMock(db, {
      userId: a,
      trackId,
      startedAt: hours(1),
      items: [{ questionId: q, hash: "h", selected: ["A"] }],
    });
    expect(statsOf(await computeItemStats(db, { trackId }, KEYS), q, "h").n).toBe(1);
    expect(await recordResponses(db, trackId)).toBe(0);
    await seedCheck(db, {
      userId: b,
      trackId,
      questionId: q,
      hash: "h",
      selected: ["B"],
      checkedAt: hours(2),
    });
    const stats = statsOf(await computeItemStats(db, { trackId }, KEYS), q, "h");
    expect([stats.n, stats.facility]).toEqual([2, 0.5]);
    expect(await db.itemResponse.count({ where: { trackId } })).toBe(2);
  });

  it("lists the current version of an unanswered question with n = 0", async () => {
    const trackId = newTrack();
    const q = await seedQuestion(db, { trackId, versions: [{ hash: "h", correctKeys: ["D"] }] });
    const stats = statsOf(await computeItemStats(db, { trackId }, KEYS), q, "h");
    expect([stats.n, stats.facility, stats.flags]).toEqual([0, null, []]);
    expect(stats.options.find((o) => o.correct)?.key).toBe("D");
  });
});
