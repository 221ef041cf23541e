import type { Bank, Track } from "@/lib/content/types";
import { passingPercentOf } from "@/lib/exam/scoring";
import {
  compareMocks,
  domainWeights,
  type GradedAnswer,
  groupComparison,
  type MockRecord,
  rankDomains,
  trend,
  weakest,
} from "./analytics";
import { type Evidence, forecastOf, freshnessOf } from "./evidence";
import { domainPosteriors } from "./prediction";
import { READY_PERCENT } from "./readiness";

/** Everything the track dashboard and the study plan show, from the user's history. Pure. */
export function progressOf(input: {
  track: Track;
  bank: Bank;
  evidence: Evidence;
  now?: Date;
  /** The population's facility per exam domain (item statistics), for the prior. */
  priorFacility?: ReadonlyMap<string, number>;
}) {
  const { track, bank, evidence } = input;
  const questions = bank.questionsOf(track.id);
  const mocks: readonly MockRecord[] = evidence.mocks;
  const answers: readonly GradedAnswer[] = evidence.answers;
  const comparison = compareMocks(mocks);
  const now = input.now ?? new Date();
  const weights = domainWeights(track, questions);
  // Study domains ranked by what they are likely costing: the lower bound of the 80% interval
  // of the accuracy (from fresh answers) × the exam weight, weakest first; each with the fresh
  // questions it has left before its drills start repeating.
  const study = new Map(
    domainPosteriors(track.domains, evidence.freshByDomain, now).map((p) => [p.id, p]),
  );
  const ranked = rankDomains(track.domains, weights, answers)
    .map((d) => ({
      ...d,
      priority: (1 - (study.get(d.id)?.low ?? 0)) * d.weight,
      freshLeft: questions.filter((q) => q.domain === d.id && !evidence.lastSeen.has(q.id)).length,
    }))
    .sort((a, b) => b.priority - a.priority);
  const weak = weakest(ranked);
  const ordered = trend(mocks);
  const passPercent = passingPercentOf(track);
  const forecast = forecastOf(track, evidence.fresh, now, passPercent, input.priorFacility);
  const groupings = [
    {
      id: "domain",
      title: track.curriculum.length > 0 ? "Study domain" : "Domain",
      rows: groupComparison(comparison, track.domains, "domain"),
    },
    ...(track.curriculum.length > 0
      ? [
          {
            id: "curriculum",
            title: "Official curriculum domain",
            rows: groupComparison(comparison, track.curriculum, "curriculum"),
          },
        ]
      : []),
  ];
  return {
    comparison,
    ranked,
    groupings,
    trend: ordered,
    weakest: weak,
    readiness: forecast.readiness,
    prediction: forecast.prediction,
    posteriors: forecast.posteriors,
    freshness: freshnessOf(track, bank, evidence.lastSeen),
    passPercent,
    targetPercent: READY_PERCENT,
    mocksTaken: mocks.length,
  };
}
