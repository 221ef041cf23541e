import { describe, expect, it } from "vitest";
import { htmlText, searchQuestions } from "@/lib/author";
import type { Question } from "@/lib/content/types";

const q = (
  id: string,
  trackId: string,
  domain: string,
  stemHtml: string,
  tags: string[] = [],
  options: string[] = [],
) =>
  ({
    id,
    trackId,
    domain,
    stemHtml,
    tags,
    options: options.map((text) => ({ text })),
  }) as unknown as Question;

const bank = [
  q("cba-catalog-001", "cba", "catalog", "<p>Which field does a <code>Component</code> need?</p>", [
    "entity-kinds",
  ]),
  q(
    "cba-templates-002",
    "cba",
    "templates",
    "<p>What does <code>fetch:template</code> do?</p>",
    [],
    ["Copies &amp; renders a skeleton"],
  ),
  q("clf-billing-001", "aws-clf-c02", "billing", "<p>Which plan includes a TAM?</p>", [
    "support-plans",
  ]),
];

describe("searchQuestions", () => {
  it("matches id, tags, stem text and option text, all words, case-insensitively", () => {
    expect(searchQuestions(bank, { q: "CBA-CATALOG" }).map((x) => x.id)).toEqual([
      "cba-catalog-001",
    ]);
    expect(searchQuestions(bank, { q: "support-plans" }).map((x) => x.id)).toEqual([
      "clf-billing-001",
    ]);
    expect(searchQuestions(bank, { q: "component need" }).map((x) => x.id)).toEqual([
      "cba-catalog-001",
    ]);
    expect(searchQuestions(bank, { q: "copies & renders" }).map((x) => x.id)).toEqual([
      "cba-templates-002",
    ]);
    expect(searchQuestions(bank, { q: "component tam" })).toEqual([]);
  });

  it("filters by track and domain", () => {
    expect(searchQuestions(bank, { track: "cba" })).toHaveLength(2);
    expect(searchQuestions(bank, { track: "cba", domain: "templates" }).map((x) => x.id)).toEqual([
      "cba-templates-002",
    ]);
  });
});

describe("htmlText", () => {
  it("drops tags and decodes the entities the renderer emits", () => {
    expect(htmlText("<p>a &lt;b&gt;  <code>c</code></p>")).toBe("a <b> c");
  });
});
