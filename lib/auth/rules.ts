import { z } from "zod";
import { sameOriginPath } from "@/lib/same-origin-path";
import { safeText } from "@/lib/validation";

/** Sign-up and sign-in rules, shared by the form (client) and the server. Pure. */

export const PASSWORD_MIN = 10;
/** bcrypt ignores everything after 72 bytes; refuse longer passwords instead of truncating. */
export const PASSWORD_MAX_BYTES = 72;

const COMMON = new Set([
  "password12",
  "password123",
  "1234567890",
  "qwertyuiop",
  "letmein123",
  "iloveyou12",
  "passw0rd12",
  "0123456789",
  "abcdefghij",
  "backstage1",
]);

export function passwordProblem(password: string, email = ""): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} plain characters).`;
  }
  if (/^(.)\1*$/.test(password)) return "Do not repeat a single character.";
  if (COMMON.has(password.toLowerCase())) return "This password is too common.";
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    return "Do not use your email address in your password.";
  }
  return null;
}

export const emailSchema = safeText
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254));

export const signUpSchema = z
  .object({
    name: safeText.pipe(
      z.string().trim().min(1, "Enter your name.").max(80, "Use at most 80 characters."),
    ),
    email: emailSchema,
    password: safeText,
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type SignUpInput = z.infer<typeof signUpSchema>;

export const credentialsSchema = z.object({
  email: emailSchema,
  password: safeText.pipe(z.string().min(1).max(1024)),
});

/** Only same-origin paths are allowed as post-sign-in destinations (no open redirects). */
export function safeCallbackPath(
  value: string | null | undefined,
  fallback = "/dashboard",
): string {
  return sameOriginPath(value) ?? fallback;
}
