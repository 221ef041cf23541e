/**
 * `npm run db:sql -- --name <change>`: writes the SQL migration for a change to
 * prisma/schema.prisma, without Prisma 7's schema-engine binary (see docs/decisions/0002).
 *
 * It diffs the schema at a git revision (default HEAD) against the working copy with
 * `prisma migrate diff`, run by Prisma 6.19's JavaScript schema engine. That toolchain is
 * installed once from the npm registry into node_modules/.cache/ on first use. The engine
 * wants a database connection even for a schema-to-schema diff: DATABASE_URL, or an embedded one.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "./lib/database";

const ROOT = path.resolve(import.meta.dirname, "..");
const TOOLCHAIN = path.join(ROOT, "node_modules", ".cache", "passmark-prisma6");
const PRISMA6 = ["prisma@6.19.3", "@prisma/adapter-pg@6.19.3", "pg@8"];

const args = z
  .object({
    name: z.string().regex(/^[a-z0-9_]+$/, "--name takes snake_case, e.g. add_attempt_events"),
    from: z.string().min(1).default("HEAD"),
    print: z.boolean().default(false),
  })
  .safeParse(
    parseArgs({
      options: { name: { type: "string" }, from: { type: "string" }, print: { type: "boolean" } },
    }).values,
  );
if (!args.success) {
  console.error(
    `usage: npm run db:sql -- --name <snake_case> [--from <git-rev>] [--print]\n${z.prettifyError(args.error)}`,
  );
  process.exit(2);
}
const { name, from, print } = args.data;

/** Prisma 6's engine wants a datasource url and no prisma-client generator. */
function forPrisma6(schema: string): string {
  return schema
    .replace(/^generator\s+\w+\s*\{[^}]*\}\s*$/gm, "")
    .replace(
      /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"postgresql")/,
      '$1\n  url      = env("DATABASE_URL")',
    );
}

function ensureToolchain() {
  if (existsSync(path.join(TOOLCHAIN, "node_modules", "prisma", "package.json"))) return;
  console.log(`Installing ${PRISMA6.join(", ")} into ${path.relative(ROOT, TOOLCHAIN)} (once)…`);
  mkdirSync(TOOLCHAIN, { recursive: true });
  writeFileSync(
    path.join(TOOLCHAIN, "package.json"),
    '{ "name": "passmark-prisma6", "private": true }\n',
  );
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", ...PRISMA6], {
    cwd: TOOLCHAIN,
    stdio: "inherit",
  });
  writeFileSync(
    path.join(TOOLCHAIN, "prisma.config.ts"),
    `import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "to.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
});
`,
  );
}

let oldSchema: string | null = null;
try {
  oldSchema = execFileSync("git", ["show", `${from}:prisma/schema.prisma`], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
} catch {
  console.log(`prisma/schema.prisma does not exist at ${from}: diffing from an empty database.`);
}
const newSchema = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");

ensureToolchain();
writeFileSync(path.join(TOOLCHAIN, "to.prisma"), forPrisma6(newSchema));
if (oldSchema !== null) writeFileSync(path.join(TOOLCHAIN, "from.prisma"), forPrisma6(oldSchema));

const database = await openDatabase("test");
const diff = spawnSync(
  path.join(TOOLCHAIN, "node_modules", ".bin", "prisma"),
  [
    "migrate",
    "diff",
    ...(oldSchema === null ? ["--from-empty"] : ["--from-schema-datamodel", "from.prisma"]),
    "--to-schema-datamodel",
    "to.prisma",
    "--script",
  ],
  {
    cwd: TOOLCHAIN,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
      PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  },
);
await database.stop();
if (diff.status !== 0) {
  console.error(diff.stderr || diff.stdout);
  process.exit(1);
}
const sql = diff.stdout;
if (!sql.trim() || /empty migration/i.test(sql)) {
  console.log(`No schema change between ${from} and the working copy: nothing to write.`);
  process.exit(0);
}
if (print) {
  process.stdout.write(sql);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(ROOT, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(
  `Wrote ${path.relative(ROOT, dir)}/migration.sql — review it, then run npm run db:migrate.`,
);
