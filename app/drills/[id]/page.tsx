import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocLinks } from "@/components/doc-links";
import { Html } from "@/components/html";
import { YamlDrill } from "@/components/yaml-drill";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db.server";
import { loadDrills } from "@/lib/drills/load.server";
import { latestYamlAttempt } from "@/lib/yaml-attempts.server";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const drill = loadDrills().byId.get((await params).id);
  return { title: drill ? drill.title : "Drill not found" };
}

/** One YAML drill: the task, the editor, and (after a first check) the model answer. */
export default async function DrillPage({ params }: Props) {
  const { id } = await params;
  const drill = loadDrills().byId.get(id);
  if (!drill) notFound();
  const user = await requireUser(`/drills/${encodeURIComponent(drill.id)}`);
  const latest = await latestYamlAttempt(getDb(), user.id, drill.id);
  return (
    <article className="max-w-4xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/drills" className="underline">
            YAML drills
          </Link>{" "}
          · {drill.difficulty}
        </p>
        <h1 className="text-3xl font-bold">{drill.title}</h1>
      </header>
      <section aria-label="Task" className="space-y-2">
        <Html as="div" className="prose-q" html={drill.taskHtml} />
        <DocLinks docs={drill.docs} className="flex flex-wrap gap-x-4 text-sm" />
      </section>
      <YamlDrill
        drillId={drill.id}
        initialText={latest?.text ?? drill.starter ?? ""}
        initialModel={
          latest ? { modelAnswer: drill.modelAnswer, explanationHtml: drill.explanationHtml } : null
        }
      />
    </article>
  );
}
