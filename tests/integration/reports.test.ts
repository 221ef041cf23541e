import { afterAll, describe, expect, inject, it } from "vitest";
import { reportInputSchema } from "@/lib/analytics/reports";
import {
  markFixedReports,
  myReports,
  REPORT_POLICY,
  reportQueue,
  reportsOnQuestion,
  resolveReport,
  submitReport,
} from "@/lib/analytics/reports.server";
import { createDb } from "@/lib/prisma.server";
import { newTrack, newUsers, seedCheck, seedMock, seedQuestion } from "./item-stats-fixtures";

const db = createDb(inject("databaseUrl"));
afterAll(() => db.$disconnect());

const now = new Date();
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** A question on a track of its own that `userId` has checked in practice. */
async function answered(userId: string, trackId = newTrack()) {
  const questionId = await seedQuestion(db, {
    trackId,
    versions: [{ hash: "v1", correctKeys: ["A"] }],
  });
  await seedCheck(db, {
    userId,
    trackId,
    questionId,
    hash: "v1",
    selected: ["B"],
    checkedAt: ago(30),
  });
  return { questionId, trackId };
}

const input = (questionId: string, extra: Record<string, unknown> = {}) =>
  reportInputSchema.parse({ questionId, category: "wrong_key", ...extra });

describe("reports", () => {
  it("one open report per user per version: a second report updates the first", async () => {
    const [user] = await newUsers(db, 1);
    if (!user) throw new Error("user");
    const { questionId, trackId } = await answered(user);
    const first = await submitReport(db, user, input(questionId, { comment: "B is right" }));
    const second = await submitReport(
      db,
      user,
      input(questionId, { category: "unclear", comment: "on reflection, ambiguous" }),
    );
    expect(first).toMatchObject({ status: "ok", updated: false });
    expect(second).toMatchObject({ status: "ok", updated: true });
    if (first.status !== "ok" || second.status !== "ok") throw new Error("not ok");
    expect(second.reportId).toBe(first.reportId);
    const mine = await myReports(db, user);
    expect(mine.map((r) => [r.category, r.comment, r.status])).toEqual([
      ["unclear", "on reflection, ambiguous", "open"],
    ]);
    const queue = await reportQueue(db, trackId);
    expect(queue).toEqual([
      expect.objectContaining({ questionId, open: 1, byCategory: { unclear: 1 } }),
    ]);

    // Once triaged, the same version can be reported again (a new report).
    await resolveReport(db, "author", { reportId: first.reportId, decision: "decline", note: "" });
    const third = await submitReport(db, user, input(questionId));
    expect(third).toMatchObject({ status: "ok", updated: false });
    expect((await myReports(db, user)).map((r) => r.status).sort()).toEqual(["declined", "open"]);
  });

  it("is rate-limited per user", async () => {
    const [user, other] = await newUsers(db, 2);
    if (!user || !other) throw new Error("users");
    const { questionId } = await answered(user);
    for (let i = 0; i < REPORT_POLICY.limit; i++) {
      expect((await submitReport(db, user, input(questionId))).status).toBe("ok");
    }
    const refused = await submitReport(db, user, input(questionId));
    expect(refused.status).toBe("rate-limited");
    if (refused.status === "rate-limited") expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // Another user is not affected.
    const theirs = await answered(other);
    expect((await submitReport(db, other, input(theirs.questionId))).status).toBe("ok");
  });

  it("is refused for a question in the user's open mock, and accepted once it is closed", async () => {
    const [user] = await newUsers(db, 1);
    if (!user) throw new Error("user");
    const trackId = newTrack();
    const questionId = await seedQuestion(db, {
      trackId,
      versions: [{ hash: "v1", correctKeys: ["A"] }],
    });
    const attemptId = await seedMock(db, {
      userId: user,
      trackId,
      startedAt: ago(5),
      open: true,
      items: [{ questionId, hash: "v1", selected: ["A"] }],
    });
    const refused = await submitReport(db, user, input(questionId));
    expect(refused.status).toBe("refused");
    expect(await myReports(db, user)).toEqual([]);
    await db.attempt.update({
      where: { id: attemptId },
      data: { status: "submitted", submittedAt: now },
    });
    expect((await submitReport(db, user, input(questionId))).status).toBe("ok");
  });

  it("is refused for a question the user never answered, or through someone else's attempt", async () => {
    const [user, stranger] = await newUsers(db, 2);
    if (!user || !stranger) throw new Error("users");
    const { questionId } = await answered(user);
    expect((await submitReport(db, stranger, input(questionId))).status).toBe("refused");
    const attempt = await db.attemptQuestion.findFirstOrThrow({ where: { questionId } });
    const viaTheirs = input(questionId, { attemptId: attempt.attemptId });
    expect((await submitReport(db, stranger, viaTheirs)).status).toBe("refused");
    expect((await submitReport(db, user, viaTheirs)).status).toBe("ok");
  });

  it("is on the version the attempt showed, or else the current version", async () => {
    const [user] = await newUsers(db, 1);
    if (!user) throw new Error("user");
    const { questionId } = await answered(user);
    const shownIn = await db.attemptQuestion.findFirstOrThrow({ where: { questionId } });
    await db.questionVersion.create({ data: { questionId, hash: "v2", correctKeys: ["B"] } });
    await db.question.update({ where: { id: questionId }, data: { currentHash: "v2" } });
    await submitReport(db, user, input(questionId, { attemptId: shownIn.attemptId }));
    await submitReport(db, user, input(questionId, { category: "typo" }));
    const mine = await myReports(db, user);
    expect(mine.map((r) => [r.questionHash, r.category]).sort()).toEqual([
      ["v1", "wrong_key"],
      ["v2", "typo"],
    ]);
  });

  it("a learner sees only their own reports, with the author's note", async () => {
    const [alice, bob] = await newUsers(db, 2);
    if (!alice || !bob) throw new Error("users");
    const trackId = newTrack();
    const { questionId } = await answered(alice, trackId);
    await seedCheck(db, {
      userId: bob,
      trackId,
      questionId,
      hash: "v1",
      selected: ["A"],
      checkedAt: ago(10),
    });
    const filed = await submitReport(db, alice, input(questionId, { comment: "private words" }));
    if (filed.status !== "ok") throw new Error("not filed");
    expect(await myReports(db, bob)).toEqual([]);
    await resolveReport(db, "author", {
      reportId: filed.reportId,
      decision: "decline",
      note: "The key is right: see the docs.",
    });
    const [mine] = await myReports(db, alice);
    expect([mine?.status, mine?.authorNote]).toEqual([
      "declined",
      "The key is right: see the docs.",
    ]);
  });

  it("accepted reports on an old version are marked fixed when the version changes", async () => {
    const [user] = await newUsers(db, 1);
    if (!user) throw new Error("user");
    const { questionId } = await answered(user);
    const filed = await submitReport(db, user, input(questionId));
    if (filed.status !== "ok") throw new Error("not filed");
    await resolveReport(db, "author", { reportId: filed.reportId, decision: "accept", note: "" });
    await markFixedReports(db);
    expect((await reportsOnQuestion(db, questionId))[0]?.status).toBe("accepted");
    await db.questionVersion.create({ data: { questionId, hash: "v2", correctKeys: ["B"] } });
    await db.question.update({ where: { id: questionId }, data: { currentHash: "v2" } });
    const [report] = await myReports(db, user);
    expect([report?.status, report?.fixedInHash]).toEqual(["fixed", "v2"]);
  });
});

describe("report input", () => {
  const base = { questionId: "cba-catalog-001", category: "typo" };
  it("accepts a comment of 2,000 characters and refuses longer, NUL bytes and lone surrogates", () => {
    expect(reportInputSchema.safeParse({ ...base, comment: "x".repeat(2000) }).success).toBe(true);
    expect(reportInputSchema.safeParse({ ...base, comment: "x".repeat(2001) }).success).toBe(false);
    expect(reportInputSchema.safeParse({ ...base, comment: "a\u0000b" }).success).toBe(false);
    expect(reportInputSchema.safeParse({ ...base, comment: "a\uD800b" }).success).toBe(false);
    expect(reportInputSchema.safeParse({ ...base, comment: "a\uDC00" }).success).toBe(false);
    expect(reportInputSchema.safeParse({ ...base, comment: "ok 😀" }).success).toBe(true);
    expect(reportInputSchema.safeParse({ ...base, category: "rude" }).success).toBe(false);
  });
});
