import { z } from "zod";

/**
 * Input rules shared by every route and server action. Pure. Text that PostgreSQL cannot store
 * (a NUL byte) or that is not well-formed Unicode (a lone surrogate) is refused here with a 4xx,
 * never passed on to fail as a 500; dates are kept to years a database and a person can mean.
 */

/** True when the string is well-formed Unicode (no lone surrogates) without NUL bytes. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string that can be stored: no NUL, no lone surrogate. */
export const safeText = z.string().refine(isStorableText, {
  message: "contains a character that cannot be stored (NUL or a lone surrogate)",
});

/** Ids of questions, drills and tracks as the content compiler makes them. */
export const idText = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "not a valid id");

/** Attempt ids are cuids: anything else cannot name an attempt (→ 404 in the routes). */
export const attemptIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/);

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** An ISO date-time with offset, between 2000 and 2100, as a Date. */
export const eventTime = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() < LATEST, {
    message: "must be a date between 2000 and 2100",
  });

/** A calendar date `YYYY-MM-DD` between 2000 and 2100. */
export const calendarDate = z.iso.date().refine((s) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return t >= EARLIEST && t < LATEST;
}, "must be a date between 2000 and 2100");
