"use server";

import { headers } from "next/headers";
import { signUpSchema } from "@/lib/auth/rules";
import { clientIp } from "@/lib/client-ip";
import { getDb } from "@/lib/db.server";
import { hitRateLimit, SIGN_UP_POLICY } from "@/lib/rate-limit.server";
import { createUser, EmailTakenError } from "@/lib/users.server";

export type SignUpState =
  | { ok: true }
  | {
      ok: false;
      fieldErrors: Partial<Record<"name" | "email" | "password", string>>;
      formError?: string;
    };

export async function signUp(input: {
  name: string;
  email: string;
  password: string;
}): Promise<SignUpState> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"name" | "email" | "password", string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "name" || field === "email" || field === "password") && !fieldErrors[field]) {
        fieldErrors[field] = issue.message;
      }
    }
    return { ok: false, fieldErrors };
  }
  const db = getDb();
  const limit = await hitRateLimit(db, `signup:ip:${clientIp(await headers())}`, SIGN_UP_POLICY);
  if (!limit.allowed) {
    return {
      ok: false,
      fieldErrors: {},
      formError: "Too many sign-ups from your network. Try again later.",
    };
  }
  try {
    await createUser(db, parsed.data);
    return { ok: true };
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return {
        ok: false,
        fieldErrors: { email: "An account with this email already exists. Sign in instead." },
      };
    }
    throw error;
  }
}
