import type { DocLink } from "@/lib/content/types";
import type { DomainStrength } from "./analytics";
import { READY_PERCENT } from "./readiness";

/**
 * The study plan: baseline → one block per weak domain (ordered by weakness × exam weight) → a
 * retake → repeat until ready. Rebuilt from the current history on every view. Pure.
 */

export type Level = "beginner" | "moderate" | "heavy";

/** Suggested preparation by experience (weeks, min–max) and what the time is for. */
export const LEVELS: Record<Level, { label: string; weeks: [number, number]; focus: string }> = {
  heavy: {
    label: "Heavy hands-on experience (3+ years)",
    weeks: [1, 2],
    focus: "Focus on your gaps and on practice tests.",
  },
  moderate: {
    label: "Moderate experience (1–2 years)",
    weeks: [3, 4],
    focus: "Review the docs, take practice tests, and do a hands-on lab.",
  },
  beginner: {
    label: "Beginner",
    weeks: [6, 8],
    focus: "Study the docs in full, build a local Backstage instance, and take practice tests.",
  },
};

export type PlanStep = {
  kind: "baseline" | "domain" | "retake" | "repeat";
  title: string;
  detail: string;
  /** Day numbers from today (1-based), when the plan has a time budget. */
  days: [number, number] | null;
  domainId?: string;
  docs?: readonly DocLink[];
  yamlDrills?: readonly { id: string; title: string }[];
};

export type Plan = {
  level: Level;
  weeks: [number, number];
  focus: string;
  /** Days until the exam (null without a date). */
  daysLeft: number | null;
  warning: string | null;
  steps: PlanStep[];
};

const DAY = 86_400_000;

function dayNumber(date: Date): number {
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY);
}

export function buildPlan(input: {
  level: Level;
  examDate: Date | null;
  today: Date;
  hasBaseline: boolean;
  ready: boolean;
  /** Ranked weakest first (rankDomains). */
  domains: readonly DomainStrength[];
  docsOf: (domainId: string) => readonly DocLink[];
  yamlDrillsOf?: (domainId: string) => readonly { id: string; title: string }[];
}): Plan {
  const level = LEVELS[input.level];
  const daysLeft =
    input.examDate === null ? null : dayNumber(input.examDate) - dayNumber(input.today);
  let warning: string | null = null;
  if (daysLeft !== null && daysLeft < 0) {
    warning = "Your exam date is in the past. Set a new date to plan towards it.";
  } else if (daysLeft !== null && daysLeft < level.weeks[0] * 7) {
    warning = `Your exam is ${daysLeft === 0 ? "today" : `in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`}; for your experience we suggest at least ${level.weeks[0]} week${level.weeks[0] === 1 ? "" : "s"} of preparation. Consider moving the date, or spend the time on your weakest domains first.`;
  }

  // Weak: below the readiness target, or too few answers to tell.
  const weak = input.domains.filter(
    (d) => d.thinEvidence || d.percent === null || d.percent < READY_PERCENT,
  );
  const budget = daysLeft !== null && daysLeft > 0 ? daysLeft : level.weeks[1] * 7;

  const steps: PlanStep[] = [];
  if (!input.hasBaseline) {
    steps.push({
      kind: "baseline",
      title: "Take your cold baseline mock",
      detail:
        "Before you study: a full timed mock shows where you stand, so the plan can put your time where it counts.",
      days: null,
    });
  }
  // Days for the domain blocks: all but the last tenth (at least one day) kept for retakes.
  const retakeDays = Math.max(1, Math.round(budget / 10));
  const studyDays = Math.max(weak.length, budget - retakeDays - (input.hasBaseline ? 0 : 1));
  const totalPriority = weak.reduce((sum, d) => sum + Math.max(d.priority, 0.01), 0);
  let cursor = input.hasBaseline ? 1 : 2;
  weak.forEach((d, i) => {
    const share = Math.max(d.priority, 0.01) / totalPriority;
    const left = weak.length - i - 1;
    const end = budget - retakeDays;
    const length = Math.max(1, Math.min(Math.round(studyDays * share), end - cursor + 1 - left));
    const days: [number, number] = [cursor, Math.max(cursor, cursor + length - 1)];
    cursor = days[1] + 1;
    const drills = input.yamlDrillsOf?.(d.id) ?? [];
    steps.push({
      kind: "domain",
      title: d.title,
      detail:
        d.percent === null
          ? `No answers yet in this domain (${d.weight}% of the exam): read the docs, then drill it.`
          : `${d.percent}% of your last ${d.answered} answers (${d.weight}% of the exam)${d.thinEvidence ? ", too few answers to be sure" : ""}: read the docs, drill the domain until you score ${READY_PERCENT}% or more${drills.length > 0 ? ", and write the YAML drills" : ""}.`,
      days,
      domainId: d.id,
      docs: input.docsOf(d.id),
      ...(drills.length > 0 ? { yamlDrills: drills } : {}),
    });
  });
  steps.push({
    kind: "retake",
    title: "Retake a full mock",
    detail: "Timed, without notes. The plan re-orders itself from the result.",
    days: [Math.min(cursor, budget), budget],
  });
  if (!input.ready) {
    steps.push({
      kind: "repeat",
      title: "Repeat until ready",
      detail: `Drill what the retake shows is weakest, then retake again, until your last three mocks are all at ${READY_PERCENT}% or more.`,
      days: null,
    });
  }
  return { level: input.level, weeks: level.weeks, focus: level.focus, daysLeft, warning, steps };
}
