import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type QueuedEvent, queueStorageKey, serializeQueue } from "@/lib/exam/queue";
import { createSaveQueue, type SaveSnapshot } from "./save-queue";

/** The browser bits save-queue.ts touches, faked for Node. */
function fakeBrowser() {
  const store = new Map<string, string>();
  const listeners = new Map<string, Set<(event: unknown) => void>>();
  const window = {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
    addEventListener: (type: string, fn: (event: unknown) => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)?.add(fn);
    },
    removeEventListener: (type: string, fn: (event: unknown) => void) =>
      listeners.get(type)?.delete(fn),
  };
  const dispatch = (type: string, event: unknown = {}) => {
    for (const fn of listeners.get(type) ?? []) fn(event);
  };
  return { window, store, dispatch };
}

const answer = (id: string, questionId = "q1"): QueuedEvent => ({
  id,
  questionId,
  kind: "answer",
  selected: ["AAAAAAAAAAAAAAAA"],
  at: "2026-01-01T10:00:00.000Z",
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

type Sent = { events: QueuedEvent[] };

describe("createSaveQueue", () => {
  let browser: ReturnType<typeof fakeBrowser>;
  let fetchMock: ReturnType<typeof vi.fn>;
  let snapshots: SaveSnapshot[];
  const key = queueStorageKey("att1");

  function make(extra: { onClosed?: (m: string) => void; onRejected?: () => void } = {}) {
    return createSaveQueue({
      attemptId: "att1",
      knownQuestionIds: new Set(["q1", "q2"]),
      onChange: (s) => snapshots.push(s),
      onRejected: extra.onRejected ?? (() => {}),
      onClosed: extra.onClosed ?? (() => {}),
    });
  }
  const sent = (call: number): Sent => {
    const init = fetchMock.mock.calls[call]?.[1] as RequestInit | undefined;
    return JSON.parse(String(init?.body)) as Sent;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    browser = fakeBrowser();
    snapshots = [];
    fetchMock = vi.fn();
    vi.stubGlobal("window", browser.window);
    vi.stubGlobal("fetch", fetchMock);
    vi.stubGlobal("navigator", { onLine: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("persists an event before sending it and forgets it once accepted", async () => {
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => {
      expect(browser.store.get(key)).toContain('"id":"e1"');
      const body = JSON.parse(String(init.body)) as Sent;
      return json(200, { accepted: body.events.map((e) => e.id), rejected: [] });
    });
    const queue = make();
    queue.start();
    queue.push(answer("e1"));
    expect(queue.hasPending()).toBe(true);
    expect(await queue.flush()).toBe("done");
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/attempts/att1/events");
    expect(browser.store.has(key)).toBe(false);
    expect(queue.hasPending()).toBe(false);
    expect(snapshots.at(-1)).toMatchObject({ pending: 0, error: null, networkFailed: false });
  });

  it("sends a persisted queue on start and returns it for display", async () => {
    browser.store.set(key, serializeQueue([answer("old1"), answer("old2", "q9")]));
    fetchMock.mockResolvedValue(json(200, { accepted: ["old1"], rejected: [] }));
    const queue = make();
    expect(queue.start().map((e) => e.id)).toEqual(["old1"]);
    expect(await queue.flush()).toBe("done");
    expect(sent(0).events.map((e) => e.id)).toEqual(["old1"]);
  });

  it("keeps events on a network error and retries with back-off, and at once when online", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    fetchMock.mockResolvedValue(json(200, { accepted: ["e1"], rejected: [] }));
    const queue = make();
    queue.start();
    queue.push(answer("e1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(browser.store.get(key)).toContain("e1");
    expect(snapshots.at(-1)?.networkFailed).toBe(true);
    await vi.advanceTimersByTimeAsync(1_300); // first retry after ~1 s
    expect(fetchMock).toHaveBeenCalledTimes(2);
    browser.dispatch("online");
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(queue.hasPending()).toBe(false);
    expect(snapshots.at(-1)).toMatchObject({ networkFailed: false, online: true });
  });

  it("retries on 5xx", async () => {
    fetchMock.mockResolvedValueOnce(json(503, {}));
    fetchMock.mockResolvedValue(json(200, { accepted: ["e1"], rejected: [] }));
    const queue = make();
    queue.start();
    queue.push(answer("e1"));
    await vi.advanceTimersByTimeAsync(1_300);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(queue.hasPending()).toBe(false);
  });

  it("shows a 400 and does not retry on a timer", async () => {
    fetchMock.mockResolvedValue(json(400, { error: "Bad events." }));
    const queue = make();
    queue.start();
    queue.push(answer("e1"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(snapshots.at(-1)?.error).toBe("Bad events.");
    expect(queue.hasPending()).toBe(true);
  });

  it("stops for good on 409 closed", async () => {
    const onClosed = vi.fn();
    fetchMock.mockResolvedValue(json(409, { error: "Time is up.", closed: true }));
    const queue = make({ onClosed });
    queue.start();
    queue.push(answer("e1"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onClosed).toHaveBeenCalledWith("Time is up.");
    expect(queue.hasPending()).toBe(false);
    queue.push(answer("e2"));
    expect(await queue.flush()).toBe("closed");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("sends events pushed during a request in the next batch, never in parallel", async () => {
    let release: (() => void) | undefined;
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Sent;
      if (!release) await new Promise<void>((r) => (release = r));
      return json(200, { accepted: body.events.map((e) => e.id), rejected: [] });
    });
    const queue = make();
    queue.start();
    queue.push(answer("e1"));
    queue.push(answer("e2"));
    queue.push(answer("e3"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent(0).events.map((e) => e.id)).toEqual(["e1"]);
    expect(sent(1).events.map((e) => e.id)).toEqual(["e2", "e3"]);
    expect(queue.hasPending()).toBe(false);
  });

  it("reports rejected events with their question", async () => {
    const onRejected = vi.fn();
    fetchMock.mockResolvedValue(
      json(200, { accepted: [], rejected: [{ id: "e1", reason: "Too late." }] }),
    );
    const queue = make({ onRejected });
    queue.start();
    queue.push(answer("e1", "q2"));
    await vi.advanceTimersByTimeAsync(0);
    expect(onRejected).toHaveBeenCalledWith([{ id: "e1", reason: "Too late.", questionId: "q2" }]);
    expect(queue.hasPending()).toBe(false);
  });

  it("keeps working in memory when localStorage throws", async () => {
    browser.window.localStorage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    fetchMock.mockRejectedValue(new TypeError("offline"));
    const queue = make();
    queue.start();
    queue.push(answer("e1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.hasPending()).toBe(true);
    fetchMock.mockResolvedValue(json(200, { accepted: ["e1"], rejected: [] }));
    expect(await queue.flush()).toBe("done");
    expect(sent(1).events.map((e) => e.id)).toEqual(["e1"]);
  });
});
