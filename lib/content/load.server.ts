import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { type ContentFile, compileBank, formatProblems } from "./compile";
import type { Bank, Problem } from "./types";

/** Thrown by `loadBank` when the content is invalid; `.message` is the formatted report. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
    this.problems = problems;
  }
}

const toPosix = (p: string) => p.split(sep).join("/");

/**
 * The content folder: `PASSMARK_CONTENT_DIR` when set (e.g. a copy with test fixtures), else
 * `<repo>/content` (the repo root is the process's working directory).
 */
export function defaultContentDir(): string {
  return resolve(
    /* turbopackIgnore: true */ process.cwd(),
    process.env.PASSMARK_CONTENT_DIR || "content",
  );
}

/**
 * Reads every `.md` and `.yaml` file under `dir` (recursively, skipping dot-folders) with its
 * path relative to the repo root (`process.cwd()`), `/`-separated.
 */
export function readContentFiles(dir: string = defaultContentDir()): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.(md|ya?ml)$/.test(entry.name)) {
        files.push({
          path: toPosix(relative(process.cwd(), full)),
          text: readFileSync(full, "utf8"),
        });
      }
    }
  };
  // The bank is read at run time from the working directory, not traced into the server bundle.
  walk(resolve(/* turbopackIgnore: true */ dir));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The repo-relative content root for `compileBank`. */
export function contentRoot(dir: string): string {
  return toPosix(relative(process.cwd(), resolve(dir)));
}

const cache = new Map<string, Bank>();

/**
 * Loads and compiles the bank once per process and directory. Throws a `ContentError` (its
 * message is the "path:line: message" report) when the content is invalid.
 */
export function loadBank(dir: string = defaultContentDir()): Bank {
  const key = resolve(/* turbopackIgnore: true */ dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const result = compileBank(readContentFiles(key), { root: contentRoot(key) });
  if (!result.ok) throw new ContentError(result.problems);
  cache.set(key, result.bank);
  return result.bank;
}
