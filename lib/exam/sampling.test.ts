import path from "node:path";
import { describe, expect, it } from "vitest";
import { blueprintQuotas } from "@/lib/content/blueprint";
import { loadBank } from "@/lib/content/load.server";
import type { Competency, DomainInfo, Question } from "@/lib/content/types";
import { sampleMock } from "./sampling";
import { makeQuestion, makeTrack } from "./test-helpers";

/** Mocks on a track with official competencies: on-list only, by weight, spread across them. */

const group = (id: string, weight: number): DomainInfo => ({
  id,
  title: id,
  weight,
  docs: [],
  notesHtml: "",
});

const COMPETENCIES: Competency[] = [
  { id: "X1", title: "x1", curriculum: "x" },
  { id: "X2", title: "x2", curriculum: "x" },
  { id: "X3", title: "x3", curriculum: "x" },
  { id: "Y1", title: "y1", curriculum: "y" },
];

const track = makeTrack({
  questionCount: 20,
  blueprint: "curriculum",
  curriculum: [group("x", 60), group("y", 40)],
  competencies: COMPETENCIES,
});

function q(id: string, curriculum: string, competency: string): Question {
  return { ...makeQuestion(id, "a"), curriculum, competency };
}

// x: X1 has 30 questions, X2 and X3 only 4 each; y: 20 on-list; plus 40 `beyond`.
const questions: Question[] = [
  ...Array.from({ length: 30 }, (_, i) => q(`x1-${i}`, "x", "X1")),
  ...Array.from({ length: 4 }, (_, i) => q(`x2-${i}`, "x", "X2")),
  ...Array.from({ length: 4 }, (_, i) => q(`x3-${i}`, "x", "X3")),
  ...Array.from({ length: 20 }, (_, i) => q(`y1-${i}`, "y", "Y1")),
  ...Array.from({ length: 20 }, (_, i) => q(`bx-${i}`, "x", "beyond")),
  ...Array.from({ length: 20 }, (_, i) => q(`by-${i}`, "y", "beyond")),
];
const byId = new Map(questions.map((x) => [x.id, x]));
const picked = (ids: readonly { questionId: string }[]) =>
  ids.map((i) => byId.get(i.questionId) as Question);

describe("sampleMock on a track with competencies", () => {
  it("never samples a `beyond` question, even when the on-list pool runs short", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const mock = picked(sampleMock({ track, questions, seed }).items);
      expect(mock).toHaveLength(20);
      expect(mock.filter((x) => x.competency === "beyond")).toEqual([]);
    }
    const thin = questions.filter((x) => !x.id.startsWith("y1-") || x.id === "y1-0");
    const short = sampleMock({ track, questions: thin, seed: 5 });
    expect(short.shortfall).toEqual({ y: 7 });
    expect(picked(short.items).every((x) => x.competency !== "beyond")).toBe(true);
  });

  it("keeps the blueprint quota per domain", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const mock = picked(sampleMock({ track, questions, seed }).items);
      expect(mock.filter((x) => x.curriculum === "x")).toHaveLength(12);
      expect(mock.filter((x) => x.curriculum === "y")).toHaveLength(8);
    }
  });

  it("spreads a domain's quota across its competencies instead of following their size", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const mock = picked(sampleMock({ track, questions, seed }).items);
      // 12 for x over 3 competencies: round-robin gives each 4 (X2 and X3 have exactly 4).
      for (const c of ["X1", "X2", "X3"])
        expect(mock.filter((x) => x.competency === c)).toHaveLength(4);
    }
  });

  it("still prefers unseen questions", () => {
    const seen = new Set(Array.from({ length: 26 }, (_, i) => `x1-${i}`));
    const mock = sampleMock({ track, questions, seed: 9, recentlySeen: seen });
    expect(mock.repeats).toBe(0);
  });
});

describe("a CBA mock from the real bank", () => {
  const bank = loadBank(path.resolve(import.meta.dirname, "../../content"));
  const cba = bank.tracks.get("cba");
  const all = bank.questionsOf("cba");

  it("matches the official domain weights within one question and holds no `beyond` question", () => {
    expect(cba).toBeDefined();
    if (!cba) return;
    const quotas = blueprintQuotas(cba);
    const ids = new Map(all.map((x) => [x.id, x]));
    for (let seed = 1; seed <= 25; seed++) {
      const mock = sampleMock({ track: cba, questions: all, seed }).items.map(
        (i) => ids.get(i.questionId) as Question,
      );
      expect(mock).toHaveLength(cba.questionCount);
      expect(mock.filter((x) => x.competency === "beyond")).toEqual([]);
      for (const g of cba.curriculum) {
        const share = ((g.weight ?? 0) * cba.questionCount) / 100;
        const got = mock.filter((x) => x.curriculum === g.id).length;
        expect(Math.abs(got - share)).toBeLessThanOrEqual(1);
        expect(got).toBe(quotas[g.id]);
      }
    }
  });
});
