import { describe, expect, it } from "vitest";
import {
  htmlToText,
  jaccard,
  NEAR_COPY,
  nearDuplicates,
  SAME_SCENARIO,
  type SimilarityInput,
  shingleSet,
  words,
} from "./similarity";

describe("shingles", () => {
  it("splits into lower-case words of letters and digits", () => {
    expect(words("Set `backend.baseUrl` in app-config.yaml!")).toEqual([
      "set",
      "backend",
      "baseurl",
      "in",
      "app",
      "config",
      "yaml",
    ]);
  });

  it("never lets a shingle cross from one text into the next", () => {
    expect([...shingleSet(["a b c", "d e"])]).toEqual(["a b c", "d e"]);
    expect([...shingleSet(["a b c d"])]).toEqual(["a b c", "b c d"]);
  });

  it("computes Jaccard similarity", () => {
    expect(jaccard(new Set(["x", "y"]), new Set(["y", "z"]))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it("turns HTML into text", () => {
    expect(htmlToText("<p>Use <code>a &amp; b</code></p>")).toBe(" Use  a & b  ");
  });
});

const q = (id: string, stem: string, options: string[]): SimilarityInput => ({ id, stem, options });
const OPTIONS = [
  "Compute Savings Plans",
  "Reserved Instances for each instance family",
  "Spot Instances",
  "On-Demand Capacity Reservations",
];
const STEM =
  "A company runs steady workloads on EC2, Fargate and Lambda and expects to change instance families and Regions next year. Which purchase option lowers cost the most while allowing those changes?";

describe("nearDuplicates", () => {
  it("finds a planted near-copy and leaves unrelated questions alone", () => {
    const bank = [
      q("clf-1", STEM, OPTIONS),
      q("sap-9", STEM.replace("next year", "during the coming year"), [...OPTIONS].reverse()),
      q("cba-1", "Which field must every Component entity declare in its spec?", [
        "spec.owner",
        "spec.system",
        "spec.domain",
        "spec.dependsOn",
      ]),
      q("cba-2", "Where does the backend read its database settings from?", [
        "backend.database in app-config.yaml",
        "A .env file",
        "The catalog",
        "package.json",
      ]),
    ];
    const pairs = nearDuplicates(bank);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([["clf-1", "sap-9"]]);
    expect(pairs[0]?.jaccard).toBeGreaterThan(0.7);
  });

  it("finds a re-told scenario by its content words, not by copied phrases", () => {
    const retold = q(
      "saa-4",
      "Steady compute spend on EC2, Fargate and Lambda is expected for years; instance families and Regions will change. Which purchase option keeps the lowest cost through those changes?",
      [
        "Spot Instances",
        "Compute Savings Plans",
        "On-Demand Capacity Reservations",
        "Reserved Instances per instance family",
      ],
    );
    const original = q("clf-1", STEM, OPTIONS);
    expect(nearDuplicates([original, retold], NEAR_COPY)).toEqual([]);
    const pairs = nearDuplicates([original, retold], SAME_SCENARIO);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([["clf-1", "saa-4"]]);
  });

  it("drops stop words only in the content-word setting", () => {
    expect([...shingleSet(["Which of the plugins"], 1, true)]).toEqual(["plugins"]);
    expect(shingleSet(["Which of the plugins"], 1, false).size).toBe(4);
  });

  it("agrees with a brute-force scan over all pairs", () => {
    // Random texts over a small vocabulary produce many overlaps at every level.
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const vocab = ["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta"];
    const text = (n: number) =>
      Array.from({ length: n }, () => vocab[Math.floor(rand() * vocab.length)]).join(" ");
    const base = Array.from({ length: 12 }, () => text(12));
    const bank: SimilarityInput[] = [];
    for (let i = 0; i < 120; i++) {
      const b = base[i % base.length] as string;
      const w = b.split(" ");
      for (let m = 0; m < Math.floor(rand() * 3); m++)
        w[Math.floor(rand() * w.length)] = vocab[Math.floor(rand() * vocab.length)] as string;
      bank.push(q(`q${i}`, w.join(" "), [text(3), text(3)]));
    }
    for (const t of [0.3, 0.5, 0.7]) {
      const fast = nearDuplicates(bank, { ...NEAR_COPY, threshold: t }).map((p) => `${p.a}|${p.b}`);
      const slow: string[] = [];
      const sets = bank.map((x) => shingleSet([x.stem, ...x.options]));
      for (let i = 0; i < bank.length; i++)
        for (let j = i + 1; j < bank.length; j++)
          if (jaccard(sets[i] as Set<string>, sets[j] as Set<string>) >= t) {
            const [a, b] = [bank[i]?.id as string, bank[j]?.id as string].sort();
            slow.push(`${a}|${b}`);
          }
      expect(slow.length).toBeGreaterThan(0);
      expect([...fast].sort()).toEqual([...slow].sort());
    }
  });
});
