import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import {
  bodyProbability,
  figureLikelihood,
  groupShare,
  PART_SHARE,
  sizeBodyWeight,
} from "../../src/estimate/parts.ts";
import type { PreparedSighting } from "../../src/estimate/prepare.ts";
import { smoothSize } from "../../src/estimate/sizeSmoother.ts";
import type { SizeObservation } from "../../src/estimate/sizeSmoother.ts";
import { dataset, on, report } from "./corridor.ts";

describe("one rule for body and part (parts.ts), read by the position and the size pass", () => {
  it("the size pass's weight is bodyProbability with sure tails: ½ at PART_SHARE, no jump", () => {
    expect(sizeBodyWeight(PART_SHARE)).toBeCloseTo(bodyProbability(PART_SHARE), 10);
    expect(sizeBodyWeight(1)).toBe(1);
    expect(sizeBodyWeight(0.1)).toBe(0);
    let last = 0;
    for (let s = 0.01; s <= 1; s += 0.01) {
      const w = sizeBodyWeight(s);
      expect(w).toBeGreaterThanOrEqual(last);
      // Steps of 1 % of the group move the weight by little: no cliff.
      expect(w - last).toBeLessThan(0.2);
      // Never surer of the body than the rule where the rule doubts, nor of a part.
      if (bodyProbability(s) > 0.5) expect(w).toBeGreaterThanOrEqual(bodyProbability(s) - 1e-9);
      if (bodyProbability(s) < 0.5) expect(w).toBeLessThanOrEqual(bodyProbability(s) + 1e-9);
      last = w;
    }
  });

  it("a figure read half as a part costs a larger group little, read as the body much", () => {
    const small = Math.log(100);
    const ratio = (w: number): number =>
      figureLikelihood(small, Math.log(3000), 0.3, w) / figureLikelihood(small, small, 0.3, w);
    expect(ratio(1)).toBeLessThan(1e-6);
    expect(ratio(0.5)).toBeGreaterThan(0.05);
    expect(ratio(0)).toBeGreaterThan(1);
  });

  it("both passes read the same share: of the first size pass's size, else of nearby figures", () => {
    const s = (id: string, t: number, v: number): PreparedSighting =>
      ({ id, t, logValue: Math.log(v) }) as PreparedSighting;
    const members = [s("a", 10.5, 5000), s("b", 11.5, 5000), s("c", 12.5, 1000)];
    expect(groupShare({ members }, members[2])).toBeCloseTo(0.2, 6);
    const sizeByDay = new Map([[12, 2000]]);
    expect(groupShare({ members, sizeByDay }, members[2])).toBeCloseTo(0.5, 6);
  });
});

describe("the size smoother weighs a figure by its share of the group (no cliff)", () => {
  /** Four DTM counts of 5,000 around day 2 and, on day 2, one media figure read by the rule. */
  function sizeWith(figure: number, weight: (share: number) => number): number {
    const observations: SizeObservation[] = [0, 1, 3, 4].map((step) => ({
      step,
      logValue: Math.log(5000),
      bias: 0,
      sigma: 0.15,
      outlier: 0.03,
    }));
    const bodyWeight = weight(figure / 5000);
    observations.push({
      step: 2,
      logValue: Math.log(figure),
      bias: 0,
      sigma: 0.4,
      outlier: 0.08,
      bodyWeight,
    });
    return smoothSize({ nDays: 5, observations })[2].median;
  }
  const figures = [1500, 1700, 1900, 1950, 2000, 2050, 2100, 2300, 2500];

  it("figures just under and just over PART_SHARE of the group move its size alike", () => {
    const sizes = figures.map((f) => sizeWith(f, sizeBodyWeight));
    for (let i = 1; i < sizes.length; i++) {
      expect(Math.abs(Math.log(sizes[i] / sizes[i - 1]))).toBeLessThan(0.02);
    }
    // Read as the body throughout, the larger share pulls the size down the most.
    expect(sizes[0]).toBeGreaterThan(sizes[sizes.length - 1]);
    // The hard cutoff this replaces: one step of 50 people moved the size by > 3 %.
    const hard = figures.map((f) => sizeWith(f, (s) => (s < PART_SHARE ? 0 : 1)));
    expect(Math.abs(Math.log(hard[4] / hard[3]))).toBeGreaterThan(0.03);
  });

  it("a figure of a fifth of the group (a part: at least 1,000) leaves 5,000 near 5,000", () => {
    expect(sizeWith(1000, sizeBodyWeight)).toBeGreaterThan(4800);
  });
});

describe("a group that grows by joiners is followed, not averaged", () => {
  it("2,000 on the first day, 5,000 a week later: the estimate rises with the figures", () => {
    const figures = [2000, 2000, 2400, 2900, 3400, 4000, 4600, 5000, 5000];
    const s = figures.map((f, i) => report(`g${i}`, 13 + i, 30 * i, f, i % 2 ? "un" : "dtm"));
    const tracks = estimateTracks(dataset(s)).tracks;
    const first = on(tracks, 13);
    const last = on(tracks, 21);
    expect(first.size).toBeLessThan(2600);
    expect(last.size).toBeGreaterThan(4000);
    // Each day between, within the 90 % interval of the truth's path.
    for (const [i, f] of figures.entries()) {
      const t = on(tracks, 13 + i);
      expect(t.sizeLow).toBeLessThan(f);
      expect(t.sizeHigh).toBeGreaterThan(f);
    }
  });
});
