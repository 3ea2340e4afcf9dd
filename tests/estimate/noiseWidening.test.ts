// The reports' check read as a widening of their noise (src/estimate/noiseWidening.ts,
// calibrate.ts `noiseWidenings`; EstimateOptions.reportCheckOnNoise).
import { describe, expect, it } from "vitest";
import { noiseWidenings } from "../../src/estimate/calibrate.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { reportedDayWidenings, reportNoiseWidening } from "../../src/estimate/noiseWidening.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { mulberry32 } from "../../src/util/random.ts";

describe("reportNoiseWidening", () => {
  it("widens a reported day by its report's share of the posterior only", () => {
    const p = { miss: 0, post: 100, own: 100, noise: 100 };
    // (1/100 + 1/100) ÷ (1/100 + 1/400) = 1.6.
    expect(reportNoiseWidening(p, 2)).toBeCloseTo(Math.sqrt(1.6), 9);
    expect(reportNoiseWidening(p, 2)).toBeLessThan(2);
    // A report whose own variance is mostly not noise (a stretch) widens the day less.
    expect(reportNoiseWidening({ ...p, noise: 20 }, 2)).toBeLessThan(reportNoiseWidening(p, 2));
  });
  it("is 1 at scale 1 or without the check's variances, at most the scale", () => {
    const p = { miss: 0, post: 100, own: 100, noise: 100 };
    expect(reportNoiseWidening(p, 1)).toBe(1);
    expect(reportNoiseWidening(p, 0.5)).toBe(1);
    expect(reportNoiseWidening({ ...p, post: 0 }, 2)).toBe(1);
    expect(reportNoiseWidening({ ...p, post: 1e12 }, 3)).toBeCloseTo(3, 3);
  });
});

describe("reportedDayWidenings", () => {
  it("averages a day's reports by weight and skips reports without variances or weight", () => {
    const a = { miss: 0, post: 100, own: 100, noise: 100 };
    const b = { miss: 0, post: 1e12, own: 100, noise: 100 };
    const m = reportedDayWidenings([0, 0, 2, 3], [a, b, undefined, a], [1, 3, 1, 0], 2);
    expect([...m.keys()]).toEqual([0]);
    const expected = (reportNoiseWidening(a, 2) + 3 * reportNoiseWidening(b, 2)) / 4;
    expect(m.get(0)).toBeCloseTo(expected, 9);
  });
});

describe("noiseWidenings", () => {
  const r = (miss: number) => ({
    score: 0,
    weight: 1,
    parts: { miss, post: 0, own: 100, noise: 100 },
  });
  it("is the conformal quantile of the reports' noise scales, at least 1", () => {
    const f = noiseWidenings([Array.from({ length: 20 }, (_, i) => r(i * 20))])[0]!;
    // The 19th of 20 misses, 360 km²: √(360 ÷ 100) ≈ 1.897.
    expect(f).toBeCloseTo(Math.sqrt(3.6), 9);
    expect(noiseWidenings([Array.from({ length: 20 }, () => r(10))])[0]).toBe(1);
    expect(noiseWidenings([[]])[0]).toBe(1);
  });
});

describe("EstimateOptions.reportCheckOnNoise", () => {
  it("is never narrower than the model's own intervals and changes the labelled groups' days", () => {
    const config = worldOfDifficulty(0.4);
    config.observation = {
      ...config.observation,
      placeProb: 0.8,
      outlierRate: 0.15,
      missingLabelRate: 0,
    };
    const world = simulateWorld(config, mulberry32(41));
    const model = estimateTracks(world.dataset, { selfCalibrate: false }).tracks;
    const ratio = estimateTracks(world.dataset).tracks;
    const withNoise = estimateTracks(world.dataset, { reportCheckOnNoise: true });
    const noise = withNoise.tracks;
    // The pooled noise widening is reported beside the factors (report.json widening.kmNoise).
    expect(withNoise.report.widening.kmNoise).toBeGreaterThanOrEqual(1);
    expect(noise.length).toBe(model.length);
    let changed = 0;
    noise.forEach((t, i) => {
      const m = model[i]!;
      expect(t.km).toBe(m.km);
      expect(t.kmLow).toBeLessThanOrEqual(m.kmLow);
      expect(t.kmHigh).toBeGreaterThanOrEqual(m.kmHigh);
      if (t.kmHigh - t.kmLow !== ratio[i]!.kmHigh - ratio[i]!.kmLow) changed++;
    });
    expect(changed).toBeGreaterThan(0);
  });
});
