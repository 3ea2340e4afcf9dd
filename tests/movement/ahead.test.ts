/**
 * One reading of the movement law after a group's track ends (src/movement/ahead.ts, issue 14):
 * the held days after the data (src/state/onRoad.ts, kmAhead) and the forecast's runs
 * (src/forecast/nowcast.ts, jointRuns.ts) take the law, the start regime and the start shape from
 * the movement module, so the same group is carried the same way by both.
 */
import { describe, expect, it } from "vitest";
import {
  lawAhead,
  ridingAfter,
  startRegime,
  startShape,
  defaultMovementModel,
} from "../../src/movement/index.ts";
import { kmAhead } from "../../src/estimate/kmAhead.ts";
import { aged } from "../../src/forecast/stateDay.ts";
import { atTrackEnd, reportedStates } from "../../src/forecast/reportedState.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import { dayNumber } from "../../src/calendar/index.ts";
import { normalCdf, Z90 } from "../../src/util/normal.ts";
import {
  carryTracks,
  embedded2018,
  forecastArrivals,
  mulberry32,
  nowcast,
} from "../../src/index.ts";

describe("lawAhead", () => {
  const pooled = defaultMovementModel();
  const walking = { rest: 0.3, walk: 0.6, ride: 0.1 };

  it("reads the pooled law and moves a reported ride in, aged from the reports' day", () => {
    const same = lawAhead(pooled, {
      lastDay: 100,
      regime: walking,
      reported: { regime: "ride", day: 100 },
    });
    expect(same.movement).toBe(pooled);
    expect(same.regime).toEqual({ rest: 0, walk: 0, ride: 1 });
    const later = lawAhead(pooled, {
      lastDay: 103,
      regime: walking,
      reported: { regime: "ride", day: 100 },
    });
    expect(later.regime).toEqual(startRegime(walking, "ride", 1, ridingAfter(pooled, 3)));
    expect(later.regime.ride).toBeLessThan(1);
    // A walk or a rest the reports show changes nothing; weight 0 is the posterior alone.
    const walk = lawAhead(pooled, {
      lastDay: 100,
      regime: walking,
      reported: { regime: "walk", day: 100 },
    });
    expect(walk.regime).toEqual(walking);
    const off = lawAhead(
      pooled,
      { lastDay: 100, regime: walking, reported: { regime: "ride", day: 100 } },
      { reportedRideWeight: 0 },
    );
    expect(off.regime).toEqual(walking);
  });
});

describe("startShape", () => {
  it("puts the median and the 90 % interval's ends at z = 0 and ±Z90, and its cdf inverts kmAt", () => {
    const skewed = startShape({ median: 500, low: 300, high: 2500 });
    expect(skewed.kmAt(0)).toBeCloseTo(500, 9);
    expect(skewed.kmAt(-Z90)).toBeCloseTo(300, 9);
    expect(skewed.kmAt(Z90)).toBeCloseTo(2500, 9);
    for (const z of [-2, -1, 0.3, 1.2, 2.5])
      expect(skewed.cdf(skewed.kmAt(z))).toBeCloseTo(normalCdf(z), 9);
    const even = startShape({ median: 500, low: 400, high: 600 });
    expect(even.kmAt(1)).toBeCloseTo(500 + 100 / Z90, 9);
  });
});

describe("held days and the forecast read the law one way (2018)", () => {
  const data = embedded2018();

  it("carries a group past its track with the law and regime its forecast starts from", () => {
    // As of 25 Nov 2018 the tracks end on 22 Nov: the state holds the groups three days on, and
    // the forecast starts from those held points (stateDay.ts).
    const now = nowcast(data, { asOf: "2018-11-25" });
    const index = createRouteIndex(data.routes);
    const reported = reportedStates(data, now.estimate, { routeIndex: index });
    const held = carryTracks(now.estimate, data, "2018-11-25");
    let checked = 0;
    for (const g of now.groups) {
      const s = now.estimate.state.find((x) => x.group === g.group)!;
      const days = g.lastDay - (dayNumber(s.date) ?? 0);
      if (days < 1) continue;
      const law = lawAhead(now.estimate.report.movement, atTrackEnd(s, reported(g.group)));
      // The forecast's runs: that law, and its regime aged to the start day.
      expect(g.movement).toBe(law.movement);
      const want = aged(law.regime, law.movement, days);
      for (const r of ["rest", "walk", "ride"] as const)
        expect(g.regime[r]).toBeCloseTo(want[r], 12);
      // The held day the forecast starts from: the last point pushed through the same law from
      // the same regime.
      const last = now.estimate.tracks.filter((p) => p.group === g.group).at(-1)!;
      const length = index.lengthKm(g.routeId);
      const ahead = kmAhead(
        { median: last.km, low: last.kmLow, high: last.kmHigh },
        law.movement,
        length,
        days,
        law.regime,
      ).at(-1)!;
      const p = held.find((x) => x.group === g.group && x.date === "2018-11-25")!;
      expect(p.km).toBeCloseTo(Math.min(length, ahead.median), 1);
      expect(g.km.median).toBeCloseTo(p.km, 6);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("puts the forecast's first day where the held day of the same group is, from the held days' start shape", () => {
    // As of 22 Nov (the tracks' last day) the forecast starts on the track's end; its median run
    // on 23 Nov and the state's held 23 Nov are one law from one regime. From the held days'
    // start shape (startShape "lognormal") they agree to Monte Carlo; from the forecast's default
    // split-normal start the runs' first day is 70–130 km further for the skewed 2018 groups
    // (Salvadoran group Nov 18: 776 against 647 km) — the forecast's start, measured and kept
    // (docs/estimation.md "fc27").
    const now = nowcast(data, { asOf: "2018-11-22" });
    const held = carryTracks(now.estimate, data, "2018-11-23");
    const firstDay = (startShape?: "lognormal") =>
      forecastArrivals(now, {
        dataset: data,
        horizonDays: 2,
        runs: 2000,
        random: mulberry32(3),
        ...(startShape ? { startShape } : {}),
      }).positions.filter((x) => x.date === "2018-11-23");
    const shaped = firstDay("lognormal");
    const split = firstDay();
    let checked = 0;
    let ahead = 0;
    for (const g of now.groups) {
      const p = held.find((x) => x.group === g.group && x.date === "2018-11-23" && x.heldAfterData);
      const run = shaped.find((x) => x.group === g.group);
      const splitRun = split.find((x) => x.group === g.group);
      if (!p || !run || !splitRun || g.lastDate !== "2018-11-22") continue;
      const move = p.km - g.km.median;
      expect(Math.abs(run.km.p50 - p.km)).toBeLessThan(Math.max(20, 0.15 * move));
      if (splitRun.km.p50 - p.km > 50) ahead++;
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(ahead).toBeGreaterThanOrEqual(3);
  });
});
