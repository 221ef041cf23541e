import type { Question, Track } from "@/lib/content/types";
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
import { READY_PERCENT, readiness } from "./readiness";

/** Everything the track dashboard and the study plan show, from the user's history. Pure. */
export function progressOf(input: {
  track: Track;
  questions: readonly Question[];
  mocks: readonly MockRecord[];
  answers: readonly GradedAnswer[];
}) {
  const { track } = input;
  const comparison = compareMocks(input.mocks);
  const ranked = rankDomains(track.domains, domainWeights(track, input.questions), input.answers);
  const weak = weakest(ranked);
  const ordered = trend(input.mocks);
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
    readiness: readiness(
      ordered.map((p) => ({ percent: p.percent, passed: p.passed })),
      weak && weak.percent !== null ? { title: weak.title, percent: weak.percent } : null,
    ),
    passPercent: passingPercentOf(track),
    targetPercent: READY_PERCENT,
    mocksTaken: input.mocks.length,
  };
}
