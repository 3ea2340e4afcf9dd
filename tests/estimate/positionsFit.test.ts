import { describe, expect, it } from "vitest";
import {
  positionsCost,
  positionsCostCounted,
  positionsFitted,
  positionsOutliers,
} from "../../src/estimate/positionsFit.ts";
import { DEFAULT_COST_MODEL, fitPositions, inliers } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

describe("positionsCost", () => {
  it("is fitPositions' cost, bit for bit, on weighted groups of every spread", () => {
    const random = mulberry32(29);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(random() * 80);
      // Compact walks (spread at the floor), wide bodies (at the cap), outliers, flat stays.
      const sd = [1, 20, 60, 400][trial % 4];
      const km: number[] = [];
      let at = random() * 2000;
      for (let k = 0; k < n; k++) {
        at += random() < 0.3 ? 0 : random() * 50;
        km.push(random() < 0.1 ? random() * 3000 : at + sd * (random() - 0.5));
      }
      const m = { ...DEFAULT_COST_MODEL, spreadKm: [10, 40, 80][trial % 3] };
      // Reports at one place on one day share one report's weight (placeDay.ts).
      const weight = km.map(() => (random() < 0.3 ? 1 / (2 + Math.floor(random() * 3)) : 1));
      expect(positionsCost(km, weight, n, m)).toBe(fitPositions(km, m, weight).cost);
      // The fit and spread themselves (moveScreen.ts freezeGroup reads them).
      const { fit, spreadKm } = fitPositions(km, m, weight);
      expect(positionsFitted(km, weight, n, m)).toEqual({ fit, spreadKm });
    }
  });

  it("reads only the first n positions, and costs nothing for none", () => {
    const km = [100, 90, 130, 5000];
    expect(positionsCost(km, [1, 1, 1, 1], 3, DEFAULT_COST_MODEL)).toBe(
      fitPositions(km.slice(0, 3), DEFAULT_COST_MODEL).cost,
    );
    expect(positionsCost([], [], 0, DEFAULT_COST_MODEL)).toBe(0);
  });
});

describe("positionsOutliers", () => {
  it("counts the reports inliers reads as outliers, on groups with stale and misplaced reports", () => {
    const random = mulberry32(37);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const km: number[] = [];
      let at = random() * 2000;
      for (let k = 0; k < n; k++) {
        at += random() * 40;
        km.push(random() < 0.15 ? random() * 3000 : at + 30 * (random() - 0.5));
      }
      const m = { ...DEFAULT_COST_MODEL, spreadKm: [10, 40][trial % 2] };
      const good = inliers(
        km.map((x, t) => ({ t, km: x })),
        m,
      );
      expect(positionsOutliers(km, n, m)).toBe(good.filter((g) => !g).length);
      // With weights (one place a day): the same count as inliers of the weighted reports.
      const weight = km.map(() => [1, 0.5, 0.25][Math.floor(random() * 3)]);
      const weighted = inliers(
        km.map((x, t) => ({ t, km: x, weight: weight[t] })),
        m,
      );
      expect(positionsOutliers(km, n, m, weight)).toBe(weighted.filter((g) => !g).length);
      // One fit for both (mergeTracklets.ts): the same cost and the same count, bit for bit.
      expect(positionsCostCounted(km, weight, n, m)).toEqual({
        cost: positionsCost(km, weight, n, m),
        outliers: positionsOutliers(km, n, m, weight),
      });
      const ones = km.map(() => 1);
      expect(positionsCostCounted(km, ones, n, m)).toEqual({
        cost: positionsCost(km, ones, n, m),
        outliers: positionsOutliers(km, n, m),
      });
    }
  });
});
