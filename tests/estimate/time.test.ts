import { describe, expect, it } from "vitest";
import {
  dayToIsoDate,
  isoDateToDay,
  isValidTimeZone,
  toLocalTime,
} from "../../src/estimate/time.ts";
import { assertInDelta } from "../asserts.ts";

describe("estimate time axis", () => {
  it("toLocalTime(date) takes a bare date at 12:00 local, time unknown", () => {
    const t = toLocalTime("2018-10-22", "America/Mexico_City");
    expect(t?.hasTime).toBe(false);
    assertInDelta(t?.t, 17826.5, 1e-9);
  });

  it("toLocalTime(datetime without offset) is already local", () => {
    assertInDelta(toLocalTime("2018-10-22T18:00", "America/Mexico_City")?.t, 17826.75, 1e-9);
  });

  it("toLocalTime(datetime with offset) converts to the report zone (CDT = UTC−5 in Oct 2018)", () => {
    assertInDelta(toLocalTime("2018-10-22T17:00:00Z", "America/Mexico_City")?.t, 17826.5, 1e-9);
    // after DST ended (28 Oct 2018) Mexico City is UTC−6
    assertInDelta(toLocalTime("2018-11-05T18:00:00Z", "America/Mexico_City")?.t, 17840.5, 1e-9);
  });

  it("toLocalTime returns undefined for text that is not an ISO date", () => {
    expect(toLocalTime("22/10/2018", "UTC")).toBeUndefined();
    expect(toLocalTime("", "UTC")).toBeUndefined();
  });

  it("dayToIsoDate and isoDateToDay are inverse", () => {
    expect(dayToIsoDate(17826)).toBe("2018-10-22");
    expect(isoDateToDay("2018-10-22")).toBe(17826);
  });

  it("isValidTimeZone accepts IANA names and rejects others", () => {
    expect(isValidTimeZone("America/Tijuana")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
