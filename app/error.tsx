"use client";

import Link from "next/link";

/** Shown instead of any unexpected server or client error; never a stack trace. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p>
        The page could not be shown. Nothing you saved was lost. Try again, or go back to the home
        page.
      </p>
      {error.digest && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Reference for a bug report: <code>{error.digest}</code>
        </p>
      )}
      <div className="flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-white"
        >
          Try again
        </button>
        <Link href="/" className="underline">
          Home
        </Link>
      </div>
    </div>
  );
}
