import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/prisma.server";
import { hitAll, hitRateLimit } from "@/lib/rate-limit.server";
import { DEMO_USERS, SeedRefusedError, seedDemoUsers } from "@/lib/seed.server";
import {
  AccountNotLinkedError,
  createUser,
  EmailTakenError,
  upsertOAuthUser,
  verifyCredentials,
} from "@/lib/users.server";

const db = createDb(inject("databaseUrl"));
afterAll(() => db.$disconnect());
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe("users repository", () => {
  it("creates a user with a bcrypt hash and verifies only the right password", async () => {
    const email = `u-${unique()}@example.test`;
    const user = await createUser(db, { name: "Ada", email, password: "correct horse battery" });
    expect(user).toMatchObject({ email, name: "Ada", role: "learner" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(stored.passwordHash).not.toContain("correct horse");

    expect(await verifyCredentials(db, email, "correct horse battery")).toEqual(user);
    expect(await verifyCredentials(db, email, "wrong horse battery")).toBeNull();
    expect(
      await verifyCredentials(db, `nobody-${unique()}@example.test`, "correct horse battery"),
    ).toBeNull();
  });

  it("refuses a second account with the same email", async () => {
    const email = `dup-${unique()}@example.test`;
    await createUser(db, { name: "One", email, password: "first password 1" });
    await expect(
      createUser(db, { name: "Two", email, password: "second password 2" }),
    ).rejects.toThrow(EmailTakenError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("creates and then reuses a user for an OAuth identity, never hijacking a password account", async () => {
    const id = unique();
    const identity = {
      provider: "github",
      providerAccountId: id,
      email: `GH-${id}@Example.test`,
      name: "Octo",
    };
    const first = await upsertOAuthUser(db, identity);
    expect(first.email).toBe(`gh-${id}@example.test`);
    expect((await upsertOAuthUser(db, identity)).id).toBe(first.id);

    const email = `taken-${unique()}@example.test`;
    await createUser(db, { name: "Owner", email, password: "owner password 1" });
    await expect(
      upsertOAuthUser(db, { provider: "github", providerAccountId: `x-${id}`, email, name: null }),
    ).rejects.toThrow(AccountNotLinkedError);
    expect(await db.account.count({ where: { providerAccountId: `x-${id}` } })).toBe(0);
  });
});

describe("rate limits in Postgres", () => {
  const policy = { limit: 10, windowSeconds: 900 };

  it("allows the limit, then blocks with a Retry-After inside the window", async () => {
    const key = `test:${unique()}`;
    for (let i = 1; i <= 10; i++) {
      expect(await hitRateLimit(db, key, policy)).toMatchObject({ allowed: true, count: i });
    }
    const blocked = await hitRateLimit(db, key, policy);
    expect(blocked.allowed).toBe(false);
    expect(blocked.count).toBe(11);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(890);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it("starts a new window once the old one has passed", async () => {
    const key = `test:${unique()}`;
    for (let i = 0; i < 11; i++) await hitRateLimit(db, key, policy);
    await db.rateLimit.update({
      where: { key },
      data: { windowStart: new Date(Date.now() - 901_000) },
    });
    expect(await hitRateLimit(db, key, policy)).toMatchObject({ allowed: true, count: 1 });
  });

  it("counts every concurrent hit exactly once", async () => {
    const key = `test:${unique()}`;
    const results = await Promise.all(
      Array.from({ length: 25 }, () => hitRateLimit(db, key, policy)),
    );
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("blocks when any of several keys is over its limit", async () => {
    const ip = `ip:${unique()}`;
    for (let i = 0; i < 10; i++) await hitRateLimit(db, ip, policy);
    const verdict = await hitAll(db, [ip, `email:${unique()}`], policy);
    expect(verdict.allowed).toBe(false);
    expect((await hitAll(db, [`ip:${unique()}`, `email:${unique()}`], policy)).allowed).toBe(true);
  });
});

describe("demo seed", () => {
  it("refuses in production and writes nothing", async () => {
    const before = await db.user.count();
    await expect(seedDemoUsers(db, { NODE_ENV: "production" })).rejects.toThrow(SeedRefusedError);
    expect(await db.user.count()).toBe(before);
  });

  it("creates the documented learner and author once, with working passwords", async () => {
    await seedDemoUsers(db, { NODE_ENV: "development" });
    expect(await seedDemoUsers(db, { NODE_ENV: "development" })).toEqual([]);
    for (const demo of DEMO_USERS) {
      const user = await verifyCredentials(db, demo.email, demo.password);
      expect(user?.role).toBe(demo.role);
    }
  });
});
