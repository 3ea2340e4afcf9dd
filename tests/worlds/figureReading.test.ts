import { describe, expect, it } from "vitest";
import {
  DEFAULT_FIGURE_MODEL,
  figureDaySpans,
  figureDaysCost,
} from "../../bench/worlds/figureReading.ts";
import { DEFAULT_COST_MODEL, sizeLoss } from "../../src/estimate/trackCost.ts";

const m = DEFAULT_COST_MODEL;
const f = DEFAULT_FIGURE_MODEL;
const logN = Math.log(800);

describe("figureDaysCost", () => {
  it("costs nothing when a day's whole-looking figures lie within one window", () => {
    const reports = [
      { t: 1.2, km: 100, logSize: logN },
      { t: 1.7, km: 100 + f.nearKm, logSize: logN },
      { t: 2.5, km: 900, logSize: logN },
    ];
    expect(figureDaysCost(reports, logN, m, f)).toBe(0);
  });

  it("re-reads the figures outside the best window as parts, at the prior share of parts", () => {
    const reports = [
      { t: 1.2, km: 100, logSize: logN },
      { t: 1.3, km: 120, logSize: logN },
      { t: 1.7, km: 500, logSize: logN },
    ];
    const extra =
      sizeLoss(logN, true, logN, m) - Math.log(m.partShare) - sizeLoss(logN, false, logN, m);
    expect(extra).toBeGreaterThan(0);
    expect(figureDaysCost(reports, logN, m, f)).toBeCloseTo(extra, 9);
    expect(figureDaysCost(reports, logN, m, { ...f, weight: 3 })).toBeCloseTo(3 * extra, 9);
  });

  it("leaves out reports that name a part, are off the route or carry no figure", () => {
    const reports = [
      { t: 1.2, km: 100, logSize: logN },
      { t: 1.3, km: 600, logSize: logN, part: true },
      { t: 1.4, logSize: logN },
      { t: 1.5, km: 700 },
    ];
    expect(figureDaysCost(reports, logN, m, f)).toBe(0);
    expect(figureDaysCost(reports, undefined, m, f)).toBe(0);
  });
});

describe("figureDaySpans", () => {
  it("counts the days with two or more figures and those spanning more than nearKm", () => {
    const reports = [
      { t: 1.2, km: 100, logSize: logN },
      { t: 1.7, km: 400, logSize: logN },
      { t: 2.2, km: 420, logSize: logN },
      { t: 2.6, km: 430, logSize: logN },
      { t: 3.1, km: 450, logSize: logN },
    ];
    expect(figureDaySpans(reports, 150)).toEqual({ days: 2, wide: 1 });
  });
});
