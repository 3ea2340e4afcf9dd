import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothKm } from "../../src/estimate/kmSmoother.ts";
import type { KmObservation } from "../../src/estimate/kmSmoother.ts";
import { defaultMovementModel } from "../../src/movement/index.ts";

const movement = defaultMovementModel();
const report = (step: number, km: number, extra: Partial<KmObservation> = {}): KmObservation => ({
  step,
  km,
  sigmaKm: 4,
  outlier: 0.05,
  timeOffset: 0,
  ...extra,
});

describe("smoothKm (regime-switching grid smoother)", () => {
  it("smoothKm interpolates a walking day between two reports", () => {
    const r = smoothKm({
      nDays: 3,
      routeLengthKm: 2000,
      movement,
      observations: [report(0, 100), report(2, 180)],
    });
    expect(r.days[1].median).toBeGreaterThan(110);
    expect(r.days[1].median).toBeLessThan(170);
    expect(r.days[1].low).toBeLessThanOrEqual(r.days[1].median);
    expect(r.days[1].high).toBeGreaterThanOrEqual(r.days[1].median);
  });

  it("smoothKm is not dragged by a stale report behind the group (forward-only, robust)", () => {
    const observations = [report(0, 300), report(1, 340), report(2, 100), report(3, 420)];
    const r = smoothKm({ nDays: 4, routeLengthKm: 2000, movement, observations });
    expect(Math.abs(r.days[2].median - 380)).toBeLessThan(30);
    expect(r.outlierProb[2]).toBeGreaterThan(0.5);
    expect(r.outlierProb[1]).toBeLessThan(0.1);
  });

  it("smoothKm accepts a bus day of hundreds of km as ordinary, not as an outlier", () => {
    const observations = [report(0, 100), report(1, 140), report(2, 450), report(3, 490)];
    const r = smoothKm({ nDays: 4, routeLengthKm: 2000, movement, observations });
    expect(Math.abs(r.days[2].median - 450)).toBeLessThan(10);
    expect(r.outlierProb[2]).toBeLessThan(0.1);
  });

  it("smoothKm medians never go backwards (progress is monotone) for any reports", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            step: fc.integer({ min: 0, max: 9 }),
            km: fc.double({ min: 0, max: 1500, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (obs) => {
          const r = smoothKm({
            nDays: 10,
            routeLengthKm: 1500,
            movement,
            observations: obs.map((o) => report(o.step, o.km, { sigmaKm: 10 })),
            maxCells: 300,
          });
          for (let k = 1; k < r.days.length; k++) {
            // one grid cell of slack for the linear interpolation inside cells
            expect(r.days[k].median).toBeGreaterThanOrEqual(r.days[k - 1].median - r.cellKm);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("smoothKm treats a town's stretch of road as a range, not as a point", () => {
    const r = smoothKm({
      nDays: 1,
      routeLengthKm: 2000,
      movement,
      observations: [report(0, 500, { kmRange: [480, 520], sigmaKm: 2 })],
    });
    expect(r.days[0].low).toBeLessThan(486);
    expect(r.days[0].high).toBeGreaterThan(514);
  });

  it("smoothKm holds a group at the route's end (the end absorbs)", () => {
    const r = smoothKm({
      nDays: 3,
      routeLengthKm: 1000,
      movement,
      observations: [report(0, 990), report(2, 1000)],
    });
    expect(r.days[2].high).toBeCloseTo(1000, 0);
  });
});
