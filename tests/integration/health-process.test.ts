import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The two preloads every production server process loads (scripts/run.ts, the Dockerfile), on a
 * plain node:http server: the graceful SIGTERM drain and the per-request JSON log.
 */

const SCRIPTS = path.resolve(import.meta.dirname, "../../scripts");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

// A server whose /slow answers after 1.5 s, and which registers a closer as lib/db.server.ts does.
const SERVER = `
const http = require("node:http");
globalThis.passmarkLifecycle.onClose(async () => { console.log("CLOSER RAN"); });
http.createServer((req, res) => {
  const wait = req.url.startsWith("/slow") ? 1500 : 0;
  setTimeout(() => { res.statusCode = req.url.startsWith("/missing") ? 404 : 200; res.end("ok"); }, wait);
}).listen(0, "127.0.0.1", function () { console.log("PORT " + this.address().port); });
`;

async function start(env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [
      `--require=${path.join(SCRIPTS, "graceful-shutdown.cjs")}`,
      `--require=${path.join(SCRIPTS, "request-log.cjs")}`,
      "-e",
      SERVER,
    ],
    {
      env: { ...process.env, SHUTDOWN_GRACE_MS: "5000", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      }
    }, 20);
    child.once("exit", () => reject(new Error(`exited early: ${out}`)));
  });
  return { child, port, output: () => out };
}

describe("SIGTERM drain (scripts/graceful-shutdown.cjs)", () => {
  it("finishes the request in flight, refuses new connections, runs the closers, exits 0", async () => {
    const { child, port, output } = await start();
    const slow = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((r) => setTimeout(r, 300));
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    await expect(fetch(`http://127.0.0.1:${port}/late`)).rejects.toThrow();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output()).toContain("CLOSER RAN");
    expect(output()).toMatch(/every request finished/);
  }, 30_000);

  it("cuts off what outlasts the grace period and exits 1", async () => {
    const { child, port } = await start({ SHUTDOWN_GRACE_MS: "300" });
    const slow = fetch(`http://127.0.0.1:${port}/slow`).catch(() => null);
    await new Promise((r) => setTimeout(r, 300));
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(1);
    expect(await slow).toBeNull();
  }, 30_000);
});

describe("request log (scripts/request-log.cjs)", () => {
  it("writes one JSON line per request without ids, query strings or cookies, and returns the id", async () => {
    const { child, port, output } = await start({ NEXTAUTH_SECRET: "x".repeat(40) });
    const attempt = "3f2c1d9e-8b7a-4c6d-9e0f-1a2b3c4d5e6f";
    const res = await fetch(`http://127.0.0.1:${port}/attempts/${attempt}/review?token=hunter2`, {
      headers: { cookie: "next-auth.session-token=not-a-real-token", "x-request-id": "bad id!" },
    });
    await res.text();
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/); // a malformed incoming id is replaced
    const fromProxy = await fetch(`http://127.0.0.1:${port}/missing`, {
      headers: { "x-request-id": "0123456789abcdef0123456789abcdef" },
    });
    await fromProxy.text();
    expect(fromProxy.headers.get("x-request-id")).toBe("0123456789abcdef0123456789abcdef");
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGTERM");
    await once(child, "exit");
    const lines = output()
      .split("\n")
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      requestId: id,
      method: "GET",
      route: "/attempts/:id/review",
      status: 200,
      user: null,
    });
    expect(lines[0].durationMs).toBeTypeOf("number");
    expect(lines[1]).toMatchObject({ route: "/missing", status: 404 });
    expect(output()).not.toMatch(/hunter2|not-a-real-token|session-token|3f2c1d9e/);
  }, 30_000);
});
