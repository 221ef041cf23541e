import Link from "next/link";
import { UserMenu } from "@/components/user-menu";
import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db.server";
import { dueCount } from "@/lib/review-deck.server";

export async function SiteHeader() {
  const user = await getSessionUser();
  const [due, openMock] = user
    ? await Promise.all([
        dueCount(getDb(), user.id),
        getDb().attempt.findFirst({
          where: {
            userId: user.id,
            mode: "mock",
            status: "in_progress",
            deadline: { gt: new Date() },
          },
          select: { id: true },
        }),
      ])
    : [0, null];
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <nav
        aria-label="Main"
        className="mx-auto flex w-full max-w-5xl items-center justify-between gap-4 px-4 py-3"
      >
        <div className="flex flex-wrap items-center gap-x-6 gap-y-1">
          <Link href="/" className="text-lg font-bold tracking-tight">
            Passmark
          </Link>
          {openMock && (
            <Link
              href={`/attempts/${openMock.id}`}
              data-site-nav
              className="rounded-md bg-amber-100 px-2 py-1 text-sm font-semibold text-amber-900 hover:underline dark:bg-amber-900 dark:text-amber-100"
            >
              Resume your mock
            </Link>
          )}
          <span data-site-nav className="contents">
            <Link href="/#tracks" className="text-sm hover:underline">
              Tracks
            </Link>
            <Link href="/drills" className="text-sm hover:underline">
              YAML drills
            </Link>
            {user && (
              <>
                <Link href="/dashboard" className="text-sm hover:underline">
                  Dashboard
                </Link>
                <Link href="/plan" className="text-sm hover:underline">
                  Plan
                </Link>
                <Link href="/history" className="text-sm hover:underline">
                  History
                </Link>
                <Link href="/review" className="text-sm hover:underline">
                  Review
                  {due > 0 && (
                    <span className="ml-1 rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white">
                      {due}
                      <span className="sr-only"> due</span>
                    </span>
                  )}
                </Link>
              </>
            )}
            {user && (user.role === "author" || user.role === "admin") && (
              <Link href="/author" className="text-sm hover:underline">
                Author
              </Link>
            )}
          </span>
        </div>
        {user ? (
          <div data-site-nav>
            <UserMenu name={user.name ?? user.email} email={user.email} />
          </div>
        ) : (
          <div className="flex items-center gap-3 text-sm">
            <Link href="/signin" className="hover:underline">
              Sign in
            </Link>
            <Link
              href="/signup"
              className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700"
            >
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
