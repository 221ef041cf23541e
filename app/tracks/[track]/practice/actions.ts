"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { startPractice } from "@/lib/exam/attempts.server";
import { DRILL_COUNT, PRACTICE_COUNT } from "@/lib/exam/practice";
import { hitRateLimit, START_PRACTICE_QUOTA } from "@/lib/rate-limit.server";

const formSchema = z.object({
  mode: z.enum(["practice", "drill"]),
  domain: z.array(z.string().min(1).max(100)).max(50),
  count: z.coerce.number().int(),
});

/** Starts a practice session or a domain drill from the setup form, then opens the player. */
export async function startPracticeAction(trackId: string, form: FormData) {
  const setupUrl = `/tracks/${encodeURIComponent(trackId)}/practice`;
  const user = await requireUser(setupUrl);
  const bank = loadBank();
  const track = bank.tracks.get(trackId);
  if (!track) notFound();
  const parsed = formSchema.safeParse({
    mode: form.get("mode"),
    domain: form.getAll("domain"),
    count: form.get("count"),
  });
  const back = (error: string) => {
    const search = new URLSearchParams({ error });
    if (parsed.success) {
      search.set("mode", parsed.data.mode);
      for (const d of parsed.data.domain) search.append("domain", d);
    }
    redirect(`${setupUrl}?${search}`);
  };
  if (!parsed.success) return back("Choose a mode and a number of questions.");
  const { mode, count } = parsed.data;
  const known = new Set(track.domains.map((d) => d.id));
  const domains = parsed.data.domain.filter((d) => known.has(d));
  if (domains.length === 0) return back("Choose at least one domain.");
  const limits = mode === "drill" ? DRILL_COUNT : PRACTICE_COUNT;
  if (count < limits.min || count > limits.max) {
    return back(`Choose between ${limits.min} and ${limits.max} questions.`);
  }
  const db = getDb();
  const quota = await hitRateLimit(db, `quota:practice:${user.id}`, START_PRACTICE_QUOTA);
  if (!quota.allowed) {
    return back("You have started many sessions in the last hour. Finish one, or try again later.");
  }
  const { attemptId } = await startPractice(db, {
    userId: user.id,
    track,
    bank,
    mode,
    domains,
    count,
  });
  redirect(`/attempts/${attemptId}`);
}
