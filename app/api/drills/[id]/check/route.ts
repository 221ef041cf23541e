import { z } from "zod";
import { apiUserId, jsonError, jsonOk } from "@/lib/api.server";
import { getDb } from "@/lib/db.server";
import { checkYaml } from "@/lib/drills/check";
import { loadDrills } from "@/lib/drills/load.server";
import { MAX_BYTES } from "@/lib/drills/yaml";
import { recordYamlAttempt } from "@/lib/yaml-attempts.server";

const bodySchema = z.object({ text: z.string() });

type Context = { params: Promise<{ id: string }> };

/**
 * Checks the user's YAML for one drill, stores the attempt, and answers with the findings. The
 * model answer comes with it: the user has now made an attempt of their own.
 */
export async function POST(request: Request, context: Context) {
  const userId = await apiUserId();
  if (userId instanceof Response) return userId;
  const { id } = await context.params;
  const drill = loadDrills().byId.get(id);
  if (!drill) return jsonError(404, "No such drill.");
  const raw = await request.text();
  // JSON escaping can double the size; anything beyond that is refused before parsing.
  if (raw.length > 2 * MAX_BYTES + 1024) {
    return jsonError(413, `The text is too large: the limit is ${MAX_BYTES / 1024} KB.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return jsonError(400, "The request body must be JSON.");
  }
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return jsonError(400, "Invalid request: `text` must be a string.");
  const { text } = parsed.data;
  if (Buffer.byteLength(text, "utf8") > MAX_BYTES) {
    return jsonError(413, `The text is too large: the limit is ${MAX_BYTES / 1024} KB.`);
  }
  const result = await checkYaml(text, { target: drill.target, rubric: drill.rubric });
  await recordYamlAttempt(getDb(), { userId, drillId: drill.id, text, result });
  return jsonOk({
    ...result,
    modelAnswer: drill.modelAnswer,
    explanationHtml: drill.explanationHtml,
  });
}
