import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBank } from "@/lib/content/load.server";
import { createDb } from "@/lib/prisma.server";
import { syncQuestions } from "@/lib/questions.server";
import { addMisses, dueCount, rateCard, reviewQueue } from "@/lib/review-deck.server";
import { createUser } from "@/lib/users.server";

const db = createDb(inject("databaseUrl"));
const bank = loadBank();
const [q1, q2] = bank.questionsOf("cba");
const clf = bank.questionsOf("aws-clf-c02")[0];

beforeAll(async () => {
  await syncQuestions(db, bank.questions);
});
afterAll(() => db.$disconnect());

async function newUser() {
  const email = `deck-${randomUUID()}@example.test`;
  return createUser(db, { name: "Learner", email, password: "a long enough passphrase" });
}

describe("the review deck", () => {
  it("adds misses once, due at once, and a new miss makes a scheduled card due again", async () => {
    if (!q1 || !q2 || !clf) throw new Error("bank");
    const user = await newUser();
    const t0 = new Date(Date.now() - 60_000);
    await addMisses(db, user.id, [
      { questionId: q1.id, at: t0 },
      { questionId: q1.id, at: t0 },
      { questionId: clf.id, at: t0 },
    ]);
    expect(await dueCount(db, user.id)).toBe(2);
    expect(await dueCount(db, user.id, { trackId: "cba" })).toBe(1);

    const queue = await reviewQueue(db, user.id, { trackId: "cba" });
    expect(queue).toMatchObject({ due: 1, total: 1, next: { questionId: q1.id } });
    const shownDue = queue.next?.due ?? new Date();
    const rated = await rateCard(db, { userId: user.id, questionId: q1.id, rating: 4, shownDue });
    expect(rated.status).toBe("ok");
    if (rated.status === "ok") expect(rated.due.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    expect(await dueCount(db, user.id, { trackId: "cba" })).toBe(0);
    expect((await reviewQueue(db, user.id, { trackId: "cba" })).nextDueAt).toEqual(
      rated.status === "ok" ? rated.due : null,
    );
    const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toMatchObject([{ questionId: q1.id, rating: 4, state: "new" }]);

    const missedAgain = new Date();
    await addMisses(db, user.id, [{ questionId: q1.id, at: missedAgain }]);
    const card = await db.reviewCard.findUnique({
      where: { userId_questionId: { userId: user.id, questionId: q1.id } },
    });
    expect(card?.due).toEqual(missedAgain);
    expect(card?.reps).toBe(1); // memory state kept
  });

  it("records one review when the same showing is rated twice at once", async () => {
    if (!q2) throw new Error("bank");
    const user = await newUser();
    await addMisses(db, user.id, [{ questionId: q2.id, at: new Date(Date.now() - 1000) }]);
    const shownDue = (await reviewQueue(db, user.id)).next?.due ?? new Date();
    const results = await Promise.all(
      [3, 1].map((rating) =>
        rateCard(db, { userId: user.id, questionId: q2.id, rating: rating as 1 | 3, shownDue }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["ok", "stale"]);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("another user's card is not found", async () => {
    if (!q1) throw new Error("bank");
    const owner = await newUser();
    const other = await newUser();
    await addMisses(db, owner.id, [{ questionId: q1.id, at: new Date() }]);
    expect(
      await rateCard(db, { userId: other.id, questionId: q1.id, rating: 3, shownDue: new Date() }),
    ).toEqual({ status: "not-found" });
  });
});
