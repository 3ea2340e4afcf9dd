import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { bodyShareKm } from "../../src/estimate/positions.ts";
import { dataset, on, report } from "./corridor.ts";

// A point-like group walking 30 km a day from km 100, four coordinate reports a day: at its exact
// place, or scattered ±3 km about it (within a report's own noise as the estimator reads it).
function walking(scatter: readonly number[]) {
  const sightings = [];
  for (let d = 10; d <= 20; d++) {
    for (let i = 0; i < 4; i++) {
      const km = 100 + 30 * (d - 10) + scatter[(i + d) % scatter.length];
      sightings.push(report(`r${d}-${i}`, d, km, 2000, "media"));
    }
  }
  return dataset(sightings);
}

const width = (scatter: readonly number[]): number => {
  const p = on(estimateTracks(walking(scatter), { selfCalibrate: false }).tracks, 15);
  return p.kmHigh - p.kmLow;
};

describe("the body's spread is what the reports' distances show beyond their own noise", () => {
  it("bodyShareKm: the distance less the noise at the same quantile, in quadrature, never below 0", () => {
    expect(bodyShareKm(6, 5, 1.2816)).toBe(0);
    expect(bodyShareKm(0, 5, 0.6745)).toBe(0);
    expect(bodyShareKm(100, 5, 1.2816)).toBeCloseTo(Math.sqrt(100 ** 2 - (1.2816 * 5) ** 2), 9);
    expect(bodyShareKm(100, 0, 1.2816)).toBe(100);
  });

  it("reports scattered within their own noise are not read as a body: no wider than at one point", () => {
    // Before (noise counted twice: once as each report's own, once as the body's spread fitted
    // from the same distances) the scattered reports' interval was 13.0 km against 12.2 km.
    const atPoint = width([0]);
    const scattered = width([-3, 1, 3, -1]);
    expect(scattered).toBeLessThanOrEqual(atPoint + 0.1);
  });

  it("a body spread far beyond the reports' noise still widens the interval", () => {
    // The same group's reports spread ±60 km about it: a body, read as one.
    expect(width([-60, 20, 60, -20])).toBeGreaterThan(width([0]) + 10);
  });
});
