import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBank } from "@/lib/content/load.server";
import type { OptionKey, Question } from "@/lib/content/types";
import { loadAttempt, startMock, startPractice, submitAttempt } from "@/lib/exam/attempts.server";
import { checkAnswer } from "@/lib/exam/checks.server";
import { deriveState, timeSpentOf } from "@/lib/exam/derive";
import { recordEvents } from "@/lib/exam/saving.server";
import { mockSummaries } from "@/lib/exam/summaries.server";
import { createDb } from "@/lib/prisma.server";
import { syncQuestions } from "@/lib/questions.server";
import { rateCard, reviewQueue } from "@/lib/review-deck.server";
import { createUser } from "@/lib/users.server";

const db = createDb(inject("databaseUrl"));
const bank = loadBank();
const cba = bank.tracks.get("cba");
if (!cba) throw new Error("the cba track is missing");

beforeAll(async () => {
  await syncQuestions(db, bank.questions);
});
afterAll(() => db.$disconnect());

async function newUser() {
  const email = `practice-${randomUUID()}@example.test`;
  return createUser(db, { name: "Learner", email, password: "a long enough passphrase" });
}

const wrongKey = (q: Question): OptionKey =>
  q.options.find((o) => !o.correct)?.key ?? ("A" as OptionKey);
const answer = (questionId: string, selected: OptionKey[], at = new Date()) => ({
  id: randomUUID(),
  questionId,
  kind: "answer" as const,
  selected,
  at,
});

async function practiceOn(
  userId: string,
  domains: string[],
  count = 5,
  mode: "practice" | "drill" = "practice",
) {
  const started = await startPractice(db, {
    userId,
    track: cba as NonNullable<typeof cba>,
    bank,
    mode,
    domains,
    count,
  });
  const attempt = await loadAttempt(db, userId, started.attemptId, bank);
  if (!attempt) throw new Error("no attempt");
  return attempt;
}

describe("practice sessions", () => {
  it("are untimed, hold only the chosen domains and never count as mocks", async () => {
    const user = await newUser();
    const attempt = await practiceOn(user.id, ["security"], 7);
    expect(attempt.mode).toBe("practice");
    expect(attempt.deadline).toBeNull();
    expect(attempt.domains).toEqual(["security"]);
    expect(attempt.questions).toHaveLength(7);
    expect(attempt.questions.every((q) => bank.byId.get(q.questionId)?.domain === "security")).toBe(
      true,
    );
    await submitAttempt(db, user.id, attempt.id, bank);
    expect((await mockSummaries(db, user.id)).size).toBe(0);
  });

  it("check grades one answer, locks it, adds a miss to the deck, and is idempotent", async () => {
    const user = await newUser();
    const attempt = await practiceOn(user.id, ["catalog"]);
    const first = attempt.questions[0];
    const q = bank.byId.get(first?.questionId ?? "");
    if (!first || !q) throw new Error("no question");

    const unanswered = await checkAnswer(db, user.id, attempt.id, { questionId: q.id }, bank);
    expect(unanswered).toEqual({
      status: "refused",
      message: "Choose an answer before checking it.",
    });

    await recordEvents(db, user.id, attempt.id, [answer(q.id, [wrongKey(q)])], bank);
    const checked = await checkAnswer(db, user.id, attempt.id, { questionId: q.id }, bank);
    expect(checked.status).toBe("ok");
    if (checked.status !== "ok") return;
    expect(checked.feedback).toMatchObject({
      correct: false,
      selected: [wrongKey(q)],
      correctKeys: q.correctKeys,
    });
    expect(checked.feedback.explanationHtml).toBe(q.explanationHtml);

    const later = await recordEvents(
      db,
      user.id,
      attempt.id,
      [answer(q.id, [...q.correctKeys])],
      bank,
    );
    expect(later).toMatchObject({ status: "ok", accepted: [] });
    if (later.status === "ok") expect(later.rejected[0]?.reason).toMatch(/already checked/);

    const again = await checkAnswer(db, user.id, attempt.id, { questionId: q.id }, bank);
    expect(again).toEqual(checked);
    const reloaded = await loadAttempt(db, user.id, attempt.id, bank);
    expect(reloaded?.events.filter((e) => e.kind === "check")).toHaveLength(1);
    expect(deriveState(reloaded ?? attempt).checked).toEqual(new Set([q.id]));

    const card = await db.reviewCard.findUnique({
      where: { userId_questionId: { userId: user.id, questionId: q.id } },
    });
    expect(card?.due.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("check is refused on a mock, for another user's attempt, and for foreign questions", async () => {
    const user = await newUser();
    const other = await newUser();
    const attempt = await practiceOn(user.id, ["techdocs"]);
    const qid = attempt.questions[0]?.questionId ?? "";
    expect(await checkAnswer(db, other.id, attempt.id, { questionId: qid }, bank)).toEqual({
      status: "not-found",
    });
    const mock = await startMock(db, {
      userId: user.id,
      track: cba as NonNullable<typeof cba>,
      bank,
    });
    const mockQuestion = (await loadAttempt(db, user.id, mock.attemptId, bank))?.questions[0];
    expect(
      await checkAnswer(
        db,
        user.id,
        mock.attemptId,
        { questionId: mockQuestion?.questionId ?? "" },
        bank,
      ),
    ).toEqual({ status: "refused", message: "A mock exam is graded when you submit it." });
    const foreign = bank.questionsOf("cba").find((q) => q.domain !== "techdocs")?.id ?? "";
    expect(await checkAnswer(db, user.id, attempt.id, { questionId: foreign }, bank)).toMatchObject(
      { status: "refused" },
    );
  });

  it("visit events are stored and give time per question", async () => {
    const user = await newUser();
    const attempt = await practiceOn(user.id, ["architecture"], 5);
    const [a, b] = attempt.questions.map((q) => q.questionId);
    const t0 = new Date(Date.now() - 60_000);
    const visit = (questionId: string | undefined, at: Date) => ({
      id: randomUUID(),
      questionId: questionId ?? "",
      kind: "visit" as const,
      at,
    });
    const result = await recordEvents(
      db,
      user.id,
      attempt.id,
      [
        visit(a, t0),
        visit(b, new Date(t0.getTime() + 20_000)),
        visit(a, new Date(t0.getTime() + 50_000)),
      ],
      bank,
    );
    expect(result).toMatchObject({ status: "ok" });
    await submitAttempt(db, user.id, attempt.id, bank, new Date(t0.getTime() + 60_000));
    const closed = await loadAttempt(db, user.id, attempt.id, bank);
    const spent = timeSpentOf(closed ?? attempt);
    expect(spent.get(a ?? "")).toBe(30_000);
    expect(spent.get(b ?? "")).toBe(30_000);
  });
});

describe("practice misses and the review deck", () => {
  it("a miss recorded at its check is not re-added when the session finishes", async () => {
    const user = await newUser();
    const attempt = await practiceOn(user.id, ["deployment"], 5);
    const q = bank.byId.get(attempt.questions[0]?.questionId ?? "");
    if (!q) throw new Error("no question");
    await recordEvents(db, user.id, attempt.id, [answer(q.id, [wrongKey(q)])], bank);
    await checkAnswer(db, user.id, attempt.id, { questionId: q.id }, bank);
    const shownDue = (await reviewQueue(db, user.id)).next?.due ?? new Date();
    const rated = await rateCard(db, { userId: user.id, questionId: q.id, rating: 4, shownDue });
    expect(rated.status).toBe("ok");
    await submitAttempt(db, user.id, attempt.id, bank);
    const card = await db.reviewCard.findUnique({
      where: { userId_questionId: { userId: user.id, questionId: q.id } },
    });
    expect(card?.due.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
  });
});

describe("domain drills", () => {
  it("start with the questions answered wrong before, then unseen ones", async () => {
    const user = await newUser();
    const first = await practiceOn(user.id, ["plugins"], 5);
    const missed = first.questions
      .slice(0, 2)
      .map((aq) => bank.byId.get(aq.questionId) as Question);
    await recordEvents(
      db,
      user.id,
      first.id,
      missed.map((q) => answer(q.id, [wrongKey(q)])),
      bank,
    );
    for (const q of missed) {
      await checkAnswer(db, user.id, first.id, { questionId: q.id }, bank);
    }
    const right = first.questions.slice(2).map((aq) => bank.byId.get(aq.questionId) as Question);
    await recordEvents(
      db,
      user.id,
      first.id,
      right.map((q) => answer(q.id, [...q.correctKeys])),
      bank,
    );
    await submitAttempt(db, user.id, first.id, bank);

    const drill = await practiceOn(user.id, ["plugins"], 10, "drill");
    expect(drill.mode).toBe("drill");
    const ids = drill.questions.map((q) => q.questionId);
    expect(new Set(ids.slice(0, 2))).toEqual(new Set(missed.map((q) => q.id)));
    const answeredRight = new Set(right.map((q) => q.id));
    expect(ids.slice(2).some((id) => answeredRight.has(id))).toBe(false);
  });
});
