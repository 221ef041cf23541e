import { z } from "zod";
import { apiUserId, jsonError, jsonOk, parseBody } from "@/lib/api.server";
import { checkAnswer } from "@/lib/attempts.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";

const bodySchema = z.object({
  id: z.uuid(),
  questionId: z.string().min(1).max(100),
});

type Context = { params: Promise<{ id: string }> };

/**
 * Practice and drills: checks the saved answer to one question and answers with its feedback
 * (answer key, rationales, explanation). The answer is final from then on.
 */
export async function POST(request: Request, context: Context) {
  const userId = await apiUserId();
  if (userId instanceof Response) return userId;
  const body = await parseBody(request, bodySchema);
  if (body instanceof Response) return body;
  const { id } = await context.params;
  const result = await checkAnswer(getDb(), userId, id, body, loadBank());
  if (result.status === "not-found") return jsonError(404, "No such attempt.");
  if (result.status === "closed") return jsonError(409, result.message, { closed: true });
  if (result.status === "refused") return jsonError(422, result.message);
  return jsonOk({ questionId: result.questionId, feedback: result.feedback });
}
