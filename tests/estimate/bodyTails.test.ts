import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { BODY_SCALE_MIXTURE, bodyCoreSdKm } from "../../src/estimate/positions.ts";
import { dataset, on, report } from "./corridor.ts";

// A labelled group at a shelter (km 500) for a week: each day three reports of people at it and
// two of people strung out ahead (walkers who went on), all giving the whole group's figure, so
// all read as reports of the body. On day 13 their mean is ~534 km, their median 500.
function shelterWeek() {
  const sightings = [];
  for (let d = 10; d <= 16; d++) {
    for (let i = 0; i < 3; i++) sightings.push(report(`s${d}-${i}`, d, 500, 3000));
    sightings.push(report(`a${d}-0`, d, 540 + 10 * (d - 10), 3000));
    sightings.push(report(`a${d}-1`, d, 580 + 10 * (d - 10), 3000));
  }
  return dataset(sightings);
}

describe("bodyTails: reports of the body read with heavy tails", () => {
  it("keeps the median person with the bulk of a body strung out ahead of a shelter", () => {
    const data = shelterWeek();
    const plain = estimateTracks(data, { bodyTails: false }).tracks;
    const tails = estimateTracks(data).tracks;
    const a = on(plain, 13).km;
    const b = on(tails, 13).km;
    // Heavy tails read the far reports as the body's tail of walkers, not as its centre.
    // Measured: ~536 km with one normal per report (their mean), ~504 with heavy tails (a
    // narrow core picks the shelter out; ~519 with the core of sd 0.6 before 6 Dec 2026).
    expect(b).toBeLessThan(a - 10);
    expect(Math.abs(b - 500)).toBeLessThan(Math.abs(a - 500));
    expect(Math.abs(b - 500)).toBeLessThan(10);
    const t = on(tails, 13);
    expect(t.kmLow).toBeLessThanOrEqual(t.km);
    expect(t.kmHigh).toBeGreaterThanOrEqual(t.km);
  });

  it("reads about the one normal's spread: the mixture's variance within 5 % of 1.5²", () => {
    const [core, broad] = BODY_SCALE_MIXTURE;
    expect(core.weight + broad.weight).toBeCloseTo(1, 12);
    const variance = core.weight * core.sdShare ** 2 + broad.weight * broad.sdShare ** 2;
    expect(Math.abs(variance / 1.5 ** 2 - 1)).toBeLessThan(0.05);
    // The core is the narrow part: at most a third of the one normal's sd.
    expect(core.sdShare).toBeLessThanOrEqual(0.5);
  });

  it("is on by default: the default equals bodyTails true", () => {
    const data = shelterWeek();
    const byDefault = estimateTracks(data).tracks.map((t) => t.km);
    const on = estimateTracks(data, { bodyTails: true }).tracks.map((t) => t.km);
    expect(on).toEqual(byDefault);
  });

  it("reads the core from the bulk: a shelter's people hold the median person with 40 % strung 200–400 km ahead", () => {
    // Six days at a shelter (km 500): three reports a day there, two 200–400 km ahead.
    const sightings = [];
    for (let d = 10; d <= 15; d++) {
      for (let i = 0; i < 3; i++) sightings.push(report(`s${d}-${i}`, d, 500, 3000));
      sightings.push(report(`a${d}-0`, d, 700 + 20 * (d - 10), 3000));
      sightings.push(report(`a${d}-1`, d, 800 + 40 * (d - 10), 3000));
    }
    const tracks = estimateTracks(dataset(sightings)).tracks;
    for (let d = 10; d <= 15; d++)
      expect(Math.abs(on(tracks, d).km - 500), `day ${d}`).toBeLessThan(30);
  });

  it("the core: the bulk's, within CORE_FLOOR (0.5) and 1 × the spread's core", () => {
    // Half the reports name the median person's town: the bulk is in one town, not at a point.
    expect(bodyCoreSdKm(20, 5, 0)).toBe(10);
    expect(bodyCoreSdKm(20, 0, 0)).toBe(10);
    // A bulk of median distance 18 km: 0.665 × 18 ≈ 12, with the report's own 5 km, ≈ 13.0.
    expect(bodyCoreSdKm(20, 5, 18)).toBeCloseTo(Math.hypot(5, 0.665 * 18), 9);
    // Never wider than the spread's core; the spread's core where the bulk is not known.
    expect(bodyCoreSdKm(20, 5, 100)).toBe(20);
    expect(bodyCoreSdKm(20, 5, undefined)).toBe(20);
  });
});
