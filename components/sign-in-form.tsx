"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Field, FormAlert, SubmitButton } from "@/components/form-parts";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  RateLimited: "Too many sign-in attempts. Wait 15 minutes and try again.",
  OAuthAccountNotLinked:
    "An account with this email already exists. Sign in with your email and password.",
  SessionRequired: "Sign in to continue.",
};

function messageFor(code: string): string {
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}

export function SignInForm({
  callbackUrl,
  github,
  initialError,
}: {
  callbackUrl: string;
  github: boolean;
  initialError: string | null;
}) {
  const [error, setError] = useState(initialError ? messageFor(initialError) : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(messageFor(result?.error ?? ""));
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="Email" name="email" type="email" autoComplete="email" />
        <Field label="Password" name="password" type="password" autoComplete="current-password" />
        {error && <FormAlert message={error} />}
        <SubmitButton pending={pending} idle="Sign in" busy="Signing in…" />
      </form>
      {github && (
        <button
          type="button"
          onClick={() => signIn("github", { callbackUrl })}
          className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
        >
          Continue with GitHub
        </button>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
