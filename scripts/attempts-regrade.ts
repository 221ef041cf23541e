/**
 * `npm run attempts:regrade`: after answer keys change in content/, mirrors the bank and
 * re-scores every closed attempt that showed a changed question, from its stored answer events.
 */

import { loadBank } from "@/lib/content/load.server";
import { regradeAttempts } from "@/lib/exam/regrade.server";
import { createDb } from "@/lib/prisma.server";
import { openDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";

const database = await openDatabase();
console.log(`Database: ${database.description}`);
const db = createDb(database.url);
try {
  await prepareDatabase(database.url, db, (line) => console.log(line));
  const result = await regradeAttempts(db, loadBank());
  console.log(
    result.questionsRegraded === 0
      ? "No closed attempt showed a question whose answer key has changed: nothing to regrade."
      : `Regraded ${result.questionsRegraded} answer(s) in ${result.attemptsRescored} attempt(s).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
