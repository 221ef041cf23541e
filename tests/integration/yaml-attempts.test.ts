import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { checkYaml } from "@/lib/drills/check";
import { createDb } from "@/lib/prisma.server";
import { createUser } from "@/lib/users.server";
import {
  drillStatuses,
  latestYamlAttempt,
  recordYamlAttempt,
  yamlSkill,
} from "@/lib/yaml-attempts.server";

const db = createDb(inject("databaseUrl"));
afterAll(() => db.$disconnect());

describe("YAML drill attempts", () => {
  it("stores every check and summarises the skill per user", async () => {
    const email = `yaml-${randomUUID()}@example.test`;
    const user = await createUser(db, { name: "Y", email, password: "a long enough passphrase" });
    const other = await createUser(db, {
      name: "Z",
      email: `other-${email}`,
      password: "a long enough passphrase",
    });
    const bad = "kind: User\nkind: Group\n";
    const good =
      "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: s\nspec:\n  owner: a\n";
    await recordYamlAttempt(db, {
      userId: user.id,
      drillId: "drill-a",
      text: bad,
      result: await checkYaml(bad),
    });
    await recordYamlAttempt(db, {
      userId: user.id,
      drillId: "drill-a",
      text: good,
      result: await checkYaml(good),
    });
    await recordYamlAttempt(db, {
      userId: user.id,
      drillId: "drill-b",
      text: bad,
      result: await checkYaml(bad),
    });
    await recordYamlAttempt(db, {
      userId: other.id,
      drillId: "drill-c",
      text: good,
      result: await checkYaml(good),
    });

    const statuses = await drillStatuses(db, user.id);
    expect(Object.fromEntries(statuses)).toEqual({
      "drill-a": { checks: 2, passed: true },
      "drill-b": { checks: 1, passed: false },
    });
    expect(await yamlSkill(db, user.id, ["drill-a", "drill-b", "drill-c", "drill-d"])).toEqual({
      total: 4,
      attempted: 2,
      passed: 1,
    });
    const latest = await latestYamlAttempt(db, user.id, "drill-a");
    expect(latest).toMatchObject({ text: good, passed: true, findings: [] });
    const failed = await latestYamlAttempt(db, user.id, "drill-b");
    expect(failed?.findings).toEqual([expect.objectContaining({ line: 2, severity: "error" })]);
  });
});
