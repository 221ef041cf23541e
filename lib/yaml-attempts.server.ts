import type { CheckResult } from "@/lib/drills/check";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma.server";

/** YAML drill attempts: every check of a drill, with the text, the findings and the outcome. */

/** At most this many findings are stored with an attempt (the rest are counted, not kept). */
export const STORED_FINDINGS = 100;

export function recordYamlAttempt(
  db: Db,
  input: { userId: string; drillId: string; text: string; result: CheckResult },
) {
  return db.yamlAttempt.create({
    data: {
      userId: input.userId,
      drillId: input.drillId,
      text: input.text,
      valid: input.result.valid,
      passed: input.result.passed,
      findings: input.result.findings.slice(0, STORED_FINDINGS) as unknown as Prisma.InputJsonValue,
    },
    select: { id: true, createdAt: true },
  });
}

/** Per drill the user tried: how many checks, and whether one passed. */
export async function drillStatuses(db: Db, userId: string) {
  const rows = await db.yamlAttempt.groupBy({
    by: ["drillId", "passed"],
    where: { userId },
    _count: { _all: true },
  });
  const out = new Map<string, { checks: number; passed: boolean }>();
  for (const row of rows) {
    const entry = out.get(row.drillId) ?? { checks: 0, passed: false };
    entry.checks += row._count._all;
    entry.passed ||= row.passed;
    out.set(row.drillId, entry);
  }
  return out;
}

/** The YAML skill bar: of `total` drills, how many the user attempted and passed. */
export async function yamlSkill(db: Db, userId: string, drillIds: readonly string[]) {
  const statuses = await drillStatuses(db, userId);
  const known = drillIds.filter((id) => statuses.has(id));
  return {
    total: drillIds.length,
    attempted: known.length,
    passed: known.filter((id) => statuses.get(id)?.passed).length,
  };
}

/** The user's latest check of a drill (to restore the editor), or null. */
export function latestYamlAttempt(db: Db, userId: string, drillId: string) {
  return db.yamlAttempt.findFirst({
    where: { userId, drillId },
    orderBy: { createdAt: "desc" },
    select: { text: true, passed: true, findings: true, createdAt: true },
  });
}
