import type { DomainPosterior, Prediction } from "./prediction";

/**
 * Readiness from the calibrated prediction (prediction.ts). Pure.
 *
 * "Ready" means a pass probability of at least READY_PROBABILITY, read from at least MIN_FRESH
 * fresh responses that cover every exam domain with at least MIN_PER_DOMAIN. Otherwise the
 * summary says exactly what is missing: the domains without enough evidence, how many more fresh
 * questions, and the weakest domain with its interval.
 *
 * The 85% target stays as the method the app teaches (the trend chart's line); its probability on
 * the real exam is shown beside the pass probability.
 */

export const READY_PROBABILITY = 0.9;
export const MIN_FRESH = 60;
export const MIN_PER_DOMAIN = 5;
/** The app's target: retake until consistently above it. */
export const READY_PERCENT = 85;

export type Readiness = {
  ready: boolean;
  /** "Pass probability 72% · expected 78% (80% interval 71–85%)", or null without evidence. */
  headline: string | null;
  summary: string;
  fresh: number;
  /** Domains with fewer than MIN_PER_DOMAIN fresh responses, and how many each still needs. */
  thin: { id: string; title: string; have: number; need: number }[];
  /** More fresh responses needed to reach MIN_FRESH (after the thin domains' needs). */
  moreFresh: number;
  weakest: DomainPosterior | null;
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const points = (x: number) => `${Math.round(x)}%`;

export function headlineOf(p: Prediction): string {
  return `Pass probability ${pct(p.pPass)} · expected ${points(p.expected)} (80% interval ${Math.round(p.low)}–${points(p.high)})`;
}

export function readiness(
  prediction: Prediction,
  posteriors: readonly DomainPosterior[],
): Readiness {
  const fresh = posteriors.reduce((sum, d) => sum + d.n, 0);
  const thin = posteriors
    .filter((d) => d.n < MIN_PER_DOMAIN)
    .map((d) => ({ id: d.id, title: d.title, have: d.n, need: MIN_PER_DOMAIN - d.n }));
  const moreFresh = Math.max(
    thin.reduce((sum, d) => sum + d.need, 0),
    MIN_FRESH - fresh,
  );
  const weakest = [...posteriors].filter((d) => d.n > 0).sort((a, b) => a.mean - b.mean)[0] ?? null;
  if (fresh === 0) {
    return {
      ready: false,
      headline: null,
      summary:
        "Not ready yet: no evidence so far. Take your baseline mock: every question you answer for the first time tells us where you stand.",
      fresh,
      thin,
      moreFresh,
      weakest,
    };
  }
  const headline = headlineOf(prediction);
  const enough = thin.length === 0 && fresh >= MIN_FRESH;
  const ready = enough && prediction.pPass >= READY_PROBABILITY;
  const weakText = weakest
    ? ` Weakest domain: ${weakest.title}, ${pct(weakest.mean)} (80% interval ${Math.round(weakest.low * 100)}–${pct(weakest.high)}).`
    : "";
  if (ready) {
    return {
      ready,
      headline,
      summary: `Ready: a ${pct(prediction.pPass)} chance to pass, read from ${fresh} questions you answered for the first time.${weakText}`,
      fresh,
      thin,
      moreFresh: 0,
      weakest,
    };
  }
  const missing: string[] = [];
  if (prediction.pPass < READY_PROBABILITY) {
    missing.push(`a pass probability of ${pct(READY_PROBABILITY)} (now ${pct(prediction.pPass)})`);
  }
  if (moreFresh > 0) {
    missing.push(
      `${moreFresh} more fresh question${moreFresh === 1 ? "" : "s"} (${fresh} of ${MIN_FRESH} so far)`,
    );
  }
  if (thin.length > 0) {
    missing.push(
      `at least ${MIN_PER_DOMAIN} in every domain: ${thin.map((d) => `${d.title} (${d.have})`).join(", ")}`,
    );
  }
  return {
    ready,
    headline,
    summary: `Not ready yet: needs ${missing.join("; ")}.${weakText}`,
    fresh,
    thin,
    moreFresh,
    weakest,
  };
}
