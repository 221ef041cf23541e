"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { weakPasswordProblem } from "@/lib/auth/password-strength";
import { safeCallbackPath, signUpSchema } from "@/lib/auth/rules";
import { clientIp } from "@/lib/client-ip";
import { getDb } from "@/lib/db.server";
import { hitRateLimit, SIGN_UP_POLICY } from "@/lib/rate-limit.server";
import { createUser, EmailTakenError } from "@/lib/users.server";

type Field = "name" | "email" | "password";

export type SignUpState = {
  fieldErrors: Partial<Record<Field, string>>;
  formError?: string;
  values: { name: string; email: string };
};

/**
 * Creates an account, then sends the new user to sign in. The answer is the same whether or not
 * the email already has an account (no account discovery); telling the owner by e-mail waits
 * for mail. The form POSTs here with or without JavaScript; the password is never echoed back.
 */
export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const input = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
  };
  const values = { name: input.name.slice(0, 80), email: input.email.slice(0, 254) };
  const parsed = signUpSchema.safeParse(input);
  const fieldErrors: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if ((field === "name" || field === "email" || field === "password") && !fieldErrors[field]) {
      fieldErrors[field] = issue.message;
    }
  }
  if (parsed.success) {
    const weak = weakPasswordProblem(parsed.data.password, [
      parsed.data.name,
      parsed.data.email,
      ...parsed.data.name.split(/\s+/),
      parsed.data.email.split("@")[0] ?? "",
    ]);
    if (weak) fieldErrors.password = weak;
  }
  if (!parsed.success || fieldErrors.password) return { fieldErrors, values };

  const db = getDb();
  const limit = await hitRateLimit(db, `signup:ip:${clientIp(await headers())}`, SIGN_UP_POLICY);
  if (!limit.allowed) {
    return {
      fieldErrors: {},
      formError: "Too many sign-ups from your network. Try again later.",
      values,
    };
  }
  try {
    // Hashes first, then inserts: a taken email costs the same time as a new account.
    await createUser(db, parsed.data);
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
  }
  const target = safeCallbackPath(String(form.get("callbackUrl") ?? ""));
  redirect(`/signin?registered=1&callbackUrl=${encodeURIComponent(target)}`);
}
