"use client";

import Link from "next/link";
import { useActionState } from "react";
import { type SignUpState, signUpAction } from "@/app/signup/actions";
import { Field, FormAlert, SubmitButton } from "@/components/form-parts";
import { PASSWORD_MIN } from "@/lib/auth/rules";

/** Sign-up: a form that POSTs to a server action and works before JavaScript has loaded. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(signUpAction, {
    fieldErrors: {},
    values: { name: "", email: "" },
  });
  const errors = state.fieldErrors;
  return (
    <div className="space-y-6">
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field
          label="Name"
          name="name"
          type="text"
          autoComplete="name"
          error={errors.name}
          defaultValue={state.values.name}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          error={errors.email}
          defaultValue={state.values.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          error={errors.password}
          hint={`At least ${PASSWORD_MIN} characters. A passphrase of a few uncommon words works well.`}
        />
        {state.formError && <FormAlert message={state.formError} />}
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
