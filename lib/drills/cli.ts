import { checkYaml } from "./check";
import type { Drill } from "./drill";

/**
 * What `npm run yaml:check` prints and how it exits, for bytes already read: ONE JSON object
 * { valid, [passed,] findings } and exit 0 (valid, and passed with a drill) or 1. The script only
 * reads the file and parses arguments (exit 2 on usage errors). Pure, so tests run it directly.
 */

export type CliFinding = {
  severity: "error" | "warning";
  message: string;
  path: string;
  line: number;
  column: number;
};
export type CliOutput =
  | { valid: boolean; findings: CliFinding[] }
  | { valid: boolean; passed: boolean; findings: CliFinding[] };

export async function runCheck(
  bytes: Uint8Array | string,
  drill: Pick<Drill, "target" | "rubric"> | null,
): Promise<{ output: CliOutput; code: 0 | 1 }> {
  const result = await checkYaml(
    bytes,
    drill ? { target: drill.target, rubric: drill.rubric } : {},
  );
  const findings = result.findings.map(({ severity, message, path, line, column }) => ({
    severity,
    message,
    path,
    line,
    column,
  }));
  const output = drill
    ? { valid: result.valid, passed: result.passed, findings }
    : { valid: result.valid, findings };
  return { output, code: (drill ? result.passed : result.valid) ? 0 : 1 };
}
