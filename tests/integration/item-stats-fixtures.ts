import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma.server";

/** Builders of questions, users and attempts straight in the database, on a track of their own. */

export const newTrack = () => `it-${randomUUID().slice(0, 8)}`;

export async function newUsers(db: Db, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `u-${randomUUID()}`);
  await db.user.createMany({
    data: ids.map((id) => ({ id, email: `${id}@example.test`, name: "Stats learner" })),
  });
  return ids;
}

export async function seedQuestion(
  db: Db,
  input: {
    trackId: string;
    id?: string;
    versions: { hash: string; correctKeys: string[] }[];
    current?: string;
  },
) {
  const id = input.id ?? `q-${randomUUID().slice(0, 8)}`;
  const current = input.current ?? input.versions[input.versions.length - 1]?.hash ?? "";
  await db.question.create({
    data: {
      id,
      trackId: input.trackId,
      domain: "d",
      currentHash: current,
      versions: { create: input.versions },
    },
  });
  return id;
}

export type ShownItem = {
  questionId: string;
  hash: string;
  /** Omitted: never answered. */
  selected?: string[];
  flagged?: boolean;
  /** Seconds on the question (one visit of that length). */
  seconds?: number;
  /** Answer given this many seconds after the deadline. */
  late?: boolean;
};

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

/** A mock of `items`, closed at `closedAt` unless `open`; one visit then one answer per item. */
export async function seedMock(
  db: Db,
  input: {
    userId: string;
    trackId: string;
    items: ShownItem[];
    startedAt: Date;
    closedAt?: Date;
    open?: boolean;
  },
) {
  const deadline = at(input.startedAt, 3600);
  const attempt = await db.attempt.create({
    data: {
      userId: input.userId,
      trackId: input.trackId,
      mode: "mock",
      status: input.open ? "in_progress" : "submitted",
      seed: 1,
      startedAt: input.startedAt,
      deadline,
      submittedAt: input.open ? null : (input.closedAt ?? at(input.startedAt, 1800)),
      questions: {
        create: input.items.map((item, i) => ({
          position: i + 1,
          questionId: item.questionId,
          questionHash: item.hash,
          optionOrder: ["A", "B", "C", "D"],
        })),
      },
    },
  });
  let t = 0;
  const events = input.items.flatMap((item) => {
    const visitAt = at(input.startedAt, t);
    t += item.seconds ?? 60;
    const out: Prisma.AnswerEventCreateManyInput[] = [
      {
        id: randomUUID(),
        attemptId: attempt.id,
        questionId: item.questionId,
        kind: "visit",
        selected: [],
        answeredAt: visitAt,
      },
    ];
    if (item.selected) {
      out.push({
        id: randomUUID(),
        attemptId: attempt.id,
        questionId: item.questionId,
        kind: "answer",
        selected: item.selected,
        answeredAt: item.late ? at(deadline, 5) : at(visitAt, 1),
      });
    }
    if (item.flagged) {
      out.push({
        id: randomUUID(),
        attemptId: attempt.id,
        questionId: item.questionId,
        kind: "flag",
        selected: [],
        flagged: true,
        answeredAt: at(visitAt, 2),
      });
    }
    return out;
  });
  await db.answerEvent.createMany({ data: events });
  // The visits run until the next one; the last runs to the close: end the mock right after it.
  if (!input.open && !input.closedAt) {
    await db.attempt.update({
      where: { id: attempt.id },
      data: { submittedAt: at(input.startedAt, t) },
    });
  }
  return attempt.id;
}

/** A practice session in which the user checked one answer at `checkedAt`. */
export async function seedCheck(
  db: Db,
  input: {
    userId: string;
    trackId: string;
    questionId: string;
    hash: string;
    selected: string[];
    checkedAt: Date;
  },
) {
  const attempt = await db.attempt.create({
    data: {
      userId: input.userId,
      trackId: input.trackId,
      mode: "practice",
      seed: 1,
      startedAt: at(input.checkedAt, -60),
      questions: {
        create: [
          {
            position: 1,
            questionId: input.questionId,
            questionHash: input.hash,
            optionOrder: ["A", "B", "C", "D"],
          },
        ],
      },
    },
  });
  await db.answerEvent.createMany({
    data: [
      {
        id: randomUUID(),
        attemptId: attempt.id,
        questionId: input.questionId,
        kind: "answer",
        selected: input.selected,
        answeredAt: at(input.checkedAt, -5),
      },
      {
        id: randomUUID(),
        attemptId: attempt.id,
        questionId: input.questionId,
        kind: "check",
        selected: input.selected,
        answeredAt: input.checkedAt,
      },
    ],
  });
  return attempt.id;
}
