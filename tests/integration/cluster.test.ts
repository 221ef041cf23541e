import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Daemon, portFree, startPgBouncer } from "@/deploy/cluster";
import { COMPOSE_NGINX, connectionBudgetProblem, nginxConfig } from "@/deploy/topology";
import { loadBank } from "@/lib/content/load.server";
import type { OptionKey } from "@/lib/content/types";
import { startMock } from "@/lib/exam/attempts.server";
import { recordEvents } from "@/lib/exam/saving.server";
import { createDb, type Db } from "@/lib/prisma.server";
import { createUser } from "@/lib/users.server";
import { prepareDatabase } from "@/scripts/lib/prepare";
import { query, scratchDatabase } from "./scratch";

const ROOT = path.resolve(import.meta.dirname, "../..");
const bank = loadBank();
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe("three replicas starting together", () => {
  it("apply each migration once (advisory lock) and mirror the bank once", async () => {
    const scratch = await scratchDatabase();
    cleanups.push(scratch.drop);
    const clients: Db[] = [0, 1, 2].map(() => createDb(scratch.url));
    cleanups.push(() => Promise.all(clients.map((c) => c.$disconnect())));
    const lines: string[][] = [[], [], []];
    // The start-up path of `npm start` (scripts/run.ts), three at once on an empty database.
    await Promise.all(
      clients.map((db, i) => prepareDatabase(scratch.url, db, (line) => lines[i]?.push(line))),
    );
    const applied = lines.map((l) => l.filter((x) => x.startsWith("applied ")).length);
    const rows = await query<{ migration_name: string; n: string }>(
      scratch.url,
      `SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY migration_name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Number(row.n)).toBe(1);
    // One replica applied them all; the others found the schema up to date.
    expect(applied.filter((n) => n > 0)).toEqual([rows.length]);
    const [questions] = await query<{ n: string }>(
      scratch.url,
      `SELECT count(*) AS n FROM "Question"`,
    );
    expect(Number(questions?.n)).toBe(bank.questions.length);
  }, 180_000);
});

describe("a synchronised start", () => {
  it("starts 200 mocks at once on a pool of 10 (no P2028), one open mock per candidate", async () => {
    const scratch = await scratchDatabase();
    cleanups.push(scratch.drop);
    const db = createDb(scratch.url); // DATABASE_POOL_MAX unset: the default pool of 10
    cleanups.push(() => db.$disconnect());
    await prepareDatabase(scratch.url, db);
    const track = bank.tracks.get("cba");
    if (!track) throw new Error("no cba track");
    const users = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        db.user.create({ data: { email: `start-${i}-${randomUUID()}@example.test`, name: "S" } }),
      ),
    );
    const started = await Promise.allSettled(
      users.map((u) => startMock(db, { userId: u.id, track, bank })),
    );
    const failed = started.filter((r) => r.status === "rejected");
    expect(failed.map((r) => String((r as PromiseRejectedResult).reason).slice(0, 120))).toEqual(
      [],
    );
    const [open] = await query<{ n: string }>(
      scratch.url,
      `SELECT count(*) AS n FROM "Attempt" WHERE status = 'in_progress'`,
    );
    expect(Number(open?.n)).toBe(200);
  }, 180_000);
});

describe("connection budget", () => {
  const base = { maxConnections: 100, reserved: 3, headroom: 5 };
  it("accepts replicas × pool (plus one restarting replica) within max_connections", () => {
    expect(connectionBudgetProblem({ ...base, replicas: 2, poolMax: 10 })).toBeNull();
    expect(connectionBudgetProblem({ ...base, replicas: 7, poolMax: 11 })).toBeNull(); // 93 ≤ 97
  });
  it("refuses a sum that does not fit, saying what to change", () => {
    const problem = connectionBudgetProblem({ ...base, replicas: 8, poolMax: 11 }); // 104 > 97
    expect(problem).toMatch(/DATABASE_POOL_MAX/);
    expect(problem).toMatch(/PgBouncer/);
  });
});

describe("nginx configuration", () => {
  it("deploy/nginx.compose.conf is the generated configuration", () => {
    const file = readFileSync(path.join(ROOT, "deploy/nginx.compose.conf"), "utf8");
    expect(file).toBe(nginxConfig(COMPOSE_NGINX));
  });

  it("retries only idempotent requests and the answer save on another replica", () => {
    const conf = nginxConfig({ listen: "8080", upstreams: ["a:1", "b:2"] });
    expect(conf).toMatch(/least_conn;/);
    expect(conf).toMatch(/server a:1 max_fails=1 fail_timeout=\d+s;/);
    const nonIdempotent = conf.split("\n").filter((l) => l.includes("non_idempotent"));
    expect(nonIdempotent).toHaveLength(1);
    const events = conf.slice(conf.indexOf("location ~ ^/api/attempts/[^/]+/events$"));
    expect(events).toContain("non_idempotent");
  });

  it.runIf(existsSync("/usr/sbin/nginx"))("is accepted by nginx -t", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "passmark-nginx-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const conf = path.join(dir, "nginx.conf");
    writeFileSync(conf, nginxConfig({ dir, listen: "127.0.0.1:1", upstreams: ["127.0.0.1:2"] }));
    const result = spawnSync("/usr/sbin/nginx", ["-t", "-q", "-p", dir, "-c", conf], {
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe.runIf(existsSync("/usr/sbin/pgbouncer"))("PgBouncer in transaction mode", () => {
  it("carries a mock's start and the answer-save statement", async () => {
    const scratch = await scratchDatabase();
    cleanups.push(scratch.drop);
    const direct = createDb(scratch.url);
    cleanups.push(() => direct.$disconnect());
    await prepareDatabase(scratch.url, direct);

    let port = 16_432;
    while (!(await portFree(port))) port += 1;
    const u = new URL(scratch.url);
    const dir = mkdtempSync(path.join(tmpdir(), "passmark-pgbouncer-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const bouncer: Daemon = startPgBouncer({
      dir,
      port,
      host: u.hostname,
      serverPort: Number(u.port || 5432),
      database: u.pathname.slice(1),
      user: decodeURIComponent(u.username || "postgres"),
      poolSize: 2,
    });
    cleanups.push(() => bouncer.stop());
    const via = new URL(scratch.url);
    via.port = String(port);
    const db = createDb(via.toString());
    cleanups.push(() => db.$disconnect());
    for (let i = 0; i < 50 && (await portFree(port)); i++)
      await new Promise((r) => setTimeout(r, 100));

    const [shown] = await db.$queryRawUnsafe<{ port: number }[]>(
      "SELECT current_setting('port')::int AS port",
    );
    expect(shown?.port).toBe(Number(u.port || 5432)); // PostgreSQL's, reached through PgBouncer

    const track = bank.tracks.get("cba");
    if (!track) throw new Error("no cba track");
    const user = await createUser(db, {
      name: "Through PgBouncer",
      email: `pgbouncer-${randomUUID()}@example.test`,
      password: "a long enough passphrase",
    });
    const { attemptId } = await startMock(db, { userId: user.id, track, bank });
    const items = await db.attemptQuestion.findMany({
      where: { attemptId },
      orderBy: { position: "asc" },
      take: 20,
    });
    // More concurrent saves than PgBouncer has server connections (2): each borrows one per
    // statement, so statements from different clients interleave on the same connections.
    const results = await Promise.all(
      items.map((item) =>
        recordEvents(
          db,
          user.id,
          attemptId,
          [
            {
              id: randomUUID(),
              questionId: item.questionId,
              kind: "answer",
              selected: [item.optionOrder[0] as OptionKey],
              at: new Date(),
            },
          ],
          bank,
        ),
      ),
    );
    for (const r of results) expect(r.status === "ok" && r.accepted.length).toBe(1);
    const stored = await direct.answerEvent.count({ where: { attemptId } });
    expect(stored).toBe(items.length);
  }, 120_000);
});
