import { z } from "zod";
import { apiUserId, jsonError, jsonOk, parseBody } from "@/lib/api.server";
import { recordEvents } from "@/lib/attempts.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";

const optionKey = z.enum(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
const common = {
  id: z.uuid(),
  questionId: z.string().min(1).max(100),
  at: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
};
const bodySchema = z.object({
  events: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({ ...common, kind: z.literal("answer"), selected: z.array(optionKey).max(10) }),
        z.object({ ...common, kind: z.literal("flag"), flagged: z.boolean() }),
        z.object({ ...common, kind: z.literal("visit") }),
      ]),
    )
    .min(1)
    .max(200),
});

type Context = { params: Promise<{ id: string }> };

/** Appends answer, flag and visit events to the user's own open attempt. */
export async function POST(request: Request, context: Context) {
  const userId = await apiUserId();
  if (userId instanceof Response) return userId;
  const body = await parseBody(request, bodySchema);
  if (body instanceof Response) return body;
  const { id } = await context.params;
  const result = await recordEvents(getDb(), userId, id, body.events, loadBank());
  if (result.status === "not-found") return jsonError(404, "No such attempt.");
  if (result.status === "closed") {
    return jsonError(409, result.message, { closed: true, reviewUrl: `/attempts/${id}/review` });
  }
  return jsonOk({ accepted: result.accepted, rejected: result.rejected });
}
