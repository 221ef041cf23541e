import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBank } from "@/lib/content/load.server";
import type { Bank, OptionKey, Question } from "@/lib/content/types";
import { loadAttempt, startMock, startPractice, submitAttempt } from "@/lib/exam/attempts.server";
import { checkAnswer } from "@/lib/exam/checks.server";
import { gradeAttempt } from "@/lib/exam/derive";
import { seededRandom } from "@/lib/exam/random";
import { regradeAttempts } from "@/lib/exam/regrade.server";
import { recordEvents } from "@/lib/exam/saving.server";
import { createDb } from "@/lib/prisma.server";
import { syncQuestions } from "@/lib/questions.server";
import { addMisses, reviewQueue } from "@/lib/review-deck.server";
import { createUser } from "@/lib/users.server";

/**
 * The score a candidate is given is an honest measure: stored scores always equal the score
 * replayed from the events (closes racing saves, double closes, regrades), and no question of an
 * open mock is served or graded anywhere else.
 */

const db = createDb(inject("databaseUrl"));
const bank = loadBank();
const cba = bank.tracks.get("cba");
if (!cba) throw new Error("the cba track is missing");

beforeAll(() => syncQuestions(db, bank.questions));
afterAll(async () => {
  await syncQuestions(db, bank.questions);
  await regradeAttempts(db, bank);
  await db.$disconnect();
});

async function newUser() {
  const email = `integrity-${randomUUID()}@example.test`;
  return createUser(db, { name: "Candidate", email, password: "a long enough passphrase" });
}

const answer = (questionId: string, selected: OptionKey[], at = new Date()) => ({
  id: randomUUID(),
  questionId,
  kind: "answer" as const,
  selected,
  at,
});

async function mockQuestions(userId: string, attemptId: string) {
  const attempt = await loadAttempt(db, userId, attemptId, bank);
  return (attempt?.questions ?? []).map((aq) => {
    const q = bank.byId.get(aq.questionId);
    if (!q) throw new Error(`unknown question ${aq.questionId}`);
    return q;
  });
}

/** The bank with some questions replaced (as if authors had edited them). */
function withQuestions(replacements: readonly Question[]): Bank {
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  for (const q of replacements) byId.set(q.id, q);
  const questions = [...byId.values()];
  return {
    ...bank,
    questions,
    byId,
    questionsOf: (trackId: string) => questions.filter((q) => q.trackId === trackId),
  };
}

/** A new version of a question whose correct option is `key` (by letter). */
function rekeyed(q: Question, key: OptionKey, tag: string): Question {
  return {
    ...q,
    hash: `${q.hash.slice(0, 40)}-${tag}`,
    correctKeys: [key],
    options: q.options.map((o) => ({ ...o, correct: o.key === key })),
  };
}

/** The same options (and the same correct ones) in reverse authored order: new letters. */
function reordered(q: Question, tag: string): Question {
  const keys = q.options.map((o) => o.key);
  const options = [...q.options].reverse().map((o, i) => ({ ...o, key: keys[i] as OptionKey }));
  return {
    ...q,
    hash: `${q.hash.slice(0, 40)}-${tag}`,
    options,
    correctKeys: options.filter((o) => o.correct).map((o) => o.key),
  };
}

async function switchBank(next: Bank) {
  await syncQuestions(db, next.questions);
  return regradeAttempts(db, next);
}

async function stored(attemptId: string) {
  return db.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: { questions: true },
  });
}

describe("closing and saving", () => {
  it("never stores an acknowledged answer outside the score: saves racing a submit", async () => {
    for (let round = 0; round < 6; round++) {
      const user = await newUser();
      const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank, count: 30 });
      const qs = await mockQuestions(user.id, attemptId);
      const saves = qs.map((q, i) =>
        // Staggered a little so some land before, some during and some after the close.
        new Promise((r) => setTimeout(r, i)).then(() =>
          recordEvents(db, user.id, attemptId, [answer(q.id, [...q.correctKeys])], bank),
        ),
      );
      const submit = new Promise((r) => setTimeout(r, 8)).then(() =>
        submitAttempt(db, user.id, attemptId, bank),
      );
      const results = await Promise.all(saves);
      expect(await submit).toEqual({ status: "ok", attemptId });
      const acknowledged = results.filter((r) => r.status === "ok" && r.accepted.length === 1);
      const refused = results.filter((r) => r.status === "closed");
      expect(acknowledged.length + refused.length).toBe(qs.length);
      const after = await stored(attemptId);
      // Every answer was right: the score counts exactly the acknowledged ones.
      expect(after.correctCount).toBe(acknowledged.length);
      expect(await db.answerEvent.count({ where: { attemptId, kind: "answer" } })).toBe(
        acknowledged.length,
      );
    }
  });

  it("two closes at once make one close, one result and one set of misses", async () => {
    const user = await newUser();
    const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank, count: 10 });
    const qs = await mockQuestions(user.id, attemptId);
    const wrong = (q: Question) => q.options.find((o) => !o.correct)?.key ?? "A";
    await recordEvents(
      db,
      user.id,
      attemptId,
      qs.map((q, i) => answer(q.id, i < 4 ? [wrong(q)] : [...q.correctKeys])),
      bank,
    );
    const outcomes = await Promise.all([
      submitAttempt(db, user.id, attemptId, bank),
      submitAttempt(db, user.id, attemptId, bank),
      submitAttempt(db, user.id, attemptId, bank),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["closed", "closed", "ok"]);
    const after = await stored(attemptId);
    expect(after.correctCount).toBe(6);
    const cards = await db.reviewCard.findMany({ where: { userId: user.id } });
    expect(cards.map((c) => c.questionId).sort()).toEqual(
      qs
        .slice(0, 4)
        .map((q) => q.id)
        .sort(),
    );
  });
});

describe("regrading", () => {
  it("follows a key change, its revert, and an option reorder to the right score", async () => {
    const user = await newUser();
    const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank, count: 5 });
    const [q] = await mockQuestions(user.id, attemptId);
    if (!q) throw new Error("no question");
    await recordEvents(db, user.id, attemptId, [answer(q.id, [...q.correctKeys])], bank);
    await submitAttempt(db, user.id, attemptId, bank);
    expect((await stored(attemptId)).correctCount).toBe(1);

    try {
      // A key change: another option is now the correct one.
      const other = q.options.find((o) => !o.correct)?.key ?? "A";
      await switchBank(withQuestions([rekeyed(q, other, "rekeyed")]));
      expect((await stored(attemptId)).correctCount).toBe(0);

      // The change is reverted: the bank is back to the version the candidate saw.
      await switchBank(bank);
      expect((await stored(attemptId)).correctCount).toBe(1);

      // The options are reordered: new letters, the same correct option.
      const moved = reordered(q, "reordered");
      expect(moved.correctKeys).not.toEqual(q.correctKeys);
      const result = await switchBank(withQuestions([moved]));
      expect((await stored(attemptId)).correctCount).toBe(1);
      expect(result.attemptsRescored).toBeGreaterThanOrEqual(1);

      const regrades = await db.regrade.findMany({
        where: { attemptId },
        orderBy: { createdAt: "asc" },
      });
      // The key change and its revert are recorded; the reorder changed nothing that matters.
      expect(regrades.map((r) => [r.wasCorrect, r.nowCorrect])).toEqual([
        [true, false],
        [false, true],
      ]);
      // Idempotent.
      expect(await regradeAttempts(db, withQuestions([moved]))).toEqual({
        questionsRegraded: 0,
        attemptsRescored: 0,
      });
    } finally {
      await switchBank(bank);
    }
  });

  it("property: with random event logs and random key changes, stored = replayed", async () => {
    const random = seededRandom(20261208);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
    const attempts: { userId: string; attemptId: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const user = await newUser();
      const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank, count: 8 });
      const qs = await mockQuestions(user.id, attemptId);
      const t0 = Date.now() - 60_000;
      const events = Array.from({ length: 5 + Math.floor(random() * 20) }, () => {
        const q = pick(qs);
        const keys = q.options.map((o) => o.key);
        const selected = keys.filter(() => random() < 0.3);
        return answer(q.id, selected, new Date(t0 + Math.floor(random() * 50_000)));
      });
      await recordEvents(db, user.id, attemptId, events, bank);
      await submitAttempt(db, user.id, attemptId, bank);
      attempts.push({ userId: user.id, attemptId });
    }
    const shown = [
      ...new Set(
        (
          await db.attemptQuestion.findMany({
            where: { attemptId: { in: attempts.map((a) => a.attemptId) } },
            select: { questionId: true },
          })
        ).map((r) => r.questionId),
      ),
    ];
    try {
      for (let round = 0; round < 4; round++) {
        const changed = shown
          .filter(() => random() < 0.4)
          .map((id) => {
            const q = bank.byId.get(id) as Question;
            return random() < 0.5
              ? reordered(q, `r${round}`)
              : rekeyed(q, pick(q.options).key, `k${round}`);
          });
        const variant = round === 3 ? bank : withQuestions(changed);
        await switchBank(variant);
        const track = variant.tracks.get("cba");
        if (!track) throw new Error("no track");
        for (const { userId, attemptId } of attempts) {
          const attempt = await loadAttempt(db, userId, attemptId, variant);
          if (!attempt) throw new Error("attempt missing");
          const replay = gradeAttempt(attempt, variant, track);
          expect(attempt.correctCount).toBe(replay.score.correct);
          expect(attempt.scorePercent).toBe(replay.score.percent);
          for (const aq of attempt.questions) {
            expect(aq.correct).toBe(replay.graded.get(aq.questionId)?.correct);
          }
        }
      }
    } finally {
      await switchBank(bank);
    }
  });
});

describe("an open mock's questions stay out of everything else", () => {
  it("practice and drills do not serve them, check does not grade them, the deck holds them back", async () => {
    const user = await newUser();
    const mock = await startMock(db, { userId: user.id, track: cba, bank });
    const inMock = new Set((await mockQuestions(user.id, mock.attemptId)).map((q) => q.id));
    const domains = cba.domains.map((d) => d.id);
    for (const mode of ["practice", "drill"] as const) {
      const started = await startPractice(db, {
        userId: user.id,
        track: cba,
        bank,
        mode,
        domains,
        count: mode === "practice" ? 60 : 30,
      });
      const served = await db.attemptQuestion.findMany({
        where: { attemptId: started.attemptId },
      });
      expect(served.length).toBeGreaterThan(0);
      expect(served.filter((s) => inMock.has(s.questionId))).toEqual([]);
    }

    // A practice session that already held the question (started before the mock).
    const [shared] = [...inMock];
    if (!shared) throw new Error("empty mock");
    const practice = await db.attempt.create({
      data: {
        userId: user.id,
        trackId: "cba",
        mode: "practice",
        seed: 1,
        questions: {
          create: [
            {
              position: 1,
              questionId: shared,
              questionHash: bank.byId.get(shared)?.hash ?? "",
              optionOrder: ["A", "B", "C", "D"],
            },
          ],
        },
      },
    });
    await recordEvents(db, user.id, practice.id, [answer(shared, ["A"])], bank);
    const check = await checkAnswer(db, user.id, practice.id, { questionId: shared }, bank);
    expect(check).toMatchObject({ status: "refused", message: expect.stringMatching(/open mock/) });

    await addMisses(db, user.id, [{ questionId: shared, at: new Date(Date.now() - 60_000) }]);
    expect((await reviewQueue(db, user.id)).next).toBeNull();
    await submitAttempt(db, user.id, mock.attemptId, bank);
    expect((await reviewQueue(db, user.id)).next?.questionId).toBe(shared);
  });
});
