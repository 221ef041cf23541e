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

type Lifecycle = { onClose: (close: () => Promise<void>) => void };

export function getDb(): Db {
  if (!globalForDb.passmarkDb) {
    const db = createDb(connectionString());
    globalForDb.passmarkDb = db;
    // A graceful stop (scripts/graceful-shutdown.cjs) closes the pool after the last request.
    const lifecycle = (globalThis as { passmarkLifecycle?: Lifecycle }).passmarkLifecycle;
    lifecycle?.onClose(() => db.$disconnect());
  }
  return globalForDb.passmarkDb;
}
