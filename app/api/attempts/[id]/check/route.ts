import { z } from "zod";
import { apiUserId, guardMutation, jsonError, jsonOk, parseBody } from "@/lib/api.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { checkAnswer } from "@/lib/exam/checks.server";
import { attemptOptionIds } from "@/lib/exam/option-ids.server";
import { feedbackWithIds } from "@/lib/exam/view";
import { attemptIdSchema, idText } from "@/lib/validation";

/** The client names the question only; the check event's id is made by the server. */
const bodySchema = z.object({ questionId: idText });

type Context = { params: Promise<{ id: string }> };

/**
 * Practice and drills: checks the saved answer to one question and answers with its feedback
 * (answer key, rationales, explanation). The answer is final from then on.
 */
export async function POST(request: Request, context: Context) {
  const refused = guardMutation(request);
  if (refused) return refused;
  const userId = await apiUserId();
  if (userId instanceof Response) return userId;
  const id = attemptIdSchema.safeParse((await context.params).id);
  if (!id.success) return jsonError(404, "No such attempt.");
  const body = await parseBody(request, bodySchema);
  if (body instanceof Response) return body;
  const result = await checkAnswer(getDb(), userId, id.data, body, loadBank());
  if (result.status === "not-found") return jsonError(404, "No such attempt.");
  if (result.status === "closed") return jsonError(409, result.message, { closed: true });
  if (result.status === "refused") return jsonError(422, result.message);
  const feedback = feedbackWithIds(result.questionId, result.feedback, attemptOptionIds(id.data));
  return jsonOk({ questionId: result.questionId, feedback });
}
