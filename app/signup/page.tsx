import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/sign-up-form";
import { safeCallbackPath } from "@/lib/auth/rules";
import { getSessionUser } from "@/lib/auth/session.server";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const target = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(target);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">Create an account</h1>
      <SignUpForm callbackUrl={target} />
    </div>
  );
}
