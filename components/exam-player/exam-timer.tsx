"use client";

import { useEffect, useEffectEvent, useId, useState } from "react";
import {
  clockOffset,
  crossedWarnings,
  formatRemaining,
  remainingMs,
  type WarningMinutes,
  warningLevel,
} from "@/lib/exam/player";

const TICK_MS = 250;

const LEVEL_STYLES: Record<"none" | WarningMinutes, string> = {
  none: "border-slate-300 text-slate-900 dark:border-slate-700 dark:text-slate-100",
  10: "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100",
  5: "border-orange-500 bg-orange-50 text-orange-900 dark:border-orange-400 dark:bg-orange-950 dark:text-orange-100",
  1: "border-red-600 bg-red-50 text-red-800 motion-safe:animate-pulse dark:border-red-400 dark:bg-red-950 dark:text-red-100",
};

/**
 * The countdown, against the server's clock: offset = serverNow − Date.now() at mount, then
 * remaining = deadline − (Date.now() + offset). The first render (server and hydration) uses
 * deadline − serverNow, so both agree. Recomputed on every tick and when the tab becomes
 * visible, so throttled background timers never make it drift.
 */
export function ExamTimer({
  deadline,
  serverNow,
  onWarning,
  onTimeUp,
}: {
  deadline: string;
  serverNow: string;
  onWarning: (minutes: WarningMinutes) => void;
  onTimeUp: () => void;
}) {
  const labelId = useId();
  const [seconds, setSeconds] = useState(() => {
    const ms = remainingMs(deadline, Date.parse(serverNow)) ?? 0;
    return Math.ceil(ms / 1000);
  });

  const warn = useEffectEvent((minutes: WarningMinutes) => onWarning(minutes));
  const timeUp = useEffectEvent(() => onTimeUp());

  useEffect(() => {
    const offset = clockOffset(serverNow, Date.now());
    const read = () => remainingMs(deadline, Date.now() + offset) ?? 0;
    let previous = read();
    let fired = false;
    const tick = () => {
      const ms = read();
      const crossed = crossedWarnings(previous, ms);
      previous = ms;
      const latest = crossed.at(-1);
      if (latest !== undefined && ms > 0) warn(latest);
      setSeconds(Math.ceil(ms / 1000));
      if (ms <= 0 && !fired) {
        fired = true;
        timeUp();
      }
    };
    tick();
    const interval = setInterval(tick, TICK_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(interval);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [deadline, serverNow]);

  const level = warningLevel(seconds * 1000) ?? "none";
  return (
    <p
      className={`inline-flex items-center gap-2 rounded-md border px-2.5 py-1 text-sm ${LEVEL_STYLES[level]}`}
    >
      <span id={labelId} className="sr-only font-medium sm:not-sr-only">
        Time left
      </span>
      <span role="timer" aria-labelledby={labelId} className="font-mono text-base tabular-nums">
        {formatRemaining(seconds * 1000)}
      </span>
    </p>
  );
}
