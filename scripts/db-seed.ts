import { createDb } from "@/lib/prisma.server";
import { SeedRefusedError, seedDemoUsers } from "@/lib/seed.server";
import { openDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";

const database = await openDatabase();
console.log(`Database: ${database.description}`);
const db = createDb(database.url);
try {
  await prepareDatabase(database.url, db);
  const created = await seedDemoUsers(db);
  console.log(
    created.length > 0
      ? `Created demo users: ${created.join(", ")} (passwords in README.md).`
      : "Demo users already exist.",
  );
} catch (error) {
  console.error(error instanceof SeedRefusedError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
