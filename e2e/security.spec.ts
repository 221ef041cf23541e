import { randomUUID } from "node:crypto";
import { loadBank } from "@/lib/content/load.server";
import { loadDrills } from "@/lib/drills/load.server";
import { createUser } from "@/lib/users.server";
import { expect, test } from "./fixtures";
import { optionIds, playerReady, signedInCandidate, startBaseline, withDb } from "./helpers";

const bank = loadBank();
const drillId = loadDrills().drills[0]?.id ?? "";

test("sign-in works before JavaScript: the form POSTs, the password never enters the URL", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { email } = await withDb(async (db) => {
    return createUser(db, {
      name: "No Script",
      email: `noscript-${randomUUID()}@example.test`,
      password: "a sturdy passphrase 42",
    });
  });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.goto("/signin");
  await expect(page.locator("form").first()).toHaveAttribute("method", /post/i);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a sturdy passphrase 42");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(requests.join("\n")).not.toMatch(/password=|sturdy/);
  expect(requests.some((r) => r.startsWith("POST ") && r.includes("/signin"))).toBe(true);
  await context.close();
});

test("redirects after sign-in stay on this site, and odd parameters never give a 500", async ({
  page,
}) => {
  await signedInCandidate(page, "/dashboard");
  for (const bad of [
    "/%09/evil.example",
    "%2F%09%2Fevil.example",
    "//evil.example",
    "/%5Cevil.example",
  ]) {
    await page.goto(`/signin?callbackUrl=${bad}`);
    expect(new URL(page.url()).hostname).toBe("localhost");
    expect(page.url()).not.toContain("evil.example");
  }
  for (const odd of ["%2F%0A%2Fx", "%2F%E3%80%80%2Fx", "%2F%00"]) {
    const res = await page.request.get(`/signin?callbackUrl=${odd}`, { maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
    const res2 = await page.request.get(`/signup?callbackUrl=${odd}`, { maxRedirects: 0 });
    expect(res2.status()).toBeLessThan(500);
  }
});

test("sign-out revokes the session on the server: the old cookie stops working", async ({
  page,
  browser,
}) => {
  await signedInCandidate(page, "/dashboard");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  await page.getByRole("button", { name: "Exam Taker" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // Someone who copied the cookie before the sign-out.
  const thief = await browser.newContext();
  await thief.addCookies(session ? [session] : []);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/signin/);
  const api = await stolen.request.post("/api/attempts/abcdefghijkl/submit");
  expect(api.status()).toBe(401);
  await thief.close();
});

test("route handlers refuse cross-site requests and non-JSON bodies with 403", async ({ page }) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  const event = {
    id: randomUUID(),
    questionId: "cba-catalog-017",
    kind: "visit",
    at: new Date().toISOString(),
  };
  const crossSite = await page.request.post(`/api/attempts/${attemptId}/events`, {
    data: { events: [event] },
    headers: { Origin: "http://localhost:9999" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error).toMatch(/Cross-site/);
  const plainText = await page.request.post(`/api/attempts/${attemptId}/events`, {
    data: JSON.stringify({ events: [event] }),
    headers: { "Content-Type": "text/plain" },
  });
  expect(plainText.status()).toBe(403);
  const submit = await page.request.post(`/api/attempts/${attemptId}/submit`, {
    headers: { Origin: "http://127.0.0.1:1", "Sec-Fetch-Site": "cross-site" },
  });
  expect(submit.status()).toBe(403);
  expect(await withDb((db) => db.answerEvent.count({ where: { id: event.id } }))).toBe(0);
});

test("hostile input gets a clear 4xx, never a 500", async ({ page }) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  const post = (path: string, body: string) =>
    page.request.post(path, { data: body, headers: { "Content-Type": "application/json" } });
  const event = (patch: Record<string, unknown>) =>
    JSON.stringify({
      events: [
        {
          id: randomUUID(),
          questionId: "cba-catalog-017",
          kind: "visit",
          at: new Date().toISOString(),
          ...patch,
        },
      ],
    });
  const cases: [string, string, number][] = [
    [`/api/attempts/${attemptId}/events`, event({ questionId: "cba\u0000x" }), 400],
    [`/api/attempts/${attemptId}/events`, event({ questionId: "\ud800" }), 400],
    [`/api/attempts/${attemptId}/events`, event({ at: "0000-01-01T00:00:00Z" }), 400],
    [`/api/attempts/${attemptId}/events`, "{not json", 400],
    [`/api/attempts/${attemptId}/events`, JSON.stringify({ events: "x".repeat(600_000) }), 413],
    ["/api/attempts/%00/events", event({}), 404],
    [`/api/attempts/${attemptId}/check`, JSON.stringify({ questionId: "a\u0000" }), 400],
    [`/api/drills/${drillId}/check`, JSON.stringify({ text: "a: \u0000" }), 400],
    [`/api/drills/${drillId}/check`, JSON.stringify({ text: "\ud800" }), 400],
  ];
  for (const [path, body, status] of cases) {
    const res = await post(path, body);
    expect(`${path} ${body.slice(0, 40)} → ${res.status()}`).toBe(
      `${path} ${body.slice(0, 40)} → ${status}`,
    );
    expect(await res.text()).not.toMatch(/at .*\(.*:\d+:\d+\)|PrismaClient/);
  }
});

test("malformed framework requests get a 4xx from the proxy, not a 500", async ({ request }) => {
  const tree = await request.get("/", {
    headers: { RSC: "1", "Next-Router-State-Tree": "%E0%A4%A" },
  });
  expect(tree.status()).toBe(400);
  const action = await request.post("/signin", {
    headers: { "Next-Action": "../../etc", "Content-Type": "text/plain" },
    data: "[]",
  });
  expect(action.status()).toBe(400);
  const big = await request.post("/signin", {
    headers: { "Next-Action": "abc123", "Content-Type": "text/plain" },
    data: "x".repeat(1_100_000),
  });
  expect(big.status()).toBe(413);
});

test("an empty drill check shows no model answer", async ({ page }) => {
  await signedInCandidate(page);
  const drill = loadDrills().drills[0];
  if (!drill) throw new Error("no drill");
  const res = await page.request.post(`/api/drills/${drill.id}/check`, { data: { text: "  \n" } });
  expect(res.status()).toBe(422);
  expect(await res.text()).not.toContain(drill.modelAnswer.slice(0, 40));
});

test("a check that reuses an answer event's id still locks the answer", async ({ page }) => {
  await signedInCandidate(page, "/tracks/cba/practice?domain=catalog");
  await page.getByLabel("Number of questions").fill("5");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  await playerReady(page);
  const attemptId = page.url().split("/").pop() ?? "";
  const [first] = await withDb((db) =>
    db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } }),
  );
  const q = bank.byId.get(first?.questionId ?? "");
  if (!q) throw new Error("no question");
  const ids = optionIds(attemptId);
  const answerId = randomUUID();
  const answer = (id: string, key: string) => ({
    events: [
      {
        id,
        questionId: q.id,
        kind: "answer",
        selected: ids(q.id, [key]),
        at: new Date().toISOString(),
      },
    ],
  });
  await page.request.post(`/api/attempts/${attemptId}/events`, { data: answer(answerId, "A") });
  const check = await page.request.post(`/api/attempts/${attemptId}/check`, {
    data: { id: answerId, questionId: q.id },
  });
  expect(check.status()).toBe(200);
  const late = await page.request.post(`/api/attempts/${attemptId}/events`, {
    data: answer(randomUUID(), "B"),
  });
  expect((await late.json()).rejected[0]?.reason).toMatch(/already checked/);
});
