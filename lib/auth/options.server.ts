import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { credentialsSchema } from "@/lib/auth/rules";
import { getDb } from "@/lib/db.server";
import { type Role, upsertOAuthUser, verifyCredentials } from "@/lib/users.server";

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

export function authOptions(): NextAuthOptions {
  const github = githubCredentials();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await verifyCredentials(getDb(), parsed.data.email, parsed.data.password);
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        },
      }),
      ...(github ? [GitHubProvider(github)] : []),
    ],
    callbacks: {
      async jwt({ token, user, account, profile }) {
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
        } else if (user) {
          token.sub = user.id;
          token.role = (user as { role?: Role }).role ?? "learner";
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
  };
}
