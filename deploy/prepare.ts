/**
 * The database half of `npm start`, alone: migrations (under the advisory lock), the question
 * mirror, regrades of closed attempts. The container image's replicas run the standalone server,
 * which does not migrate; compose.yaml runs this once, before them, as its `migrate` service.
 *
 *   DATABASE_URL=… node --import tsx deploy/prepare.ts
 */
import { ContentError } from "@/lib/content/load.server";
import { MigrationError } from "@/lib/migrations.server";
import { createDb } from "@/lib/prisma.server";
import { prepareDatabase } from "@/scripts/lib/prepare";

const url = process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
const db = createDb(url);
try {
  await prepareDatabase(url, db, (line) => console.log(line));
} catch (error) {
  console.error(
    error instanceof MigrationError || error instanceof ContentError
      ? error.message
      : `Database preparation failed: ${String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
