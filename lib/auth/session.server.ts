import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { authOptions, authSecret } from "@/lib/auth/options.server";
import { TokenCache } from "@/lib/auth/token-cache";
import { getDb } from "@/lib/db.server";
import { findUserById, type Role, type SessionUser } from "@/lib/users.server";

/**
 * The signed-in user, read fresh from the database (so role changes apply at once). Memoised per
 * request: the site header and the page both ask, and one session decode and one query serve both.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return findUserById(getDb(), session.user.id);
});

/** Session tokens already decrypted and verified by this process (see TokenCache). */
const verifiedTokens = new TokenCache();

/**
 * Only the signed-in user's id, from the session token without a database read: for hot API
 * paths whose queries are scoped to that id anyway (a stale token finds nothing → 404).
 */
export async function getSessionUserId(): Promise<string | null> {
  // Decoding the session cookie directly skips next-auth's full session handler (and its
  // re-issued cookie), which costs several milliseconds a request on the answer-saving path.
  const store = await cookies();
  const token =
    store.get("__Secure-next-auth.session-token")?.value ??
    store.get("next-auth.session-token")?.value;
  const secret = authSecret();
  if (!token || !secret) return null;
  // A candidate sends the same cookie with every answer: decrypt it once (HKDF + AES-GCM).
  const known = verifiedTokens.get(token, Date.now());
  if (known) return known;
  try {
    const payload = await decode({ token, secret });
    const sub = typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
    if (sub) {
      const exp = typeof payload?.exp === "number" ? payload.exp * 1000 : null;
      verifiedTokens.set(token, { userId: sub, expiresAt: exp });
    }
    return sub;
  } catch {
    return null;
  }
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
