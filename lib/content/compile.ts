import { createHash } from "node:crypto";
import { type ParsedQuestion, parseQuestion, type QuestionInput } from "./question";
import { KEBAB } from "./schema";
import { parseTrack } from "./track";
import type { Bank, CompileResult, Problem, Question, Track } from "./types";

export type { CompileResult, Problem } from "./types";

export interface ContentFile {
  /** Repo-relative path, `/`-separated, e.g. `content/cba/catalog/owner-field.md`. */
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  /** Repo-relative folder holding the track folders (default `content`). */
  readonly root?: string;
}

/** Read-only Map: `set`, `delete` and `clear` throw once constructed. */
class FrozenMap<K, V> extends Map<K, V> {
  #sealed = false;
  constructor(entries: Iterable<readonly [K, V]>) {
    super();
    for (const [key, value] of entries) super.set(key, value);
    this.#sealed = true;
    Object.freeze(this);
  }
  override set(key: K, value: V): this {
    if (this.#sealed) throw new TypeError("the question bank is read-only");
    return super.set(key, value);
  }
  override delete(): boolean {
    throw new TypeError("the question bank is read-only");
  }
  override clear(): void {
    throw new TypeError("the question bank is read-only");
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Per-process memo of parsed question files, keyed by path, the track facts the rules read, and
 * the file text. Parsing is a pure function of those, and the results are frozen, so a recompile
 * (dev-server reload, repeated compiles in tests and benchmarks) only parses changed
 * files. Entries not seen in the latest compile are dropped, so the memo never outgrows the bank.
 */
const memo = new Map<string, ParsedQuestion>();

/** Empties the per-process parse memo (benchmarks measure cold compiles with it). */
export function clearCompileCache(): void {
  memo.clear();
}

function trackKey(track: Track | null): string {
  if (!track) return "-";
  return JSON.stringify([
    track.id,
    track.idPrefix,
    track.questionTypes,
    track.singleOptionCount,
    track.domains.map((d) => d.id),
    track.curriculum.map((d) => d.id),
    track.competencies,
  ]);
}

function parseQuestionMemo(
  input: QuestionInput,
  trackFacts: string,
  seen: Set<string>,
): ParsedQuestion {
  const key = createHash("sha1")
    .update(input.file)
    .update("\u0000")
    .update(input.domainFolder)
    .update("\u0000")
    .update(trackFacts)
    .update("\u0000")
    .update(input.text)
    .digest("base64");
  seen.add(key);
  const hit = memo.get(key);
  if (hit) return hit;
  const parsed = parseQuestion(input);
  deepFreeze(parsed.question);
  memo.set(key, parsed);
  return parsed;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "path:line: message" lines, sorted by path, line and message. */
export function formatProblems(problems: readonly Problem[]): string {
  return [...problems]
    .sort((a, b) => byText(a.file, b.file) || a.line - b.line || byText(a.message, b.message))
    .map((p) => `${p.file}:${p.line}: ${p.message}`)
    .join("\n");
}

type Classified =
  | { kind: "track"; track: string }
  | { kind: "question"; track: string; domain: string }
  | { kind: "ignore" }
  | { kind: "misplaced"; message: string };

function classify(rel: string): Classified {
  const parts = rel.split("/");
  const name = parts[parts.length - 1] ?? "";
  if (parts.length === 1) return { kind: "ignore" }; // content/README.md and other root files
  if (parts[1] === "drills") return { kind: "ignore" }; // YAML drills: a later issue
  if (name.toLowerCase() === "readme.md") return { kind: "ignore" };
  // Upper-case markdown beside track.yaml is the track's documentation (e.g. COVERAGE.md).
  if (parts.length === 2 && /^[A-Z][A-Z0-9_-]*\.md$/.test(name)) return { kind: "ignore" };
  const track = parts[0] ?? "";
  if (parts.length === 2 && name === "track.yaml") return { kind: "track", track };
  if (!name.endsWith(".md")) return { kind: "ignore" };
  if (parts.length !== 3) {
    return {
      kind: "misplaced",
      message: "a question file must live at content/<track>/<domain>/<slug>.md",
    };
  }
  if (!KEBAB.test(name.slice(0, -3))) {
    return {
      kind: "misplaced",
      message: "the file name must be a kebab-case slug ending in `.md`, e.g. `owner-field.md`",
    };
  }
  return { kind: "question", track, domain: parts[1] ?? "" };
}

/**
 * Compiles the question bank from content files. Never throws on bad content: every problem is
 * collected and returned at once.
 */
export function compileBank(
  files: readonly ContentFile[],
  options: CompileOptions = {},
): CompileResult {
  const root = (options.root ?? "content").replace(/\\/g, "/").replace(/\/+$/, "");
  const prefix = root === "" || root === "." ? "" : `${root}/`;
  const problems: Problem[] = [];
  const tracks = new Map<string, Track>();
  const trackFolders = new Map<string, { track: Track | null; file: string }>();
  const questionFiles: { file: ContentFile; track: string; domain: string }[] = [];

  const sorted = [...files].sort((a, b) => byText(a.path, b.path));
  for (const file of sorted) {
    const path = file.path.replace(/\\/g, "/");
    if (!path.startsWith(prefix)) {
      problems.push({
        file: path,
        line: 1,
        message: `the file is outside the content folder \`${root}\``,
      });
      continue;
    }
    const c = classify(path.slice(prefix.length));
    if (c.kind === "track") {
      const { track, problems: p } = parseTrack(path, file.text, c.track);
      problems.push(...p);
      trackFolders.set(c.track, { track, file: path });
      if (track) tracks.set(track.id, track);
    } else if (c.kind === "question") {
      questionFiles.push({ file: { path, text: file.text }, track: c.track, domain: c.domain });
    } else if (c.kind === "misplaced") {
      problems.push({ file: path, line: 1, message: c.message });
    }
  }

  const questions: Question[] = [];
  const ids = new Map<string, { file: string; line: number }[]>();
  const missingTrack = new Set<string>();
  const seen = new Set<string>();
  const trackKeys = new Map<string, string>();
  for (const [folder, entry] of trackFolders) trackKeys.set(folder, trackKey(entry.track));
  for (const q of questionFiles) {
    const folder = trackFolders.get(q.track);
    if (!folder && !missingTrack.has(q.track)) {
      missingTrack.add(q.track);
      problems.push({
        file: `${prefix}${q.track}/track.yaml`,
        line: 1,
        message: `missing: the folder \`${q.track}\` holds questions but has no track.yaml`,
      });
    }
    const parsed = parseQuestionMemo(
      {
        file: q.file.path,
        text: q.file.text,
        trackId: q.track,
        domainFolder: q.domain,
        track: folder?.track ?? null,
      },
      trackKeys.get(q.track) ?? "-",
      seen,
    );
    problems.push(...parsed.problems);
    if (parsed.question) questions.push(parsed.question);
    if (parsed.id) {
      const list = ids.get(parsed.id.value) ?? [];
      list.push({ file: q.file.path, line: parsed.id.line });
      ids.set(parsed.id.value, list);
    }
  }
  for (const [id, places] of ids) {
    if (places.length < 2) continue;
    for (const place of places) {
      const others = places.filter((p) => p !== place).map((p) => p.file);
      problems.push({
        file: place.file,
        line: place.line,
        message: `\`id\` "${id}" is also used by ${others.join(", ")}: ids must be unique across the bank`,
      });
    }
  }

  for (const key of memo.keys()) if (!seen.has(key)) memo.delete(key);

  if (problems.length > 0) {
    const reported = new Set<string>();
    const unique = problems.filter((p) => {
      const key = `${p.file}\u0000${p.line}\u0000${p.message}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    });
    return {
      ok: false,
      problems: unique.sort(
        (a, b) => byText(a.file, b.file) || a.line - b.line || byText(a.message, b.message),
      ),
    };
  }

  questions.sort((a, b) => byText(a.trackId, b.trackId) || byText(a.id, b.id));
  const perTrack = new Map<string, Question[]>();
  for (const id of [...tracks.keys()].sort(byText)) perTrack.set(id, []);
  for (const q of questions) perTrack.get(q.trackId)?.push(q);
  deepFreeze(questions);
  for (const track of tracks.values()) deepFreeze(track);
  const frozenPerTrack = new FrozenMap(
    [...perTrack].map(([id, list]) => [id, Object.freeze(list)] as const),
  );
  const empty: readonly Question[] = Object.freeze([]);

  const bank: Bank = Object.freeze({
    tracks: new FrozenMap([...tracks].sort(([a], [b]) => byText(a, b))),
    questions,
    byId: new FrozenMap(questions.map((q) => [q.id, q] as const)),
    questionsOf: (trackId: string) => frozenPerTrack.get(trackId) ?? empty,
  });
  return { ok: true, bank };
}
