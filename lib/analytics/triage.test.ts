import { describe, expect, it } from "vitest";
import type { ItemStats } from "@/lib/analytics/item-stats";
import {
  fixed2,
  isSortKey,
  percent,
  repoContentPath,
  sortRows,
  type TriageRow,
} from "@/lib/analytics/triage";

const stats = (n: number, pointBiserial: number | null, flags: ItemStats["flags"] = []) =>
  ({ n, pointBiserial, flags }) as unknown as ItemStats;

const rows: TriageRow[] = [
  { questionId: "a", stats: stats(40, 0.3), reports: 0 },
  { questionId: "b", stats: stats(35, -0.2, ["low-discrimination", "key-suspect"]), reports: 2 },
  { questionId: "c", stats: stats(5, null), reports: 1 },
  { questionId: "d", stats: null, reports: 0 },
  { questionId: "e", stats: stats(50, 0.05, ["low-discrimination"]), reports: 2 },
];
const ids = (r: TriageRow[]) => r.map((x) => x.questionId);

describe("sortable lists", () => {
  it("most reported, ties by responses", () => {
    expect(ids(sortRows(rows, "reported"))).toEqual(["e", "b", "c", "a", "d"]);
  });
  it("flagged only, most flags first", () => {
    expect(ids(sortRows(rows, "flagged"))).toEqual(["b", "e"]);
  });
  it("lowest discrimination, without the unmeasured", () => {
    expect(ids(sortRows(rows, "discrimination"))).toEqual(["b", "e", "a"]);
  });
  it("least answered", () => {
    expect(ids(sortRows(rows, "answered"))).toEqual(["d", "c", "b", "a", "e"]);
  });
  it("reads sort keys and formats numbers", () => {
    expect([isSortKey("flagged"), isSortKey("constructor"), isSortKey(3)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([fixed2(0.456), fixed2(null), percent(0.834), percent(undefined)]).toEqual([
      "0.46",
      "—",
      "83%",
      "—",
    ]);
  });
});

describe("repository path of a question file", () => {
  it("maps the bank folder in use back to content/", () => {
    expect(repoContentPath("content/cba/catalog/q.md", "content")).toBe("content/cba/catalog/q.md");
    expect(repoContentPath(".data/e2e-content/cba/x.md", ".data/e2e-content")).toBe(
      "content/cba/x.md",
    );
    expect(repoContentPath("elsewhere/q.md", "content")).toBe("elsewhere/q.md");
  });
});
