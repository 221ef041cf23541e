"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { type SignUpState, signUp } from "@/app/signup/actions";
import { Field, FormAlert, SubmitButton } from "@/components/form-parts";
import { PASSWORD_MIN } from "@/lib/auth/rules";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, setState] = useState<SignUpState | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    try {
      const result = await signUp(input);
      setState(result);
      if (result.ok) {
        const signedIn = await signIn("credentials", {
          redirect: false,
          email: input.email,
          password: input.password,
        });
        if (signedIn?.ok && !signedIn.error) {
          window.location.assign(callbackUrl);
          return;
        }
        window.location.assign(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
        return;
      }
    } catch {
      setState({ ok: false, fieldErrors: {}, formError: "Could not reach the server. Try again." });
    }
    setPending(false);
  }

  const errors = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok ? state.formError : undefined;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="Name" name="name" type="text" autoComplete="name" error={errors.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          error={errors.password}
          hint={`At least ${PASSWORD_MIN} characters. A passphrase of a few words works well.`}
        />
        {formError && <FormAlert message={formError} />}
        <SubmitButton pending={pending} idle="Create account" busy="Creating account…" />
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
