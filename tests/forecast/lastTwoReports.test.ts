import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lastTwoReportsArrival, reportsOfGroup } from "../../src/forecast/lastTwoReports.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import { assertInDelta } from "../asserts.ts";
import { equatorRoad, roadPlace } from "./road.ts";

describe("lastTwoReportsArrival (constant speed from the last two reports)", () => {
  it("extrapolates the speed between the two latest reports, not the average since departure", () => {
    // 0 → 100 km in 5 days (20 km/day), then 100 → 300 km in 1 day (200 km/day).
    const reports = [
      { t: 10.5, km: 0 },
      { t: 15.5, km: 100 },
      { t: 16.5, km: 300 },
    ];
    // 600 km ahead of the last report at 200 km/day: 3 days after it.
    expect(lastTwoReportsArrival(reports, 900)).toBeCloseTo(19.5, 9);
    // Order of the input does not matter.
    expect(lastTwoReportsArrival([...reports].reverse(), 900)).toBeCloseTo(19.5, 9);
  });

  it("is exact for any group moving at a constant speed", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 3000, noNaN: true }),
        (speed, gap, ahead) => {
          const reports = [
            { t: 100, km: 50 },
            { t: 100 + gap, km: 50 + speed * gap },
          ];
          const placeKm = 50 + speed * gap + ahead;
          assertInDelta(lastTwoReportsArrival(reports, placeKm), 100 + gap + ahead / speed, 1e-6);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("merges reports at the same moment into their mean km", () => {
    const reports = [
      { t: 1.5, km: 100 },
      { t: 2.5, km: 150 },
      { t: 2.5, km: 250 },
    ];
    // Last = mean 200 at t 2.5; speed (200 − 100) / 1 = 100 km/day.
    expect(lastTwoReportsArrival(reports, 500)).toBeCloseTo(5.5, 9);
  });

  it("has no speed with fewer than two report times or without forward movement", () => {
    expect(lastTwoReportsArrival([], 100)).toBeUndefined();
    expect(lastTwoReportsArrival([{ t: 1.5, km: 10 }], 100)).toBeUndefined();
    expect(
      lastTwoReportsArrival(
        [
          { t: 1.5, km: 50 },
          { t: 2.5, km: 50 },
        ],
        100,
      ),
    ).toBeUndefined();
    expect(
      lastTwoReportsArrival(
        [
          { t: 1.5, km: 60 },
          { t: 2.5, km: 50 },
        ],
        100,
      ),
    ).toBeUndefined();
  });

  it("dates nothing before the as-of moment; a place behind the last report is reached then", () => {
    const reports = [
      { t: 1.5, km: 0 },
      { t: 2.5, km: 100 },
    ];
    expect(lastTwoReportsArrival(reports, 50)).toBe(2.5);
    expect(lastTwoReportsArrival(reports, 50, { asOf: 4 })).toBe(4);
    // Extrapolated to 3.5, issued at 4: "now".
    expect(lastTwoReportsArrival(reports, 200, { asOf: 4 })).toBe(4);
    expect(lastTwoReportsArrival(reports, 400, { asOf: 4 })).toBeCloseTo(5.5, 9);
  });

  it("takes the speed over at least minGapDays (reports of two parts minutes apart)", () => {
    // Two reports an hour apart, 200 km apart: 4,800 km/day as given, 800 km/day over 6 hours.
    const reports = [
      { t: 10.5, km: 100 },
      { t: 10.5 + 1 / 24, km: 300 },
    ];
    const last = 10.5 + 1 / 24;
    expect(lastTwoReportsArrival(reports, 1100)).toBeCloseTo(last + 800 / 4800, 9);
    expect(lastTwoReportsArrival(reports, 1100, { minGapDays: 0.25 })).toBeCloseTo(last + 1, 9);
    // Reports further apart than the floor keep their own speed.
    const slow = [
      { t: 1.5, km: 0 },
      { t: 2.5, km: 100 },
    ];
    expect(lastTwoReportsArrival(slow, 400, { minGapDays: 0.25 })).toBeCloseTo(5.5, 9);
    // A place behind the last report is reached then, whatever the floor.
    expect(lastTwoReportsArrival(reports, 200, { minGapDays: 0.25 })).toBe(last);
  });
});

describe("reportsOfGroup", () => {
  // A straight road along the equator: 1° of longitude ≈ 111.2 km.
  const place = roadPlace;
  const dataset: Pick<Dataset, "sightings" | "places" | "routes" | "timeZone"> = {
    timeZone: "UTC",
    places: [place("A", 0), place("B", 2)],
    routes: equatorRoad,
    sightings: [
      { id: "s1", observedAt: "2018-10-20", placeName: "A" },
      { id: "s2", observedAt: "2018-10-21T06:00:00", lat: 0.01, lon: 1 },
      { id: "s3", observedAt: "2018-10-22", placeName: "B" },
      { id: "s4", observedAt: "2018-10-22", sizeBest: 500 },
      { id: "other", observedAt: "2018-10-21", placeName: "B" },
    ],
  };
  const estimate = {
    groups: [
      {
        group: "g",
        routeId: "road",
        firstDate: "2018-10-20",
        lastDate: "2018-10-22",
        sightings: ["s1", "s2", "s3", "s4"],
        labelled: true,
      },
    ],
  };

  it("projects the group's position reports on its route, by place name or coordinates, in time order", () => {
    const r = reportsOfGroup(dataset, estimate, "g");
    expect(r.map((x) => x.t)).toEqual([17824.5, 17825.25, 17826.5]);
    assertInDelta(r[0]!.km, 0, 1e-6);
    assertInDelta(r[1]!.km, 111.195, 0.01);
    assertInDelta(r[2]!.km, 222.39, 0.01);
  });

  it("leaves out reports after the as-of moment, and knows no unknown group", () => {
    expect(reportsOfGroup(dataset, estimate, "g", { asOf: 17826 })).toHaveLength(2);
    expect(reportsOfGroup(dataset, estimate, "nobody")).toEqual([]);
  });
});
