import { describe, expect, it } from "vitest";
import { compileBank } from "./compile";
import { contentRoot, readContentFiles } from "./load.server";
import { frontMatterId, nextQuestionId, scaffoldQuestion } from "./scaffold";

const dir = "lib/content/__fixtures__/valid";
const root = contentRoot(dir);
const files = readContentFiles(dir);
const valid = compileBank(files, { root });
if (!valid.ok) throw new Error("valid fixture must compile");
const alpha = valid.bank.tracks.get("alpha");
const beta = valid.bank.tracks.get("beta");
if (!alpha || !beta) throw new Error("fixture tracks missing");

describe("nextQuestionId", () => {
  it("numbers from 001 and continues above the highest id of that domain", () => {
    expect(nextQuestionId("cba", "catalog", [])).toBe("cba-catalog-001");
    expect(
      nextQuestionId("cba", "catalog", [
        "cba-catalog-001",
        "cba-catalog-017",
        "cba-templates-040",
        "x",
      ]),
    ).toBe("cba-catalog-018");
  });
});

describe("frontMatterId", () => {
  it("reads the id even from an otherwise invalid file, and never throws", () => {
    expect(frontMatterId("---\nid: clf-cloud-concepts-004\ntype: nope\n---\n")).toBe(
      "clf-cloud-concepts-004",
    );
    expect(frontMatterId("no front matter")).toBeNull();
    expect(frontMatterId("---\nid: [\n---\n")).toBeNull();
  });
});

describe("scaffoldQuestion", () => {
  for (const [track, domain, type] of [
    [alpha, "catalog", "single"],
    [beta, "storage", "multiple"],
  ] as const) {
    it(`fails the check until every placeholder is replaced (${track.id}, ${type})`, () => {
      const text = scaffoldQuestion(track, domain, type, `${track.idPrefix}-${domain}-009`);
      const path = `${root}/${track.id}/${domain}/draft.md`;
      const result = compileBank([...files, { path, text }], { root });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const markers = result.problems.filter((p) => p.message.startsWith("unfinished:"));
      const todoLines = text.split("\n").filter((l) => l.includes("TODO(author)")).length;
      expect(markers).toHaveLength(todoLines);
      expect(result.problems.every((p) => p.file === path)).toBe(true);
    });
  }

  it("passes once the author fills it in", () => {
    const text = scaffoldQuestion(beta, "storage", "multiple", "bet-storage-009")
      .replace("TODO(author) easy | medium | hard", "easy")
      .replace(/ TODO\(author\) the official page that proves the answer/, "")
      .replace(
        /TODO\(author\) Write the scenario and the question\. End the stem with: /,
        "Which two? ",
      )
      .replaceAll(/TODO\(author\) /g, "");
    const result = compileBank([...files, { path: `${root}/beta/storage/filled.md`, text }], {
      root,
    });
    expect(result.ok).toBe(true);
  });
});
