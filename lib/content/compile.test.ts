import { describe, expect, it } from "vitest";
import { INVALID_QUESTIONS, INVALID_TRACKS } from "./__fixtures__/expected-problems";
import { type ContentFile, compileBank, formatProblems } from "./compile";
import { contentRoot, readContentFiles } from "./load.server";
import type { Bank, Problem } from "./types";

const FIXTURES = "lib/content/__fixtures__";

function compileFixture(name: string) {
  const dir = `${FIXTURES}/${name}`;
  return { files: readContentFiles(dir), root: contentRoot(dir) };
}

function problemsOf(name: string): string[] {
  const { files, root } = compileFixture(name);
  const result = compileBank(files, { root });
  if (result.ok) throw new Error(`fixture ${name} unexpectedly compiled`);
  return formatProblems(result.problems).replaceAll(`${root}/`, "").split("\n");
}

function bankOf(files: readonly ContentFile[], root: string): Bank {
  const result = compileBank(files, { root });
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.bank;
}

const valid = compileFixture("valid");

describe("valid multi-track fixture", () => {
  const bank = bankOf(valid.files, valid.root);

  it("compiles every track and question, ignoring drills/, README and track-level docs", () => {
    expect(valid.files.some((f) => f.path.endsWith("alpha/COVERAGE.md"))).toBe(true);
    expect([...bank.tracks.keys()]).toEqual(["alpha", "beta"]);
    expect(bank.questions.map((q) => q.id)).toEqual([
      "alp-catalog-001",
      "alp-templates-001",
      "bet-compute-001",
      "bet-storage-001",
    ]);
    expect(bank.questionsOf("alpha").map((q) => q.id)).toEqual([
      "alp-catalog-001",
      "alp-templates-001",
    ]);
    expect(bank.questionsOf("nope")).toEqual([]);
    expect(bank.byId.get("bet-storage-001")?.file).toBe(`${valid.root}/beta/storage/choose-two.md`);
  });

  it("types a single-answer question: keys, correctness, rationales, metadata", () => {
    const q = bank.byId.get("alp-catalog-001");
    expect(q).toBeDefined();
    if (!q) return;
    expect(q.trackId).toBe("alpha");
    expect(q.domain).toBe("catalog");
    expect(q.curriculum).toBe("cur-a");
    expect(q.type).toBe("single");
    expect(q.difficulty).toBe("medium");
    expect(q.tags).toEqual(["entity-kinds", "component"]);
    expect(q.sources).toEqual(["https://backstage.io/docs/overview/what-is-backstage"]);
    expect(q.options.map((o) => o.key)).toEqual(["A", "B", "C", "D"]);
    expect(q.options.map((o) => o.text)).toEqual([
      "spec.system",
      "spec.owner",
      "spec.providesApis",
      "spec.dependsOn",
    ]);
    expect(q.options[1]?.html).toBe("<code>spec.owner</code>");
    expect(q.options[1]?.rationaleHtml).toBe(
      "Required: every component names the group or user that owns it.",
    );
    expect(q.correctKeys).toEqual(["B"]);
    expect(q.options.filter((o) => o.correct).map((o) => o.key)).toEqual(["B"]);
    expect(q.chooseCount).toBe(1);
    expect(q.explanationHtml).toBe(
      "<p>A <code>Component</code> needs <code>spec.type</code>, <code>spec.lifecycle</code> and <strong><code>spec.owner</code></strong>.</p>",
    );
    expect(q.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("types a multiple-response question and a missing rationale", () => {
    const multi = bank.byId.get("bet-storage-001");
    expect(multi?.type).toBe("multiple");
    expect(multi?.correctKeys).toEqual(["A", "C"]);
    expect(multi?.chooseCount).toBe(2);
    expect(multi?.curriculum).toBeNull();
    const three = bank.byId.get("bet-compute-001");
    expect(three?.options).toHaveLength(3);
    expect(three?.options[1]?.rationaleHtml).toBeNull();
  });

  it("highlights code blocks at compile time", () => {
    const stem = bank.byId.get("alp-catalog-001")?.stemHtml ?? "";
    expect(stem).toContain('<pre><code class="hljs language-yaml">');
    expect(stem).toContain('<span class="hljs-attr">apiVersion:</span>');
    const explanation = bank.byId.get("alp-templates-001")?.explanationHtml ?? "";
    expect(explanation).toContain('<code class="hljs language-ts">');
    expect(explanation).toContain('<span class="hljs-keyword">const</span>');
  });

  it("sanitises HTML: no script, event handlers or javascript: URLs survive", () => {
    const q = bank.byId.get("alp-templates-001");
    const html = [q?.stemHtml, q?.explanationHtml, ...(q?.options ?? []).map((o) => o.html)].join(
      "\n",
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror|onclick/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<img/i);
    expect(q?.stemHtml).toBe(
      "<p>Which action publishes the repository? alert(&quot;stem&quot;)</p>\n<p><a>docs</a></p>",
    );
    expect(q?.options[0]?.html).toBe("<code>publish:github</code> bold");
    expect(q?.explanationHtml).toContain(
      '<a href="https://backstage.io/docs/features/software-templates/builtin-actions">built-in actions</a>',
    );
  });

  it("drops javascript: and every other unsafe link or image URL, keeping the link text", () => {
    const file = valid.files.find((f) => f.path.endsWith("owner-field.md"));
    if (!file) throw new Error("missing fixture");
    const links = [
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](javascript&#58;alert(1))",
      "[d](<java\tscript:alert(1)>) [e](vbscript:msgbox) [f](data:text/html,<b>x</b>)",
      "[g](file:///etc/passwd) [h][bad] <javascript:alert(1)> ![i](javascript:alert(1))",
      "![j](data:image/svg+xml,x) [ok](https://backstage.io/docs) [rel](/docs/x#y) [m](mailto:a@b.c)",
      "",
      "[bad]: javascript:alert(1)",
      "",
    ].join("\n");
    const others = valid.files.filter((f) => f !== file);
    const text = file.text.replace("Which `spec` field", `${links}\nWhich \`spec\` field`);
    const stem = bankOf([...others, { path: file.path, text }], valid.root).byId.get(
      "alp-catalog-001",
    )?.stemHtml;
    expect(stem).toBeDefined();
    const html = stem ?? "";
    expect(html).not.toMatch(/(?:href|src)="\s*(?:javascript|vbscript|data|file|java)/i);
    expect(html.match(/href="[^"]*"/g)).toEqual([
      'href="https://backstage.io/docs"',
      'href="/docs/x#y"',
      'href="mailto:a@b.c"',
    ]);
    expect(html.match(/src="[^"]*"/g)).toBeNull();
    for (const label of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      expect(html).toContain(`<a>${label}</a>`);
    }
    expect(html).toContain('<img alt="i">');
  });

  it("exposes every track.yaml fact, camelCased", () => {
    const alpha = bank.tracks.get("alpha");
    expect(alpha?.blueprint).toBe("curriculum");
    expect(alpha?.passing).toEqual({ score: 75, scale: "percent", min: 0, max: 100, note: null });
    expect(alpha?.singleOptionCount).toBe(4);
    expect(alpha?.questionTypes).toEqual(["single"]);
    expect(alpha?.validityYears).toBe(2);
    expect(alpha?.domains.map((d) => [d.id, d.weight])).toEqual([
      ["catalog", null],
      ["templates", null],
    ]);
    expect(alpha?.curriculum.map((d) => [d.id, d.weight])).toEqual([
      ["cur-a", 60],
      ["cur-b", 40],
    ]);
    expect(alpha?.domains[0]?.notesHtml).toBe(
      "<ul>\n<li>Learn the <code>Component</code> fields.</li>\n</ul>",
    );
    expect(alpha?.domains[1]?.docs).toEqual([
      {
        title: "Writing templates",
        url: "https://backstage.io/docs/features/software-templates/writing-templates",
      },
    ]);
    const beta = bank.tracks.get("beta");
    expect(beta?.passing).toEqual({
      score: 700,
      scale: "scaled",
      min: 100,
      max: 1000,
      note: "The vendor publishes no conversion, so the scaled score is an estimate.",
    });
    expect(beta?.curriculum).toEqual([]);
    expect(beta?.singleOptionCount).toBeNull();
    expect(beta?.path).toEqual({
      id: "example-cloud-path",
      name: "Example cloud path",
      order: 2,
      recommendedExperience: "A year.",
      typicalPrep: "Two weeks.",
      prerequisites: ["Alpha Associate"],
      examTips: ["Eliminate wrong answers first."],
      focus: null,
    });
  });

  it("returns a deeply frozen bank", () => {
    const q = bank.questions[0];
    expect(Object.isFrozen(bank)).toBe(true);
    expect(Object.isFrozen(bank.questions)).toBe(true);
    expect(Object.isFrozen(q?.options[0])).toBe(true);
    expect(Object.isFrozen(bank.tracks.get("alpha")?.domains[0]?.docs)).toBe(true);
    expect(() => (bank.questions as unknown as unknown[]).push(1)).toThrow(TypeError);
    expect(() => (bank.byId as Map<string, unknown>).set("x", 1)).toThrow(TypeError);
    expect(() => (bank.tracks as Map<string, unknown>).delete("alpha")).toThrow(TypeError);
  });
});

describe("hash", () => {
  const file = valid.files.find((f) => f.path.endsWith("owner-field.md"));
  if (!file) throw new Error("missing fixture");
  const others = valid.files.filter((f) => f !== file);
  const hashWith = (text: string) =>
    bankOf([...others, { path: file.path, text }], valid.root).byId.get("alp-catalog-001")?.hash;
  const original = hashWith(file.text);

  it("is stable across compiles and line-ending styles", () => {
    expect(hashWith(file.text)).toBe(original);
    expect(hashWith(file.text.replace(/\n/g, "\r\n"))).toBe(original);
    expect(hashWith(file.text.replace("## Explanation", "## Explanation   "))).toBe(original);
  });

  it("is unchanged from the remark-based compiler (pinned values)", () => {
    // Options starting with inline code (alp-*) and with plain text (bet-*) hash differently.
    const bank = bankOf(valid.files, valid.root);
    expect(Object.fromEntries(bank.questions.map((q) => [q.id, q.hash.slice(0, 16)]))).toEqual({
      "alp-catalog-001": "78caa4dd0d7c2c20",
      "alp-templates-001": "b2e41147a743611d",
      "bet-compute-001": "e748da4290cea881",
      "bet-storage-001": "b098ef4c3960f62f",
    });
  });

  it("changes when the answer key flips", () => {
    const flipped = file.text
      .replace("- [x] `spec.owner`", "- [ ] `spec.owner`")
      .replace("- [ ] `spec.system`", "- [x] `spec.system`");
    const h = hashWith(flipped);
    expect(h).toBeDefined();
    expect(h).not.toBe(original);
  });

  it("changes with the stem, an option, a rationale or the explanation", () => {
    for (const [from, to] of [
      ["still declare?", "declare?"],
      ["`spec.dependsOn`\n", "`spec.consumesApis`\n"],
      ["used only to record dependencies.", "records dependencies."],
      ["**`spec.owner`**.", "`spec.owner`."],
    ] as const) {
      expect(hashWith(file.text.replace(from, to))).not.toBe(original);
    }
  });

  it("ignores metadata that changes neither what is shown nor how it is graded", () => {
    expect(hashWith(file.text.replace("tags: [entity-kinds, component]", "tags: []"))).toBe(
      original,
    );
    expect(hashWith(file.text.replace("difficulty: medium", "difficulty: hard"))).toBe(original);
  });
});

describe("every rule reports file:line: message", () => {
  const actual = problemsOf("invalid");

  it("reports exactly the expected problems of the invalid question fixtures, sorted", () => {
    expect(actual).toEqual(INVALID_QUESTIONS);
  });

  it.each(INVALID_QUESTIONS)("%s", (line) => {
    expect(actual).toContain(line);
  });

  const trackProblems = problemsOf("bad-tracks");

  it("reports exactly the expected problems of the invalid track.yaml fixtures", () => {
    expect(trackProblems).toEqual(INVALID_TRACKS);
  });

  it.each(INVALID_TRACKS)("%s", (line) => {
    expect(trackProblems).toContain(line);
  });

  it("points a track.yaml syntax error at the parser's line", () => {
    // Kept in memory: a broken YAML file in the repo would fail `biome check`.
    const result = compileBank([
      { path: "content/broken/track.yaml", text: "id: broken\ntitle: [unclosed\n" },
    ]);
    expect(result.ok ? "" : formatProblems(result.problems)).toBe(
      "content/broken/track.yaml:3: YAML syntax error: deficient indentation",
    );
  });

  it("ignores drills/ folders even when they hold invalid files", () => {
    expect(actual.some((p) => p.includes("drills"))).toBe(false);
  });
});

describe("compileBank robustness", () => {
  it("never throws on hostile or broken input", () => {
    const base = `${valid.root}/beta/storage`;
    const inputs = [
      "",
      "---",
      "---\n---\n",
      "\u0000\u0001binary",
      "---\n: : :\n---\n",
      "---\nid: [\n",
    ];
    for (const text of inputs) {
      const result = compileBank([...valid.files, { path: `${base}/broken.md`, text }], {
        root: valid.root,
      });
      expect(result.ok).toBe(false);
    }
  });

  it("rejects files outside the content root", () => {
    const result = compileBank([{ path: "elsewhere/x.md", text: "" }], { root: "content" });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: "elsewhere/x.md",
          line: 1,
          message: "the file is outside the content folder `content`",
        },
      ],
    });
  });

  it("formats problems as sorted path:line: message lines", () => {
    const problems: Problem[] = [
      { file: "b.md", line: 2, message: "z" },
      { file: "a.md", line: 10, message: "y" },
      { file: "a.md", line: 9, message: "x" },
    ];
    expect(formatProblems(problems)).toBe("a.md:9: x\na.md:10: y\nb.md:2: z");
  });
});
