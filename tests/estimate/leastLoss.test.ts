import { describe, expect, it } from "vitest";
import { leastPositionLoss, leastSpreadKm } from "../../src/estimate/leastLoss.ts";
import { positionsCost } from "../../src/estimate/positionsFit.ts";
import { DEFAULT_COST_MODEL, fitPositions, positionLossAt } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

describe("leastPositionLoss", () => {
  it("is below every group's position cost, and its spread below the fitted spread", () => {
    const random = mulberry32(37);
    let tightest = Infinity;
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(random() * 80);
      // Tight walks (the fit's spread near the bound), wide bodies, outliers, flat stays.
      const sd = [0.1, 1, 20, 60, 400][trial % 5];
      const km: number[] = [];
      let at = random() * 2000;
      for (let k = 0; k < n; k++) {
        at += random() < 0.3 ? 0 : random() * 50;
        km.push(random() < 0.05 ? random() * 3000 : at + sd * (random() - 0.5));
      }
      const m = { ...DEFAULT_COST_MODEL, spreadKm: [10, 40, 80][trial % 3] };
      const weight = km.map(() => (random() < 0.3 ? 1 / (2 + Math.floor(random() * 3)) : 1));
      const weighed = weight.reduce((a, b) => a + b, 0);
      const fit = fitPositions(km, m, weight);
      expect(fit.spreadKm).toBeGreaterThanOrEqual(leastSpreadKm(weighed, m));
      const cost = positionsCost(km, weight, n, m);
      const bound = weighed * leastPositionLoss(weighed, m);
      expect(cost).toBeGreaterThanOrEqual(bound - 1e-9 * Math.abs(bound));
      tightest = Math.min(tightest, (cost - bound) / n);
    }
    // Tight groups come within a fraction of a nat a report of the bound: it is not a loose one.
    expect(tightest).toBeLessThan(0.5);
  });

  it("is above the floor's loss for a group of 40 reports (the bound tableCost used before)", () => {
    const m = DEFAULT_COST_MODEL;
    expect(leastSpreadKm(40, m)).toBeCloseTo(Math.sqrt((3 * 40 * 40) / 43), 12);
    expect(leastPositionLoss(40, m) - positionLossAt(0, m.floorKm, m)).toBeGreaterThan(0.7);
    // Many reports: the prior counts for little and the floor holds.
    expect(leastSpreadKm(1e6, m)).toBe(m.floorKm);
  });
});
