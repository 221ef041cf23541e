import { describe, expect, it } from "vitest";
import { calibrate, simulate } from "./calibration";
import { CALIBRATION_BLUEPRINTS } from "./calibration-blueprints";

/**
 * The readiness model against known truth (see calibration.ts; `npm run bench:readiness` runs
 * the same simulation larger and prints the full table). Seeded, so it is deterministic.
 */
describe("readiness calibration by simulation", () => {
  const saa = CALIBRATION_BLUEPRINTS["aws-saa-c03"];
  const cba = CALIBRATION_BLUEPRINTS.cba;
  if (!saa || !cba) throw new Error("blueprints missing");
  const saaOutcomes = simulate(saa, 700, 3);
  const cbaOutcomes = simulate(cba, 500, 5);

  it("80% intervals hold the true expected score for 75–85% of candidates; Brier ≤ 0.12", () => {
    for (const outcomes of [saaOutcomes, cbaOutcomes]) {
      const c = calibrate(outcomes, "fresh");
      expect(c.coverage).toBeGreaterThanOrEqual(0.75);
      expect(c.coverage).toBeLessThanOrEqual(0.85);
      expect(c.brier).toBeLessThanOrEqual(0.12);
    }
  });

  it("counting repeats as evidence (the old rule) is worse where the bank forces repeats", () => {
    const fresh = calibrate(saaOutcomes, "fresh");
    const all = calibrate(saaOutcomes, "all");
    expect(fresh.brier).toBeLessThan(all.brier);
    expect(fresh.coverage).toBeGreaterThan(all.coverage + 0.1);
    // Repeats flatter: the old rule is optimistic.
    expect(all.bias).toBeGreaterThan(2);
    expect(Math.abs(fresh.bias)).toBeLessThan(all.bias);
  });
});
