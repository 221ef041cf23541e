import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Question } from "@/lib/content/types";
import { migrate } from "@/lib/migrations.server";
import { createDb, type Db } from "@/lib/prisma.server";
import { syncQuestions } from "@/lib/questions.server";
import { scratchDatabase } from "./scratch";

// The mirror retires every question it is not given, so this test gets a database of its own.
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  const scratch = await scratchDatabase();
  drop = scratch.drop;
  await migrate({
    connectionString: scratch.url,
    dir: path.resolve(import.meta.dirname, "../../prisma/migrations"),
  });
  db = createDb(scratch.url);
});
afterAll(async () => {
  await db.$disconnect();
  await drop();
});

function question(
  id: string,
  hash: string,
  correctKeys: Question["correctKeys"] = ["A"],
): Question {
  return {
    id,
    trackId: "sync-track",
    domain: "catalog",
    curriculum: null,
    competency: null,
    type: "single",
    difficulty: "easy",
    tags: [],
    sources: [],
    stemHtml: "",
    options: [],
    correctKeys,
    chooseCount: 1,
    explanationHtml: "",
    hash,
    file: `${id}.md`,
  };
}

describe("question mirror", () => {
  it("creates, is idempotent, records each version's answer key and retires removed questions", async () => {
    const a = question("sync-a", "a1");
    const b = question("sync-b", "b1");
    expect(await syncQuestions(db, [a, b])).toMatchObject({
      created: 2,
      updated: 0,
      retired: 0,
      versions: 2,
    });
    expect(await syncQuestions(db, [a, b])).toEqual({
      created: 0,
      updated: 0,
      retired: 0,
      versions: 0,
    });

    const aFixed = question("sync-a", "a2", ["C"]);
    expect(await syncQuestions(db, [aFixed])).toMatchObject({
      created: 0,
      updated: 1,
      retired: 1,
      versions: 1,
    });
    const rows = await db.question.findMany({
      where: { trackId: "sync-track" },
      include: { versions: { orderBy: { createdAt: "asc" } } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.id, r.currentHash, r.retired])).toEqual([
      ["sync-a", "a2", false],
      ["sync-b", "b1", true],
    ]);
    expect(rows[0]?.versions.map((v) => [v.hash, v.correctKeys])).toEqual([
      ["a1", ["A"]],
      ["a2", ["C"]],
    ]);

    // A question that comes back is un-retired, and its old version is not duplicated.
    expect(await syncQuestions(db, [aFixed, b])).toMatchObject({ updated: 1, versions: 0 });
    expect(await db.question.count({ where: { trackId: "sync-track", retired: true } })).toBe(0);
  });
});
