import type { Db } from "@/lib/prisma.server";
import { createUser, EmailTakenError, type Role } from "@/lib/users.server";

/** Demo accounts for local use only; documented in the README. */
export const DEMO_USERS: readonly { name: string; email: string; password: string; role: Role }[] =
  [
    {
      name: "Demo Learner",
      email: "learner@passmark.local",
      password: "learn-backstage-2026",
      role: "learner",
    },
    {
      name: "Demo Author",
      email: "author@passmark.local",
      password: "write-questions-2026",
      role: "author",
    },
  ];

export class SeedRefusedError extends Error {
  override name = "SeedRefusedError";
}

/** Creates the demo users that do not exist yet. Refuses in production. */
export async function seedDemoUsers(db: Db, env: { NODE_ENV?: string | undefined } = process.env) {
  if (env.NODE_ENV === "production") {
    throw new SeedRefusedError("Refusing to seed demo users: NODE_ENV is production.");
  }
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    try {
      await createUser(
        db,
        { name: demo.name, email: demo.email, password: demo.password },
        demo.role,
      );
      created.push(demo.email);
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
    }
  }
  return created;
}
