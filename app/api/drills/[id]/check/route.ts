import { z } from "zod";
import { apiUserId, guardMutation, jsonError, jsonOk, parseBody } from "@/lib/api.server";
import { getDb } from "@/lib/db.server";
import { checkYaml } from "@/lib/drills/check";
import { loadDrills } from "@/lib/drills/load.server";
import { MAX_BYTES } from "@/lib/drills/yaml";
import { DRILL_CHECK_QUOTA, hitRateLimit, tooMany } from "@/lib/rate-limit.server";
import { safeText } from "@/lib/validation";
import { recordYamlAttempt } from "@/lib/yaml-attempts.server";

const bodySchema = z.object({ text: safeText });

type Context = { params: Promise<{ id: string }> };

/**
 * Checks the user's YAML for one drill, stores the attempt, and answers with the findings. The
 * model answer comes with it: the user has now made an attempt of their own (an empty one does
 * not count). Each user has a quota of checks: one check is CPU work for the server.
 */
export async function POST(request: Request, context: Context) {
  const refused = guardMutation(request);
  if (refused) return refused;
  const userId = await apiUserId();
  if (userId instanceof Response) return userId;
  const { id } = await context.params;
  const drill = loadDrills().byId.get(id);
  if (!drill) return jsonError(404, "No such drill.");
  // JSON escaping can double the size; anything beyond that is refused while reading.
  const body = await parseBody(request, bodySchema, 2 * MAX_BYTES + 1024);
  if (body instanceof Response) return body;
  const { text } = body;
  if (Buffer.byteLength(text, "utf8") > MAX_BYTES) {
    return jsonError(413, `The text is too large: the limit is ${MAX_BYTES / 1024} KB.`);
  }
  if (text.trim() === "") return jsonError(422, "Write your YAML before checking it.");
  const quota = await hitRateLimit(getDb(), `quota:drill-check:${userId}`, DRILL_CHECK_QUOTA);
  if (!quota.allowed) return tooMany(quota, "You have checked many times in a short while.");
  const result = await checkYaml(text, { target: drill.target, rubric: drill.rubric });
  await recordYamlAttempt(getDb(), { userId, drillId: drill.id, text, result });
  return jsonOk({
    ...result,
    modelAnswer: drill.modelAnswer,
    explanationHtml: drill.explanationHtml,
  });
}
