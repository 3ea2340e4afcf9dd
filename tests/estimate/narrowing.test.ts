// Narrowing by the reports' own noise fitted from held-out residuals (src/estimate/narrowing.ts,
// calibrate.ts noiseScales): the one step of the self-calibration that can narrow an interval.
import { describe, expect, it } from "vitest";
import { noiseScales } from "../../src/estimate/calibrate.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import {
  MIN_NOISE_SCALE,
  narrowingFactors,
  narrowKmDay,
  reportNarrowing,
  reportNoiseScale,
} from "../../src/estimate/narrowing.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { mulberry32 } from "../../src/util/random.ts";

/** A report's check whose miss needs noise × `scale` (posterior variance `post`, noise 100 km²). */
const report = (scale: number, post = 0, weight = 1) => ({
  score: 0,
  weight,
  parts: { miss: post + scale * scale * 100, post, own: 100, noise: 100 },
});

describe("reportNoiseScale", () => {
  it("is the noise scale at which the report just falls inside its 90 % predictive interval", () => {
    expect(reportNoiseScale({ miss: 50, post: 25, own: 100, noise: 100 })).toBeCloseTo(0.5);
    // Covered by the posterior alone: any scale will do.
    expect(reportNoiseScale({ miss: 20, post: 25, own: 100, noise: 100 })).toBe(0);
    // A stretch's width (own − noise) is not scaled: it is subtracted whole.
    expect(reportNoiseScale({ miss: 75, post: 25, own: 125, noise: 100 })).toBeCloseTo(0.5);
    expect(reportNoiseScale({ miss: 425, post: 25, own: 100, noise: 100 })).toBeCloseTo(2);
    expect(reportNoiseScale({ miss: 50, post: 25, own: 0, noise: 0 })).toBe(Infinity);
  });
});

describe("noiseScales", () => {
  it("goes below 1 when the reports sit well within their assumed noise", () => {
    const tight = Array.from({ length: 20 }, (_, i) => report(0.3 + (i / 19) * 0.4));
    const [scale] = noiseScales([tight]);
    expect(scale).toBeLessThan(1);
    expect(scale).toBeGreaterThan(0.6);
    expect(scale).toBeLessThan(0.71);
  });

  it("stops at MIN_NOISE_SCALE and at 1; reports judged outliers and reports without parts do not count", () => {
    expect(noiseScales([Array.from({ length: 20 }, () => report(0.1))])[0]).toBe(MIN_NOISE_SCALE);
    expect(noiseScales([Array.from({ length: 20 }, () => report(3))])[0]).toBe(1);
    const withOutliers = [
      ...Array.from({ length: 20 }, () => report(0.6)),
      ...Array.from({ length: 10 }, () => report(5, 0, 0)),
      ...Array.from({ length: 10 }, () => ({ score: 3, weight: 1 })),
    ];
    expect(noiseScales([withOutliers])[0]).toBeCloseTo(0.6);
    expect(noiseScales([[]])[0]).toBe(1);
  });

  it("pools each group's own with everyone's: a group of a few reports gets about the pool's", () => {
    const many = Array.from({ length: 100 }, () => report(0.6));
    const scales = noiseScales([many, [report(0.2)], [report(0.2), report(0.2), report(3)]]);
    expect(scales[0]).toBeCloseTo(0.6);
    expect(scales[1]).toBeCloseTo(0.6);
    // A group's own report beyond its noise weighs more than its share of the pool.
    expect(scales[2]).toBe(1);
  });
});

describe("reportNarrowing", () => {
  it("is how much a reported day's posterior spread shrinks when the report's noise is × scale", () => {
    const p = { miss: 0, post: 100, own: 100, noise: 100 };
    expect(reportNarrowing(p, 0.5)).toBeCloseTo(Math.sqrt(0.02 / 0.05));
    expect(reportNarrowing(p, 1)).toBe(1);
    expect(reportNarrowing(p, 1.5)).toBe(1);
    // Never below the scale itself, and nearly 1 where the movement law holds the day tight.
    expect(reportNarrowing({ ...p, post: 1e-6 }, 0.5)).toBeGreaterThan(0.999);
    expect(reportNarrowing({ ...p, post: 1e9 }, 0.5)).toBeCloseTo(0.5);
  });
});

describe("narrowingFactors", () => {
  const d = (h: number) => ({ low: 100 - h, high: 100 + h });
  it("is the reports' mean on reported days and carries the km² taken off into gaps", () => {
    const f = narrowingFactors([d(10), d(20), d(10)], [0, 2], [0.5, 0.5], [1, 1]);
    expect(f[0]).toBeCloseTo(0.5);
    expect(f[1]).toBeCloseTo(Math.sqrt(1 - 75 / 400));
    expect(f[2]).toBeCloseTo(0.5);
    // Two reports of one day: their weighted mean; an outlier (weight 0) does not count.
    expect(narrowingFactors([d(10)], [0, 0, 0], [0.5, 0.9, 0.1], [1, 3, 0])[0]).toBeCloseTo(0.8);
  });

  it("never narrows below the lesser of the reported days around, and is 1 without reports", () => {
    const f = narrowingFactors([d(10), d(1), d(10), d(100)], [0, 2], [0.6, 0.8], [1, 1]);
    expect(f[1]).toBeGreaterThanOrEqual(0.6);
    expect(f[3]).toBeGreaterThan(0.99);
    expect(narrowingFactors([d(10), d(10)], [], [], [])).toEqual([1, 1]);
    expect(Math.max(...narrowingFactors([d(10), d(5)], [0], [1.4], [1]))).toBeLessThanOrEqual(1);
  });
});

describe("narrowKmDay", () => {
  it("narrows about the median; a factor of 1 or more leaves the day as it is", () => {
    const day = { median: 100, low: 80, high: 130, mean: 102, sd: 15 };
    expect(narrowKmDay(day, 0.5)).toEqual({ median: 100, low: 90, high: 115, mean: 102, sd: 7.5 });
    expect(narrowKmDay(day, 1)).toEqual(day);
    expect(narrowKmDay(day, 2)).toEqual(day);
  });
});

/** A world whose reports are far less noisy than the estimator assumes (seeded). */
function quietWorld(): ReturnType<typeof simulateWorld> {
  const config = worldOfDifficulty(0.2);
  config.observation = {
    ...config.observation,
    placeProb: 0,
    coordNoiseKm: 0.5,
    outlierRate: 0,
    missingLabelRate: 0,
  };
  return simulateWorld(config, mulberry32(5));
}

describe("self-calibration with the reports' own noise", () => {
  it("with narrowNoise, narrows some days of a world whose reports are far less noisy than assumed, never past the noise's share", () => {
    const world = quietWorld();
    const model = estimateTracks(world.dataset, { selfCalibrate: false });
    const calibrated = estimateTracks(world.dataset, { narrowNoise: true });
    expect(calibrated.report.widening.noiseScale).toBeLessThan(1);
    expect(calibrated.report.widening.noiseScale).toBeGreaterThanOrEqual(MIN_NOISE_SCALE);
    let narrowed = 0;
    calibrated.tracks.forEach((t, i) => {
      const m = model.tracks[i];
      expect(t.km).toBe(m.km);
      const width = t.kmHigh - t.kmLow;
      const own = m.kmHigh - m.kmLow;
      if (width < own - 0.05) narrowed++;
      // Narrowed by at most the least noise scale (and rounding to 0.1 km).
      expect(width).toBeGreaterThanOrEqual(MIN_NOISE_SCALE * own - 0.2);
      expect(t.kmLow).toBeLessThanOrEqual(t.km);
      expect(t.km).toBeLessThanOrEqual(t.kmHigh);
    });
    expect(narrowed).toBeGreaterThan(0);
  });

  it("by default never narrows an interval below the model's own (issue 13's contract)", () => {
    const world = quietWorld();
    const model = estimateTracks(world.dataset, { selfCalibrate: false });
    const calibrated = estimateTracks(world.dataset);
    expect(calibrated.report.widening.noiseScale).toBeLessThan(1);
    calibrated.tracks.forEach((t, i) => {
      const m = model.tracks[i];
      expect(t.kmHigh - t.kmLow).toBeGreaterThanOrEqual(m.kmHigh - m.kmLow - 0.05);
    });
  });
});
