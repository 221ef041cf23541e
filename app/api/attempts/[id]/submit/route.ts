import { apiUserId, jsonError, jsonOk } from "@/lib/api.server";
import { submitAttempt } from "@/lib/attempts.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";

type Context = { params: Promise<{ id: string }> };

/** Closes the user's own attempt and scores it. Submitting twice is harmless. */
export async function POST(_request: Request, context: Context) {
  const userId = await apiUserId();
  if (userId instanceof Response) return userId;
  const { id } = await context.params;
  const result = await submitAttempt(getDb(), userId, id, loadBank());
  const reviewUrl = `/attempts/${id}/review`;
  if (result.status === "not-found") return jsonError(404, "No such attempt.");
  if (result.status === "closed")
    return jsonError(409, "This attempt was already closed.", { closed: true, reviewUrl });
  return jsonOk({ reviewUrl });
}
