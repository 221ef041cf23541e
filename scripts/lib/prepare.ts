import path from "node:path";
import { loadBank } from "@/lib/content/load.server";
import { regradeAttempts } from "@/lib/exam/regrade.server";
import { migrate } from "@/lib/migrations.server";
import type { Db } from "@/lib/prisma.server";
import { syncQuestions } from "@/lib/questions.server";
import { pruneRateLimits } from "@/lib/rate-limit.server";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Migrations, then the question mirror: what every start runs before the app serves. */
export async function prepareDatabase(url: string, db: Db, log: (line: string) => void = () => {}) {
  const { applied, total } = await migrate({ connectionString: url, dir: MIGRATIONS, log });
  log(
    applied.length
      ? `Applied ${applied.length} migration(s).`
      : `Schema up to date (${total} migrations).`,
  );
  const bank = loadBank();
  const sync = await syncQuestions(db, bank.questions);
  log(
    `Question bank: ${bank.questions.length} questions in ${bank.tracks.size} tracks ` +
      `(mirror: ${sync.created} new, ${sync.updated} changed, ${sync.retired} retired).`,
  );
  // A changed question may change the answer key of closed attempts: regrade them now, so the
  // review, the dashboard and readiness never read a stale score.
  const regraded = await regradeAttempts(db, bank);
  if (regraded.attemptsRescored > 0) {
    log(
      `Regrade: ${regraded.attemptsRescored} attempt(s) re-graded, ${regraded.questionsRegraded} answer key change(s) recorded.`,
    );
  }
  await pruneRateLimits(db);
  return bank;
}
