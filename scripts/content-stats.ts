/**
 * `npm run content:stats -- [--track cba] [--format table|csv|json] [--flagged] [--min-n 30]`:
 * the item statistics of the question bank from the database (every version with responses,
 * the current one first), so a reviewer can see a question's history before changing it.
 * The data goes to stdout, progress to stderr.
 */
import { parseArgs } from "node:util";
import { type StatsRow, toCsv, toJson, toTable } from "@/lib/analytics/format";
import { DEFAULT_MIN_N } from "@/lib/analytics/item-stats";
import { computeItemStats } from "@/lib/analytics/item-stats.server";
import { openReportCounts } from "@/lib/analytics/reports.server";
import { createDb } from "@/lib/prisma.server";
import { openDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";

const FORMATS = { table: toTable, csv: toCsv, json: toJson } as const;

function fail(message: string): never {
  console.error(message);
  console.error(
    "Usage: npm run content:stats -- [--track <id>] [--format table|csv|json] [--flagged] [--min-n <n>]",
  );
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      track: { type: "string" },
      format: { type: "string", default: "table" },
      flagged: { type: "boolean", default: false },
      "min-n": { type: "string" },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const format = args.format as keyof typeof FORMATS;
if (!Object.hasOwn(FORMATS, format)) fail(`Unknown --format ${args.format}.`);
const minN = args["min-n"] === undefined ? DEFAULT_MIN_N : Number(args["min-n"]);
if (!Number.isInteger(minN) || minN < 1) fail("--min-n must be a positive whole number.");

const database = await openDatabase();
console.error(`Database: ${database.description}`);
const db = createDb(database.url);
try {
  const bank = await prepareDatabase(database.url, db, (line) => console.error(line));
  if (args.track && !bank.tracks.has(args.track)) fail(`Unknown track ${args.track}.`);
  const [stats, reports] = await Promise.all([
    computeItemStats(
      db,
      { trackId: args.track, minN },
      (id) => bank.byId.get(id)?.options.map((o) => o.key) ?? [],
    ),
    openReportCounts(db),
  ]);
  const rows: StatsRow[] = stats
    .map(({ versionCreatedAt: _created, ...s }) => ({
      ...s,
      openReports: s.current ? (reports.get(s.questionId) ?? 0) : 0,
    }))
    .filter((s) => !args.flagged || s.flags.length > 0)
    .sort(
      (a, b) => a.questionId.localeCompare(b.questionId) || Number(b.current) - Number(a.current),
    );
  console.log(FORMATS[format](rows));
  console.error(`${rows.length} question version(s); flags need ${minN} responses.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
