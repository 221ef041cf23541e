import { describe, expect, it } from "vitest";
import {
  applyEvents,
  enqueue,
  interpretEventsResponse,
  MAX_BATCH,
  mergeQueues,
  newEventId,
  parseQueue,
  type QueuedEvent,
  queueStorageKey,
  RETRY_CAP_MS,
  removeIds,
  retryDelay,
  saveStatus,
  serializeQueue,
  takeBatch,
} from "./queue";

const answer = (id: string, questionId: string, selected: string[], at: string): QueuedEvent =>
  ({ id, questionId, kind: "answer", selected, at }) as QueuedEvent;
const flag = (id: string, questionId: string, flagged: boolean, at: string): QueuedEvent => ({
  id,
  questionId,
  kind: "flag",
  flagged,
  at,
});
const T1 = "2026-01-01T10:00:00.000Z";
const T2 = "2026-01-01T10:00:01.000Z";
const T3 = "2026-01-01T10:00:02.000Z";

describe("queue operations", () => {
  it("names the storage key after the attempt", () => {
    expect(queueStorageKey("att1")).toBe("passmark:queue:att1");
  });

  it("appends, keeps every answer event for a question, and ignores a repeated id", () => {
    let q: QueuedEvent[] = [];
    q = enqueue(q, answer("1", "q1", ["AAAAAAAAAAAAAAAA"], T1));
    q = enqueue(q, answer("2", "q1", ["BBBBBBBBBBBBBBBB"], T2));
    q = enqueue(q, answer("2", "q1", ["CCCCCCCCCCCCCCCC"], T3));
    expect(q.map((e) => e.id)).toEqual(["1", "2"]);
  });

  it("does not mutate its input", () => {
    const q: QueuedEvent[] = [answer("1", "q1", ["AAAAAAAAAAAAAAAA"], T1)];
    enqueue(q, answer("2", "q1", ["BBBBBBBBBBBBBBBB"], T2));
    removeIds(q, ["1"]);
    expect(q).toHaveLength(1);
  });

  it("removes acknowledged ids and leaves unknown ids alone", () => {
    const q = [
      answer("1", "q1", ["AAAAAAAAAAAAAAAA"], T1),
      flag("2", "q1", true, T2),
      answer("3", "q2", [], T3),
    ];
    expect(removeIds(q, ["2", "nope"]).map((e) => e.id)).toEqual(["1", "3"]);
    expect(removeIds(q, new Set(["1", "2", "3"]))).toEqual([]);
  });

  it("merges two queues by id in order", () => {
    const a = [
      answer("1", "q1", ["AAAAAAAAAAAAAAAA"], T1),
      answer("2", "q1", ["BBBBBBBBBBBBBBBB"], T2),
    ];
    const b = [answer("2", "q1", ["BBBBBBBBBBBBBBBB"], T2), flag("3", "q2", true, T3)];
    expect(mergeQueues(a, b).map((e) => e.id)).toEqual(["1", "2", "3"]);
  });

  it("takes batches of at most 200, oldest first", () => {
    const q = Array.from({ length: 450 }, (_, i) =>
      answer(String(i), "q1", ["AAAAAAAAAAAAAAAA"], T1),
    );
    expect(takeBatch(q)).toHaveLength(MAX_BATCH);
    expect(takeBatch(q)[0]?.id).toBe("0");
    expect(takeBatch(q, 1000)).toHaveLength(MAX_BATCH);
    expect(takeBatch(q.slice(0, 3))).toHaveLength(3);
    expect(takeBatch([])).toEqual([]);
  });
});

describe("retryDelay", () => {
  it("doubles from one second and caps at thirty", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => retryDelay(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it("adds ±20% jitter but never exceeds the cap", () => {
    expect(retryDelay(1, () => 0)).toBe(800);
    expect(retryDelay(1, () => 1)).toBe(1200);
    expect(retryDelay(3, () => 0.999)).toBeLessThanOrEqual(4800);
    expect(retryDelay(10, () => 1)).toBe(RETRY_CAP_MS);
    expect(retryDelay(10, () => 0)).toBe(24000);
  });

  it("treats nonsense attempt numbers as the first retry", () => {
    expect(retryDelay(0, () => 0.5)).toBe(1000);
    expect(retryDelay(-3, () => 0.5)).toBe(1000);
    expect(retryDelay(Number.NaN, () => 0.5)).toBe(1000);
  });
});

describe("parseQueue", () => {
  const valid = [
    answer("1", "q1", ["BBBBBBBBBBBBBBBB", "DDDDDDDDDDDDDDDD"], T1),
    flag("2", "q2", true, T2),
  ];

  it("round-trips what serializeQueue writes", () => {
    expect(parseQueue(serializeQueue(valid))).toEqual(valid);
  });

  it("accepts a bare array", () => {
    expect(parseQueue(JSON.stringify(valid))).toEqual(valid);
  });

  it("gives an empty queue for nothing, bad JSON or the wrong shape", () => {
    for (const raw of [null, undefined, "", "{", "null", "42", '"x"', "{}", '{"events":5}']) {
      expect(parseQueue(raw)).toEqual([]);
    }
  });

  it("drops malformed and duplicate events and keeps the rest", () => {
    const raw = JSON.stringify([
      valid[0],
      null,
      "x",
      { id: "", questionId: "q1", kind: "answer", selected: ["AAAAAAAAAAAAAAAA"], at: T1 },
      { id: "3", questionId: "q1", kind: "answer", selected: ["Z"], at: T1 },
      { id: "4", questionId: "q1", kind: "answer", selected: "AAAAAAAAAAAAAAAA", at: T1 },
      {
        id: "5",
        questionId: "q1",
        kind: "answer",
        selected: ["AAAAAAAAAAAAAAAA"],
        at: "yesterday-ish",
      },
      { id: "6", questionId: "q1", kind: "flag", flagged: "yes", at: T1 },
      { id: "7", questionId: "q1", kind: "delete", at: T1 },
      { id: "8", questionId: 3, kind: "flag", flagged: true, at: T1 },
      { ...valid[0], selected: ["CCCCCCCCCCCCCCCC"] },
      valid[1],
      {
        id: "9",
        questionId: "q3",
        kind: "answer",
        selected: ["AAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBB"],
        at: T3,
      },
    ]);
    expect(parseQueue(raw)).toEqual([
      valid[0],
      valid[1],
      answer("9", "q3", ["AAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBB"], T3),
    ]);
  });

  it("keeps an empty selection (a cleared answer)", () => {
    const q = [answer("1", "q1", [], T1)];
    expect(parseQueue(serializeQueue(q))).toEqual(q);
  });

  it("drops events for questions outside the attempt when told which exist", () => {
    expect(parseQueue(serializeQueue(valid), new Set(["q2"])).map((e) => e.id)).toEqual(["2"]);
  });
});

describe("applyEvents", () => {
  it("overrides the server's answers and flags with queued events, latest wins", () => {
    const result = applyEvents(
      { q1: ["AAAAAAAAAAAAAAAA"], q2: ["CCCCCCCCCCCCCCCC"] },
      ["q2"],
      [
        answer("1", "q1", ["BBBBBBBBBBBBBBBB"], T1),
        answer("2", "q1", ["BBBBBBBBBBBBBBBB", "DDDDDDDDDDDDDDDD"], T2),
        flag("3", "q2", false, T1),
        flag("4", "q3", true, T1),
      ],
    );
    expect(result.answers).toEqual({
      q1: ["BBBBBBBBBBBBBBBB", "DDDDDDDDDDDDDDDD"],
      q2: ["CCCCCCCCCCCCCCCC"],
    });
    expect(result.flagged.sort()).toEqual(["q3"]);
  });

  it("orders by time and then by queue position", () => {
    const result = applyEvents(
      {},
      [],
      [
        answer("1", "q1", ["CCCCCCCCCCCCCCCC"], T3),
        answer("2", "q1", ["AAAAAAAAAAAAAAAA"], T1),
        answer("3", "q2", ["AAAAAAAAAAAAAAAA"], T2),
        answer("4", "q2", ["BBBBBBBBBBBBBBBB"], T2),
      ],
    );
    expect(result.answers).toEqual({ q1: ["CCCCCCCCCCCCCCCC"], q2: ["BBBBBBBBBBBBBBBB"] });
  });

  it("does not mutate the server state", () => {
    const answers = { q1: ["AAAAAAAAAAAAAAAA" as const] };
    const flagged = ["q1"];
    applyEvents(answers, flagged, [
      answer("1", "q1", ["BBBBBBBBBBBBBBBB"], T1),
      flag("2", "q1", false, T1),
    ]);
    expect(answers).toEqual({ q1: ["AAAAAAAAAAAAAAAA"] });
    expect(flagged).toEqual(["q1"]);
  });
});

describe("interpretEventsResponse", () => {
  it("drops accepted and rejected ids on 200 and reports the reasons", () => {
    expect(
      interpretEventsResponse(200, {
        accepted: ["1", "2"],
        rejected: [{ id: "3", reason: "Too late." }, { id: "4" }, { nope: 1 }],
      }),
    ).toEqual({
      kind: "acked",
      done: ["1", "2", "3", "4"],
      rejected: [
        { id: "3", reason: "Too late." },
        { id: "4", reason: "Not saved." },
      ],
    });
  });

  it("retries an unreadable 200, 5xx, 408 and 429", () => {
    expect(interpretEventsResponse(200, null)).toEqual({ kind: "retry" });
    expect(interpretEventsResponse(200, "ok")).toEqual({ kind: "retry" });
    for (const status of [500, 502, 503, 408, 429]) {
      expect(interpretEventsResponse(status, { error: "x" })).toEqual({ kind: "retry" });
    }
  });

  it("stops on 409 closed", () => {
    expect(interpretEventsResponse(409, { error: "Time is up.", closed: true })).toEqual({
      kind: "closed",
      message: "Time is up.",
    });
    expect(interpretEventsResponse(409, { closed: true })).toEqual({
      kind: "closed",
      message: "This exam is closed.",
    });
  });

  it("fails without retrying on 400, 404, other 4xx and a 409 that is not 'closed'", () => {
    expect(interpretEventsResponse(400, { error: "Bad events." })).toEqual({
      kind: "failed",
      message: "Bad events.",
    });
    expect(interpretEventsResponse(404, null)).toEqual({
      kind: "failed",
      message: "Could not save answers (error 404).",
    });
    expect(interpretEventsResponse(409, { error: "Conflict." }).kind).toBe("failed");
    expect(interpretEventsResponse(401, null).kind).toBe("failed");
  });
});

describe("saveStatus", () => {
  const base = { pending: 0, online: true, networkFailed: false, error: null };
  it("says saved, saving, offline or the error", () => {
    expect(saveStatus(base)).toEqual({ kind: "saved", text: "All answers saved" });
    expect(saveStatus({ ...base, pending: 2 })).toEqual({ kind: "saving", text: "Saving…" });
    expect(saveStatus({ ...base, pending: 2, networkFailed: true }).text).toBe(
      "Offline — will retry",
    );
    expect(saveStatus({ ...base, online: false }).text).toBe("Offline — will retry");
    expect(saveStatus({ ...base, pending: 1, online: false, error: "Not found." })).toEqual({
      kind: "error",
      text: "Not found.",
    });
  });
});

describe("newEventId", () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  it("uses crypto.randomUUID when there is one", () => {
    expect(newEventId({ randomUUID: () => "fixed" })).toBe("fixed");
    expect(newEventId()).toMatch(V4);
  });

  it("falls back to getRandomValues, then Math.random, still a v4 UUID", () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const id = newEventId({ getRandomValues: (a) => globalThis.crypto.getRandomValues(a) });
      expect(id).toMatch(V4);
      ids.add(id);
    }
    expect(ids.size).toBe(50);
    expect(newEventId({})).toMatch(V4);
  });
});
