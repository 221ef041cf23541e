"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { credentialsSchema, safeCallbackPath } from "@/lib/auth/rules";
import { isKnownDevice, issueSession } from "@/lib/auth/session-cookie.server";
import { clientIp } from "@/lib/client-ip";
import { getDb } from "@/lib/db.server";
import {
  hitRateLimit,
  peekRateLimit,
  SIGN_IN_ACCOUNT_POLICY,
  SIGN_IN_ADDRESS_POLICY,
  SIGN_IN_PAIR_POLICY,
} from "@/lib/rate-limit.server";
import { verifyCredentials } from "@/lib/users.server";

export type SignInState = { error: string | null; email: string };

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/**
 * Email-and-password sign-in. The form POSTs here with or without JavaScript. Only a wrong
 * password counts as a failure (a request without one is just refused), against three limits:
 * the (account, address) pair, the address, and the account. The account's back-off lets its
 * owner through from a browser that signed in before, so an attacker cannot lock them out.
 * Never says whether the email exists.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const target = safeCallbackPath(String(form.get("callbackUrl") ?? ""));
  const parsed = credentialsSchema.safeParse({
    email: form.get("email") ?? "",
    password: form.get("password") ?? "",
  });
  const typedEmail = String(form.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return { error: "Enter your email and password.", email: typedEmail };
  const { email, password } = parsed.data;
  const db = getDb();
  const ip = clientIp(await headers());
  const keys = {
    pair: `signin:fail:pair:${email}:${ip}`,
    address: `signin:fail:ip:${ip}`,
    account: `signin:fail:account:${email}`,
  };
  const [pair, address, account] = await Promise.all([
    peekRateLimit(db, keys.pair, SIGN_IN_PAIR_POLICY),
    peekRateLimit(db, keys.address, SIGN_IN_ADDRESS_POLICY),
    peekRateLimit(db, keys.account, SIGN_IN_ACCOUNT_POLICY),
  ]);
  const blocked = [pair, address].find((r) => !r.allowed);
  if (blocked) {
    return {
      error: `Too many sign-in attempts. Wait ${minutes(blocked.retryAfterSeconds)} minutes and try again.`,
      email,
    };
  }
  const user = await verifyCredentials(db, email, password);
  if (!account.allowed && !(user && (await isKnownDevice(user.id)))) {
    // Whether or not the password was right: the answer must not tell.
    return {
      error: `This account has had many failed sign-ins. Sign in from a browser you have used before, or wait ${minutes(account.retryAfterSeconds)} minutes.`,
      email,
    };
  }
  if (!user) {
    await Promise.all([
      hitRateLimit(db, keys.pair, SIGN_IN_PAIR_POLICY),
      hitRateLimit(db, keys.address, SIGN_IN_ADDRESS_POLICY),
      hitRateLimit(db, keys.account, SIGN_IN_ACCOUNT_POLICY),
    ]);
    return { error: "Wrong email or password.", email };
  }
  await issueSession(user);
  redirect(target);
}
