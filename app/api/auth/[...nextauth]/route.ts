import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options.server";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's own routes: GitHub sign-in, sign-out (CSRF-checked by next-auth), session. */
function handle(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export { handle as GET, handle as POST };
