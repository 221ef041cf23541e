import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { isGitHubEnabled } from "@/lib/auth/options.server";
import { safeCallbackPath } from "@/lib/auth/rules";
import { getSessionUser } from "@/lib/auth/session.server";

export const metadata: Metadata = { title: "Sign in" };

type Props = {
  searchParams: Promise<{ callbackUrl?: string; error?: string; registered?: string }>;
};

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, registered } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getSessionUser()) redirect(target);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <SignInForm
        callbackUrl={target}
        github={isGitHubEnabled()}
        initialError={typeof error === "string" ? error : null}
        registered={registered === "1"}
      />
    </div>
  );
}
