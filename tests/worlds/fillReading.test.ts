import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILL_MODEL,
  dayWindow,
  dayWindows,
  fillTerms,
  sharedRateCost,
} from "../../bench/worlds/fillReading.ts";
import type { FillReport } from "../../bench/worlds/fillReading.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";

const m = DEFAULT_COST_MODEL;
const f = DEFAULT_FILL_MODEL;

/** Two reports a day at `km0 + 20 d` and 60 km behind it, days `from`…`to`. */
function body(from: number, to: number, km0: number): FillReport[] {
  const out: FillReport[] = [];
  for (let d = from; d <= to; d++)
    out.push({ t: d + 0.4, km: km0 + 20 * d }, { t: d + 0.6, km: km0 + 20 * d - 60 });
  return out;
}

describe("dayWindow", () => {
  it("spans the day's cluster and reads a report far from it as an outlier", () => {
    const w = dayWindow([100, 120, 130, 900], [1, 1, 1, 1], m, f);
    expect(w.weightIn).toBe(3);
    expect(w.lengthKm).toBeCloseTo(30 + 2 * f.edgeKm, 6);
    expect(w.centre).toBeCloseTo(115, 6);
  });

  it("is at least the shortest window for a lone report", () => {
    const w = dayWindow([400], [1], m, f);
    expect(w.lengthKm).toBe(f.minKm);
    expect(w.cost).toBeCloseTo(Math.log(f.minKm / (1 - m.outlierShare)), 9);
  });
});

describe("fillTerms", () => {
  it("makes one window a day, in day order", () => {
    const wins = dayWindows(body(0, 4, 100), m, f);
    expect(wins.map((d) => d.day)).toEqual([0, 1, 2, 3, 4]);
    expect(wins.every((d) => d.weightIn === 2)).toBe(true);
  });

  it("charges two groups 400 km apart read as one for the long windows of their shared days", () => {
    const a = body(0, 9, 100);
    const b = body(0, 9, 500);
    const apart = fillTerms(a, m).windows + fillTerms(b, m).windows;
    const joined = fillTerms(
      [...a, ...b].sort((x, y) => x.t - y.t),
      m,
    ).windows;
    expect(joined).toBeGreaterThan(apart + 10);
  });

  it("counts the group's days from its first report to its last", () => {
    expect(fillTerms([...body(0, 1, 0), ...body(5, 5, 0)], m).days).toBe(6);
  });
});

describe("sharedRateCost", () => {
  it("is N log(Σ days): two groups on the same days read as one save their shared days", () => {
    const a = body(0, 9, 100);
    const b = body(0, 9, 500);
    expect(sharedRateCost([a, b])).toBeCloseTo(40 * Math.log(20), 9);
    expect(sharedRateCost([[...a, ...b]])).toBeCloseTo(40 * Math.log(10), 9);
  });

  it("per day, charges each report log of the groups alive that day", () => {
    const a = body(0, 1, 100);
    const b = body(1, 1, 500);
    // Day 0: 2 reports, 1 group; day 1: 4 reports, 2 groups.
    expect(sharedRateCost([a, b], true)).toBeCloseTo(4 * Math.log(2), 9);
  });
});
