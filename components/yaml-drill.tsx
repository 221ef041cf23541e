"use client";

import { indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { indentUnit } from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { Prec } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";
import { keymap } from "@codemirror/view";
import { basicSetup, EditorView } from "codemirror";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Html } from "@/components/html";
import type { CheckResult, Finding } from "@/lib/drills/check";

type Model = { modelAnswer: string; explanationHtml: string };

/** Findings listed at most; the rest are counted (the editor's gutter marks them all). */
const FINDINGS_SHOWN = 50;
const SOURCE_LABEL = { yaml: "YAML", backstage: "Backstage", rubric: "Rubric" } as const;
const draftKey = (drillId: string) => `passmark:yaml-draft:${drillId}`;
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
      try {
        window.localStorage.removeItem(draftKey(drillId));
      } catch {
        // Nothing kept, nothing to clear.
      }
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
      doc: savedDraft(drillId) ?? initialText,
      extensions: [
        basicSetup,
        // Tab indents by two spaces; Escape then Tab leaves the editor (CodeMirror's own escape
        // hatch for keyboard users when Tab is captured).
        indentUnit.of("  "),
        keymap.of([indentWithTab]),
        yaml(),
        // An unchecked draft is kept on this device, per drill, until it is checked.
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          try {
            window.localStorage.setItem(draftKey(drillId), update.state.doc.toString());
          } catch {
            // Storage full or unavailable: the draft lives only in the editor.
          }
        }),
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
        EditorView.theme({
          "&": { fontSize: "14px" },
          ".cm-content": { minHeight: "16rem" },
          ".cm-scroller": { maxHeight: "36rem", overflow: "auto" },
        }),
      ],
    });
    viewRef.current = view;
    setReady(true);
    return () => view.destroy();
  }, [initialText, drillId]);

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
                {result.findings.slice(0, FINDINGS_SHOWN).map((f) => (
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
                    <span className="rounded bg-slate-100 px-1 text-xs font-semibold dark:bg-slate-800">
                      {SOURCE_LABEL[f.source]}
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
            {result.findings.length > FINDINGS_SHOWN && (
              <p className="text-sm" data-testid="findings-more">
                …and {result.findings.length - FINDINGS_SHOWN} more, marked in the editor's gutter.
              </p>
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

function savedDraft(drillId: string): string | null {
  try {
    return window.localStorage.getItem(draftKey(drillId));
  } catch {
    return null;
  }
}
