import { apiUserId, guardMutation, jsonError, jsonOk } from "@/lib/api.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { submitAttempt } from "@/lib/exam/attempts.server";
import { attemptIdSchema } from "@/lib/validation";

type Context = { params: Promise<{ id: string }> };

/** Closes the user's own attempt and scores it. Submitting twice is harmless. */
export async function POST(request: Request, context: Context) {
  const refused = guardMutation(request, { body: false });
  if (refused) return refused;
  const userId = await apiUserId();
  if (userId instanceof Response) return userId;
  const id = attemptIdSchema.safeParse((await context.params).id);
  if (!id.success) return jsonError(404, "No such attempt.");
  const result = await submitAttempt(getDb(), userId, id.data, loadBank());
  const reviewUrl = `/attempts/${id.data}/review`;
  if (result.status === "not-found") return jsonError(404, "No such attempt.");
  if (result.status === "closed")
    return jsonError(409, "This attempt was already closed.", { closed: true, reviewUrl });
  return jsonOk({ reviewUrl });
}
