// A day whose reports of the body agree read as one point's (src/estimate/pointDays.ts;
// EstimateOptions.agreeingAsPoint, docs/estimation.md § cal26).
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { agreeingDays } from "../../src/estimate/pointDays.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { mulberry32 } from "../../src/util/random.ts";

describe("agreeingDays", () => {
  const at = (day: number, km: number, sigmaKm = 4) => ({
    day,
    range: [km, km] as const,
    sigmaKm,
  });
  it("keeps a day whose reports all fall within their own noise of each other", () => {
    // 1.645 × √(4² + 4²) ≈ 9.3 km: 9 km apart agree, 10 km apart do not.
    expect([...agreeingDays([at(1, 100), at(1, 109)])]).toEqual([1]);
    expect([...agreeingDays([at(1, 100), at(1, 110)])]).toEqual([]);
    // A wider report's noise lets a further one agree.
    expect([...agreeingDays([at(1, 100), at(1, 110, 8)])]).toEqual([1]);
  });
  it("keeps a day of one report and drops a day with any pair apart", () => {
    const days = agreeingDays([at(1, 100), at(2, 150), at(2, 152), at(2, 190), at(3, 200)]);
    expect([...days].sort()).toEqual([1, 3]);
  });
  it("reads a town's stretch by its nearer end (0 where two stretches overlap)", () => {
    const town = (day: number, lo: number, hi: number) => ({
      day,
      range: [lo, hi] as const,
      sigmaKm: 15,
    });
    expect([...agreeingDays([town(1, 100, 140), town(1, 130, 170)])]).toEqual([1]);
    // 1.645 × √(15² + 15²) ≈ 34.9 km between the stretches' ends.
    expect([...agreeingDays([town(1, 100, 140), town(1, 176, 200)])]).toEqual([]);
  });
});

describe("EstimateOptions.agreeingAsPoint", () => {
  it("narrows labelled point-like groups' own intervals on average and leaves medians near", () => {
    const config = worldOfDifficulty(0.4);
    config.observation = { ...config.observation, missingLabelRate: 0 };
    const world = simulateWorld(config, mulberry32(41));
    const off = estimateTracks(world.dataset, { selfCalibrate: false }).tracks;
    const on = estimateTracks(world.dataset, {
      selfCalibrate: false,
      agreeingAsPoint: true,
    }).tracks;
    expect(on.length).toBe(off.length);
    const width = (ts: typeof off) =>
      ts.reduce((a, t) => a + (t.kmHigh - t.kmLow), 0) / Math.max(1, ts.length);
    // simulate.ts's groups are points on the road: no body to read.
    expect(width(on)).toBeLessThan(0.97 * width(off));
    const shift = on.map((t, i) => Math.abs(t.km - off[i]!.km)).sort((a, b) => a - b);
    expect(shift[Math.floor(shift.length / 2)]).toBeLessThan(10);
  });
  it("is off by default", () => {
    const world = simulateWorld(worldOfDifficulty(0.2), mulberry32(7));
    const a = estimateTracks(world.dataset, { selfCalibrate: false }).tracks;
    const b = estimateTracks(world.dataset, {
      selfCalibrate: false,
      agreeingAsPoint: false,
    }).tracks;
    expect(b).toEqual(a);
  });
});
