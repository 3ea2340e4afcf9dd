// Self-calibration of the estimator's intervals (src/estimate/calibrate.ts): the conformal factor,
// widening about the estimate, and honest intervals on seeded worlds with snapped, stale and
// misplaced reports.
import { describe, expect, it } from "vitest";
import { addSums, emptySums, figures, scoreWorld } from "../../src/estimate/accuracy.ts";
import {
  conformalWidening,
  dayCheckFactors,
  lawShareFactor,
  MAX_WIDENING,
  sideWidenings,
  widenKmDay,
  widenKmSides,
  widenSizeDay,
} from "../../src/estimate/calibrate.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { mulberry32 } from "../../src/util/random.ts";

/** A labelled world with many reports snapped to places and many stale or misplaced ones. */
function messyWorld(seed: number) {
  const config = worldOfDifficulty(0.4);
  config.observation = {
    ...config.observation,
    placeProb: 0.8,
    outlierRate: 0.15,
    missingLabelRate: 0,
  };
  return simulateWorld(config, mulberry32(seed));
}

describe("conformalWidening", () => {
  it("is the weighted (n + 1)·90 % quantile of the scores, at least 1, at most MAX_WIDENING", () => {
    const scores = Array.from({ length: 20 }, (_, i) => ({ score: i / 10, weight: 1 }));
    expect(conformalWidening(scores)).toBeCloseTo(1.8);
    // Reports judged outliers (weight 0) do not count.
    expect(conformalWidening([...scores, { score: 50, weight: 0 }])).toBeCloseTo(1.8);
    expect(conformalWidening([{ score: 0.3, weight: 1 }])).toBe(1);
    expect(conformalWidening([])).toBe(1);
    expect(conformalWidening([{ score: 99, weight: 1 }])).toBe(MAX_WIDENING);
    // Halving every weight but one's moves the quantile down.
    const lopsided = scores.map((s, i) => ({ ...s, weight: i < 19 ? 1 : 0.01 }));
    expect(conformalWidening(lopsided)).toBeLessThan(1.9);
  });

  it("widens about the estimate, never narrows, keeps km on the route", () => {
    const d = { median: 100, low: 80, high: 130, mean: 102, sd: 15 };
    expect(widenKmDay(d, 2, 1000)).toMatchObject({ median: 100, low: 60, high: 160, sd: 30 });
    expect(widenKmDay(d, 0.5, 1000)).toEqual(d);
    expect(widenKmDay(d, 10, 150)).toMatchObject({ low: 0, high: 150 });
    // tryout23 LOW 11: the sd is widened too, but never past half the route (no distribution on
    // a route of L km has a larger sd); the interval is the same as without the cap.
    expect(widenKmDay(d, 10, 150).sd).toBe(75);
    const wide = { median: 2116, low: 1000, high: 3000, mean: 2360, sd: 900 };
    const sides = widenKmSides(wide, 3, 5, 4521.5);
    expect(sides.sd).toBeCloseTo(4521.5 / 2);
    expect(sides).toMatchObject({ low: 0, high: 4521.5 });
    const s = { median: 1000, low: 500, high: 2000, logMean: 6.9, logSd: 0.4 };
    const w = widenSizeDay(s, 2);
    expect(w.low).toBeCloseTo(250);
    expect(w.high).toBeCloseTo(4000);
    // The common level's share of the width is not widened.
    const level = widenSizeDay(s, 2, 0.3);
    expect(level.low).toBeGreaterThan(w.low);
    expect(level.low).toBeLessThan(s.low);
  });

  it("widens each side of a km day by its own factor, never narrows either, keeps km on the route", () => {
    const d = { median: 100, low: 80, high: 130, mean: 102, sd: 15 };
    expect(widenKmSides(d, 1, 2, 1000)).toMatchObject({ median: 100, low: 80, high: 160, sd: 30 });
    expect(widenKmSides(d, 3, 0.5, 1000)).toMatchObject({ low: 40, high: 130, sd: 45 });
    expect(widenKmSides(d, 0.5, 0.9, 1000)).toEqual(d);
    expect(widenKmSides(d, 10, 10, 150)).toMatchObject({ low: 0, high: 150 });
    expect(widenKmSides(d, 2, 2, 1000)).toEqual(widenKmDay(d, 2, 1000));
  });

  it("one-sided end factors: reports ahead of their prediction widen the high side, behind the low side", () => {
    // Twenty reports of a vanguard, all ahead of their prediction by up to 3 spreads: the high side
    // needs their 95 % quantile, the low side nothing.
    const ahead = Array.from({ length: 20 }, (_, i) => ({
      score: ((i + 1) / 20) * 3,
      weight: 1,
      side: 1,
    }));
    const one = sideWidenings([ahead]);
    expect(one.below).toEqual([1]);
    expect(one.above[0]).toBeCloseTo(3);
    // Mirrored, the sides swap; a report on its prediction (side 0) counts as a score of 0 on both.
    const behind = ahead.map((x) => ({ ...x, side: -1 }));
    const two = sideWidenings([behind, [{ score: 5, weight: 1, side: 0 }]]);
    expect(two.above).toEqual([1, 1]);
    expect(two.below[0]).toBeCloseTo(3);
    // A group without its own reports gets the pooled factor.
    expect(two.below[1]).toBeGreaterThan(2);
    // Scores split evenly between the sides: each side's 95 % factor is the two-sided 90 % one.
    const even = ahead.map((x, i) => ({ ...x, side: i % 2 ? 1 : -1 }));
    const both = sideWidenings([even]);
    expect(Math.max(both.below[0], both.above[0])).toBeCloseTo(conformalWidening(even), 0);
  });

  it("widens a size day no further than the day without figures allows, and never narrows it", () => {
    const s = { median: 1000, low: 500, high: 2000, logMean: 6.9, logSd: 0.4 };
    // Without figures the day is known from 800 to 3,000 (a bound and the prior): the figures'
    // factor cannot take the interval past that, nor inside the day's own.
    const free = { median: 1200, low: 800, high: 3000, logMean: 7.1, logSd: 0.5 };
    const w = widenSizeDay(s, 2, 0, free);
    expect(w.low).toBe(500);
    expect(w.high).toBe(3000);
    expect(w.logSd).toBeCloseTo(0.5);
    expect(w.median).toBe(1000);
    // A wide day without figures (the prior alone) leaves the widening as it is.
    const prior = { median: 900, low: 90, high: 9000, logMean: 6.8, logSd: 1.4 };
    expect(widenSizeDay(s, 2, 0, prior)).toEqual(widenSizeDay(s, 2));
  });
});

describe("dayCheckFactors", () => {
  const day = (h: number) => ({ low: 100 - h, high: 100 + h });
  it("is the factor on reported days and carries its km into gaps in quadrature", () => {
    const f = dayCheckFactors([day(10), day(20), day(30), day(10)], [0, 3], 2);
    expect(f[0]).toBe(2);
    expect(f[3]).toBe(2);
    // Extra variance (2² − 1)·10² = 300 km² at both ends: √(1 + 300 / 20²), √(1 + 300 / 30²).
    expect(f[1]).toBeCloseTo(Math.sqrt(1 + 300 / 400), 9);
    expect(f[2]).toBeCloseTo(Math.sqrt(1 + 300 / 900), 9);
  });
  it("interpolates the extra spread between unequal ends, never above the factor", () => {
    // Ends of half-width 10 and 30 (extra 300 and 2,700 km²); midway 1,500 km² on 20 km: capped.
    const f = dayCheckFactors([day(10), day(20), day(30), day(60)], [0, 2], 2);
    expect(f[1]).toBe(2);
    // After the last report: the last reported day's extra, 2,700 km² on 60 km.
    expect(f[3]).toBeCloseTo(Math.sqrt(1 + 2700 / 3600), 9);
    expect(f.every((x) => x >= 1 && x <= 2)).toBe(true);
  });
  it("is 1 everywhere without a day check to carry, and the factor without reports", () => {
    expect(dayCheckFactors([day(10), day(20)], [0], 1)).toEqual([1, 1]);
    expect(dayCheckFactors([day(10), day(20)], [], 1.5)).toEqual([1.5, 1.5]);
  });
  it("reads a reported day's own factor outside [1, factor] (NaN, below 1, above) as the factor", () => {
    const own = new Map([
      [0, Number.NaN],
      [1, 0.5],
      [2, 3],
      [3, 1.5],
    ]);
    expect(dayCheckFactors([day(10), day(10), day(10), day(10)], [0, 1, 2, 3], 2, own)).toEqual([
      2, 2, 2, 1.5,
    ]);
  });
});

describe("lawShareFactor (EstimateOptions.dayCheckOnLaw)", () => {
  it("widens a reported day by the prediction's share of its precision only", () => {
    // P = 100, v = 400: own precision 1/100 − 1/400 = 0.0075; widened 1 / (1/1600 + 0.0075).
    expect(lawShareFactor(100, 400, 2)).toBeCloseTo(Math.sqrt(1 / (1 / 1600 + 0.0075) / 100), 9);
    expect(lawShareFactor(100, 400, 2)).toBeLessThan(2);
    expect(lawShareFactor(100, 400, 2)).toBeGreaterThan(1);
  });
  it("is the whole factor when the day has no reading of its own, 1 without a widening", () => {
    expect(lawShareFactor(100, 100, 2)).toBe(2);
    expect(lawShareFactor(100, 50, 2)).toBe(2);
    expect(lawShareFactor(0, 400, 2)).toBe(2);
    expect(lawShareFactor(100, 400, 1)).toBe(1);
  });
  it("is carried into the gaps from each reported day's own factor", () => {
    const day = (h: number) => ({ low: 100 - h, high: 100 + h });
    const f = dayCheckFactors(
      [day(10), day(20), day(10)],
      [0, 2],
      2,
      new Map([
        [0, 1.5],
        [2, 1.5],
      ]),
    );
    expect(f[0]).toBe(1.5);
    expect(f[2]).toBe(1.5);
    // Extra (1.5² − 1)·10² = 125 km² on 20 km.
    expect(f[1]).toBeCloseTo(Math.sqrt(1 + 125 / 400), 9);
  });
});

describe("self-calibrated intervals", () => {
  it("are never narrower than the model's where reports scatter past their noise (messy world), hold every estimate, keep head ≥ median ≥ tail", () => {
    const world = messyWorld(41);
    const model = estimateTracks(world.dataset, { selfCalibrate: false });
    const calibrated = estimateTracks(world.dataset);
    const w = calibrated.report.widening;
    expect(w.km).toBeGreaterThanOrEqual(1);
    expect(w.size).toBeGreaterThanOrEqual(1);
    expect(w.kmReports).toBeGreaterThan(10);
    expect(model.report.widening).toEqual({
      km: 1,
      kmFarFromReports: 1,
      size: 1,
      kmReports: 0,
      sizeReports: 0,
    });
    expect(w.kmFarFromReports).toBeGreaterThanOrEqual(1);
    expect(calibrated.tracks.length).toBe(model.tracks.length);
    calibrated.tracks.forEach((t, i) => {
      const m = model.tracks[i];
      expect(t.km).toBe(m.km);
      expect(t.kmLow).toBeLessThanOrEqual(m.kmLow);
      expect(t.kmHigh).toBeGreaterThanOrEqual(m.kmHigh);
      expect(t.kmLow).toBeLessThanOrEqual(t.km);
      expect(t.km).toBeLessThanOrEqual(t.kmHigh);
      const [head, tail] = [t.headKm ?? NaN, t.tailKm ?? NaN];
      expect(head).toBeGreaterThanOrEqual(t.km);
      expect(t.km).toBeGreaterThanOrEqual(tail);
      expect(t.headKmLow ?? NaN).toBeLessThanOrEqual(head);
      expect(head).toBeLessThanOrEqual(t.headKmHigh ?? NaN);
      expect(t.tailKmLow ?? NaN).toBeLessThanOrEqual(tail);
      expect(tail).toBeLessThanOrEqual(t.tailKmHigh ?? NaN);
      if (Number.isFinite(t.size)) {
        expect(t.sizeLow).toBeLessThanOrEqual(m.sizeLow);
        expect(t.sizeHigh).toBeGreaterThanOrEqual(m.sizeHigh);
        expect(t.sizeLow).toBeLessThanOrEqual(t.size);
        expect(t.size).toBeLessThanOrEqual(t.sizeHigh);
      }
    });
  });

  it("cover near nominal on seeded worlds with snapped, stale and misplaced reports", () => {
    let sums = emptySums();
    for (const seed of [7, 8, 9]) {
      const world = messyWorld(seed);
      sums = addSums(sums, scoreWorld(world, estimateTracks(world.dataset).tracks).estimator);
    }
    const f = figures(sums);
    // Loose bounds: three worlds of a few hundred group-days each.
    expect(f.kmCoverage).toBeGreaterThanOrEqual(0.8);
    expect(f.kmCoverage).toBeLessThanOrEqual(0.99);
    expect(f.sizeCoverage).toBeGreaterThanOrEqual(0.75);
    expect(f.sizeCoverage).toBeLessThanOrEqual(0.99);
  });
});
