import { describe, expect, it } from "vitest";
import {
  DEFAULT_COST_MODEL,
  fitPositions,
  goodShare,
  groupCost,
  isotonic,
  partResidual,
  PART_REACH_KM,
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

  it("a named vanguard's lead (a rear's lag) within its reach is no residual", () => {
    expect(partResidual(300, 1)).toBe(0);
    expect(partResidual(PART_REACH_KM + 100, 1)).toBe(100);
    expect(partResidual(-20, 1)).toBe(-20);
    expect(partResidual(-300, -1)).toBe(0);
    expect(partResidual(-PART_REACH_KM - 50, -1)).toBe(-50);
    expect(partResidual(20, -1)).toBe(20);
    expect(partResidual(300, undefined)).toBe(300);
  });

  it("a body with its vanguard seen 300 km ahead is one group when the vanguard is named", () => {
    const model = DEFAULT_COST_MODEL;
    const body = walk(1, 14, 0, 30, 3000);
    const head = walk(1, 14, 300, 30, 60)
      .filter((_, i) => i % 2 === 0)
      .map((r) => ({ ...r, t: r.t + 0.2, part: true }));
    const named = head.map((r) => ({ ...r, side: 1 as const }));
    const apart = groupCost(body, model) + groupCost(head, model) + BIRTH_NATS;
    expect(groupCost(byTime([...body, ...named]), model)).toBeLessThan(apart);
    // Unnamed, the vanguard's reports are spread about one track: cheaper as a second group.
    expect(groupCost(byTime([...body, ...head]), model)).toBeGreaterThan(apart);
    // The fitted track follows the body, not the vanguard.
    const all = byTime([...body, ...named]);
    const { fit } = fitPositions(
      all.map((r) => r.km as number),
      model,
      all.map((r) => r.side),
    );
    all.forEach((r, i) => {
      if (r.side === undefined) expect(Math.abs(fit[i] - (r.km as number))).toBeLessThan(20);
    });
  });

  it("a named vanguard ahead within its reach is good; behind the track or far beyond, an outlier", () => {
    const model = DEFAULT_COST_MODEL;
    expect(goodShare(300, model, 1)).toBeGreaterThan(0.9);
    expect(goodShare(300, model)).toBeLessThan(0.1);
    expect(goodShare(-300, model, 1)).toBeLessThan(0.1);
    expect(goodShare(PART_REACH_KM + 300, model, 1)).toBeLessThan(0.1);
    expect(goodShare(-300, model, -1)).toBeGreaterThan(0.9);
    // Its density within the reach is lower than a body report's on the track (it integrates to 1).
    expect(goodShare(0, model, 1)).toBeLessThan(goodShare(0, model));
  });
});
