import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuestionReports, QuestionStats } from "@/components/question-analysis";
import { QuestionAnswerView, QuestionCandidateView } from "@/components/question-view";
import { cachedItemStats } from "@/lib/analytics/item-stats-cache.server";
import { reportsOnQuestion } from "@/lib/analytics/reports.server";
import { repoContentPath } from "@/lib/analytics/triage";
import { requireRole } from "@/lib/auth/session.server";
import { contentRoot, defaultContentDir, loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string; resolved?: string }>;
};

/** The question file in the repository's web UI: PASSMARK_REPO_URL (+ PASSMARK_REPO_BRANCH). */
function editUrl(file: string): string | null {
  const repo = process.env.PASSMARK_REPO_URL?.replace(/\/+$/, "");
  if (!repo || !/^https:\/\//.test(repo)) return null;
  const branch = process.env.PASSMARK_REPO_BRANCH || "main";
  return `${repo}/edit/${encodeURIComponent(branch)}/${file.split("/").map(encodeURIComponent).join("/")}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Preview ${(await params).id}` };
}

export default async function QuestionPreviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  await requireRole(["author", "admin"], `/author/questions/${encodeURIComponent(id)}`);
  const bank = loadBank();
  const question = bank.byId.get(id);
  if (!question) notFound();
  const track = bank.tracks.get(question.trackId);
  const domain = track?.domains.find((d) => d.id === question.domain);
  const curriculum = track?.curriculum.find((c) => c.id === question.curriculum);
  const [{ stats }, reports] = await Promise.all([
    cachedItemStats(bank, question.trackId),
    reportsOnQuestion(getDb(), question.id),
  ]);
  const versions = stats
    .filter((s) => s.questionId === question.id)
    .sort((a, b) => b.versionCreatedAt.getTime() - a.versionCreatedAt.getTime());
  const file = repoContentPath(question.file, contentRoot(defaultContentDir()));
  const edit = editUrl(file);

  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <Link href={`/author?track=${question.trackId}`} className="text-sm underline">
          ← {track?.title ?? question.trackId}
        </Link>
        <h1 className="font-mono text-xl font-bold">{question.id}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {domain?.title ?? question.domain}
          {curriculum ? ` · ${curriculum.title}` : ""} · {question.difficulty} · {question.type} ·{" "}
          <code>{question.file}</code> · hash <code>{question.hash.slice(0, 12)}</code>
        </p>
        {question.tags.length > 0 && <p className="text-sm">Tags: {question.tags.join(", ")}</p>}
        <p className="text-sm">
          File: <code data-testid="content-path">{file}</code>
          {edit && (
            <>
              {" "}
              ·{" "}
              <a href={edit} className="underline" rel="noopener noreferrer">
                Edit in the repository
              </a>
            </>
          )}
        </p>
      </header>

      <QuestionStats versions={versions} currentHash={question.hash} />
      <QuestionReports
        questionId={question.id}
        reports={reports}
        currentHash={question.hash}
        error={search.error}
        resolved={search.resolved}
      />

      <section
        aria-labelledby="as-candidate"
        className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      >
        <h2 id="as-candidate" className="text-lg font-semibold">
          As candidates see it
        </h2>
        <QuestionCandidateView question={question} name={`preview-${question.id}`} />
      </section>

      <details className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <summary className="cursor-pointer text-lg font-semibold">
          Answer, rationales and explanation
        </summary>
        <div className="mt-4">
          <QuestionAnswerView question={question} />
        </div>
      </details>
    </article>
  );
}
