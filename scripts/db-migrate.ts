import path from "node:path";
import { parseArgs } from "node:util";
import { MigrationError, markRolledBack, migrate } from "@/lib/migrations.server";
import { openDatabase } from "./lib/database";

const { values } = parseArgs({ options: { "rolled-back": { type: "string" } } });
const dir = path.resolve(import.meta.dirname, "../prisma/migrations");
const db = await openDatabase();
console.log(`Database: ${db.description}`);
try {
  if (values["rolled-back"]) {
    await markRolledBack(db.url, values["rolled-back"]);
    console.log(
      `Marked ${values["rolled-back"]} as rolled back; run npm run db:migrate to retry it.`,
    );
  } else {
    const { applied, total } = await migrate({ connectionString: db.url, dir, log: console.log });
    console.log(
      applied.length === 0
        ? `Database is up to date (${total} migrations).`
        : `Applied ${applied.length} of ${total} migrations.`,
    );
  }
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
