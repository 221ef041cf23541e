import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/content/load.server";

/** content/cba/COVERAGE.md maps the coverage bullets to question ids; keep it honest. */
describe("CBA coverage map", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const text = readFileSync(path.join(root, "content/cba/COVERAGE.md"), "utf8");
  const listed = new Set(text.match(/\bcba-[a-z]+-\d{3}\b/g) ?? []);
  const bank = loadBank(path.join(root, "content"));
  const ids = new Set(bank.questionsOf("cba").map((q) => q.id));

  it("names only questions that exist", () => {
    expect([...listed].filter((id) => !ids.has(id))).toEqual([]);
  });

  it("lists every CBA question under at least one bullet", () => {
    expect([...ids].filter((id) => !listed.has(id))).toEqual([]);
  });
});
