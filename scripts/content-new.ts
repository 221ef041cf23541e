/**
 * npm run content:new -- --track cba --domain catalog [--type multiple] [--slug owner-field]
 *
 * Writes content/<track>/<domain>/<slug>.md with the next free id and a template that fails
 * `npm run content:check` until every TODO(author) placeholder is replaced. Prints the path.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { defaultContentDir, readContentFiles } from "@/lib/content/load.server";
import { frontMatterId, nextQuestionId, scaffoldQuestion } from "@/lib/content/scaffold";
import { KEBAB } from "@/lib/content/schema";
import { parseTrack } from "@/lib/content/track";

function fail(message: string): never {
  console.error(`content:new: ${message}`);
  console.error(
    "usage: npm run content:new -- --track <track> --domain <domain> [--type single|multiple] [--slug <kebab-slug>]",
  );
  process.exit(2);
}

const dir = defaultContentDir();
let raw: ReturnType<typeof parseArgs>["values"];
try {
  raw = parseArgs({
    options: {
      track: { type: "string" },
      domain: { type: "string" },
      type: { type: "string", default: "single" },
      slug: { type: "string" },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}

const trackIds = existsSync(dir)
  ? readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "track.yaml")))
      .map((e) => e.name)
      .sort()
  : [];

const args = z
  .object({
    track: z
      .string({ error: `--track is required (one of: ${trackIds.join(", ")})` })
      .refine((t) => trackIds.includes(t), {
        error: (issue) => `unknown track "${String(issue.input)}" (one of: ${trackIds.join(", ")})`,
      }),
    domain: z.string({ error: "--domain is required" }),
    type: z.enum(["single", "multiple"], { error: "--type must be single or multiple" }),
    slug: z.string().regex(KEBAB, "--slug must be kebab-case, e.g. owner-field").optional(),
  })
  .safeParse(raw);
if (!args.success) fail(args.error.issues.map((i) => i.message).join("; "));
const { track: trackId, domain, type, slug } = args.data;

const trackFile = join(dir, trackId, "track.yaml");
const parsed = parseTrack(
  relative(process.cwd(), trackFile),
  readFileSync(trackFile, "utf8"),
  trackId,
);
if (!parsed.track) {
  fail(`${trackId}/track.yaml is invalid; run npm run content:check first`);
}
const track = parsed.track;
if (!track.domains.some((d) => d.id === domain)) {
  fail(
    `unknown domain "${domain}" for track ${trackId} (one of: ${track.domains.map((d) => d.id).join(", ")})`,
  );
}
if (!track.questionTypes.includes(type)) {
  fail(
    `track ${trackId} does not allow --type ${type} (allowed: ${track.questionTypes.join(", ")})`,
  );
}

// Next free number over every question file of the whole bank (ids are unique bank-wide).
const ids = readContentFiles(dir)
  .filter((f) => f.path.endsWith(".md"))
  .map((f) => frontMatterId(f.text))
  .filter((id): id is string => id !== null);
const id = nextQuestionId(track.idPrefix, domain, ids);
const fileSlug = slug ?? `draft-${id}`;
const folder = join(dir, trackId, domain);
const target = join(folder, `${fileSlug}.md`);
if (existsSync(target))
  fail(`${relative(process.cwd(), target)} already exists; pass another --slug`);
mkdirSync(folder, { recursive: true });
writeFileSync(target, scaffoldQuestion(track, domain, type, id), { flag: "wx" });
console.log(relative(process.cwd(), target));
console.error(
  `created ${id}; replace every TODO(author), rename the file to a descriptive slug, then run npm run content:check`,
);
