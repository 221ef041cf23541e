import { z } from "zod";
import { apiUserId, guardMutation, jsonError, jsonOk, parseBody } from "@/lib/api.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { OPTION_ID_PATTERN } from "@/lib/exam/option-ids";
import { attemptOptionIds } from "@/lib/exam/option-ids.server";
import { type IncomingEvent, recordEvents } from "@/lib/exam/saving.server";
import { attemptIdSchema, eventTime, idText } from "@/lib/validation";

const common = { id: z.uuid(), questionId: idText, at: eventTime };
const bodySchema = z.object({
  events: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({
          ...common,
          kind: z.literal("answer"),
          selected: z.array(z.string().regex(OPTION_ID_PATTERN, "not an option id")).max(10),
        }),
        z.object({ ...common, kind: z.literal("flag"), flagged: z.boolean() }),
        z.object({ ...common, kind: z.literal("visit") }),
      ]),
    )
    .min(1)
    .max(200),
});

type Context = { params: Promise<{ id: string }> };

/**
 * Appends answer, flag and visit events to the user's own open attempt. Answers name options by
 * the attempt's opaque option ids; they are stored under the authored keys.
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
  const bank = loadBank();
  const optionIds = attemptOptionIds(id.data);
  const events: IncomingEvent[] = body.events.map((e) => {
    if (e.kind !== "answer") return e;
    const question = bank.byId.get(e.questionId);
    // An id that is none of the question's options is kept as "?": the save rules refuse it.
    const keys = question ? optionIds.keysOf(question, e.selected) : e.selected.map(() => null);
    return { ...e, selected: keys.map((k) => k ?? "?") };
  });
  const result = await recordEvents(getDb(), userId, id.data, events, bank);
  if (result.status === "not-found") return jsonError(404, "No such attempt.");
  if (result.status === "closed") {
    return jsonError(409, result.message, {
      closed: true,
      reviewUrl: `/attempts/${id.data}/review`,
    });
  }
  return jsonOk({ accepted: result.accepted, rejected: result.rejected });
}
