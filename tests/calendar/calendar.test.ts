import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  civilFromDays,
  dayNumber,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  daysOfInstant,
  excelSerialOfDay,
  excelSerialOfInstant,
  excelSerialToDay,
  excelSerialToIso,
  excelTimeOfDay,
  instantOfDays,
  isIsoDate,
  isValidTimeZone,
  isoDate,
  isoDateOf,
  localDateOf,
  localDays,
  timeZoneOffsetMs,
  toLocalTime,
  utcDateOfInstant,
} from "../../src/calendar/index.ts";

const HOUR = 3_600_000;

describe("day numbers (days since 1970-01-01 of a local calendar date)", () => {
  it("counts from 1970-01-01 and reads only the date of a date-time", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2018-10-13")).toBe(17817);
    // The local date as written: an offset does not move it to another day.
    expect(dayNumber("2018-10-13T23:30:00-06:00")).toBe(17817);
    expect(dayNumber(" 2018-10-13 ")).toBe(17817);
  });

  it("rejects what is not a real date", () => {
    for (const bad of ["2018-02-30", "2019-02-29", "2018-13-01", "2018-00-10", "13/10/2018", ""])
      expect(dayNumber(bad), bad).toBeUndefined();
    expect(dayNumber("2020-02-29")).toBe(18321);
    expect(dayNumber("2000-02-29")).toBeDefined();
    expect(dayNumber("1900-02-29")).toBeUndefined();
  });

  it("agrees with Date.UTC and round-trips through isoDate over 1800–2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000, max: 84_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(isoDate(day)).toBe(iso);
        expect(dayNumber(iso)).toBe(day);
        const { y, m, d } = civilFromDays(day);
        expect(daysFromCivil(y, m, d)).toBe(day);
      }),
    );
  });

  it("floors a fractional day, and writes years before 1000 with four digits", () => {
    expect(isoDate(17817.99)).toBe("2018-10-13");
    expect(isoDate(-0.5)).toBe("1969-12-31");
    expect(isoDate(daysFromCivil(50, 3, 1))).toBe("0050-03-01");
    expect(() => isoDate(NaN)).toThrow(RangeError);
  });

  it("builds checked dates from parts and knows month lengths", () => {
    expect(isoDateOf(2018, 10, 13)).toBe("2018-10-13");
    expect(isoDateOf(2018, 2, 29)).toBeUndefined();
    expect(isoDateOf(2018, 10, 1.5)).toBeUndefined();
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2018, 12)).toBe(31);
  });

  it("isIsoDate accepts exactly YYYY-MM-DD", () => {
    expect(isIsoDate("2019-01-15")).toBe(true);
    expect(isIsoDate("2019-01-15T06:00")).toBe(false);
    expect(isIsoDate("2019-02-30")).toBe(false);
    expect(isIsoDate(" 2019-01-15")).toBe(false);
  });
});

describe("adding days", () => {
  it("crosses months, years and leap days", () => {
    expect(addDays("2018-12-31", 1)).toBe("2019-01-01");
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2018-11-05", -23)).toBe("2018-10-13");
    expect(addDays("2018-10-13T22:00-06:00", 1)).toBe("2018-10-14");
    expect(daysBetween("2018-10-13", "2018-11-05")).toBe(23);
    expect(daysBetween("2018-11-05", "2018-10-13")).toBe(-23);
  });

  it("throws a RangeError naming the text when it is not a date", () => {
    expect(() => addDays("13/10/2018", 1)).toThrow(/"13\/10\/2018" is not an ISO date/);
    expect(() => daysBetween("2018-10-13", "soon")).toThrow(RangeError);
  });
});

describe("instants", () => {
  it("maps milliseconds to fractional UTC days and back", () => {
    expect(daysOfInstant(Date.UTC(2018, 9, 13, 12))).toBe(17817.5);
    expect(instantOfDays(17817.5)).toBe(Date.UTC(2018, 9, 13, 12));
    expect(utcDateOfInstant(Date.UTC(2018, 9, 13, 23, 59))).toBe("2018-10-13");
  });
});

describe("time zones", () => {
  it("America/Mexico_City: daylight saving time until 28 Oct 2018 (UTC−5), then UTC−6", () => {
    expect(timeZoneOffsetMs(Date.UTC(2018, 9, 27, 12), "America/Mexico_City")).toBe(-5 * HOUR);
    expect(timeZoneOffsetMs(Date.UTC(2018, 9, 29, 12), "America/Mexico_City")).toBe(-6 * HOUR);
    // 28 Oct 2018, 02:00 CDT = 07:00Z: clocks went back to 01:00 CST.
    expect(timeZoneOffsetMs(Date.UTC(2018, 9, 28, 6, 59), "America/Mexico_City")).toBe(-5 * HOUR);
    expect(timeZoneOffsetMs(Date.UTC(2018, 9, 28, 7, 0), "America/Mexico_City")).toBe(-6 * HOUR);
    // Guatemala kept no daylight saving time in 2018.
    expect(timeZoneOffsetMs(Date.UTC(2018, 9, 27, 12), "America/Guatemala")).toBe(-6 * HOUR);
  });

  it("gives the local date of an instant, which may be the day before the UTC date", () => {
    // 03:00Z on 14 Oct is 22:00 CDT on 13 Oct; 05:30Z on 30 Oct is 23:30 CST on 29 Oct.
    expect(localDateOf(Date.UTC(2018, 9, 14, 3), "America/Mexico_City")).toBe("2018-10-13");
    expect(localDateOf(Date.UTC(2018, 9, 30, 5, 30), "America/Mexico_City")).toBe("2018-10-29");
    expect(localDateOf(Date.UTC(2018, 9, 30, 6, 30), "America/Mexico_City")).toBe("2018-10-30");
    expect(localDays(Date.UTC(2018, 9, 22, 17), "America/Mexico_City")).toBe(17826.5);
    expect(localDays(Date.UTC(2018, 10, 5, 18), "America/Mexico_City")).toBe(17840.5);
  });

  it("knows which zone names are valid and refuses the others", () => {
    expect(isValidTimeZone("America/Mexico_City")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(() => timeZoneOffsetMs(0, "Mars/Olympus_Mons")).toThrow(/unknown time zone/);
  });
});

describe("local time (the estimator's local-day axis)", () => {
  it("takes a bare date at local noon and a local time as written", () => {
    expect(toLocalTime("2018-10-22", "America/Mexico_City")).toEqual({
      t: 17826.5,
      hasTime: false,
    });
    expect(toLocalTime("2018-10-22T06:00", "America/Mexico_City")).toEqual({
      t: 17826.25,
      hasTime: true,
    });
  });

  it("converts an offset or Z with the zone's offset of that day (DST until 28 Oct 2018)", () => {
    // 18:00Z is 13:00 CDT on 27 October, 12:00 CST on 29 October.
    expect(toLocalTime("2018-10-27T18:00:00Z", "America/Mexico_City")?.t).toBe(17831 + 13 / 24);
    expect(toLocalTime("2018-10-29T18:00:00Z", "America/Mexico_City")?.t).toBe(17833.5);
    expect(toLocalTime("2018-10-29T12:00-06:00", "America/Mexico_City")?.t).toBe(17833.5);
  });

  it("refuses what is not a date or has a field out of range", () => {
    for (const bad of ["2018-02-30", "2018-10-22T25:00", "2018-10-22T12:00+15:00", "22/10/2018"])
      expect(toLocalTime(bad, "UTC"), bad).toBeUndefined();
  });
});

describe("Excel serials", () => {
  it("reads the 1900 and 1904 systems", () => {
    expect(excelSerialToIso(43386)).toBe("2018-10-13");
    expect(excelSerialToIso(43386.75)).toBe("2018-10-13");
    expect(excelSerialToIso(41924, true)).toBe("2018-10-13");
    expect(excelSerialToIso(61)).toBe("1900-03-01");
    expect(excelSerialToIso(0, true)).toBe("1904-01-01");
    expect(excelSerialToDay(43386)).toBe(17817);
  });

  it("writes serials of day numbers and instants (inverse of reading)", () => {
    expect(excelSerialOfDay(17817)).toBe(43386);
    expect(excelSerialOfDay(17817, true)).toBe(41924);
    expect(excelSerialOfInstant(Date.UTC(2018, 9, 13, 18))).toBe(43386.75);
    expect(excelSerialOfInstant(0)).toBe(25569);
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), fc.boolean(), (serial, s1904) => {
        expect(excelSerialOfDay(excelSerialToDay(serial, s1904), s1904)).toBe(serial);
      }),
    );
  });

  it("reads the time of day of a serial's fraction, to the minute or the second", () => {
    expect(excelTimeOfDay(43386, "minute")).toBeUndefined();
    expect(excelTimeOfDay(43386.25, "minute")).toBe("06:00");
    expect(excelTimeOfDay(43386.25, "second")).toBe("06:00");
    expect(excelTimeOfDay(43386.25 + 1 / 86_400, "second")).toBe("06:00:01");
    expect(excelTimeOfDay(43386.75 + 29 / 86_400, "minute")).toBe("18:00");
    expect(excelTimeOfDay(43386.75 + 31 / 86_400, "minute")).toBe("18:01");
    expect(excelTimeOfDay(43386.9999999, "minute")).toBe("00:00");
  });
});
