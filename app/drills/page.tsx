import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { loadDrills } from "@/lib/drills/load.server";
import { drillStatuses } from "@/lib/yaml-attempts.server";

export const metadata: Metadata = { title: "YAML drills" };

const TARGET_LABEL = {
  catalog: "catalog-info.yaml",
  template: "Software Template",
  "app-config": "app-config.yaml",
  "app-config-overlay": "app-config overlay",
} as const;

/** Every YAML drill, grouped by study domain, with the user's status. */
export default async function DrillsPage() {
  const { drills } = loadDrills();
  const track = loadBank().tracks.get("cba");
  const user = await getSessionUser();
  const statuses = user ? await drillStatuses(getDb(), user.id) : new Map();
  const domains = (track?.domains ?? []).filter((d) => drills.some((x) => x.domain === d.id));
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">YAML drills</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">
          Write Backstage YAML from memory: entity descriptors, Software Templates and app-config.
          Each check runs Backstage's own validators and the drill's rubric, and points at the line
          to fix.
        </p>
        {!user && <p>Sign in to check your answers and keep your progress.</p>}
      </header>
      {domains.map((d) => (
        <section key={d.id} aria-labelledby={`d-${d.id}`} className="space-y-2">
          <h2 id={`d-${d.id}`} className="text-xl font-semibold">
            {d.title}
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {drills
              .filter((x) => x.domain === d.id)
              .map((drill) => {
                const status = statuses.get(drill.id);
                return (
                  <li key={drill.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3">
                    <Link href={`/drills/${drill.id}`} className="font-medium underline">
                      {drill.title}
                    </Link>
                    <span className="text-sm text-slate-600 dark:text-slate-400">
                      {TARGET_LABEL[drill.target]} · {drill.difficulty}
                    </span>
                    <span className="ml-auto text-sm font-semibold">
                      {status?.passed ? "Passed" : status ? "Tried" : ""}
                    </span>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </article>
  );
}
