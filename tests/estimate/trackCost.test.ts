import { describe, expect, it } from "vitest";
import {
  DEFAULT_COST_MODEL,
  fitPositions,
  groupCost,
  groupCostTerms,
  inliers,
  isotonic,
  sizeLoss,
} from "../../src/estimate/trackCost.ts";
import type { CostReport } from "../../src/estimate/trackCost.ts";
import { BIRTH_NATS } from "../../src/estimate/linkTracklets.ts";

const m = { ...DEFAULT_COST_MODEL, spreadKm: 10 };

/** Reports of a group walking `perDay` km a day from `km0`, days `from`…`to`, of `size` people. */
function walk(from: number, to: number, km0: number, perDay: number, size?: number): CostReport[] {
  const out: CostReport[] = [];
  for (let d = from; d <= to; d++)
    out.push({
      t: d + 0.5,
      km: km0 + perDay * (d - from),
      logSize: size ? Math.log(size) : undefined,
    });
  return out;
}
const byTime = (r: CostReport[]): CostReport[] => [...r].sort((a, b) => a.t - b.t);

describe("trackCost", () => {
  it("isotonic pools adjacent violators", () => {
    expect(isotonic([1, 3, 2, 4], [1, 1, 1, 1])).toEqual([1, 2.5, 2.5, 4]);
    expect(isotonic([5, 1], [3, 1])).toEqual([4, 4]);
  });

  it("a 400 km ride in a day and a 7-day stay cost no more than a steady walk", () => {
    const ride = [...walk(1, 5, 0, 30), ...walk(6, 9, 520, 30), ...walk(10, 16, 610, 0)];
    const steady = walk(1, 16, 0, 30);
    expect(
      fitPositions(
        ride.map((r) => r.km as number),
        m,
      ).cost,
    ).toBeCloseTo(
      fitPositions(
        steady.map((r) => r.km as number),
        m,
      ).cost,
      0,
    );
  });

  it("two groups 5 days apart on one road cost far more as one group than as two", () => {
    const a = walk(1, 14, 0, 35, 1500);
    const b = walk(6, 19, 0, 35, 1500);
    const apart = groupCost(a, m) + groupCost(b, m);
    // More than the birth penalty of a second group (BIRTH_NATS = 55).
    expect(groupCost(byTime([...a, ...b]), m) - apart).toBeGreaterThan(BIRTH_NATS);
  });

  it("a figure of 4,000 is very unlikely for a group of 300; a part's small figure is not", () => {
    const whole = sizeLoss(Math.log(300), false, Math.log(300), m);
    expect(sizeLoss(Math.log(4000), false, Math.log(300), m) - whole).toBeGreaterThan(8);
    // A vanguard of 40 people in a group of 5,000 (named as a part): no worse than a typical figure.
    expect(sizeLoss(Math.log(40), true, Math.log(5000), m)).toBeLessThan(whole + 2);
  });

  it("reports off the route count as outliers, not as impossible", () => {
    const cost = groupCost([{ t: 1, km: 10 }, { t: 2 }, { t: 3, km: 40 }], m);
    expect(Number.isFinite(cost)).toBe(true);
  });
});

describe("groupCostTerms", () => {
  it("splits groupCost into positions, reports off the route and figures", () => {
    const reports = byTime([...walk(1, 8, 0, 30, 2000), { t: 4.2 }, { t: 5.5, logSize: 6 }]);
    const t = groupCostTerms(reports, m);
    expect(t.total).toBe(groupCost(reports, m));
    expect(t.positions + t.offRoute + t.sizes).toBeCloseTo(t.total, 9);
    // Two reports are off the route (no km): each read as an outlier.
    expect(t.offRoute).toBeCloseTo(2 * -Math.log(m.outlierShare / m.roadKm), 9);
    expect(t.sizes).toBeGreaterThan(0);
  });

  it("a larger spread floor makes a compact group cost more, never less", () => {
    const km = walk(1, 10, 0, 20).map((r) => r.km as number);
    const tight = fitPositions(km, { ...m, floorKm: 5 });
    const floored = fitPositions(km, { ...m, floorKm: 25 });
    expect(floored.spreadKm).toBeGreaterThanOrEqual(25);
    expect(floored.cost).toBeGreaterThan(tight.cost);
  });

  it("two reports at one place weighted a half each count as one report", () => {
    const twice = fitPositions([100, 100, 160, 210], m, [0.5, 0.5, 1, 1]);
    const once = fitPositions([100, 160, 210], m);
    expect(twice.cost).toBeCloseTo(once.cost, 9);
    expect(twice.spreadKm).toBeCloseTo(once.spreadKm, 9);
    expect(fitPositions([100, 160, 210], m, [1, 1, 1]).cost).toBe(once.cost);
  });
});

describe("inliers with weights (placeDay.ts)", () => {
  // Eight reports of one shelter on one day at km 500, then four days of the body at 100–130: the
  // track cannot go back, so one side is outliers — the shelter counted apiece, the body when the
  // shelter's reports share one report's weight (as groupCost weighs them).
  const shelter: CostReport[] = Array.from({ length: 8 }, (_, k) => ({ t: 0.1 * k, km: 500 }));
  const rest: CostReport[] = [100, 110, 120, 130].map((km, d) => ({ t: d + 1, km }));
  const m = { ...DEFAULT_COST_MODEL, roadKm: 3000 };
  it("reads the body as outliers when every report counts apiece", () => {
    expect(inliers([...shelter, ...rest], m)).toEqual([
      ...shelter.map(() => true),
      false,
      false,
      false,
      false,
    ]);
  });
  it("reads the shelter as outliers when its reports weigh 1/8 each", () => {
    const weighted = shelter.map((r) => ({ ...r, weight: 1 / 8 }));
    expect(inliers([...weighted, ...rest], m)).toEqual([
      ...shelter.map(() => false),
      true,
      true,
      true,
      true,
    ]);
  });
});
