import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ItemScatter } from "@/components/charts/item-scatter";
import { OptionBars } from "@/components/charts/option-bars";
import { THRESHOLDS } from "@/lib/analytics/item-stats";

describe("item analysis charts", () => {
  it("option bars: one labelled bar per option, the key named, the top group drawn", () => {
    const html = renderToStaticMarkup(
      createElement(OptionBars, {
        label: "Choices of q1",
        options: [
          { key: "A", correct: false, count: 3, share: 0.3, upperShare: 0.1, lowerShare: 0.5 },
          { key: "B", correct: true, count: 7, share: 0.7, upperShare: 0.9, lowerShare: 0.5 },
        ],
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Choices of q1"');
    expect(html).toContain("<title>Choices of q1</title>");
    expect(html).toContain(">B (key)<");
    expect(html).toContain(">70%<");
    // Per option: the share bar and the top-27% bar.
    expect(html.match(/<rect x="84"/g)).toHaveLength(4);
  });

  it("scatter: a linked point per question, flagged ones as squares, each with its values", () => {
    const html = renderToStaticMarkup(
      createElement(ItemScatter, {
        label: "Facility against discrimination",
        thresholds: THRESHOLDS,
        points: [
          {
            id: "q1",
            href: "/author/questions/q1",
            facility: 0.5,
            discrimination: 0.4,
            flagged: false,
          },
          {
            id: "q2",
            href: "/author/questions/q2",
            facility: 0.1,
            discrimination: -0.2,
            flagged: true,
          },
        ],
      }),
    );
    expect(html).toContain('href="/author/questions/q2"');
    expect(html).toContain("<title>q2: facility 0.10, discrimination -0.20, flagged</title>");
    expect(html.match(/<circle/g)).toHaveLength(1);
    expect(html).toContain("2 questions with mock responses");
  });
});
