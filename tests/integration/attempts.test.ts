import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBank } from "@/lib/content/load.server";
import type { OptionKey } from "@/lib/content/types";
import { loadAttempt, startMock, submitAttempt } from "@/lib/exam/attempts.server";
import { deriveState } from "@/lib/exam/derive";
import { regradeAttempts } from "@/lib/exam/regrade.server";
import { recordEvents } from "@/lib/exam/saving.server";
import { createDb } from "@/lib/prisma.server";
import { syncQuestions } from "@/lib/questions.server";
import { createUser } from "@/lib/users.server";

const db = createDb(inject("databaseUrl"));
const bank = loadBank();
const cba = bank.tracks.get("cba");
if (!cba) throw new Error("the cba track is missing");

async function newUser() {
  const email = `attempts-${randomUUID()}@example.test`;
  return createUser(db, { name: "Candidate", email, password: "a long enough passphrase" });
}

beforeAll(async () => {
  await syncQuestions(db, bank.questions);
});
afterAll(() => db.$disconnect());

const answer = (questionId: string, selected: OptionKey[], at: Date) => ({
  id: randomUUID(),
  questionId,
  kind: "answer" as const,
  selected,
  at,
});

describe("starting a mock", () => {
  it("pins the sampled questions to their versions, marks the first mock as the baseline, and resumes it", async () => {
    const user = await newUser();
    const now = new Date();
    const first = await startMock(db, { userId: user.id, track: cba, bank, now });
    expect(first).toMatchObject({ resumed: false, isBaseline: true });
    const attempt = await loadAttempt(db, user.id, first.attemptId, bank, now);
    expect(attempt?.questions).toHaveLength(60);
    expect(attempt?.deadline?.getTime()).toBe(now.getTime() + 90 * 60_000);
    for (const aq of attempt?.questions ?? []) {
      expect(aq.questionHash).toBe(bank.byId.get(aq.questionId)?.hash);
      expect([...aq.optionOrder].sort()).toEqual(["A", "B", "C", "D"]);
    }
    const byCurriculum = new Map<string, number>();
    for (const aq of attempt?.questions ?? []) {
      const c = bank.byId.get(aq.questionId)?.curriculum ?? "";
      byCurriculum.set(c, (byCurriculum.get(c) ?? 0) + 1);
    }
    expect(Object.fromEntries(byCurriculum)).toEqual({
      "development-workflow": 15,
      infrastructure: 13,
      catalog: 13,
      customizing: 19,
    });

    expect(await startMock(db, { userId: user.id, track: cba, bank })).toEqual({
      ...first,
      resumed: true,
    });
  });

  it("allows one open mock per track even when two starts race", async () => {
    const user = await newUser();
    const [a, b] = await Promise.all([
      startMock(db, { userId: user.id, track: cba, bank }),
      startMock(db, { userId: user.id, track: cba, bank }),
    ]);
    expect(a.attemptId).toBe(b.attemptId);
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it("avoids the previous mock's questions in the next one while the bank allows", async () => {
    const user = await newUser();
    const first = await startMock(db, { userId: user.id, track: cba, bank });
    await submitAttempt(db, user.id, first.attemptId, bank);
    const second = await startMock(db, { userId: user.id, track: cba, bank });
    expect(second.isBaseline).toBe(false);
    const ids = async (id: string) =>
      (await db.attemptQuestion.findMany({ where: { attemptId: id } })).map((q) => q.questionId);
    const firstIds = new Set(await ids(first.attemptId));
    const secondIds = await ids(second.attemptId);
    expect(secondIds).toHaveLength(60);
    expect(secondIds.filter((id) => firstIds.has(id))).toEqual([]);
  });
});

describe("saving answers", () => {
  it("appends events idempotently and derives the last answer by event time", async () => {
    const user = await newUser();
    const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank });
    const attempt = await loadAttempt(db, user.id, attemptId, bank);
    const q = attempt?.questions[0]?.questionId ?? "";
    const t0 = new Date(Date.now() - 10_000);
    const later = answer(q, ["C"], new Date(t0.getTime() + 2000));
    const earlier = answer(q, ["B"], new Date(t0.getTime() + 1000));
    // Two concurrent requests, the newer change arriving first.
    const [r1, r2] = await Promise.all([
      recordEvents(db, user.id, attemptId, [later], bank),
      recordEvents(db, user.id, attemptId, [earlier], bank),
    ]);
    expect(r1).toMatchObject({ status: "ok", accepted: [later.id] });
    expect(r2).toMatchObject({ status: "ok", accepted: [earlier.id] });
    // A retried request records nothing twice.
    await recordEvents(db, user.id, attemptId, [later], bank);
    expect(await db.answerEvent.count({ where: { attemptId } })).toBe(2);

    const reloaded = await loadAttempt(db, user.id, attemptId, bank);
    expect(reloaded && deriveState(reloaded).answers.get(q)).toEqual(["C"]);
  });

  it("rejects unknown questions and options with a reason, keeping the valid events", async () => {
    const user = await newUser();
    const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank });
    const attempt = await loadAttempt(db, user.id, attemptId, bank);
    const q = attempt?.questions[0]?.questionId ?? "";
    const good = answer(q, ["A"], new Date());
    const result = await recordEvents(
      db,
      user.id,
      attemptId,
      [good, answer("not-in-this-attempt", ["A"], new Date()), answer(q, ["E"], new Date())],
      bank,
    );
    expect(result).toMatchObject({ status: "ok", accepted: [good.id] });
    expect(result.status === "ok" && result.rejected.map((r) => r.reason)).toEqual([
      "Question not-in-this-attempt is not part of this attempt.",
      "The answer names an option the question does not have.",
    ]);
    // Only the valid event was written.
    expect(await db.answerEvent.findMany({ where: { attemptId }, select: { id: true } })).toEqual([
      { id: good.id },
    ]);
  });

  it("stores flags and a batch's events in order, and clamps a future client time", async () => {
    const user = await newUser();
    const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank });
    const attempt = await loadAttempt(db, user.id, attemptId, bank);
    const [q1, q2] = (attempt?.questions ?? []).map((q) => q.questionId);
    const now = new Date();
    const flag = {
      id: randomUUID(),
      questionId: q2 ?? "",
      kind: "flag" as const,
      flagged: true,
      at: now,
    };
    const future = answer(q1 ?? "", ["B", "B"], new Date(now.getTime() + 60_000));
    const result = await recordEvents(db, user.id, attemptId, [future, flag], bank, now);
    expect(result).toEqual({ status: "ok", accepted: [future.id, flag.id], rejected: [] });
    const stored = await db.answerEvent.findMany({
      where: { attemptId },
      orderBy: { sequence: "asc" },
    });
    expect(stored.map((e) => [e.id, e.kind, e.selected, e.flagged])).toEqual([
      [future.id, "answer", ["B"], null],
      [flag.id, "flag", [], true],
    ]);
    expect(stored[0]?.answeredAt.getTime()).toBe(now.getTime());
    expect(stored[0]?.receivedAt.getTime()).toBe(now.getTime());
  });

  it("within the grace period keeps changes made before the deadline and refuses later ones", async () => {
    const user = await newUser();
    const started = new Date(Date.now() - 90 * 60_000 - 5_000);
    const { attemptId } = await startMock(db, {
      userId: user.id,
      track: cba,
      bank,
      now: started,
    });
    const { deadline } = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    const attempt = await loadAttempt(db, user.id, attemptId, bank, started);
    const q = attempt?.questions[0]?.questionId ?? "";
    const deadlineMs = deadline?.getTime() ?? 0;
    const inTime = answer(q, ["A"], new Date(deadlineMs));
    const tooLate = answer(q, ["B"], new Date(deadlineMs + 1));
    const result = await recordEvents(db, user.id, attemptId, [inTime, tooLate], bank);
    expect(result).toEqual({
      status: "ok",
      accepted: [inTime.id],
      rejected: [
        {
          id: tooLate.id,
          reason: "This answer was given after the deadline and was not saved.",
        },
      ],
    });
    expect(await db.answerEvent.findMany({ where: { attemptId }, select: { id: true } })).toEqual([
      { id: inTime.id },
    ]);
  });

  it("answers not-found for someone else's attempt (no IDOR)", async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const { attemptId } = await startMock(db, { userId: owner.id, track: cba, bank });
    expect(await loadAttempt(db, intruder.id, attemptId, bank)).toBeNull();
    expect(
      await recordEvents(db, intruder.id, attemptId, [answer("x", ["A"], new Date())], bank),
    ).toEqual({ status: "not-found" });
    expect(await submitAttempt(db, intruder.id, attemptId, bank)).toEqual({ status: "not-found" });
    expect(await db.answerEvent.count({ where: { attemptId } })).toBe(0);
  });

  it("refuses saves after the deadline and closes the attempt with the answers given in time", async () => {
    const user = await newUser();
    const started = new Date(Date.now() - 91 * 60_000);
    const { attemptId } = await startMock(db, {
      userId: user.id,
      track: cba,
      bank,
      now: started,
    });
    const attempt = await loadAttempt(db, user.id, attemptId, bank, started);
    const first = attempt?.questions[0]?.questionId ?? "";
    const key = bank.byId.get(first)?.correctKeys ?? [];
    await db.answerEvent.create({
      data: {
        id: randomUUID(),
        attemptId,
        questionId: first,
        kind: "answer",
        selected: [...key],
        answeredAt: new Date(started.getTime() + 60_000),
      },
    });
    const late = await recordEvents(
      db,
      user.id,
      attemptId,
      [answer(first, ["A"], new Date())],
      bank,
    );
    expect(late).toEqual({
      status: "closed",
      message: "Time is up: this attempt was closed at its deadline.",
    });
    const closed = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(closed).toMatchObject({ status: "expired", correctCount: 1 });
    expect(closed.submittedAt?.getTime()).toBe(started.getTime() + 90 * 60_000);
  });
});

describe("submitting", () => {
  it("scores from the event log, stores the result, and is read-only afterwards", async () => {
    const user = await newUser();
    const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank });
    const attempt = await loadAttempt(db, user.id, attemptId, bank);
    const items = attempt?.questions ?? [];
    const events = items
      .slice(0, 45)
      .map((aq) =>
        answer(aq.questionId, [...(bank.byId.get(aq.questionId)?.correctKeys ?? [])], new Date()),
      );
    await recordEvents(db, user.id, attemptId, events, bank);
    expect(await submitAttempt(db, user.id, attemptId, bank)).toEqual({ status: "ok", attemptId });
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(stored).toMatchObject({
      status: "submitted",
      correctCount: 45,
      scorePercent: 75,
      passed: true,
      scaledEstimate: null,
    });
    expect(await submitAttempt(db, user.id, attemptId, bank)).toEqual({
      status: "closed",
      attemptId,
    });
    expect(
      await recordEvents(
        db,
        user.id,
        attemptId,
        [answer(items[50]?.questionId ?? "", ["A"], new Date())],
        bank,
      ),
    ).toMatchObject({
      status: "closed",
    });
  });
});

describe("regrading", () => {
  it("re-scores closed attempts when an answer key changes, once, and records the change", async () => {
    const user = await newUser();
    const { attemptId } = await startMock(db, { userId: user.id, track: cba, bank });
    const attempt = await loadAttempt(db, user.id, attemptId, bank);
    const shown = attempt?.questions[0];
    const original = bank.byId.get(shown?.questionId ?? "");
    if (!shown || !original) throw new Error("no question");
    await recordEvents(
      db,
      user.id,
      attemptId,
      [answer(original.id, [...original.correctKeys], new Date())],
      bank,
    );
    await submitAttempt(db, user.id, attemptId, bank);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).correctCount).toBe(1);

    // An author fixes the key: another option is now the correct one.
    const newKey = original.options.find((o) => !o.correct)?.key ?? "A";
    const fixed = {
      ...original,
      hash: `${original.hash}-fixed`,
      correctKeys: [newKey],
      options: original.options.map((o) => ({ ...o, correct: o.key === newKey })),
    };
    const all = bank.questions.map((q) => (q.id === original.id ? fixed : q));
    const fixedBank = {
      tracks: bank.tracks,
      questions: all,
      byId: new Map(all.map((q) => [q.id, q])),
      questionsOf: (trackId: string) => all.filter((q) => q.trackId === trackId),
    };
    await syncQuestions(db, all);
    try {
      const first = await regradeAttempts(db, fixedBank);
      expect(first.questionsRegraded).toBeGreaterThanOrEqual(1);
      const rows = await db.regrade.findMany({ where: { attemptId } });
      expect(rows).toEqual([
        expect.objectContaining({
          questionId: original.id,
          fromHash: original.hash,
          toHash: fixed.hash,
          wasCorrect: true,
          nowCorrect: false,
        }),
      ]);
      expect(await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
        correctCount: 0,
        scorePercent: 0,
      });
      expect(await regradeAttempts(db, fixedBank)).toEqual({
        questionsRegraded: 0,
        attemptsRescored: 0,
      });
    } finally {
      await syncQuestions(db, bank.questions);
    }
  });
});
