import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { compileDrill, verifyDrill } from "./drill";

const run = promisify(execFile);
const domains = new Set(["catalog"]);

const drillText = (over: { fm?: string; starter?: string; model?: string } = {}) => `---
id: drill-sample
title: A sample
domain: catalog
difficulty: easy
target: catalog
docs:
  - title: Descriptor format
    url: https://backstage.io/docs/features/software-catalog/descriptor-format
rubric:
  - path: spec.owner
    ref: group:team-a
    message: Owned by team-a.
${over.fm ?? ""}---

## Task

Describe it.
${over.starter === undefined ? "" : `\n## Starter\n\n\`\`\`yaml\n${over.starter}\`\`\`\n`}
## Model answer

\`\`\`yaml
${over.model ?? "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: s\nspec:\n  owner: team-a\n"}\`\`\`

## Explanation

Because.
`;

describe("drill files", () => {
  it("compile to a typed drill", () => {
    const { drill, problems } = compileDrill(
      { path: "content/cba/drills/sample.md", text: drillText() },
      "cba",
      domains,
    );
    expect(problems).toEqual([]);
    expect(drill).toMatchObject({ id: "drill-sample", target: "catalog", starter: null });
    expect(drill?.taskHtml).toBe("<p>Describe it.</p>");
  });

  it("report front-matter and rubric problems at their lines", () => {
    const { problems } = compileDrill(
      {
        path: "d.md",
        text: drillText({
          fm: "  - path: kind\n    equals: System\n    exists: true\n    message: two operators\n",
        }),
      },
      "cba",
      domains,
    );
    expect(problems[0]).toMatchObject({ file: "d.md", line: 14 });
    expect(problems[0]?.message).toMatch(/exactly one operator/);
  });

  it("fail verification when the model answer fails or the starter already passes", async () => {
    const wrongModel = compileDrill(
      {
        path: "d.md",
        text: drillText({
          model:
            "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: s\nspec:\n  owner: team-b\n",
        }),
      },
      "cba",
      domains,
    ).drill;
    expect((await verifyDrill(wrongModel ?? never()))[0]?.message).toMatch(
      /model answer fails: spec.owner/,
    );
    const solvedStarter = compileDrill(
      {
        path: "d.md",
        text: drillText({
          starter:
            "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: s\nspec:\n  owner: team-a\n",
        }),
      },
      "cba",
      domains,
    ).drill;
    expect((await verifyDrill(solvedStarter ?? never()))[0]?.message).toMatch(
      /starter already passes/,
    );
  });
});

function never(): never {
  throw new Error("expected a drill");
}

// Each case starts tsx: allow for a loaded 2-core CI machine.
describe("npm run yaml:check", { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yaml-check-"));
  const cli = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/yaml-check.ts", ...args], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      timeout: 50_000,
    }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );

  it("exits 0 with valid JSON for a valid file, 1 with findings for an invalid one", async () => {
    const good = path.join(dir, "good.yaml");
    writeFileSync(
      good,
      "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: s\nspec:\n  owner: a\n",
    );
    expect(await cli(good)).toEqual({ code: 0, out: '{"valid":true,"findings":[]}\n' });
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(
      bad,
      "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: u\nspec:\n  memberOf: a\n",
    );
    const result = await cli(bad);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out).findings[0]).toMatchObject({
      path: "spec.memberOf",
      line: 6,
      column: 3,
    });
  });

  it("judges a file as a drill asks, and exits 2 on usage errors", async () => {
    const file = path.join(dir, "drill.yaml");
    writeFileSync(
      file,
      "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: jane.doe\nspec:\n  memberOf: [team-payments]\n",
    );
    const result = await cli(file, "--drill", "drill-user-memberof");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ valid: true, passed: false });
    expect((await cli()).code).toBe(2);
    expect((await cli(file, "--drill", "drill-nope")).code).toBe(2);
    expect((await cli(path.join(dir, "missing.yaml"))).code).toBe(2);
    expect((await cli(file, "--bogus")).code).toBe(2);
  });

  it("refuses hostile input quickly instead of hanging", async () => {
    const huge = path.join(dir, "huge.yaml");
    writeFileSync(huge, Buffer.alloc(5 * 1024 * 1024, 0x61));
    const result = await cli(huge);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out).findings[0].message).toMatch(/too large/);
  });
});
