/**
 * npm run -s yaml:check -- <file> [--drill <id>]
 *
 * Checks a YAML file with Backstage's own validators (lib/drills) and prints ONE JSON object:
 * { "valid": bool, ["passed": bool,] "findings": [{ "severity", "message", "path", "line", "column" }] }.
 * Without --drill the file is judged by its content alone (entities, a template, or app-config);
 * with --drill it is judged as that drill asks, rubric included.
 * Exit 0 valid (and passed, with --drill), 1 invalid, 2 usage error. Never hangs on hostile input:
 * the file is read only up to the size limit.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { runCheck } from "@/lib/drills/cli";
import { loadDrills } from "@/lib/drills/load.server";
import { MAX_BYTES } from "@/lib/drills/yaml";

function usage(message: string): never {
  console.log(
    JSON.stringify({ error: message, usage: "npm run -s yaml:check -- <file> [--drill <id>]" }),
  );
  process.exit(2);
}

let parsed: ReturnType<
  typeof parseArgs<{ options: { drill: { type: "string" } }; allowPositionals: true }>
>;
try {
  parsed = parseArgs({
    options: { drill: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length > 0) usage("give exactly one file");

let bytes: Uint8Array;
try {
  if (!statSync(file).isFile()) usage(`${file} is not a file`);
  // Read at most one byte past the limit: enough to refuse an oversized file, whatever its size.
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(MAX_BYTES + 1);
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  bytes = buffer.subarray(0, length);
} catch (error) {
  usage(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
}

let drill = null;
if (parsed.values.drill !== undefined) {
  drill = loadDrills().byId.get(parsed.values.drill) ?? null;
  if (!drill) usage(`no drill with id ${parsed.values.drill}`);
}

const { output, code } = await runCheck(bytes, drill);
console.log(JSON.stringify(output));
process.exit(code);
