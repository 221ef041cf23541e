import bcrypt from "bcryptjs";
import type { SignUpInput } from "@/lib/auth/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma.server";

const BCRYPT_COST = 11;
/** Compared against when the email is unknown, so both paths take the same time. */
let dummyHash: string | undefined;
async function timingEqualiser(): Promise<string> {
  dummyHash ??= await bcrypt.hash("passmark-timing-equaliser", BCRYPT_COST);
  return dummyHash;
}

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** Bumped by sign-out: tokens carrying an older value are refused. */
  sessionVersion: number;
};
const sessionColumns = {
  id: true,
  email: true,
  name: true,
  role: true,
  sessionVersion: true,
} as const;
export type Role = "learner" | "author" | "admin";

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

export async function createUser(
  db: Db,
  input: SignUpInput,
  role: Role = "learner",
): Promise<SessionUser> {
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, role },
      select: sessionColumns,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new EmailTakenError("An account with this email already exists.");
    }
    throw error;
  }
}

/** The user when the password matches, otherwise null (never says which part was wrong). */
export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { ...sessionColumns, passwordHash: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? (await timingEqualiser()));
  if (!user?.passwordHash || !ok) return null;
  const { passwordHash: _, ...sessionUser } = user;
  return sessionUser;
}

export class AccountNotLinkedError extends Error {
  override name = "AccountNotLinkedError";
}

/**
 * Signs an OAuth identity in: the user already linked to it, else a new user. An existing
 * account with the same email is never linked automatically (that would let whoever controls
 * the provider account take over the Passmark account); the user is told to sign in with
 * their password instead.
 */
export async function upsertOAuthUser(
  db: Db,
  identity: { provider: string; providerAccountId: string; email: string; name: string | null },
): Promise<SessionUser> {
  const select = sessionColumns;
  const linked = await db.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: identity.provider,
        providerAccountId: identity.providerAccountId,
      },
    },
    select: { user: { select } },
  });
  if (linked) return linked.user;
  const email = identity.email.toLowerCase();
  try {
    return await db.user.create({
      data: {
        email,
        name: identity.name,
        accounts: {
          create: { provider: identity.provider, providerAccountId: identity.providerAccountId },
        },
      },
      select,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AccountNotLinkedError(
        "An account with this email already exists. Sign in with your email and password.",
      );
    }
    throw error;
  }
}

export async function findUserById(db: Db, id: string): Promise<SessionUser | null> {
  return db.user.findUnique({ where: { id }, select: sessionColumns });
}

/** Sign-out everywhere: every session token issued before now stops working. */
export async function revokeSessions(db: Db, id: string): Promise<void> {
  await db.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
}
