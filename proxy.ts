import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/lib/csp";

/** A fresh nonce per request: Next.js attaches it to its own scripts; nothing inline runs without it. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Served over https (production refuses plain http unless declared local): browsers must
  // never fall back to http for this site. Read at run time, not baked into the build.
  if ((process.env.NEXTAUTH_URL ?? "").startsWith("https://")) {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: JSON API responses need no CSP, and the answer-saving path stays lean.
      // (Malformed framework headers are refused before Next.js, in scripts/server-preload.cjs.)
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
    },
  ],
};
