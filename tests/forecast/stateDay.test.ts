/**
 * The forecast's start day and the regimes aged to it (src/forecast/stateDay.ts, tryout 22 #3).
 */
import { describe, expect, it } from "vitest";
import { aged, startDay } from "../../src/forecast/stateDay.ts";
import { defaultMovementModel } from "../../src/movement/index.ts";
import { dayNumber } from "../../src/calendar/index.ts";

describe("stateDay", () => {
  it("starts on the as-of date for a bare date (end of day), the day before for 00:00", () => {
    const d = dayNumber("2018-11-25")!;
    expect(startDay(d + 0.99999)).toBe(d);
    expect(startDay(d + 0.5)).toBe(d);
    expect(startDay(d)).toBe(d - 1);
  });

  it("ages regime shares by the chain: unchanged at 0 days, towards the long-run shares", () => {
    const m = defaultMovementModel();
    const ride = { rest: 0, walk: 0, ride: 1 };
    expect(aged(ride, m, 0)).toEqual(ride);
    const one = aged(ride, m, 1);
    const many = aged(ride, m, 200);
    expect(one.ride).toBeLessThan(1);
    expect(one.ride).toBeGreaterThan(many.ride);
    for (const r of ["rest", "walk", "ride"] as const)
      expect(many[r]).toBeCloseTo(
        m.regimes[r] / (m.regimes.rest + m.regimes.walk + m.regimes.ride),
        6,
      );
    expect(one.rest + one.walk + one.ride).toBeCloseTo(1, 12);
  });
});
