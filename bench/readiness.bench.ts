/**
 * `npm run bench:readiness`: the calibration of the readiness model (lib/progress/prediction.ts),
 * by simulation (lib/progress/calibration.ts), on the CBA and SAA blueprints. Prints, per
 * blueprint, the new rule (fresh responses only) against the old one (repeats counted as
 * evidence): 80%-interval coverage, Brier score of P(pass), the worst reliability gap over
 * deciles with ≥ 50 candidates, and the mean bias of the expected score; then the reliability
 * table of the new rule. CANDIDATES (default 2000) sets the size.
 */
import { calibrate, simulate } from "@/lib/progress/calibration";
import { CALIBRATION_BLUEPRINTS } from "@/lib/progress/calibration-blueprints";
import { HALF_LIFE_DAYS, MAX_EVIDENCE } from "@/lib/progress/prediction";

const candidates = Number(process.env.CANDIDATES ?? 2000);
console.log(
  `Readiness calibration: ${candidates} simulated candidates per blueprint; half-life ${HALF_LIFE_DAYS} days, evidence cap ${MAX_EVIDENCE}.`,
);
console.log("Targets: coverage 0.75–0.85, Brier ≤ 0.12, reliability gap ≤ 0.08.\n");
console.log("| blueprint | rule | coverage | Brier | worst gap | bias (points) |");
console.log("|---|---|---|---|---|---|");
const tables: string[] = [];
for (const [name, blueprint] of Object.entries(CALIBRATION_BLUEPRINTS)) {
  const started = performance.now();
  const outcomes = simulate(blueprint, candidates, 11);
  for (const rule of ["fresh", "all"] as const) {
    const c = calibrate(outcomes, rule);
    const label = rule === "fresh" ? "new: fresh only" : "old: repeats counted";
    console.log(
      `| ${name} | ${label} | ${c.coverage.toFixed(3)} | ${c.brier.toFixed(3)} | ${c.worstGap.toFixed(3)} | ${c.bias.toFixed(2)} |`,
    );
    if (rule === "fresh") {
      tables.push(
        `\n${name}, new rule: reliability (P(pass) decile → candidates, mean prediction, observed pass rate)\n` +
          c.reliability
            .map(
              (r) =>
                `  ${r.from.toFixed(1)}: n ${String(r.n).padStart(4)}  predicted ${r.predicted.toFixed(2)}  observed ${r.observed.toFixed(2)}`,
            )
            .join("\n"),
      );
    }
  }
  tables.push(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(tables.join("\n"));
