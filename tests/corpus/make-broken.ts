/**
 * npx tsx tests/corpus/make-broken.ts
 *
 * Writes the broken variants of the real corpus files: each variant plants ONE defect class in a
 * copy of a real file, and records where the finding must be (YAML path and line). The expected
 * position is computed here from the edit itself (the line that was changed), never by asking the
 * checker. Rerun after adding real files; the output is committed, so the test needs no generator.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from "js-yaml";

type Real = { file: string; kind: string; repo: string; path: string };
type Broken = {
  file: string;
  from: string;
  defect: string;
  expected: { path: string; line: number };
};
type Variant = { defect: string; text: string; path: string; line: number };

const root = import.meta.dirname;
const index = JSON.parse(readFileSync(path.join(root, "index.json"), "utf8")) as {
  real: Real[];
  broken: Broken[];
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Replaces line `i` (0-based) and returns the variant, its finding at line i + 1. */
function replaceLine(lines: string[], i: number, line: string, defect: string, at: string) {
  const copy = [...lines];
  copy[i] = line;
  return { defect, text: copy.join("\n"), path: at, line: i + 1 };
}

/** Entities: the first document's apiVersion, metadata.name and owner; a Location's target. */
function entityVariants(text: string): Variant[] {
  const docs = loadAll(text).filter((d) => d !== null && d !== undefined);
  const prefix = docs.length > 1 ? "[1] " : "";
  const lines = text.split("\n");
  const out: Variant[] = [];
  const first = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const api = first(/^apiVersion: \S/);
  if (api >= 0) {
    out.push(
      replaceLine(lines, api, "apiVersion: backstage.io/v9", "api-version", `${prefix}apiVersion`),
    );
  }
  const firstDoc = docs[0];
  const spec = isRecord(firstDoc) && isRecord(firstDoc.spec) ? firstDoc.spec : {};
  // Only the first document's fields: stop at its end.
  const end = lines.findIndex((l, i) => i > 0 && l === "---" && i > api);
  const within = (i: number) => i >= 0 && (end < 0 || i < end);
  const owner = first(/^ {2}owner: \S/);
  if (within(owner) && typeof spec.owner === "string") {
    out.push(replaceLine(lines, owner, "  owner: 'group:'", "empty-ref", `${prefix}spec.owner`));
  }
  const member = first(/^ {2}memberOf: \[/);
  if (within(member)) {
    out.push(
      replaceLine(
        lines,
        member,
        "  memberOf: ['group:']",
        "empty-ref",
        `${prefix}spec.memberOf[0]`,
      ),
    );
  }
  const targets = first(/^ {2}targets:$/);
  if (within(targets) && /^ {4}- \S/.test(lines[targets + 1] ?? "")) {
    out.push(
      replaceLine(lines, targets + 1, "    - ''", "empty-target", `${prefix}spec.targets[0]`),
    );
  }
  const name = first(/^ {2}name: \S/);
  if (within(name)) {
    out.push(
      replaceLine(
        lines,
        name,
        "  name: Not A Valid Name!",
        "invalid-name",
        `${prefix}metadata.name`,
      ),
    );
  }
  return out;
}

const BASE_SECTIONS = ["organization", "catalog", "integrations", "techdocs", "auth", "proxy"];

/** app-config: a database client, a location type, a builder, a provider shape, a missing database. */
function appConfigVariants(text: string): Variant[] {
  const value = loadAll(text)[0];
  const config = isRecord(value) ? value : {};
  const backend = isRecord(config.backend) ? config.backend : {};
  const lines = text.split("\n");
  const out: Variant[] = [];
  const first = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const isBase =
    backend.baseUrl !== undefined &&
    backend.listen !== undefined &&
    BASE_SECTIONS.filter((k) => k in config).length >= 2;
  const db = first(/^ {2}database:$/);
  if (isBase && db >= 0) {
    // Remove backend.database and its block: the finding is at `backend:`.
    let stop = db + 1;
    while (stop < lines.length && /^( {3,}|\s*#|$)/.test(lines[stop] ?? "")) stop += 1;
    const copy = [...lines.slice(0, db), ...lines.slice(stop)];
    out.push({
      defect: "base-without-database",
      text: copy.join("\n"),
      path: "backend.database",
      line: first(/^backend:$/) + 1,
    });
  }
  const client = first(/^ {4}client: \S/);
  if (client >= 0 && isRecord(backend.database)) {
    out.push(
      replaceLine(
        lines,
        client,
        "    client: postgres",
        "database-client",
        "backend.database.client",
      ),
    );
  }
  const guest = first(/^ {4}guest: \{\}$/);
  if (guest >= 0) {
    const copy = [...lines];
    copy.splice(guest, 1, "    github:", "      clientId: abc");
    out.push({
      defect: "oauth-provider-flat",
      text: copy.join("\n"),
      path: "auth.providers.github.clientId",
      line: guest + 2,
    });
  }
  const locations = first(/^ {2}locations:$/);
  const item =
    locations >= 0
      ? locations +
        1 +
        lines.slice(locations + 1).findIndex((l) => /\S/.test(l) && !/^\s*#/.test(l))
      : -1;
  if (item > locations && /^ {4}- type: (file|url)$/.test(lines[item] ?? "")) {
    out.push(
      replaceLine(lines, item, "    - type: files", "location-type", "catalog.locations[0].type"),
    );
  }
  const builder = first(/^ {2}builder: \S/);
  if (builder >= 0) {
    out.push(
      replaceLine(lines, builder, "  builder: remote", "techdocs-builder", "techdocs.builder"),
    );
  }
  if (out.length === 0) {
    // An overlay with none of those keys: a permission flag that is neither true nor false.
    const trimmed = text.endsWith("\n") ? text : `${text}\n`;
    const line = trimmed.split("\n").length + 1; // the `enabled:` line after `permission:`
    out.push({
      defect: "permission-flag",
      text: `${trimmed}permission:\n  enabled: maybe\n`,
      path: "permission.enabled",
      line,
    });
  }
  return out;
}

/** Two of a file's candidate defects, rotated by the file's position so every class is used. */
function pick(variants: Variant[], n: number): Variant[] {
  if (variants.length <= 2) return variants;
  const first = variants[n % variants.length] as Variant;
  const second = variants[(n + 1) % variants.length] as Variant;
  return [first, second];
}

rmSync(path.join(root, "broken"), { recursive: true, force: true });
index.broken = [];
for (const [n, real] of index.real.entries()) {
  const text = readFileSync(path.join(root, real.file), "utf8");
  const variants = real.kind === "app-config" ? appConfigVariants(text) : entityVariants(text);
  for (const v of pick(variants, n)) {
    const file = `broken/${real.kind}/${path.basename(real.file, ".yaml")}--${v.defect}.yaml`;
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), v.text);
    index.broken.push({
      file,
      from: real.file,
      defect: v.defect,
      expected: { path: v.path, line: v.line },
    });
  }
}
writeFileSync(path.join(root, "index.json"), `${JSON.stringify(index, null, 2)}\n`);
const byDefect = new Map<string, number>();
for (const b of index.broken) byDefect.set(b.defect, (byDefect.get(b.defect) ?? 0) + 1);
console.log(`${index.broken.length} broken variants`, Object.fromEntries(byDefect));
