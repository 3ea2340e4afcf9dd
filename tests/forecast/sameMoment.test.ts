/**
 * "Most already past" and "first people already there" are judged at the same moment, the last
 * noon at or before the as-of moment (review 21a, MED 3): as of 25 Nov 2018 (the data end on
 * 22 Nov) eight places of Salvadoran group Nov 18 were "most already past" while its first people
 * were dated "arriving 25 Nov".
 */
import { describe, expect, it } from "vitest";
import { embedded2018, forecastArrivals, mulberry32, nowcast } from "../../src/index.ts";

describe("mostPassed and headReached read one moment", () => {
  it("every mostPassed place of a group with a head is headReached (as of 25 Nov and 2 Dec 2018)", () => {
    const data = embedded2018();
    let checked = 0;
    for (const asOf of ["2018-11-25", "2018-12-02"]) {
      const now = nowcast(data, { asOf });
      const f = forecastArrivals(now, { dataset: data, runs: 200, random: mulberry32(1) });
      for (const a of f.arrivals) {
        if (!a.mostPassed || !a.headArrivalDate) continue;
        checked++;
        expect(a.headReached, `${asOf} ${a.group} at ${a.placeName}`).toBe(true);
        // Reached: the first people's p50 is the as-of day, and it is said as "already there".
        expect(a.headArrivalDate.p50, `${asOf} ${a.group} at ${a.placeName}`).toBe(asOf);
      }
    }
    // The days review 21a found: 8 such places on 25 Nov, 12 more on 2 Dec.
    expect(checked).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
