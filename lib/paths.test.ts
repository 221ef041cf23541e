import { describe, expect, it } from "vitest";
import type { Track } from "@/lib/content/types";
import { certificationPaths } from "@/lib/paths";

const track = (id: string, pathId: string, order: number, tips: string[]) =>
  ({ id, path: { id: pathId, name: `${pathId} path`, order, examTips: tips } }) as unknown as Track;

describe("certificationPaths", () => {
  it("groups tracks by path, orders the steps and de-duplicates the tips", () => {
    const paths = certificationPaths([
      track("sap", "aws", 3, ["Read the last line first.", "Flag and move on."]),
      track("clf", "aws", 1, ["Flag and move on."]),
      track("cba", "backstage", 1, ["Watch qualifiers."]),
      track("saa", "aws", 2, ["Eliminate wrong answers."]),
    ]);
    expect(paths.map((p) => [p.id, p.steps.map((s) => s.id)])).toEqual([
      ["aws", ["clf", "saa", "sap"]],
      ["backstage", ["cba"]],
    ]);
    expect(paths[0]?.tips).toEqual([
      "Flag and move on.",
      "Eliminate wrong answers.",
      "Read the last line first.",
    ]);
  });

  it("returns no paths for no tracks", () => {
    expect(certificationPaths([])).toEqual([]);
  });
});
