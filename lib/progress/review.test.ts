import { createEmptyCard } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { fromCard, intervalLabel, isRating, previews, rate, toCard } from "./review";

const now = new Date(Date.UTC(2026, 10, 25, 9));
const fresh = () => fromCard(createEmptyCard(now));

describe("FSRS review glue", () => {
  it("round-trips a card between the row and ts-fsrs without loss", () => {
    const reviewed = rate(rate(fresh(), 3, now), 3, new Date(now.getTime() + 86_400_000));
    expect(fromCard(toCard(reviewed))).toEqual(reviewed);
    expect(reviewed.reps).toBe(2);
  });

  it("moves a new card by the rating: Again soonest, Easy latest", () => {
    const [again, hard, good, easy] = [1, 2, 3, 4].map((r) =>
      rate(fresh(), r as 1 | 2 | 3 | 4, now).due.getTime(),
    );
    expect(again).toBeGreaterThan(now.getTime());
    expect(again).toBeLessThan(hard ?? 0);
    expect(hard).toBeLessThanOrEqual(good ?? 0);
    expect(good).toBeLessThan(easy ?? 0);
    expect(rate(fresh(), 4, now).state).toBe("review");
    expect(rate(fresh(), 1, now).state).toBe("learning");
  });

  it("previews the due date of each rating, as rating would set it", () => {
    const p = previews(fresh(), now);
    expect(p.map((x) => x.label)).toEqual(["Again", "Hard", "Good", "Easy"]);
    expect(p[2]?.due).toEqual(rate(fresh(), 3, now).due);
    expect(p[0]?.interval).toBe("1 min");
  });

  it("accepts only ratings 1 to 4", () => {
    expect([1, 2, 3, 4].every(isRating)).toBe(true);
    expect([0, 5, "3", 2.5, null].some(isRating)).toBe(false);
  });

  it("labels intervals", () => {
    expect(intervalLabel(10 * 60_000)).toBe("10 min");
    expect(intervalLabel(3 * 86_400_000)).toBe("3 days");
    expect(intervalLabel(90 * 86_400_000)).toBe("3 months");
  });
});
