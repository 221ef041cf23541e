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
  /** Stable across re-plans, so a ticked-off step stays ticked: `kind` or `domain:<id>`. */
  key: string;
  title: string;
  detail: string;
  /** Day numbers from today (day 1 = today), when the plan has a time budget. */
  days: [number, number] | null;
  /** The same days as calendar dates (YYYY-MM-DD) in the candidate's time zone. */
  dates: [string, string] | null;
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
  /** Said when the days left cannot hold every weak domain: which ones the plan left out. */
  fitNote: string | null;
  steps: PlanStep[];
};

const DAY = 86_400_000;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Whether the runtime knows this IANA time zone name. */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone (UTC when unknown). */
export function localDate(instant: Date, timeZone: string | null): string {
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : "UTC";
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** "Mon 14 Dec" for a calendar date (YYYY-MM-DD). */
export function formatPlanDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** Split `total` days over weights: every share at least one day, largest remainders first. */
export function shareDays(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, w) => a + w, 0);
  const spare = total - weights.length;
  const exact = weights.map((w) => (spare * w) / sum);
  const lengths = exact.map((x) => 1 + Math.floor(x));
  let left = total - lengths.reduce((a, n) => a + n, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    lengths[i] = (lengths[i] ?? 1) + 1;
    left -= 1;
  }
  return lengths;
}

export function buildPlan(input: {
  level: Level;
  /** A calendar date (stored at UTC midnight). */
  examDate: Date | null;
  today: Date;
  /** The candidate's IANA time zone, from the browser; null = UTC. */
  timeZone?: string | null;
  hasBaseline: boolean;
  ready: boolean;
  /** Ranked weakest first (rankDomains): weakness × exam weight. */
  domains: readonly DomainStrength[];
  docsOf: (domainId: string) => readonly DocLink[];
  yamlDrillsOf?: (domainId: string) => readonly { id: string; title: string }[];
}): Plan {
  const level = LEVELS[input.level];
  const todayIso = localDate(input.today, input.timeZone ?? null);
  const daysLeft =
    input.examDate === null
      ? null
      : dayNumber(input.examDate.toISOString().slice(0, 10)) - dayNumber(todayIso);
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
  // Days 1..budget come before the exam (day 1 is today; the exam is on day daysLeft + 1).
  // A date in the past gives no schedule at all; no date gives the level's longest suggestion.
  const budget =
    daysLeft === null ? level.weeks[1] * 7 : daysLeft < 0 ? null : Math.max(1, daysLeft);
  const dated = (days: [number, number] | null): [string, string] | null =>
    days && budget !== null
      ? [addDays(todayIso, days[0] - 1), addDays(todayIso, days[1] - 1)]
      : null;

  const steps: PlanStep[] = [];
  const firstStudyDay = input.hasBaseline ? 1 : 2;
  // The last tenth of the budget (at least one day) is kept for retakes.
  const retakeDays = budget === null ? 0 : Math.max(1, Math.round(budget / 10));
  const retakeStart = budget === null ? 0 : Math.max(1, budget - retakeDays + 1);
  const slots = budget === null ? weak.length : Math.max(0, retakeStart - firstStudyDay);
  const kept = weak.slice(0, slots);
  const dropped = weak.slice(kept.length);
  const fitNote =
    dropped.length === 0
      ? null
      : kept.length === 0
        ? `There is no day left for a domain block before your exam, so the plan goes straight to a mock. Left out: ${dropped.map((d) => d.title).join(", ")}.`
        : `${slots} study day${slots === 1 ? "" : "s"} before your exam: the plan keeps your ${kept.length} weakest domain${kept.length === 1 ? "" : "s"} by exam weight and leaves out ${dropped.map((d) => d.title).join(", ")}.`;

  if (!input.hasBaseline) {
    const days: [number, number] | null = budget === null ? null : [1, 1];
    steps.push({
      kind: "baseline",
      key: "baseline",
      title: "Take your cold baseline mock",
      detail:
        "Before you study: a full timed mock shows where you stand, so the plan can put your time where it counts.",
      days,
      dates: dated(days),
    });
  }
  const lengths = shareDays(
    slots,
    kept.map((d) => Math.max(d.priority, 0.01)),
  );
  let cursor = firstStudyDay;
  kept.forEach((d, i) => {
    const length = lengths[i] ?? 1;
    const days: [number, number] | null = budget === null ? null : [cursor, cursor + length - 1];
    cursor += length;
    const drills = input.yamlDrillsOf?.(d.id) ?? [];
    steps.push({
      kind: "domain",
      key: `domain:${d.id}`,
      title: d.title,
      detail:
        d.percent === null
          ? `No answers yet in this domain (${d.weight}% of the exam): read the docs, then drill it.`
          : `${d.percent}% of your last ${d.answered} answers (${d.weight}% of the exam)${d.thinEvidence ? ", too few answers to be sure" : ""}: read the docs, drill the domain until you score ${READY_PERCENT}% or more${drills.length > 0 ? ", and write the YAML drills" : ""}.`,
      days,
      dates: dated(days),
      domainId: d.id,
      docs: input.docsOf(d.id),
      ...(drills.length > 0 ? { yamlDrills: drills } : {}),
    });
  });
  const retake: [number, number] | null =
    budget === null ? null : [Math.min(Math.max(retakeStart, 1), budget), budget];
  steps.push({
    kind: "retake",
    key: "retake",
    title: "Retake a full mock",
    detail: "Timed, without notes. The plan re-orders itself from the result.",
    days: retake,
    dates: dated(retake),
  });
  if (!input.ready) {
    steps.push({
      kind: "repeat",
      key: "repeat",
      title: "Repeat until ready",
      detail: `Drill what the retake shows is weakest, then retake again, until your last three mocks are all at ${READY_PERCENT}% or more.`,
      days: null,
      dates: null,
    });
  }
  return {
    level: input.level,
    weeks: level.weeks,
    focus: level.focus,
    daysLeft,
    warning,
    fitNote,
    steps,
  };
}
