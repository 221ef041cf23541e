import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/options.server";
import type { Role } from "@/lib/users.server";

/**
 * The session cookie, issued by our own sign-in action (a form that POSTs and works without
 * JavaScript) in the format next-auth reads: an encrypted JWT under next-auth's cookie name.
 * The token carries the user's session version; sign-out bumps it (see session.server.ts).
 */

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/** Secure cookies (and the `__Secure-` prefix) whenever the app is served over https. */
export const secureCookies = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const sessionCookieName = () =>
  secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";

const DEVICE_COOKIE = "passmark-device";

function requireSecret(): string {
  const secret = authSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set.");
  return secret;
}

export async function issueSession(user: {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  sessionVersion: number;
}) {
  const token = await encode({
    token: {
      sub: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      sv: user.sessionVersion,
    },
    secret: requireSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  const store = await cookies();
  const common = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() } as const;
  store.set(sessionCookieName(), token, { ...common, maxAge: SESSION_MAX_AGE });
  // Remember this browser as one the user signed in from (it lets the owner through a
  // per-account back-off that an attacker elsewhere has triggered).
  store.set(DEVICE_COOKIE, deviceToken(user.id), { ...common, maxAge: 365 * 24 * 60 * 60 });
}

const deviceMac = (userId: string, nonce: string) =>
  createHmac("sha256", requireSecret()).update(`device\u0000${userId}\u0000${nonce}`).digest();

function deviceToken(userId: string): string {
  const nonce = randomBytes(12).toString("base64url");
  return `${nonce}.${deviceMac(userId, nonce).toString("base64url")}`;
}

/** Whether this browser signed in to the account before (its device cookie verifies). */
export async function isKnownDevice(userId: string): Promise<boolean> {
  const value = (await cookies()).get(DEVICE_COOKIE)?.value ?? "";
  const [nonce, mac] = value.split(".");
  if (!nonce || !mac) return false;
  const expected = deviceMac(userId, nonce);
  const given = Buffer.from(mac, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
