/** The one as-of rule (src/calendar/as-of.ts): a bare date is the end of that local day. */
import { describe, expect, it } from "vitest";
import { asOfCutText, asOfMoment, toLocalTime } from "../../src/index.ts";

const zone = "America/Mexico_City";

describe("asOfMoment: what 'as of' a date or date-time means", () => {
  it("reads a bare date as the end of that local day: 23:59:59.999 is in, the next day's 00:00 is not", () => {
    const m = asOfMoment("2018-11-13", zone)!;
    expect(m).toMatchObject({ date: "2018-11-13", endOfDay: true });
    expect(m.t).toBeGreaterThan(toLocalTime("2018-11-13T23:59:59", zone)!.t);
    expect(m.t).toBeGreaterThanOrEqual(toLocalTime("2018-11-13T23:59:59.999", zone)!.t);
    expect(m.t).toBeLessThan(toLocalTime("2018-11-14T00:00", zone)!.t);
    // A time written 24:00 is the next day's 00:00, after the end of the day.
    expect(m.t).toBeLessThan(toLocalTime("2018-11-13T24:00:00", zone)!.t);
    expect(Math.floor(m.t)).toBe(toLocalTime("2018-11-13T06:00", zone)!.t - 0.25);
  });

  it("keeps the time of a date-time, and converts an offset to the local date", () => {
    expect(asOfMoment("2018-11-13T12:00", zone)).toEqual({
      t: toLocalTime("2018-11-13T12:00", zone)!.t,
      date: "2018-11-13",
      endOfDay: false,
    });
    // 03:00 UTC on 14 Nov is 21:00 on 13 Nov in Mexico City (UTC−6).
    expect(asOfMoment("2018-11-14T03:00Z", zone)?.date).toBe("2018-11-13");
    expect(asOfMoment("2018-11-32", zone)).toBeUndefined();
  });

  it("says when the cut falls, naming the time zone", () => {
    expect(asOfCutText("2018-11-13", zone)).toBe(
      "by the end of 2018-11-13, America/Mexico_City time",
    );
    expect(asOfCutText("2018-11-13T12:00", zone)).toBe(
      "by 2018-11-13T12:00, America/Mexico_City time",
    );
  });
});
