import "server-only";
import { createDb, type Db } from "@/lib/prisma.server";

/** The app's one Prisma client. Only repositories (*.server.ts) receive it. */
const globalForDb = globalThis as unknown as { passmarkDb?: Db };

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one.",
    );
  }
  return url;
}

export function getDb(): Db {
  globalForDb.passmarkDb ??= createDb(connectionString());
  return globalForDb.passmarkDb;
}
