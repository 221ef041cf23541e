import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options.server";
import { getDb } from "@/lib/db.server";
import { findUserById, type Role, type SessionUser } from "@/lib/users.server";

/** The signed-in user, read fresh from the database (so role changes apply at once). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return findUserById(getDb(), session.user.id);
}

/** Sends anonymous visitors to sign-in, and back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requireRole(roles: readonly Role[], returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) redirect("/forbidden");
  return user;
}
