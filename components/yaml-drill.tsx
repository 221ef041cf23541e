"use client";

import { yaml } from "@codemirror/lang-yaml";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { Prec } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";
import { keymap } from "@codemirror/view";
import { basicSetup, EditorView } from "codemirror";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Html } from "@/components/html";
import type { CheckResult, Finding } from "@/lib/drills/check";

type Model = { modelAnswer: string; explanationHtml: string };
type Response = CheckResult & Partial<Model>;

/** CodeMirror positions for the checker's findings: from the column to the end of the line. */
function diagnosticsOf(view: EditorView, findings: readonly Finding[]): Diagnostic[] {
  const doc = view.state.doc;
  return findings.map((f) => {
    const line = doc.line(Math.min(Math.max(1, f.line), doc.lines));
    const from = Math.min(line.from + Math.max(0, f.column - 1), line.to);
    return {
      from,
      to: Math.max(from, line.to),
      severity: f.severity,
      message: f.path ? `${f.path}: ${f.message}` : f.message,
    };
  });
}

/**
 * A YAML drill: the CodeMirror 6 editor (YAML highlighting, line numbers, inline markers where the
 * checker found problems), Ctrl/Cmd+Enter or the button to check, the list of findings, and the
 * model answer once the learner has checked at least once.
 */
export function YamlDrill({
  drillId,
  initialText,
  initialModel,
}: {
  drillId: string;
  initialText: string;
  /** Present when the learner has already checked this drill before. */
  initialModel: Model | null;
}) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [model, setModel] = useState<Model | null>(initialModel);
  const [showModel, setShowModel] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  const check = useEffectEvent(async () => {
    const view = viewRef.current;
    if (!view || busy) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/drills/${encodeURIComponent(drillId)}/check`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: view.state.doc.toString() }),
      });
      const body = (await response.json().catch(() => null)) as
        | (Response & { error?: string })
        | null;
      if (!response.ok || !body || !Array.isArray(body.findings)) {
        setError(body?.error ?? `The check failed (error ${response.status}).`);
        return;
      }
      setResult(body);
      if (body.modelAnswer !== undefined && body.explanationHtml !== undefined) {
        setModel({ modelAnswer: body.modelAnswer, explanationHtml: body.explanationHtml });
      }
      view.dispatch(setDiagnostics(view.state, diagnosticsOf(view, body.findings)));
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  });

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      doc: initialText,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        Prec.highest(
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                void check();
                return true;
              },
            },
          ]),
        ),
        EditorView.contentAttributes.of({ "aria-label": "YAML editor" }),
        ...(window.matchMedia("(prefers-color-scheme: dark)").matches ? [oneDark] : []),
        EditorView.theme({ "&": { fontSize: "14px" }, ".cm-content": { minHeight: "16rem" } }),
      ],
    });
    viewRef.current = view;
    setReady(true);
    return () => view.destroy();
  }, [initialText]);

  const count = (source: Finding["source"]) =>
    result?.findings.filter((f) => f.severity === "error" && f.source === source).length ?? 0;
  const problems = count("yaml") + count("backstage");
  const misses = count("rubric");
  return (
    <div className="space-y-4" data-testid="yaml-drill" data-ready={ready ? "true" : "false"}>
      <div
        ref={host}
        className="overflow-hidden rounded-md border border-slate-300 bg-white text-slate-900 dark:border-slate-700"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void check()}
          aria-busy={busy || undefined}
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {busy ? "Checking…" : "Check"}
        </button>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          or press <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> in the editor
        </span>
        {model && (
          <button
            type="button"
            onClick={() => setShowModel((v) => !v)}
            aria-expanded={showModel}
            className="ml-auto rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
          >
            {showModel ? "Hide model answer" : "Show model answer"}
          </button>
        )}
      </div>

      <section aria-live="polite" aria-label="Check results" data-testid="drill-results">
        {error && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        {result && (
          <div className="space-y-2">
            <p
              className={`font-semibold ${
                result.passed
                  ? "text-emerald-700 dark:text-emerald-300"
                  : "text-red-700 dark:text-red-300"
              }`}
            >
              {result.passed
                ? "Passed: valid for Backstage and every rubric item met."
                : !result.valid
                  ? `Backstage would reject this: ${plural(problems, "problem")}${misses > 0 ? `, and ${plural(misses, "rubric item")} not met` : ""}.`
                  : `Valid for Backstage, but ${plural(misses, "rubric item")} not met.`}
            </p>
            {result.findings.length > 0 && (
              <ul className="space-y-1 text-sm">
                {result.findings.map((f) => (
                  <li
                    key={`${f.line}:${f.column}:${f.message}`}
                    className="rounded border border-slate-200 p-2 dark:border-slate-800"
                  >
                    <span
                      className={`font-semibold ${
                        f.severity === "error"
                          ? "text-red-700 dark:text-red-300"
                          : "text-amber-700 dark:text-amber-300"
                      }`}
                    >
                      {f.severity === "error" ? "Error" : "Warning"}
                    </span>{" "}
                    line {f.line}:{f.column}
                    {f.path && <code className="mx-1">{f.path}</code>}{" "}
                    <CodeSpans text={f.message} />
                    {f.docsUrl && (
                      <>
                        {" "}
                        <a href={f.docsUrl} className="underline" rel="noreferrer">
                          docs
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

      {model && showModel && (
        <section aria-label="Model answer" className="space-y-2" data-testid="model-answer">
          <h2 className="text-lg font-semibold">Model answer</h2>
          <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-900">
            <code>{model.modelAnswer}</code>
          </pre>
          <Html as="div" className="prose-q" html={model.explanationHtml} />
        </section>
      )}
    </div>
  );
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** A message with `code` spans, as the checker writes them. */
function CodeSpans({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
        i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>,
      )}
    </>
  );
}
