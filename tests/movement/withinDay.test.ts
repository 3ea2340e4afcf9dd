import { describe, expect, it } from "vitest";
import {
  DATE_ONLY_HOURS,
  DATE_ONLY_REPORT_HOUR,
  DAY_MOVE_TIMING,
  dateOnlyOffsets,
  dateOnlyReportOffset,
  EVEN_DAY_MOVE_TIMING,
  dayMoveShare,
  moveOffsetFromNoon,
  readingOffset,
  readingTime,
  trackDayOf,
} from "../../src/movement/index.ts";
import { toLocalTime } from "../../src/calendar/index.ts";

const at = (text: string): number => toLocalTime(text, "America/Mexico_City")?.t ?? NaN;

describe("within-day timing of a day's move", () => {
  it("moves from 04:00 to 20:00 by default: a predawn report sees where the group slept", () => {
    expect(DAY_MOVE_TIMING).toEqual({ startHour: 4, endHour: 20, smooth: false });
    expect(moveOffsetFromNoon(at("2018-10-26T04:00"))).toBeCloseTo(-0.5, 9);
    expect(moveOffsetFromNoon(at("2018-10-26T22:00"))).toBeCloseTo(0.5, 9);
    expect(moveOffsetFromNoon(at("2018-10-26T16:00"))).toBeCloseTo(0.25, 9);
    // Day 17830 is 2018-10-26: a 04:00 report sits halfway from the 25th's noon to the 26th's.
    expect(trackDayOf(at("2018-10-26T04:00"))).toBeCloseTo(17830 - 0.5, 9);
  });

  it("spreads moves evenly over the day under the even timing: (hour − 12) / 24 from noon", () => {
    const even = EVEN_DAY_MOVE_TIMING;
    expect(moveOffsetFromNoon(at("2018-10-26T04:00"), even)).toBeCloseTo(-8 / 24, 9);
    expect(moveOffsetFromNoon(at("2018-10-26T22:00"), even)).toBeCloseTo(10 / 24, 9);
    expect(trackDayOf(at("2018-10-26T04:00"), even)).toBeCloseTo(17830 - 8 / 24, 9);
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

  it("reads a date-only report at 13:00, and a time known by its date only at three hours", () => {
    expect(DATE_ONLY_REPORT_HOUR).toBe(13);
    expect(dateOnlyReportOffset()).toBeCloseTo(1 / 16, 12);
    expect(dateOnlyReportOffset(EVEN_DAY_MOVE_TIMING)).toBeCloseTo(1 / 24, 12);
    expect(DATE_ONLY_HOURS).toEqual([8.4, 13.2, 18]);
    const offsets = dateOnlyOffsets(EVEN_DAY_MOVE_TIMING);
    [-0.15, 0.05, 0.25].forEach((f, i) => expect(offsets[i]).toBeCloseTo(f, 12));
    // Under a 04:00–20:00 ramp the evening hour is done with 7/8 of the day's move.
    const ramp = dateOnlyOffsets({ startHour: 4, endHour: 20, smooth: false });
    expect(ramp[2]).toBeCloseTo(14 / 16 - 0.5, 12);
  });
});

describe("readingTime / readingOffset", () => {
  it("reads a report with an hour at its time, a date-only one at DATE_ONLY_REPORT_HOUR of its date", () => {
    const t = at("2018-10-26T07:30");
    expect(readingTime(t, true)).toBe(t);
    expect(readingTime(t, false)).toBeCloseTo(at("2018-10-26T13:00"), 9);
    expect(readingTime(Math.floor(t), false)).toBeCloseTo(at("2018-10-26T13:00"), 9);
  });
  it("gives the offset of the reading time (the estimator's and the check's one rule)", () => {
    for (const hour of ["02:00", "07:30", "12:00", "18:45"]) {
      const t = at(`2018-11-03T${hour}`);
      for (const hasTime of [true, false])
        for (const timing of [DAY_MOVE_TIMING, EVEN_DAY_MOVE_TIMING])
          expect(readingOffset(t, hasTime, timing)).toBeCloseTo(
            moveOffsetFromNoon(readingTime(t, hasTime), timing),
            9,
          );
    }
    expect(readingOffset(at("2018-11-03T07:30"), false)).toBe(dateOnlyReportOffset());
  });
});
