import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { embedded2018 } from "../../src/embedded/index.ts";
import * as api from "../../src/index.ts";
import type { MovementModel } from "../../src/movement/index.ts";
import { fitAttritionPerDay } from "../../src/forecast/attrition.ts";
import { forecastArrivals, groupStatus } from "../../src/forecast/forecast.ts";
import { MAX_SILENCE_DAYS } from "../../src/movement/silence.ts";
import { groupMovement } from "../../src/forecast/groupMovement.ts";
import { naiveArrival } from "../../src/forecast/naive.ts";
import { headAtReports, headStart, nowcast } from "../../src/forecast/nowcast.ts";
import type { GroupNowcast, Nowcast } from "../../src/forecast/nowcast.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { assertInDelta } from "../asserts.ts";
import { exactPoint } from "../exactTrack.ts";
import { equatorRoad, roadPlace } from "./road.ts";

// A straight road along the equator: 1° of longitude ≈ 111.2 km.
const routes = equatorRoad;
const place = roadPlace;
const places = [place("A", 0), place("B", 2), place("C", 5), place("D", 9)];
const kmOf = (lon: number) => (lon * Math.PI * 6371.0088) / 180;

/** Walks exactly `speed` km every day. */
function steady(speed: number): MovementModel {
  return {
    regimes: { rest: 0, walk: 1, ride: 0 },
    persistence: 0,
    walkKm: { mean: speed, sd: 0 },
    rideKm: { min: 80, max: 420 },
    longRideProb: 0,
    longRideMaxKm: 1600,
  };
}

function group(
  km: number,
  movement: MovementModel,
  extra: Partial<GroupNowcast> = {},
): GroupNowcast {
  return {
    group: "g",
    routeId: "road",
    routeLengthKm: kmOf(10),
    labelled: true,
    lastDate: "2018-10-20",
    lastDay: 17824,
    km: { median: km, low: km, high: km, mean: km, sd: 0 },
    regime: { rest: 0, walk: 1, ride: 0 },
    size: { median: 1000, low: 1000, high: 1000, logMean: Math.log(1000), logSd: 0 },
    departureDate: "2018-10-10",
    departureKm: 0,
    daysSinceObserved: 0,
    movement,
    ...extra,
  };
}

function world(groups: GroupNowcast[], attritionPerDay = 0): Nowcast {
  return {
    asOf: 17824.5,
    asOfDate: "2018-10-20",
    timeZone: "UTC",
    movement: steady(40),
    attritionPerDay,
    groups,
    estimate: {} as Nowcast["estimate"],
  };
}

/** The forecast of one group's arrival at C (30 days, 20 runs, no joins or leaves). */
function placeC(g: GroupNowcast) {
  const f = forecastArrivals(world([g]), {
    dataset: { places, routes },
    horizonDays: 30,
    runs: 20,
    joinLeaveProb: 0,
  });
  return f.arrivals.find((a) => a.placeName === "C")!;
}

describe("forecastArrivals", () => {
  it("forecasts a place the runs reach after the as-of moment but before the next noon", () => {
    // Last seen at noon of 20 Oct 150 km before B, 200 km a day, as of 00:00 on 21 Oct: the runs
    // cross B at 06:00 on 21 Oct (0.75 days after the last noon). The position at noon of the
    // as-of day is past B, but B is still ahead as of the forecast: it must be listed, not
    // dropped as passed (issue 14, round 4: those were the stress bulk's late misses).
    const start = kmOf(2) - 150;
    const f = forecastArrivals(
      { ...world([group(start, steady(200))]), asOf: 17825, asOfDate: "2018-10-21" },
      { dataset: { places, routes }, horizonDays: 10, runs: 20, random: mulberry32(3) },
    );
    const b = f.arrivals.find((a) => a.placeId === "B");
    expect(b).toBeDefined();
    assertInDelta(b!.arrival.p50, 17825.25, 0.01);
    expect(f.arrivals.some((a) => a.placeId === "A")).toBe(false);
  });

  it("lists a place behind the start's median while more than one run in ten has not reached it", () => {
    // Median 50 km past B, 90 % interval from 150 km before B: about a third of the runs start
    // behind B. B is not "passed" (before round 7 it was dropped, read as "arrived now", with
    // no interval): its p50 is the as-of moment (most runs are past it), its p90 is when the
    // runs that start ~105 km behind it (the 10th percentile of the start) walk there at 40 km/day.
    const b = kmOf(2);
    const g = group(b + 50, steady(40), {
      km: { median: b + 50, low: b - 150, high: b + 60, mean: b + 50, sd: 60 },
    });
    const f = forecastArrivals(world([g]), {
      dataset: { places, routes },
      horizonDays: 30,
      runs: 400,
      random: mulberry32(5),
      joinLeaveProb: 0,
    });
    const at = f.arrivals.find((a) => a.placeId === "B");
    expect(at).toBeDefined();
    assertInDelta(at!.arrival.p50, 17824.5, 1e-9);
    assertInDelta(at!.arrival.p90, 17824.5 + 105.8 / 40, 0.4);
    // Behind most of the group (the median run is past it): the library says so, for front ends
    // to word "most already past" rather than a median date; C, ahead of the median, is not.
    expect(at!.mostPassed).toBe(true);
    const c = f.arrivals.find((a) => a.placeId === "C");
    expect(c).toBeDefined();
    expect(c!.mostPassed).toBeUndefined();
    // A is 222 km behind the median, past the start's 10th percentile: passed, left out.
    expect(f.arrivals.some((a) => a.placeId === "A")).toBe(false);
  });

  it("a group walking a steady speed reaches each place at (km ahead) / speed days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 120 }),
        fc.integer({ min: 0, max: 200 }),
        (speed, start) => {
          const f = forecastArrivals(world([group(start, steady(speed))]), {
            dataset: { places, routes },
            horizonDays: 60,
            runs: 20,
            random: mulberry32(3),
            joinLeaveProb: 0,
          });
          for (const a of f.arrivals) {
            const expected = 17824.5 + (a.km - start) / speed;
            if (expected > 17824.5 + 60) continue;
            // The start is drawn with a 0.5 km spread (the smallest the sampler allows).
            assertInDelta(a.arrival.p50, expected, 2.5 / speed + 1e-6);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("lists only places ahead of the group, in km order, with blank quantiles past the horizon", () => {
    const f = forecastArrivals(world([group(kmOf(3), steady(50))]), {
      dataset: { places, routes },
      horizonDays: 10,
      runs: 50,
    });
    expect(f.arrivals.map((a) => a.placeName)).toEqual(["C", "D"]);
    const [c, d] = f.arrivals;
    expect(c!.probWithinHorizon).toBe(1);
    // D is 667 km ahead: 13 days at 50 km/day, beyond a 10-day horizon.
    expect(d!.probWithinHorizon).toBe(0);
    expect(d!.arrival.p50).toBeUndefined();
    expect(d!.arrivalDate.p10).toBeUndefined();
    expect(d!.people).toBeUndefined();
  });

  it("people arriving fall with the attrition rate and are blank when the size is unknown", () => {
    const known = forecastArrivals(world([group(0, steady(100))], 0.02), {
      dataset: { places, routes },
      horizonDays: 30,
      runs: 200,
      joinLeaveProb: 0,
    });
    const c = known.arrivals.find((a) => a.placeName === "C")!;
    // 556 km at 100 km/day: 6 daily steps, each losing 2 % × U(0.5, 1.5).
    expect(c.people!.p50).toBeGreaterThan(1000 * 0.98 ** 6 * 0.97);
    expect(c.people!.p50).toBeLessThan(1000 * 0.98 ** 6 * 1.03);
    const unknown = forecastArrivals(world([group(0, steady(100), { size: undefined })]), {
      dataset: { places, routes },
      horizonDays: 30,
      runs: 50,
    });
    expect(unknown.arrivals.every((a) => a.people === undefined)).toBe(true);
    expect(unknown.positions.every((p) => p.size === undefined)).toBe(true);
  });

  it("warns (DtmWarning, module forecast) about a group on the road off the corridor, past every place or of unknown size", () => {
    const f = forecastArrivals(
      world([
        group(kmOf(3), steady(50), { group: "fine" }),
        group(0, steady(50), { group: "elsewhere", routeId: "coast" }),
        group(kmOf(9.5), steady(50), { group: "arrived" }),
        group(0, steady(50), { group: "unsized", size: undefined }),
        group(0, steady(50), {
          group: "stale",
          lastDate: "2018-09-26",
          lastDay: 17800,
          daysSinceObserved: 24,
          size: undefined,
        }),
      ]),
      { dataset: { places, routes }, horizonDays: 5, runs: 10 },
    );
    expect(f.warnings.map((w) => [w.code, w.message.split(" ")[0]])).toEqual([
      ["route_not_in_corridor", "elsewhere"],
      ["no_place_ahead", "arrived"],
      ["size_unknown", "No"],
    ]);
    // "stale" is dissolved (not moved on): its status says so, no warning about its size.
    expect(f.groups.find((g) => g.group === "stale")?.status).toBe("dissolved");
    expect(f.warnings.every((w) => w.source.module === "forecast")).toBe(true);
    expect(f.warnings[2]!.message).toBe(
      "No source gave the size of unsized; its arrivals and positions have no people figures.",
    );
    expect(f.arrivals.some((a) => a.group === "elsewhere" || a.group === "arrived")).toBe(false);
  });

  it("the cone starts on the as-of day and covers every day of the horizon", () => {
    const f = forecastArrivals(world([group(0, steady(40))]), {
      dataset: { places, routes },
      horizonDays: 5,
      runs: 30,
    });
    expect(f.positions.map((p) => p.date)).toEqual([
      "2018-10-20",
      "2018-10-21",
      "2018-10-22",
      "2018-10-23",
      "2018-10-24",
      "2018-10-25",
    ]);
    for (const p of f.positions) expect(p.km.p10).toBeLessThanOrEqual(p.km.p90);
  });

  it("throws without places and routes, and for a negative horizon", () => {
    expect(() => forecastArrivals(world([]))).toThrow(/dataset or options.corridor/);
    expect(() =>
      forecastArrivals(world([]), { dataset: { places, routes }, horizonDays: -1 }),
    ).toThrow(/horizonDays/);
  });
});

describe("forecastArrivals starts from the state as of the day", () => {
  it("never dates an arrival before the as-of moment, and leaves out places passed by then", () => {
    // Last seen 3 days before the as-of moment at km 0, walking 100 km a day: by then at ~300 km.
    const g = group(0, steady(100), { lastDay: 17821, lastDate: "2018-10-17" });
    const f = forecastArrivals(world([g]), {
      dataset: { places, routes },
      horizonDays: 20,
      runs: 50,
      joinLeaveProb: 0,
    });
    expect(f.groups.map((x) => x.status)).toEqual(["on_road"]);
    // B (222 km) was passed before the as-of day: no arrival there.
    expect(f.arrivals.map((a) => a.placeName)).toEqual(["C", "D"]);
    for (const a of f.arrivals) {
      for (const q of [a.arrival.p10, a.arrival.p50, a.arrival.p90]) {
        if (q !== undefined) expect(q).toBeGreaterThanOrEqual(17824.5);
      }
      expect(a.arrivalDate.p10! >= "2018-10-20").toBe(true);
    }
  });

  it("reports a group last seen long before as dissolved and one at its route's end as arrived, with no arrivals", () => {
    const stale = group(kmOf(3), steady(50), {
      group: "old",
      lastDay: 17800,
      lastDate: "2018-09-26",
    });
    const home = group(kmOf(10) - 5, steady(50), { group: "home" });
    const f = forecastArrivals(world([stale, home]), { dataset: { places, routes }, runs: 20 });
    expect(f.groups.map((x) => [x.group, x.status, x.placeName])).toEqual([
      ["old", "dissolved", "B"],
      ["home", "arrived", "D"],
    ]);
    expect(f.arrivals).toEqual([]);
    expect(f.positions).toEqual([]);
    // Dissolved after MAX_SILENCE_DAYS (21) days without a report, the number the result carries
    // for the front ends' texts; "old" (24 days) is on the road with staleDays 30.
    expect(f.staleDays).toBe(MAX_SILENCE_DAYS);
    const lenient = forecastArrivals(world([stale]), {
      dataset: { places, routes },
      runs: 20,
      staleDays: 30,
    });
    expect([lenient.staleDays, lenient.groups[0]!.status]).toEqual([30, "on_road"]);
  });

  it("measures dissolved from the last report, not from the track's end (the rule of the state's unseenSince)", () => {
    // The track runs to the as-of day (the estimator carries it to the data's end), but its last
    // report is 22 days before: dissolved. One day later report: 21 days, still on the road.
    const asOf = 17824.5; // 2018-10-20 12:00
    const km = { median: 100, low: 100, high: 100, mean: 100, sd: 0 };
    const carried = { km, routeLengthKm: 1000, lastDay: 17824 };
    expect(groupStatus({ ...carried, lastSeenDate: "2018-09-28" }, asOf)).toBe("dissolved");
    expect(groupStatus({ ...carried, lastSeenDate: "2018-09-29" }, asOf)).toBe("on_road");
    // A rule measured from the track's end would keep it on the road: it fails this.
    expect(groupStatus({ ...carried, lastSeenDate: "2018-09-28" }, asOf, { staleDays: 22 })).toBe(
      "on_road",
    );
  });

  it("2018 as of 25 Nov: Salvadoran caravan 1 (last report 1 Nov) is dissolved, as the state counts it unknown", () => {
    const data = embedded2018();
    const now = nowcast(data, { asOf: "2018-11-25" });
    const c1 = now.groups.find((g) => g.group === "Salvadoran caravan 1")!;
    expect(c1.lastSeenDate).toBe("2018-11-01");
    // Its track runs to 22 Nov, the data's end then (carried on by the movement model): a rule
    // measured from the track's end (3 days) kept it "on the road, Tijuana median 8 Dec".
    expect(c1.lastDate).toBe("2018-11-22");
    const f = forecastArrivals(now, { dataset: data, runs: 20 });
    expect(f.groups.find((g) => g.group === "Salvadoran caravan 1")!.status).toBe("dissolved");
    expect(f.arrivals.some((a) => a.group === "Salvadoran caravan 1")).toBe(false);
    // The state as of the same day has no one of it on the road (held to 22 Nov at most).
    const state = api.runReplay(data, { asOf: "2018-11-25" }).state;
    const day = state.find((d) => d.date === "2018-11-25")!;
    const onRoad = day.groups
      .filter((g) => g.group === "Salvadoran caravan 1")
      .reduce((sum, g) => sum + g.onRoad, 0);
    expect(onRoad).toBe(0);
  });

  it("forecasts the head's arrival ahead of the median person's when the track has a head", () => {
    const g = group(0, steady(100), { headAheadKm: 200 });
    const c = placeC(g);
    // C is 556 km ahead: the median person in 5.56 days, the head (200 km ahead) in 3.56.
    assertInDelta(c.arrival.p50, 17824.5 + 5.56, 0.1);
    assertInDelta(c.headArrival!.p50, 17824.5 + 3.56, 0.1);
    expect(c.headArrivalDate!.p50! <= c.arrivalDate.p50!).toBe(true);
    // Without a head the head columns stay blank.
    const plain = forecastArrivals(world([group(0, steady(100))]), {
      dataset: { places, routes },
      runs: 20,
    });
    expect(plain.arrivals.every((a) => a.headArrival === undefined)).toBe(true);
  });

  it("marks a place the head had passed by the group's last day as reached (headReached), the others not", () => {
    // B is at 222 km: the median person (150 km) has not reached it, the head's 90 % interval
    // (230–280 km) is past it, so its first people are already there; C (556 km) is ahead of both.
    const head = {
      km: { median: 260, low: 230, high: 280 },
      regime: { rest: 0, walk: 1, ride: 0 },
    };
    const f = forecastArrivals(world([group(150, steady(100), { headAheadKm: 110, head })]), {
      dataset: { places, routes },
      runs: 20,
    });
    const at = (name: string) => f.arrivals.find((a) => a.placeName === name)!;
    expect(at("B").headReached).toBe(true);
    expect(at("C").headReached).toBeUndefined();
    // Without a head nothing is reached.
    const plain = forecastArrivals(world([group(150, steady(100))]), {
      dataset: { places, routes },
      runs: 20,
    });
    expect(plain.arrivals.some((a) => a.headReached)).toBe(false);
  });

  it("moves the head on from its own start: a head that rides arrives days before the shifted median", () => {
    // The median person walks 100 km a day; the head, 200 km ahead, rode into its last day and
    // keeps riding 300 km a day (persistence 1). C is 556 km ahead of the median person: the head
    // crosses it 356 / 300 = 1.19 days on, not at 3.56 days as the median's runs shifted by 200 km.
    const movement: MovementModel = {
      ...steady(100),
      persistence: 1,
      rideKm: { min: 300, max: 300 },
    };
    const head = {
      km: { median: 200, low: 200, high: 200 },
      regime: { rest: 0, walk: 0, ride: 1 },
      lastMoveKm: 300,
    };
    const g = group(0, movement, { headAheadKm: 200, head });
    const c = placeC(g);
    assertInDelta(c.arrival.p50, 17824.5 + 5.56, 0.1);
    assertInDelta(c.headArrival!.p50, 17824.5 + 356 / 300, 0.05);
    // A head that walks as the group does arrives as the shifted median did.
    const walking = group(0, movement, {
      headAheadKm: 200,
      head: { ...head, regime: { rest: 0, walk: 1, ride: 0 }, lastMoveKm: 100 },
    });
    assertInDelta(placeC(walking).headArrival!.p50, 17824.5 + 3.56, 0.1);
  });

  it("runs the head with the median person: a head that would rest is carried along, never arriving after it", () => {
    // The head starts 20 km ahead but resting with persistence 1 (alone it would never move); the
    // median person walks 100 km a day. In the same runs the head is never behind the median
    // person, so it reaches C no later — apart, its p50 was "later than the horizon".
    const movement: MovementModel = { ...steady(100), persistence: 1 };
    const head = {
      km: { median: 20, low: 10, high: 40 },
      regime: { rest: 1, walk: 0, ride: 0 },
    };
    const g = group(0, movement, { headAheadKm: 20, head, regime: { rest: 0, walk: 1, ride: 0 } });
    const c = placeC(g);
    assertInDelta(c.arrival.p50, 17824.5 + 5.56, 0.1);
    expect(c.headArrival!.p50).toBeDefined();
    for (const q of ["p10", "p50", "p90"] as const)
      expect(c.headArrival![q]!).toBeLessThanOrEqual(c.arrival[q]!);
  });

  it("headAtReports: the head starts at the furthest report of the last day when the estimate is behind it", () => {
    const head = {
      km: { median: 200, low: 150, high: 260 },
      regime: { rest: 0, walk: 1, ride: 0 },
    };
    // A report of the last day 340 km along: the head starts there, its interval widened to it.
    expect(headAtReports(head, { km: 340, day: 17824 }, 17824).km).toEqual({
      median: 340,
      low: 150,
      high: 340,
    });
    // Behind the estimated head, or of an earlier day: unchanged.
    expect(headAtReports(head, { km: 180, day: 17824 }, 17824)).toBe(head);
    expect(headAtReports(head, { km: 340, day: 17823 }, 17824)).toBe(head);
    expect(headAtReports(head, undefined, 17824)).toBe(head);
    // The forecast moves the head on from there: C (556 km) is reached 216 / 100 days on from
    // the report (the runs also start behind it, down to the estimate's low end: a little later),
    // not 356 / 100 days on from the estimated head.
    const moved = headAtReports(head, { km: 340, day: 17824 }, 17824);
    const at = placeC(group(0, steady(100), { headAheadKm: 200, head: moved })).headArrival!.p50!;
    expect(at).toBeGreaterThan(17824.5 + 2.16 - 0.05);
    expect(at).toBeLessThan(17824.5 + 2.5);
    const before = placeC(group(0, steady(100), { headAheadKm: 200, head })).headArrival!.p50!;
    expect(before).toBeGreaterThan(17824.5 + 3.2);
  });

  it("headStart: the head rides when its track's last daily move is a ride, else takes the group's regime", () => {
    const point = (date: string, km: number, headKm: number): TrackPoint => ({
      group: "g",
      date,
      routeId: "road",
      km,
      kmLow: km - 10,
      kmHigh: km + 10,
      lat: 0,
      lon: 0,
      size: 1000,
      sizeLow: 900,
      sizeHigh: 1100,
      headKm,
      headKmLow: headKm - 50,
      headKmHigh: headKm + 80,
    });
    const regime = { rest: 0.5, walk: 0.5, ride: 0 };
    const movement = steady(40);
    /** The head start of a track whose last two points are `before` and 11 Nov. */
    const start = (before: string, headBefore: number, head: number) =>
      headStart(point("2018-11-11", 2067, head), point(before, 2030, headBefore), regime, movement);
    const rode = start("2018-11-10", 2107, 2475);
    expect(rode.head?.regime).toEqual({ rest: 0, walk: 0, ride: 1 });
    expect(rode.head?.km).toEqual({ median: 2475, low: 2425, high: 2555 });
    assertInDelta(rode.head!.lastMoveKm, 368, 1e-9);
    expect(start("2018-11-10", 2107, 2137).head?.regime).toEqual(regime);
    // Days apart (a gap in the track) say nothing about the last day's move.
    const gap = start("2018-11-08", 2107, 2475);
    expect(gap.head?.regime).toEqual(regime);
    expect(gap.head?.lastMoveKm).toBeUndefined();
    expect(
      headStart({ ...point("2018-11-11", 1, 1), headKm: undefined }, undefined, regime, movement),
    ).toEqual({});
  });

  it("as of 14 Dec 2018 predicts no arrival before 14 Dec and says which groups arrived or dissolved", () => {
    const data = embedded2018();
    const now = nowcast(data, { asOf: "2018-12-14" });
    const f = forecastArrivals(now, { dataset: data, runs: 100 });
    expect(f.groups.length).toBe(now.groups.length);
    for (const a of f.arrivals) {
      for (const d of [a.arrivalDate.p10, a.arrivalDate.p50, a.arrivalDate.p90]) {
        if (d !== undefined) expect(d >= "2018-12-14").toBe(true);
      }
    }
    const honduran = f.groups.find((x) => x.group === "Honduran caravan 1")!;
    expect(["arrived", "dissolved"]).toContain(honduran.status);
    expect(f.arrivals.some((a) => a.group === "Honduran caravan 1")).toBe(false);
  });
});

describe("public API (src/index.ts)", () => {
  it("exports the rules docs and benchmarks name: PASSED_SHARE, MAX_SILENCE_DAYS, the cost terms, placeDayWeights, categoryWords", () => {
    expect([api.PASSED_SHARE, api.MAX_SILENCE_DAYS]).toEqual([0.9, 21]);
    for (const f of [api.groupCostTerms, api.groupCost, api.placeDayWeights, api.categoryWords])
      expect(typeof f).toBe("function");
    expect(api.categoryWords("asylum_claim")).toBe("asylum claims");
    expect(api.DEFAULT_COST_MODEL).toBeDefined();
  });
});

describe("naiveArrival", () => {
  it("naiveArrival(group, km) extrapolates the average speed since departure", () => {
    // 10 days from departure (km 0) to km 500: 50 km/day; 500 km more take 10 days.
    const g = group(500, steady(40));
    assertInDelta(naiveArrival(g, 1000), 17824.5 + 10, 1e-9);
    expect(naiveArrival(g, 100)).toBe(17824.5);
    expect(naiveArrival(group(0, steady(40)), 1000)).toBeUndefined();
  });
});

describe("fitAttritionPerDay and groupMovement", () => {
  const point = (group: string, date: string, km: number, size: number): TrackPoint =>
    exactPoint(group, "road", { date, km, size });
  it("fitAttritionPerDay: halving over 20 days is 1 − 0.5^(1/20) a day; unknown sizes are skipped", () => {
    const tracks = [
      point("a", "2018-10-10", 0, 1000),
      point("a", "2018-10-15", 0, Number.NaN),
      point("a", "2018-10-30", 0, 500),
    ];
    assertInDelta(fitAttritionPerDay(tracks), 1 - 0.5 ** 0.05, 1e-9);
    // Faster than 5 % a day is clamped.
    expect(
      fitAttritionPerDay([point("a", "2018-10-10", 0, 1000), point("a", "2018-10-12", 0, 100)]),
    ).toBe(0.05);
    expect(fitAttritionPerDay([point("a", "2018-10-10", 0, 1000)], 0.01)).toBe(0.01);
    // A growing group is not negative attrition.
    expect(
      fitAttritionPerDay([point("a", "2018-10-10", 0, 500), point("a", "2018-10-20", 0, 1000)]),
    ).toBe(0);
  });

  it("groupMovement(track, pooled) moves the regime shares towards the group's recent moves", () => {
    const pooled = steady(40);
    pooled.regimes = { rest: 0.3, walk: 0.5, ride: 0.2 };
    const riding = Array.from({ length: 11 }, (_, i) =>
      point("a", `2018-11-${String(i + 1).padStart(2, "0")}`, i * 300, 1000),
    );
    const m = groupMovement(riding, pooled, { windowDays: 10, priorDays: 4 });
    assertInDelta(m.regimes.ride, (10 + 4 * 0.2) / 14, 1e-9);
    assertInDelta(m.regimes.rest + m.regimes.walk + m.regimes.ride, 1, 1e-12);
    expect(pooled.regimes.ride).toBe(0.2);
  });
});

describe("nowcast on the 2018 data", () => {
  const data = embedded2018();
  it("nowcast(dataset, { asOf }) uses no data after asOf", () => {
    const asOf = "2018-10-28T00:00:00";
    const a = nowcast(data, { asOf });
    const late = {
      ...data,
      sightings: [
        ...data.sightings,
        {
          ...data.sightings.find((s) => s.caravanLabel === "Honduran caravan 1")!,
          id: "late",
          observedAt: "2018-10-28T12:00:00",
          placeName: "Mexico City",
          lat: 19.42847,
          lon: -99.12766,
        },
      ],
    };
    const b = nowcast(late, { asOf });
    expect(b.groups.map((g) => [g.group, g.lastDate, g.lastReportDate, g.km.median])).toEqual(
      a.groups.map((g) => [g.group, g.lastDate, g.lastReportDate, g.km.median]),
    );
    // Each group's last position report up to asOf: Honduran caravan 1 was reported on 27 Oct.
    expect(a.groups.find((g) => g.group === "Honduran caravan 1")!.lastReportDate).toBe(
      "2018-10-27",
    );
    expect(a.asOfDate).toBe("2018-10-28");
    for (const g of a.groups) expect(g.lastDate <= "2018-10-28").toBe(true);
  });

  it("gives every group the pooled movement model by default, its own refit only when asked", () => {
    const asOf = "2018-10-28T00:00:00";
    const pooled = nowcast(data, { asOf });
    for (const g of pooled.groups) expect(g.movement).toEqual(pooled.movement);
    const own = nowcast(data, { asOf, paceWindowDays: Infinity });
    expect(own.groups.some((g) => g.movement.regimes.rest !== own.movement.regimes.rest)).toBe(
      true,
    );
  });

  it("no group-place has the head's p50 after the median person's, and no place most already past has first people to come", () => {
    // docs/tryout-planner.md "Left, and why" before headorder: as of 25 Nov 2018 13 group-places
    // (Honduran caravan 2 at Navojoa: median person 26 Nov, first people 28 Nov), Guasave "most
    // already past" with first people on 26 Nov.
    const late = (a: number | undefined, b: number | undefined) =>
      (a ?? Infinity) > (b ?? Infinity);
    for (const asOf of ["2018-11-01", "2018-11-20", "2018-11-25"]) {
      const f = forecastArrivals(nowcast(data, { asOf }), { dataset: data, runs: 200 });
      const withHead = f.arrivals.filter((a) => a.headArrival);
      expect(withHead.length).toBeGreaterThan(100);
      const after = withHead.filter((a) => late(a.headArrival!.p50, a.arrival.p50));
      expect(after.map((a) => `${asOf} ${a.group} ${a.placeName}`)).toEqual([]);
      const passed = withHead.filter((a) => a.mostPassed);
      expect(passed.length).toBeGreaterThan(0);
      expect(passed.filter((a) => late(a.headArrival!.p50, f.asOf))).toEqual([]);
      expect(
        withHead.filter((a) => (a.headArrivalDate?.p50 ?? "9") > (a.arrivalDate.p50 ?? "9")),
      ).toEqual([]);
    }
  });

  it("forecasts every group from the 2018 nowcast with ordered quantiles and the same result for the same seed", () => {
    const now = nowcast(data, { asOf: "2018-11-01T00:00:00" });
    const run = () =>
      forecastArrivals(now, { dataset: data, horizonDays: 14, runs: 300, random: mulberry32(7) });
    const f = run();
    expect(run()).toEqual(f);
    expect(new Set(f.arrivals.map((a) => a.group))).toEqual(
      new Set(now.groups.map((g) => g.group)),
    );
    for (const group of now.groups) {
      const rows = f.arrivals.filter((a) => a.group === group.group);
      for (let i = 0; i < rows.length; i++) {
        const a = rows[i]!;
        expect(a.probWithinHorizon).toBeGreaterThanOrEqual(0);
        expect(a.probWithinHorizon).toBeLessThanOrEqual(1);
        if (a.arrival.p10 !== undefined && a.arrival.p50 !== undefined)
          expect(a.arrival.p10).toBeLessThanOrEqual(a.arrival.p50);
        if (a.arrival.p50 !== undefined && a.arrival.p90 !== undefined)
          expect(a.arrival.p50).toBeLessThanOrEqual(a.arrival.p90);
        // Farther places are reached later, so no more likely within the horizon.
        if (i > 0) expect(a.probWithinHorizon).toBeLessThanOrEqual(rows[i - 1]!.probWithinHorizon);
      }
    }
  });
});
