import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options.server";
import { credentialsSchema } from "@/lib/auth/rules";
import { clientIp } from "@/lib/client-ip";
import { getDb } from "@/lib/db.server";
import { hitAll, SIGN_IN_POLICY } from "@/lib/rate-limit.server";

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export function GET(request: Request, context: Context) {
  return handle(request, context);
}

/**
 * Credentials sign-in is rate-limited per IP and per email before next-auth sees it.
 * The 429 body keeps next-auth's client contract ({ url } with an `error` parameter).
 */
export async function POST(request: Request, context: Context) {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = credentialsSchema.shape.email.safeParse(form?.get("email") ?? "");
    const keys = [`signin:ip:${clientIp(request.headers)}`];
    if (email.success) keys.push(`signin:email:${email.data}`);
    const verdict = await hitAll(getDb(), keys, SIGN_IN_POLICY);
    if (!verdict.allowed) {
      const origin = process.env.NEXTAUTH_URL ?? url.origin;
      return Response.json(
        { url: `${origin}/signin?error=RateLimited`, retryAfterSeconds: verdict.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
      );
    }
  }
  return handle(request, context);
}
