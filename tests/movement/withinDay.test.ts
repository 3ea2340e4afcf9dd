import { describe, expect, it } from "vitest";
import {
  DATE_ONLY_HOURS,
  DAY_MOVE_TIMING,
  dateOnlyOffsets,
  dayMoveShare,
  moveOffsetFromNoon,
  trackDayOf,
} from "../../src/movement/index.ts";
import { toLocalTime } from "../../src/calendar/index.ts";

const at = (text: string): number => toLocalTime(text, "America/Mexico_City")?.t ?? NaN;

describe("within-day timing of a day's move", () => {
  it("spreads moves evenly over the day by default: (hour − 12) / 24 from noon", () => {
    expect(DAY_MOVE_TIMING).toEqual({ startHour: 0, endHour: 24, smooth: false });
    expect(moveOffsetFromNoon(at("2018-10-26T04:00"))).toBeCloseTo(-8 / 24, 9);
    expect(moveOffsetFromNoon(at("2018-10-26T22:00"))).toBeCloseTo(10 / 24, 9);
    expect(moveOffsetFromNoon(at("2018-10-26"))).toBe(0);
    // Day 17830 is 2018-10-26: a 04:00 report sits 2/3 of the way from the 25th's noon to the 26th's.
    expect(trackDayOf(at("2018-10-26T04:00"))).toBeCloseTo(17830 - 8 / 24, 9);
  });

  it("reads a predawn-to-afternoon ramp: nothing moved before the start, all after the end", () => {
    const ramp = { startHour: 4, endHour: 14, smooth: true };
    expect(dayMoveShare(3, ramp)).toBe(0);
    expect(dayMoveShare(9, ramp)).toBeCloseTo(0.5, 9);
    expect(dayMoveShare(15, ramp)).toBe(1);
    // Smoothstep at 80 % of the ramp (12:00): 3·0.8² − 2·0.8³ = 0.896.
    expect(moveOffsetFromNoon(at("2018-10-26T04:00"), ramp)).toBeCloseTo(-0.896, 9);
    expect(moveOffsetFromNoon(at("2018-10-26T22:00"), ramp)).toBeCloseTo(0.104, 9);
    const linear = { startHour: 4, endHour: 20, smooth: false };
    expect(dayMoveShare(12, linear)).toBeCloseTo(0.5, 9);
    expect(moveOffsetFromNoon(at("2018-10-26T02:00"), linear)).toBeCloseTo(-0.5, 9);
  });

  it("reads a date-only report at three hours, the same offsets as before under the default", () => {
    expect(DATE_ONLY_HOURS).toEqual([8.4, 13.2, 18]);
    const offsets = dateOnlyOffsets({ startHour: 0, endHour: 24, smooth: false });
    [-0.15, 0.05, 0.25].forEach((f, i) => expect(offsets[i]).toBeCloseTo(f, 12));
    // Under a 04:00–20:00 ramp the evening hour is done with 7/8 of the day's move.
    const ramp = dateOnlyOffsets({ startHour: 4, endHour: 20, smooth: false });
    expect(ramp[2]).toBeCloseTo(14 / 16 - 0.5, 12);
  });
});
