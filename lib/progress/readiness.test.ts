import { describe, expect, it } from "vitest";
import { readiness } from "@/lib/progress/readiness";

const r = (percent: number, passed = percent >= 75) => ({ percent, passed });

describe("readiness", () => {
  it("is ready only after three mocks in a row at or above 85% that also pass", () => {
    expect(readiness([r(60), r(86), r(90), r(88)])).toEqual({
      ready: true,
      summary: "Ready: your last 3 mocks were all at or above 85%.",
    });
    expect(readiness([r(90), r(84), r(95)]).ready).toBe(false);
    expect(readiness([r(90), r(90), r(90, false)]).ready).toBe(false);
  });

  it("says what is missing", () => {
    expect(readiness([]).summary).toBe(
      "Not ready yet: take a baseline mock, then aim for 3 in a row at 85% or more.",
    );
    expect(readiness([r(50)]).summary).toBe(
      "Not ready yet: 0 of the last 1 mock at or above 85%, and 2 more mocks needed for a streak of 3.",
    );
    expect(readiness([r(70), r(86), r(92)]).summary).toBe(
      "Not ready yet: 2 of the last 3 mocks at or above 85%.",
    );
  });
});
