import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { dayNumber, isoDate } from "../../src/calendar/index.ts";
import { haversineKm } from "../../src/geo/distance.ts";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import type { LedgerResult } from "../../src/ledger/types.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import type { SplitRow, TrackPoint } from "../../src/model/track.ts";
import { runReplay } from "../../src/replay/replay.ts";
import { buildCorridorState, corridorDay } from "../../src/state/buildState.ts";
import { groupBody } from "../../src/state/groupBody.ts";
import type { CorridorDay } from "../../src/state/types.ts";
import { dataset, PLACES, randomLedgerInput, track } from "../ledger/fixtures.ts";
import { oneRoute } from "../oneRoute.ts";

/** departed = in transit + present at places + returned + onward + unknown, and the parts agree. */
function expectConserved(state: readonly CorridorDay[], ledger: LedgerResult): void {
  expect(state.map((d) => d.date)).toEqual(ledger.departed.map((d) => d.date));
  for (const day of state) {
    const t = day.totals;
    expect(t.inTransit + t.presentAtPlaces + t.returned + t.onward + t.unknown).toBe(t.departed);
    for (const v of Object.values(t)) expect(v).toBeGreaterThanOrEqual(0);
    // The places add up to the people present at places (country-only rows included).
    const atPlaces = day.places.reduce((s, p) => s + p.resting + p.waiting + p.staying, 0);
    expect(atPlaces).toBe(t.presentAtPlaces);
    for (const p of day.places) expect(p.present).toBe(p.resting + p.waiting + p.staying);
    expectTransitIsGroups(day, ledger.split);
  }
}

/** The ledger's in_transit rows are the groups on the road: the same people, rounded per country. */
function expectTransitIsGroups(day: CorridorDay, split: readonly SplitRow[]): void {
  const rows = split.filter((r) => r.date === day.date && r.category === "in_transit");
  const onRoad = day.groups.reduce((s, g) => s + g.onRoad, 0);
  const low = day.groups.reduce((s, g) => s + g.onRoadLow, 0);
  const high = day.groups.reduce((s, g) => s + g.onRoadHigh, 0);
  expect(Math.abs(day.totals.inTransit - onRoad)).toBeLessThanOrEqual(rows.length);
  expect(day.totals.inTransit).toBeGreaterThanOrEqual(Math.floor(low) - rows.length);
  expect(day.totals.inTransit).toBeLessThanOrEqual(Math.ceil(high) + rows.length);
  // Nobody travels through a place without being on the road.
  const travelling = day.places.reduce((s, p) => s + p.travelling, 0);
  expect(travelling).toBeLessThanOrEqual(onRoad + 1e-6);
}

describe("the state of the corridor on the embedded 2018 replay (runReplay, as every front end)", () => {
  let data: Dataset;
  let tracks: TrackPoint[];
  let ledger: LedgerResult;
  let state: CorridorDay[];
  beforeAll(() => {
    data = embedded2018();
    ({ tracks, ledger, state } = runReplay(data));
  });

  it("conserves people on every day and its in transit is the groups on the road", () => {
    expect(state.length).toBeGreaterThan(60);
    expectConserved(state, ledger);
  });

  it("tracks every group with a track point on the day, with its body", () => {
    for (const day of state) {
      const todays = tracks.filter((t) => t.date === day.date);
      expect(day.groups.map((g) => g.group).sort()).toEqual(todays.map((t) => t.group).sort());
      for (const g of day.groups) {
        expect(g.headKm).toBeGreaterThanOrEqual(g.tailKm);
        expect(g.onRoad).toBeLessThanOrEqual(Number.isFinite(g.size) ? g.size + 1e-6 : 0);
      }
    }
  });

  it("tracks every group on every day from its first to its last, once a day, and the state has it each of those days", () => {
    const days = new Map<string, string[]>();
    for (const p of tracks) days.set(p.group, [...(days.get(p.group) ?? []), p.date]);
    expect(days.size).toBeGreaterThanOrEqual(8);
    for (const [group, dates] of days) {
      const sorted = [...dates].sort();
      const first = dayNumber(sorted[0]!)!;
      const last = dayNumber(sorted.at(-1)!)!;
      // One point a day, no day missing between the first and the last.
      expect(sorted, group).toEqual(
        Array.from({ length: last - first + 1 }, (_, i) => isoDate(first + i)),
      );
      for (const date of sorted) {
        const day = corridorDay(state, date);
        expect(
          day?.groups.some((g) => g.group === group),
          `${group} ${date}`,
        ).toBe(true);
      }
    }
  });

  it("tracks the largest group to the border cities (Tijuana or Mexicali)", () => {
    const peak = new Map<string, number>();
    for (const p of tracks)
      if (Number.isFinite(p.size)) peak.set(p.group, Math.max(peak.get(p.group) ?? 0, p.size));
    const [largest] = [...peak].sort((a, b) => b[1] - a[1])[0]!;
    const last = tracks
      .filter((p) => p.group === largest)
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .at(-1)!;
    const border = data.places.filter((p) => p.name === "Tijuana" || p.name === "Mexicali");
    expect(border).toHaveLength(2);
    const km = Math.min(...border.map((b) => haversineKm(last.lon, last.lat, b.lon, b.lat)));
    expect(
      km,
      `${largest} ends ${km.toFixed(0)} km from the border cities on ${last.date}`,
    ).toBeLessThanOrEqual(40);
    // At its route's end: the people counted there are no longer on the road.
    const route = data.routes.features.find((f) => f.properties.route_id === last.routeId)!;
    const end = route.geometry.coordinates.at(-1)!;
    expect(haversineKm(last.lon, last.lat, end[0]!, end[1]!)).toBeLessThanOrEqual(40);
    const body = corridorDay(state, last.date)!.groups.find((g) => g.group === largest)!;
    expect(body.atPlace).toBeDefined();
    expect(body.onRoad).toBeLessThan(body.size);
  });

  it("on 15 Dec 2018 places 4,000 in Tijuana as staying (its shelters' capacity beside it)", () => {
    const day = corridorDay(state, "2018-12-15")!;
    const tijuana = day.places.find((p) => p.placeName === "Tijuana")!;
    expect(tijuana.staying).toBe(4000);
    expect(tijuana.present).toBe(4000);
    expect(tijuana.capacity).toBeGreaterThan(0);
    // Asylum claimants in Mexico wait there: placed in the country, not lost.
    const mexico = day.places.find((p) => p.placeName === undefined && p.country === "MEX")!;
    expect(mexico.waiting).toBe(3736);
  });
});

describe("buildCorridorState on small inputs", () => {
  it("counts a group at Tijuana where people remain as arrived, the rest as travelling through", () => {
    const dates = ["2018-11-20", "2018-11-21"];
    const stocks: StockFigure[] = dates.map((date) => ({
      date,
      category: "remaining",
      basis: "present",
      country: "MEX",
      placeName: "Tijuana",
      value: 2500,
    }));
    const tracks = track("A", dates, 3000, PLACES[0]);
    const data = dataset(stocks, {
      routes: oneRoute([
        [-88, 15.5],
        [-117.0037, 32.5027],
      ]),
    });
    const ledger = buildLedger({ dataset: data, tracks });
    const day = buildCorridorState({ dataset: data, tracks, ledger })[0]!;
    expect(day.groups[0]!.onRoad).toBeCloseTo(500);
    expect(day.groups[0]!.atPlace).toBe("Tijuana");
    const tijuana = day.places.find((p) => p.placeName === "Tijuana")!;
    expect(tijuana).toMatchObject({ staying: 2500, present: 2500 });
    expect(tijuana.travelling).toBeCloseTo(500);
    expect(day.totals).toMatchObject({ inTransit: 500, presentAtPlaces: 2500 });
  });

  it("groupBody takes head and tail from the track, else the median km", () => {
    const [p] = track("A", ["2018-11-01"], 100);
    expect(groupBody(p!)).toMatchObject({ headKm: p!.km, tailKm: p!.km, onRoad: 100 });
    const body = groupBody({ ...p!, headKm: 30, headKmLow: 20, headKmHigh: 40, tailKm: -10 });
    expect(body).toMatchObject({ headKm: 30, headKmLow: 20, headKmHigh: 40, tailKm: -10 });
  });

  it("conserves people on random stocks and groups (property)", () => {
    fc.assert(
      fc.property(randomLedgerInput(20), ({ stocks, tracks }) => {
        const data = dataset(stocks);
        const ledger = buildLedger({ dataset: data, tracks });
        expectConserved(buildCorridorState({ dataset: data, tracks, ledger }), ledger);
      }),
      { numRuns: 60 },
    );
  });
});
