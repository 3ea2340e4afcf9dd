import { describe, expect, it } from "vitest";
import type { StockFigure } from "../../src/model/stock.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { calibrateFromReplay } from "../../src/scenario/calibrate.ts";
import { meanOvershootKm } from "../../src/scenario/calibrateMath.ts";
import { lawOfBand } from "../../src/movement/index.ts";
import { isoDate, dayNumber } from "../../src/calendar/index.ts";
import type { NumberOrRange } from "../../src/scenario/types.ts";
import { assertInDelta } from "../asserts.ts";
import { syntheticDataset } from "./fixture.ts";

const dataset = syntheticDataset();
const start = dayNumber("2019-01-01")!;

/**
 * A synthetic replay on the fixture's main route (places every 100 km): a daily plan of moves,
 * a 4-day stop at Foxtrot (km 500), sizes that fall past Delta (km 300, claims) and Hotel (km 700).
 */
function syntheticTrack(
  // Moves (km) day by day: walking 40, rest days (0), rides of 200.
  moves = [40, 40, 0, 40, 200, 40, 0, 40, 40, 40, 0, 20, 0, 0, 0, 40, 40, 0, 200, 40],
): TrackPoint[] {
  const points: TrackPoint[] = [];
  let km = 0;
  for (let day = 0; day <= moves.length; day++) {
    if (day > 0) km += moves[day - 1]!;
    const size = km < 300 ? 5000 : km < 700 ? 4000 : 3500;
    points.push({
      group: "test caravan",
      date: isoDate(start + day),
      routeId: "main",
      km,
      kmLow: km - 5,
      kmHigh: km + 5,
      lat: 0,
      lon: 0,
      size,
      sizeLow: size * 0.8,
      sizeHigh: size * 1.2,
    });
  }
  return points;
}

const contains = (range: NumberOrRange | undefined, value: number): boolean =>
  range !== undefined &&
  (typeof range === "number" ? range === value : range.min <= value && value <= range.max);

const stock = (
  date: string,
  category: StockFigure["category"],
  value: number,
  extra: Partial<StockFigure> = {},
): StockFigure => ({
  date,
  category,
  value,
  basis: "cumulative",
  ...extra,
});

describe("calibrateFromReplay", () => {
  const tracks = syntheticTrack();
  const stocks: StockFigure[] = [
    stock("2019-01-05", "asylum_claim", 500, { country: "MEX", caravanLabel: "test caravan" }),
    stock("2019-01-08", "asylum_claim", 800, { country: "MEX", caravanLabel: "test caravan" }),
    stock("2019-01-25", "remaining", 1000, { basis: "present", placeName: "Kilo" }),
    stock("2019-01-27", "remaining", 3000, { basis: "present", placeName: "Kilo" }),
    stock("2019-02-14", "remaining", 2000, { basis: "present", placeName: "Kilo" }),
  ];
  const fit = calibrateFromReplay(tracks, stocks, { dataset, pivot: "Foxtrot", border: "Charlie" });

  it("calibrateFromReplay(tracks) finds a stop where the track stays 3 days or more", () => {
    expect(fit.fit.stops.map((s) => s.place)).toEqual(["Foxtrot"]);
    const foxtrot = fit.movement.stops.find((s) => s.place === "Foxtrot")!;
    expect(contains(foxtrot.days, 4) || contains(foxtrot.days, 5)).toBe(true);
  });

  it("calibrateFromReplay(tracks) gives rest and ride probabilities whose intervals hold the replay's shares", () => {
    // Before Charlie (km 200): days 40, 40, 0, 40, 200 → 1 rest of 5, 1 ride of 4 moving days.
    expect(fit.fit.stretches[0]).toEqual({
      from: undefined,
      rest: 1,
      walk: 3,
      ride: 1,
      km: 320,
      kmPerDay: 64,
    });
    expect(contains(fit.movement.restDayProbability, 0.2)).toBe(true);
    expect(contains(fit.movement.rideProbability, 0.25)).toBe(true);
    const between = fit.movement.segments.find((s) => s.from === "Charlie" && s.to === "Foxtrot")!;
    expect(between).toBeDefined();
    const t = fit.fit.stretches[1]!;
    expect(contains(between.restDayProbability, t.rest / (t.rest + t.walk + t.ride))).toBe(true);
  });

  it("calibrateFromReplay(tracks) sets ride probabilities so that the kernel moves each stretch's km in its days, and arrives where the track halted on its day", () => {
    const mid = (r: NumberOrRange | undefined) =>
      r === undefined ? NaN : typeof r === "number" ? r : (r.min + r.max) / 2;
    const bandOf = (band: {
      restDayProbability?: NumberOrRange;
      rideProbability?: NumberOrRange;
      walkKmPerDay?: NumberOrRange;
      rideKmPerDay?: NumberOrRange;
    }) => ({
      rest: mid(band.restDayProbability),
      ride: mid(band.rideProbability),
      walk: mid(band.walkKmPerDay ?? fit.movement.walkKmPerDay),
      rideKm: mid(band.rideKmPerDay ?? fit.movement.rideKmPerDay),
    });
    // (1 − rest) × (walk + ride share × (ride − walk)), each range drawn uniformly (its midpoint).
    const kernelMean = (band: Parameters<typeof bandOf>[0]) => {
      const { rest, ride, walk, rideKm } = bandOf(band);
      return (1 - rest) * (walk + ride * (rideKm - walk));
    };
    // Before Charlie: 320 km in 5 days, moving on through Charlie (the Wilson interval of 1 ride
    // in 4 days alone gives 66.8): the track's km over its days.
    assertInDelta(kernelMean(fit.movement), 64, 0.5);
    expect(fit.fit.stretches[0]!.spanKm).toBeUndefined();
    // Charlie → Foxtrot: from km 320 to the stop at Foxtrot (km 500), 180 km in 7 days, and the
    // track halts there. The kernel's day of arrival carries its move past Foxtrot by the law's
    // mean overshoot E[Y²] ÷ 2 E[Y], so the law moves (180 + overshoot) ÷ 7 a day, not 180 ÷ 7.
    const t = fit.fit.stretches[1]!;
    const between = fit.movement.segments.find((s) => s.from === "Charlie" && s.to === "Foxtrot")!;
    expect(t.spanKm).toBe(180);
    expect(t.rest + t.walk + t.ride).toBe(7);
    const range = (r: NumberOrRange): [number, number] =>
      typeof r === "number" ? [r, r] : [r.min, r.max];
    const { rest, ride } = bandOf(between);
    const overshoot = meanOvershootKm(
      lawOfBand(
        {
          rest,
          ride,
          walk: range(between.walkKmPerDay ?? fit.movement.walkKmPerDay),
          rideKm: range(between.rideKmPerDay ?? fit.movement.rideKmPerDay),
        },
        0,
      ),
    );
    assertInDelta(kernelMean(between), (180 + overshoot) / 7, 1.5);
    expect(kernelMean(between)).toBeGreaterThan(180 / 7 + 2);
  });

  it("calibrateFromReplay(tracks) takes walking and riding speeds from the moves", () => {
    expect(contains(fit.movement.walkKmPerDay, 40)).toBe(true);
    expect(contains(fit.movement.rideKmPerDay, 200)).toBe(true);
  });

  it("calibrateFromReplay(tracks, stocks) places claims at the first place of their country, at the rate of the group arriving", () => {
    const delta = fit.attrition.find((r) => r.place === "P3")!;
    expect(delta).toBeDefined();
    expect(contains(delta.asylumClaim, 800 / 5800)).toBe(true);
  });

  it("calibrateFromReplay(tracks) places returns where the size falls beyond the claims", () => {
    // Falls: 5000 → 4000 on the day the track reaches km 320 (nearest place Delta) and
    // 4000 → 3500 on the day it reaches km 780 (nearest India); 800 of the 1,500 are the claims.
    const india = fit.attrition.find((r) => r.place === "P8")!;
    expect(india).toBeDefined();
    expect(contains(india.return, (1 - 3500 / 4000) * (700 / 1500))).toBe(true);
    const delta = fit.attrition.find((r) => r.place === "P3")!;
    expect(contains(delta.return, (1 - 4000 / 5000) * (700 / 1500))).toBe(true);
  });

  it("calibrateFromReplay(tracks, stocks) fits the stretch beyond the track to the destination's timing", () => {
    expect(fit.fit.destinationMedianArrival).toBe("2019-01-27");
    const after = fit.movement.segments.find((s) => s.from === "Foxtrot" && s.to === undefined);
    expect(after?.rideProbability).toBeDefined();
    // Destination leave rate from 3,000 present on 27 Jan to 2,000 on 14 Feb.
    expect(contains(fit.destinationLeavePerDay, 1 - Math.pow(2000 / 3000, 1 / 18))).toBe(true);
  });

  it("calibrateFromReplay(tracks) refuses a track of fewer than 2 days", () => {
    expect(() => calibrateFromReplay(tracks.slice(0, 1), [], { dataset })).toThrow(
      /at least 2 days/,
    );
  });
});

describe("calibrateFromReplay holds", () => {
  const tracks = syntheticTrack();
  const hold = (group: string, place: string, from: string, to: string) => ({
    group,
    place,
    from,
    to,
    source: "synthetic",
  });
  const calibrate = (holds: ReturnType<typeof hold>[]) =>
    calibrateFromReplay(tracks, [], { dataset, pivot: "Foxtrot", border: "Charlie", holds });

  it("a hold counts the track's days at its place within its dates, for its group only", () => {
    // The track is at Echo (km 400) on 2019-01-09 only; the days around are 40 km off.
    const fit = calibrate([hold("test caravan", "Echo", "2019-01-08", "2019-01-10")]);
    expect(fit.fit.holds).toEqual([
      { place: "Echo", days: 1, from: "2019-01-09", to: "2019-01-09", source: "synthetic" },
    ]);
    expect(fit.movement.stops.map((s) => s.place)).toEqual(["Foxtrot"]);
    expect(calibrate([hold("other caravan", "Echo", "2019-01-08", "2019-01-10")]).fit.holds).toBe(
      undefined,
    );
    // Bravo (km 100) is never within the track's interval: no hold.
    expect(calibrate([hold("test caravan", "Bravo", "2019-01-01", "2019-01-05")]).fit.holds).toBe(
      undefined,
    );
  });

  it("the moves between two held days are left out of the stretch's pace, and the hold is no stop", () => {
    // Two days at Bravo (km 100): 2019-01-03 and 2019-01-04, too short for a stop.
    const held = syntheticTrack([60, 40, 0, 40, 40, 40, 40, 40, 40, 40]);
    const fit = (holds: ReturnType<typeof hold>[]) =>
      calibrateFromReplay(held, [], { dataset, pivot: "Foxtrot", border: "Charlie", holds });
    const without = fit([]);
    const withHold = fit([hold("test caravan", "Bravo", "2019-01-03", "2019-01-04")]);
    expect(withHold.fit.holds).toEqual([
      { place: "Bravo", days: 2, from: "2019-01-03", to: "2019-01-04", source: "synthetic" },
    ]);
    // Before Charlie: 60, 40, 0, 40, 40, 40 → one rest day of 6; held, the 0 km day is not pace.
    expect(without.fit.stretches[0]).toMatchObject({ rest: 1, walk: 5, ride: 0, km: 220 });
    expect(withHold.fit.stretches[0]).toMatchObject({ rest: 0, walk: 5, ride: 0, km: 220 });
    expect(withHold.movement.stops).toEqual([]);
  });
});
