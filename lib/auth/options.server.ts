import type { NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { getDb } from "@/lib/db.server";
import { type Role, revokeSessions, upsertOAuthUser } from "@/lib/users.server";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role };
  }
}

/** The GitHub provider is switched on when its credentials are configured. */
function githubCredentials(): { clientId: string; clientSecret: string } | null {
  const clientId = process.env.AUTH_GITHUB_ID ?? process.env.GITHUB_ID;
  const clientSecret = process.env.AUTH_GITHUB_SECRET ?? process.env.GITHUB_SECRET;
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

export function isGitHubEnabled(): boolean {
  return githubCredentials() !== null;
}

export function authSecret(): string | undefined {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret && process.env.NODE_ENV === "production") {
    throw new Error("NEXTAUTH_SECRET must be set in production.");
  }
  return secret;
}

/**
 * next-auth handles GitHub sign-in and reads sessions. Email-and-password sign-in is our own
 * server action (app/signin/actions.ts), which issues the same kind of token: it is a form that
 * POSTs and works without JavaScript, and it counts only real password failures.
 */
export function authOptions(): NextAuthOptions {
  const github = githubCredentials();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: github ? [GitHubProvider(github)] : [],
    callbacks: {
      async jwt({ token, account, profile }) {
        if (account && account.provider !== "credentials") {
          const email = token.email ?? (profile as { email?: string } | undefined)?.email;
          if (!email) throw new Error("The provider did not share an email address.");
          const dbUser = await upsertOAuthUser(getDb(), {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email,
            name: token.name ?? null,
          });
          token.sub = dbUser.id;
          token.role = dbUser.role;
          token.sv = dbUser.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = {
          id: token.sub ?? "",
          email: token.email ?? "",
          name: token.name ?? null,
          role: (token.role as Role | undefined) ?? "learner",
        };
        return session;
      },
    },
    events: {
      // Sign-out revokes the token on the server, not only in this browser.
      async signOut({ token }) {
        if (typeof token?.sub === "string") await revokeSessions(getDb(), token.sub);
      },
    },
  };
}
