"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useActionState } from "react";
import { type SignInState, signInAction } from "@/app/signin/actions";
import { Field, FormAlert, SubmitButton } from "@/components/form-parts";

const MESSAGES: Record<string, string> = {
  OAuthAccountNotLinked:
    "An account with this email already exists. Sign in with your email and password.",
  SessionRequired: "Sign in to continue.",
};

/**
 * Email-and-password sign-in: a form that POSTs to a server action, so it works (and never puts
 * the password in the URL) even before the page's JavaScript has loaded.
 */
export function SignInForm({
  callbackUrl,
  github,
  initialError,
  registered,
}: {
  callbackUrl: string;
  github: boolean;
  initialError: string | null;
  registered: boolean;
}) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {
    error: initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Try again.") : null,
    email: "",
  });

  return (
    <div className="space-y-6">
      {registered && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Your account is ready. Sign in with the email and password you chose.
        </p>
      )}
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.email}
        />
        <Field label="Password" name="password" type="password" autoComplete="current-password" />
        {state.error && <FormAlert message={state.error} />}
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
