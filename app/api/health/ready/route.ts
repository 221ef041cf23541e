import { getDb } from "@/lib/db.server";
import { readiness } from "../readiness.server";

/**
 * Readiness: 200 when this replica should receive traffic (database reachable, migrations
 * applied, not draining), else 503 with which check failed. No versions, hosts or error text.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const result = await readiness((sql) => getDb().$queryRawUnsafe<unknown[]>(sql));
  return Response.json(
    { status: result.ready ? "ready" : "not ready", checks: result.checks },
    { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
