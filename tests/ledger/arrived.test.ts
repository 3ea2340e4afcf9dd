/**
 * An arrived group's people no count holds are remaining at its route's end, not in transit
 * (src/ledger/arrived.ts): the ledger reads the status rule (`groupDayStatus`) the state reads.
 */
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { holdUntilUnseen } from "../../src/state/onRoad.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { RouteCollection } from "../../src/model/route.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { dataset, PLACES, track } from "./fixtures.ts";
import { oneRoute } from "../oneRoute.ts";

const routes: RouteCollection = oneRoute([
  [-88.03, 15.5],
  [-117.0037, 32.5027],
]);
const length = createRouteIndex(routes).lengthKm("main");
const tijuana = PLACES[0]!;
/** Group A at `km` (its median person) on 20 Nov with 1,000 people. */
const at = (km: number): TrackPoint[] =>
  track("A", ["2018-11-20"], 1000, tijuana).map((p) => ({ ...p, km, kmLow: km - 5, kmHigh: km }));
const onTheWay = track("B", ["2018-11-20"], 500);
const value = (split: { category: string; placeName?: string; value: number }[], c: string) =>
  split.filter((r) => r.category === c).reduce((n, r) => n + r.value, 0);

describe("an arrived group is at its route's end", () => {
  it("within 20 km of the route's end: its people remain at Tijuana, not in transit", () => {
    const { split, departed, groups } = buildLedger({
      dataset: dataset([], { routes }),
      tracks: [...at(length - 10), ...onTheWay],
    });
    expect(value(split, "in_transit")).toBe(500);
    // No count of it at arrival: the low end of its 90 % interval (800 of 1,000) is held there,
    // up to its high end; the other 200 of its estimated people are unknown, not invented.
    expect(split.find((r) => r.category === "remaining")).toMatchObject({
      placeName: "Tijuana",
      country: "MEX",
      value: 800,
      valueLow: 800,
      valueHigh: 1200,
    });
    expect(value(split, "unknown")).toBe(200);
    expect(departed[0]!.value).toBe(1500);
    expect(split.reduce((n, r) => n + r.value, 0)).toBe(1500);
    expect(groups.find((g) => g.group === "A")).toMatchObject({ onRoad: 0, atDestination: 800 });
  });

  it("its count at arrival is held, not its estimated size (2018: LGBT group ~80, estimated 1,110)", () => {
    const report = (observedAt: string, lon: number, lat: number, sizeBest: number) => ({
      observedAt,
      lon,
      lat,
      placeName: "x",
      caravanLabel: "A",
      sizeBest,
    });
    const ledger = (sightings: ReturnType<typeof report>[]) =>
      buildLedger({
        dataset: dataset([], { routes, sightings }),
        tracks: [...at(length - 10), ...onTheWay],
      });
    // Its last sized report is at Tijuana: 300 there, the other 700 unknown.
    const counted = ledger([report("2018-11-19T22:00", tijuana.lon, tijuana.lat, 300)]);
    expect(counted.split.find((r) => r.category === "remaining")).toMatchObject({
      placeName: "Tijuana",
      value: 300,
      valueLow: 300,
      valueHigh: 300,
    });
    expect(value(counted.split, "unknown")).toBe(700);
    expect(counted.groups.find((g) => g.group === "A")?.atDestination).toBe(300);
    // A vanguard counted there before the body was reported on the road is not the count at
    // arrival, nor is a report dated after the day: the low end again.
    for (const sightings of [
      [report("2018-11-10", tijuana.lon, tijuana.lat, 300), report("2018-11-15", -105, 22.5, 900)],
      [report("2018-11-21", tijuana.lon, tijuana.lat, 300)],
    ]) {
      const { split } = ledger(sightings);
      expect(split.find((r) => r.category === "remaining")?.value).toBe(800);
    }
    // A count larger than the group's people on the road holds them all, no more.
    const large = ledger([report("2018-11-20", tijuana.lon, tijuana.lat, 5000)]);
    expect(large.split.find((r) => r.category === "remaining")?.value).toBe(1000);
    expect(value(large.split, "unknown")).toBe(0);
  });

  it("30 km short of it the group is on the road (20 km, groupDayStatus)", () => {
    const { split } = buildLedger({
      dataset: dataset([], { routes }),
      tracks: [...at(length - 30), ...onTheWay],
    });
    expect(value(split, "in_transit")).toBe(1500);
    expect(value(split, "remaining")).toBe(0);
  });

  it("a count at the place holds its people first; only the people beyond it are added, once", () => {
    const count: StockFigure = {
      date: "2018-11-20",
      category: "remaining",
      basis: "present",
      placeName: "Tijuana",
      value: 800,
    };
    const { split, departed } = buildLedger({
      dataset: dataset([count], { routes }),
      tracks: [...at(length), ...onTheWay],
    });
    const rows = split.filter((r) => r.category === "remaining");
    expect(rows).toHaveLength(1);
    // The count's 800, and the low end (160) of the group's 200 beyond it: 40 unknown.
    expect(rows[0]!.value).toBe(960);
    expect(value(split, "unknown")).toBe(40);
    expect(value(split, "in_transit")).toBe(500);
    expect(split.reduce((n, r) => n + r.value, 0)).toBe(departed[0]!.value);
  });

  it("without routes nothing changes: the group is in transit", () => {
    const { split } = buildLedger({ dataset: dataset([]), tracks: [...at(length), ...onTheWay] });
    expect(value(split, "in_transit")).toBe(1500);
  });

  it("a track that ended at its destination stays there the next days, not unknown", () => {
    const ended = at(length);
    const ends = [
      { group: "A", lastDate: "2018-11-20", lastReportDate: "2018-11-20", reason: "destination" },
    ];
    const held = holdUntilUnseen(ended, ends, "2018-11-23");
    expect(held.map((p) => p.date)).toEqual([
      "2018-11-20",
      "2018-11-21",
      "2018-11-22",
      "2018-11-23",
    ]);
    // Unmoved: the held days are at the route's end, where the track ended.
    expect(held.every((p) => p.km === length)).toBe(true);
    const { split } = buildLedger({
      dataset: dataset([], { routes }),
      tracks: held,
      trackEnds: ends,
    });
    const on = (date: string, c: string) =>
      split.filter((r) => r.date === date && r.category === c).reduce((n, r) => n + r.value, 0);
    expect(on("2018-11-23", "remaining")).toBe(800);
    expect(on("2018-11-23", "unknown")).toBe(200);
    // A later count at the place is the newer evidence on a held day: it holds the group's people.
    const later: StockFigure = {
      date: "2018-11-23",
      category: "remaining",
      basis: "present",
      placeName: "Tijuana",
      value: 600,
    };
    const counted = buildLedger({
      dataset: dataset([later], { routes }),
      tracks: held,
      trackEnds: ends,
    });
    const day = counted.split.filter((r) => r.date === "2018-11-23");
    expect(day.filter((r) => r.category === "remaining").map((r) => r.value)).toEqual([600]);
    expect(day.find((r) => r.category === "unknown")?.value).toBe(400);
  });

  it("a count at its route's end that names another group still holds the arrived group's people", () => {
    const count: StockFigure = {
      date: "2018-11-20",
      category: "remaining",
      basis: "present",
      placeName: "Tijuana",
      value: 3000,
      caravanLabel: "B",
    };
    const { split, departed } = buildLedger({
      dataset: dataset([count], { routes }),
      tracks: [...at(length), ...track("B", ["2018-11-20"], 2500, tijuana)],
    });
    // Tijuana's 3,000 are read once: A's 1,000 are among them, not added beside them.
    expect(split.filter((r) => r.category === "remaining").map((r) => r.value)).toEqual([3000]);
    expect(split.reduce((n, r) => n + r.value, 0)).toBe(departed[0]!.value);
  });
});
