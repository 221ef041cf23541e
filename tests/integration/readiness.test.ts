import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBank } from "@/lib/content/load.server";
import type { OptionKey } from "@/lib/content/types";
import { loadAttempt, startMock, startPractice, submitAttempt } from "@/lib/exam/attempts.server";
import { recordEvents } from "@/lib/exam/saving.server";
import { createDb } from "@/lib/prisma.server";
import { freshnessOf } from "@/lib/progress/evidence";
import { loadProgress } from "@/lib/progress.server";
import { syncQuestions } from "@/lib/questions.server";
import { createUser } from "@/lib/users.server";

const db = createDb(inject("databaseUrl"));
const bank = loadBank();
const cba = bank.tracks.get("cba");
const saa = bank.tracks.get("aws-saa-c03");
if (!cba || !saa) throw new Error("tracks missing");

beforeAll(() => syncQuestions(db, bank.questions));
afterAll(() => db.$disconnect());

const newUser = () =>
  createUser(db, {
    name: "Fresh",
    email: `fresh-${randomUUID()}@example.test`,
    password: "a long enough passphrase",
  });

async function shown(userId: string, attemptId: string) {
  const a = await loadAttempt(db, userId, attemptId, bank);
  return (a?.questions ?? []).map((q) => q.questionId);
}

describe("fresh questions first", () => {
  it("a mock skips questions already shown in practice while fresh ones remain", async () => {
    const user = await newUser();
    const practice = await startPractice(db, {
      userId: user.id,
      track: cba,
      bank,
      mode: "practice",
      domains: cba.domains.map((d) => d.id),
      count: 60,
    });
    await submitAttempt(db, user.id, practice.attemptId, bank);
    const seen = new Set(await shown(user.id, practice.attemptId));
    const mock = await startMock(db, { userId: user.id, track: cba, bank });
    const inMock = await shown(user.id, mock.attemptId);
    expect(inMock).toHaveLength(60);
    expect(inMock.filter((id) => seen.has(id))).toEqual([]);
  });

  it("when the bank forces repeats, the start screen's count is what the mock repeats", async () => {
    const user = await newUser();
    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const { attemptId } = await startMock(db, { userId: user.id, track: saa, bank });
      const ids = await shown(user.id, attemptId);
      for (const id of ids) seen.add(id);
      // Answer a few so the evidence is not empty.
      const events = ids.slice(0, 5).map((id) => ({
        id: randomUUID(),
        questionId: id,
        kind: "answer" as const,
        selected: [...(bank.byId.get(id)?.correctKeys ?? [])] as OptionKey[],
        at: new Date(),
      }));
      await recordEvents(db, user.id, attemptId, events, bank);
      await submitAttempt(db, user.id, attemptId, bank);
    }
    const evidence = await loadProgress(db, user.id, saa, bank);
    const warning = freshnessOf(saa, bank, evidence.lastSeen);
    expect(warning.nextMockRepeats).toBeGreaterThan(0);
    expect(warning.freshMocks).toBe(0);
    // Fresh evidence: every question of the two submitted mocks once (a blank in a submitted
    // mock is a wrong answer): 10 right, the rest wrong.
    expect(evidence.fresh).toHaveLength(2 * saa.questionCount);
    expect(evidence.fresh.filter((r) => r.correct)).toHaveLength(10);
    const third = await startMock(db, { userId: user.id, track: saa, bank });
    const repeats = (await shown(user.id, third.attemptId)).filter((id) => seen.has(id));
    expect(repeats).toHaveLength(warning.nextMockRepeats);
  });
});
