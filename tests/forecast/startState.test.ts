/**
 * The forecast's start is the nowcast (tryout21 findings 3 and 4): stratified start draws, a
 * reported ride aged to the state's day, and the "first people already there" rule.
 */
import { describe, expect, it } from "vitest";
import { simulateRuns, stratifiedNormals } from "../../src/forecast/jointRuns.ts";
import { headHasReached } from "../../src/forecast/forecast.ts";
import { ridingAfter, startRegime } from "../../src/forecast/reportedRegime.ts";
import { defaultMovementModel } from "../../src/movement/index.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { embedded2018, nowcast } from "../../src/index.ts";
import { dayQuantile, runsGroup } from "./runsFixture.ts";

describe("the forecast's starting state", () => {
  it("starts the runs at the nowcast's median exactly on a skewed interval (Salvadoran caravan 1, 5 Nov 2018)", () => {
    // 573.7 km, 90 % interval 278.9–3,240.4 km: free draws put the median run at 651.8 km.
    const km = { median: 573.7, low: 278.9, high: 3240.4, mean: 771.6, sd: 746 };
    const wide = { median: 607.3, low: 262, high: 4071.3 };
    const g = runsGroup(
      km,
      { rest: 0.25, walk: 0.55, ride: 0.2 },
      { km: wide, regime: { rest: 0, walk: 0, ride: 1 } },
    );
    for (const [runs, seed] of [
      [500, 1],
      [501, 2],
      [100, 3],
    ] as const) {
      const sim = simulateRuns(g, 3, runs, mulberry32(seed), {
        attritionPerDay: 0,
        joinLeaveProb: 0.03,
        startSpread: 1,
      });
      expect(dayQuantile(sim.km, 3, 0, 0.5)).toBeCloseTo(573.7, 6);
      // The head from its own median at the same ranks (floored at the body's km).
      expect(dayQuantile(sim.head!, 3, 0, 0.5)).toBeCloseTo(607.3, 6);
      // p10/p90 of the start: the split normal's 10th and 90th percentiles (1.2816 / 1.645 of
      // each half of the 90 % interval), to within one run.
      const sdHigh = (3240.4 - 573.7) / 1.645;
      const p90 = dayQuantile(sim.km, 3, 0, 0.9);
      expect(Math.abs(p90 - (573.7 + 1.2816 * sdHigh))).toBeLessThan(sdHigh * 0.06);
    }
  });

  it("deals every normal quantile once, shuffled by the seed", () => {
    const z = stratifiedNormals(1000, mulberry32(5));
    const sorted = Array.from(z).sort((a, b) => a - b);
    expect(sorted[499]).toBe(0);
    expect(sorted[500]).toBe(0);
    expect(sorted[0]).toBeCloseTo(-3.29, 2);
    expect(sorted[999]).toBeCloseTo(3.29, 2);
    // Shuffled: not in rank order, and another seed deals them otherwise.
    expect(Array.from(z)).not.toEqual(sorted);
    expect(Array.from(stratifiedNormals(1000, mulberry32(6)))).not.toEqual(Array.from(z));
  });

  it("keeps the spread of small run counts and the exact median of odd ones (review 21a LOW 6)", () => {
    const sorted = (n: number) =>
      Array.from(stratifiedNormals(n, mulberry32(3))).sort((a, b) => a - b);
    // 2 runs: both at the median before (no start spread at all); now ±Φ⁻¹(0.75).
    expect(sorted(2)[0]).toBeCloseTo(-0.674, 3);
    expect(sorted(2)[1]).toBeCloseTo(0.674, 3);
    // 4 and 10 runs (the CLI's least): no rank set to 0, every value a quantile's.
    expect(sorted(4).every((z) => z !== 0)).toBe(true);
    const ten = sorted(10);
    expect(ten.reduce((s, z) => s + z, 0)).toBeCloseTo(0, 12);
    expect(ten.every((z) => z !== 0)).toBe(true);
    // Odd n: the middle rank is 0, so the median is exact whatever n.
    for (const n of [1, 3, 11, 501]) expect(sorted(n)[(n - 1) / 2], `${n}`).toBe(0);
    // From 20 runs on, even n has its two middle ranks at 0 (the median exactly the map at 0).
    const twenty = sorted(20);
    expect([twenty[9], twenty[10]]).toEqual([0, 0]);
  });

  it("ages a reported ride by the regime chain from the reports' day to the state's day", () => {
    const movement = defaultMovementModel();
    expect(ridingAfter(movement, 0)).toEqual({ rest: 0, walk: 0, ride: 1 });
    const one = ridingAfter(movement, 1);
    expect(one.ride).toBeLessThan(1);
    expect(one.ride).toBeGreaterThan(ridingAfter(movement, 9).ride);
    // Nine days on (Honduran caravan 2: reports 12–13 Nov, state 22 Nov 2018): near the long-run
    // shares, no longer "riding".
    const nine = ridingAfter(movement, 9);
    expect(nine.ride).toBeLessThan(movement.regimes.ride + 0.15);
    expect(nine.rest + nine.walk + nine.ride).toBeCloseTo(1, 9);
    // Mixed in by the weight: fresh reports keep the start "riding" (the default behaviour).
    const est = { rest: 0.5, walk: 0.5, ride: 0 };
    expect(startRegime(est, "ride", 1)).toEqual({ rest: 0, walk: 0, ride: 1 });
    expect(startRegime(est, "ride", 1, nine)).toEqual(nine);
    expect(startRegime(est, "walk", 1, nine)).toEqual(est);
  });

  it("counts first people already there where the nowcast's median head is at or past the place", () => {
    // Tijuana (4,521.5 km) as of 14 Nov 2018 20:00: head median 4,521.53, low 4,195.7.
    expect(headHasReached({ km: { median: 4521.531598 } }, 4521.531598)).toBe(true);
    expect(headHasReached({ km: { median: 4521.5 } }, 4521.531598)).toBe(true);
    expect(headHasReached({ km: { median: 4521.3 } }, 4521.531598)).toBe(false);
    expect(headHasReached(undefined, 10)).toBe(false);
  });

  it("does not start Honduran caravan 2 riding on 22 Nov 2018 from reports a ride apart on 12–13 Nov", () => {
    const now = nowcast(embedded2018(), { asOf: "2018-11-25" });
    const hc2 = now.groups.find((g) => g.group === "Honduran caravan 2")!;
    // Its track ends on 22 Nov; the forecast starts from the state held on 25 Nov (stateDay.ts).
    expect(hc2.observedDate).toBe("2018-11-22");
    expect(hc2.lastDate).toBe("2018-11-25");
    expect(hc2.reportedRegime).toBe("ride");
    // Before: { rest: 0, walk: 0, ride: 1 }, and the runs rode ~260 km a day from 22 to 25 Nov.
    expect(hc2.regime.ride).toBeLessThan(0.5);
  }, 60_000);
});
