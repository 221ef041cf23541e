import {
  enqueue,
  interpretEventsResponse,
  mergeQueues,
  parseQueue,
  type QueuedEvent,
  queueStorageKey,
  removeIds,
  retryDelay,
  serializeQueue,
  takeBatch,
} from "@/lib/exam/queue";

/**
 * Wires the pure save queue (lib/exam/queue.ts) to localStorage, fetch and timers. Browser only.
 *
 * localStorage is the source of truth: every operation reads the stored queue, merges what this
 * tab holds in memory (in case storage is full or blocked), applies the change and writes it
 * back before anything is sent. A second tab on the same attempt therefore sends the other's
 * events too, which is harmless because the server de-duplicates by event id.
 */

export type FlushResult = "done" | "retry" | "failed" | "closed";

export type SaveSnapshot = {
  pending: number;
  online: boolean;
  /** The last request failed on the network or with a 5xx. */
  networkFailed: boolean;
  /** A 400/404 (or other client error) message; cleared by the next successful request. */
  error: string | null;
};

export type RejectedEvent = { id: string; reason: string; questionId: string | null };

export type SaveQueue = {
  /** Loads the persisted queue, listens to online/offline/pagehide and starts sending. */
  start(): QueuedEvent[];
  stop(): void;
  push(event: QueuedEvent): void;
  /** Sends until the queue is empty or a request fails; one flush at a time. */
  flush(): Promise<FlushResult>;
  hasPending(): boolean;
  /** Forgets the queue (after the exam is submitted or closed). */
  discard(): void;
};

const REQUEST_TIMEOUT_MS = 15_000;

export const initialSaveSnapshot: SaveSnapshot = {
  pending: 0,
  online: true,
  networkFailed: false,
  error: null,
};

export function createSaveQueue(options: {
  attemptId: string;
  knownQuestionIds: ReadonlySet<string>;
  onChange: (snapshot: SaveSnapshot) => void;
  onRejected: (rejected: RejectedEvent[]) => void;
  onClosed: (message: string) => void;
}): SaveQueue {
  const storageKey = queueStorageKey(options.attemptId);
  const url = `/api/attempts/${encodeURIComponent(options.attemptId)}/events`;
  let memory: QueuedEvent[] = [];
  /** Ids acknowledged in this tab: never re-added from storage another tab wrote earlier. */
  const acked = new Set<string>();
  let inFlight: Promise<FlushResult> | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let closed = false;
  let snapshot: SaveSnapshot = { ...initialSaveSnapshot };

  function update(partial: Partial<SaveSnapshot>) {
    snapshot = { ...snapshot, ...partial };
    options.onChange(snapshot);
  }

  function read(): QueuedEvent[] {
    let stored: QueuedEvent[] = [];
    try {
      stored = parseQueue(window.localStorage.getItem(storageKey), options.knownQuestionIds);
    } catch {
      // Storage blocked: memory only.
    }
    return mergeQueues(
      memory,
      stored.filter((e) => !acked.has(e.id)),
    );
  }

  function write(queue: QueuedEvent[]) {
    memory = queue;
    try {
      if (queue.length === 0) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, serializeQueue(queue));
    } catch {
      // Storage full or blocked: the queue still lives in this tab's memory.
    }
    if (snapshot.pending !== queue.length) update({ pending: queue.length });
  }

  function clearRetry() {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  async function post(body: string): Promise<{ status: number; json: unknown } | null> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        cache: "no-store",
        credentials: "same-origin",
        signal: controller.signal,
      });
      const json: unknown = await response.json().catch(() => null);
      return { status: response.status, json };
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One request; "more" when it made progress and events remain. */
  async function sendOnce(): Promise<FlushResult | "more"> {
    const batch = takeBatch(read());
    if (batch.length === 0) return "done";
    const response = await post(JSON.stringify({ events: batch }));
    if (closed) return "closed";
    if (!response) return "retry";
    const outcome = interpretEventsResponse(response.status, response.json);
    switch (outcome.kind) {
      case "acked": {
        for (const id of outcome.done) acked.add(id);
        write(removeIds(read(), outcome.done));
        failures = 0;
        update({ networkFailed: false, error: null });
        if (outcome.rejected.length > 0) {
          const byId = new Map(batch.map((e) => [e.id, e.questionId]));
          options.onRejected(
            outcome.rejected.map((r) => ({ ...r, questionId: byId.get(r.id) ?? null })),
          );
        }
        const done = new Set(outcome.done);
        // The server skipped some of the batch: back off rather than resend at once.
        if (!batch.every((e) => done.has(e.id))) return "retry";
        return memory.length > 0 ? "more" : "done";
      }
      case "closed":
        closed = true;
        clearRetry();
        write([]);
        options.onClosed(outcome.message);
        return "closed";
      case "failed":
        update({ error: outcome.message, networkFailed: false });
        return "failed";
      case "retry":
        return "retry";
    }
  }

  function flush(): Promise<FlushResult> {
    if (closed) return Promise.resolve("closed");
    if (inFlight) return inFlight;
    clearRetry();
    const run = (async (): Promise<FlushResult> => {
      try {
        for (;;) {
          const result = await sendOnce();
          if (result !== "more") return result;
        }
      } finally {
        inFlight = null;
      }
    })();
    inFlight = run;
    void run.then((result) => {
      if (result === "retry") {
        failures += 1;
        update({ networkFailed: true });
        if (running) {
          clearRetry();
          retryTimer = setTimeout(() => void flush(), retryDelay(failures));
        }
      } else if (result === "done" && memory.length > 0) {
        // Pushed while the last response was being handled.
        void flush();
      }
    });
    return run;
  }

  function onOnline() {
    update({ online: true });
    failures = 0;
    void flush();
  }

  function onOffline() {
    update({ online: false });
  }

  /** Last chance when the page goes away: a keepalive request (the queue stays persisted). */
  function onPageHide() {
    if (closed || memory.length === 0) return;
    try {
      void fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ events: takeBatch(memory, 100) }),
        keepalive: true,
        credentials: "same-origin",
      }).catch(() => {});
    } catch {
      // Body too large for keepalive, or fetch unavailable: the next visit sends it.
    }
  }

  function onPageShow(event: PageTransitionEvent) {
    if (event.persisted) void flush();
  }

  return {
    start() {
      running = true;
      const restored = read();
      write(restored);
      update({ online: typeof navigator === "undefined" || navigator.onLine !== false });
      window.addEventListener("online", onOnline);
      window.addEventListener("offline", onOffline);
      window.addEventListener("pagehide", onPageHide);
      window.addEventListener("pageshow", onPageShow);
      if (restored.length > 0) void flush();
      return restored;
    },
    stop() {
      running = false;
      clearRetry();
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("pageshow", onPageShow);
    },
    push(event) {
      if (closed) return;
      write(enqueue(read(), event));
      void flush();
    },
    flush,
    hasPending: () => memory.length > 0,
    discard() {
      closed = true;
      clearRetry();
      write([]);
    },
  };
}
