import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { authSecret } from "@/lib/auth/options.server";
import { sessionCookieName } from "@/lib/auth/session-cookie.server";
import { TokenCache } from "@/lib/auth/token-cache";
import { getDb } from "@/lib/db.server";
import { findUserById, type Role, type SessionUser } from "@/lib/users.server";

/**
 * The signed-in user, read fresh from the database (so role changes apply at once). Memoised per
 * request: the site header and the page both ask, and one session decode and one query serve both.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  if (!token) return null;
  const user = await findUserById(getDb(), token.sub);
  // A token from before a sign-out (an older session version) is refused at once.
  return user && user.sessionVersion === token.sv ? user : null;
});

/** The session token's claims, decrypted and verified (no database read). */
async function sessionToken(): Promise<{ sub: string; sv: number; exp: number | null } | null> {
  const store = await cookies();
  const raw = store.get(sessionCookieName())?.value;
  const secret = authSecret();
  if (!raw || !secret) return null;
  try {
    const payload = await decode({ token: raw, secret });
    if (typeof payload?.sub !== "string" || !payload.sub) return null;
    return {
      sub: payload.sub,
      sv: typeof payload.sv === "number" ? payload.sv : 0,
      exp: typeof payload.exp === "number" ? payload.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}

/** Session tokens already verified by this process (see TokenCache). */
const verifiedTokens = new TokenCache();

/**
 * How long this process trusts a verified token before checking the user's session version
 * again: a signed-out or deleted user is refused on every replica within this bound.
 */
export const REVOCATION_BOUND_MS = 60_000;

/**
 * Only the signed-in user's id, for hot API paths whose queries are scoped to that id anyway.
 * A candidate sends the same cookie with every answer: its decryption (HKDF + AES-GCM) and the
 * session-version read are remembered for at most REVOCATION_BOUND_MS.
 */
export async function getSessionUserId(): Promise<string | null> {
  const store = await cookies();
  const raw = store.get(sessionCookieName())?.value;
  if (!raw) return null;
  const now = Date.now();
  const known = verifiedTokens.get(raw, now);
  if (known) return known;
  const token = await sessionToken();
  if (!token) return null;
  const user = await getDb().user.findUnique({
    where: { id: token.sub },
    select: { sessionVersion: true },
  });
  if (!user || user.sessionVersion !== token.sv) return null;
  const until = now + REVOCATION_BOUND_MS;
  verifiedTokens.set(raw, {
    userId: token.sub,
    expiresAt: token.exp === null ? until : Math.min(token.exp, until),
  });
  return token.sub;
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
