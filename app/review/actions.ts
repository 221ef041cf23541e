"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db.server";
import { isRating } from "@/lib/progress/review";
import { rateCard } from "@/lib/review-deck.server";
import { eventTime, idText } from "@/lib/validation";

const formSchema = z.object({
  questionId: idText,
  rating: z.coerce.number().refine(isRating, "Rate 1 (again) to 4 (easy)."),
  shownDue: eventTime,
  track: idText.optional(),
});

/** Records the user's rating of the card they were shown, then shows the next due card. */
export async function rateAction(form: FormData) {
  const user = await requireUser("/review");
  const parsed = formSchema.safeParse({
    questionId: form.get("questionId"),
    rating: form.get("rating"),
    shownDue: form.get("shownDue"),
    track: form.get("track") || undefined,
  });
  const back = (params: Record<string, string>) => {
    const search = new URLSearchParams(params);
    if (parsed.success && parsed.data.track) search.set("track", parsed.data.track);
    redirect(`/review${search.size ? `?${search}` : ""}`);
  };
  if (!parsed.success)
    return back({ error: "That rating could not be read. Rate the card again." });
  const { questionId, shownDue } = parsed.data;
  const result = await rateCard(getDb(), {
    userId: user.id,
    questionId,
    rating: parsed.data.rating as 1 | 2 | 3 | 4,
    shownDue,
  });
  if (result.status === "ok") return back({ rated: questionId });
  if (result.status === "stale")
    return back({ error: "That card was already rated (in another tab)." });
  return back({ error: "That card is not in your deck." });
}
