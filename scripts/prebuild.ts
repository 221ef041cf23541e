/** `npm run build` refuses to build an invalid question bank (same report as content:check). */
import { ContentError, loadBank } from "@/lib/content/load.server";

try {
  const bank = loadBank();
  console.log(
    `Question bank OK: ${bank.questions.length} questions in ${bank.tracks.size} tracks.`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`The question bank is invalid; not building.\n${error.message}`);
  process.exit(1);
}
