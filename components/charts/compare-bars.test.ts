import { describe, expect, it } from "vitest";
import { SERIES, SERIES_COLUMNS } from "./compare-bars";

describe("compare bars' labels", () => {
  it("name the third series the best mock, not each domain's best", () => {
    expect(SERIES.map((s) => s.label)).toEqual(["Baseline", "Latest", "Best mock"]);
    expect(SERIES_COLUMNS).toEqual(["Baseline", "Latest", "Best mock"]);
  });
});
