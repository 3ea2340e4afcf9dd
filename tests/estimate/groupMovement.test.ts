import { describe, expect, it } from "vitest";
import { smoothKm } from "../../src/estimate/kmSmoother.ts";
import { fitGroupMovement } from "../../src/estimate/positions.ts";
import { newGroup } from "../../src/estimate/workGroup.ts";
import { defaultEstimatorMovement } from "../../src/movement/index.ts";

// A labelled group walking 60 km every day for 20 days, reported to within 3 km each noon, while
// the pooled law (all groups together) walks 30 km a day.
function fastGroup() {
  const pooled = { ...defaultEstimatorMovement(), walkKm: { mean: 30, sd: 12 } };
  const g = newGroup("fast", true, "main");
  g.nDays = 20;
  g.km = smoothKm({
    nDays: 20,
    routeLengthKm: 3000,
    movement: pooled,
    observations: Array.from({ length: 20 }, (_, k) => ({
      step: k,
      km: 60 * k,
      sigmaKm: 3,
      outlier: 0.02,
      timeOffset: 0,
    })),
  });
  return { g, pooled };
}

describe("fitGroupMovement: a group's own movement law", () => {
  it("moves the walking speed towards the group's own, shrunk to the pooled law", () => {
    const { g, pooled } = fastGroup();
    const own = fitGroupMovement(g, pooled);
    expect(own.walkKm.mean).toBeGreaterThan(pooled.walkKm.mean + 10);
    expect(own.walkKm.mean).toBeLessThan(60);
    // Twenty days of walking: the walk share rises above the pooled one.
    expect(own.regimes.walk).toBeGreaterThan(pooled.regimes.walk);
    const sum = own.regimes.rest + own.regimes.walk + own.regimes.ride;
    expect(sum).toBeCloseTo(1, 9);
    // What is not fitted is the pooled law's.
    expect(own.rideKm).toEqual(pooled.rideKm);
    expect(own.persistence).toBe(pooled.persistence);
  });

  it("is the pooled law for a group without a smoothed track", () => {
    const pooled = defaultEstimatorMovement();
    const own = fitGroupMovement(newGroup("none", true, "main"), pooled);
    expect(own.walkKm.mean).toBeCloseTo(pooled.walkKm.mean, 9);
    expect(own.regimes.walk).toBeCloseTo(pooled.regimes.walk, 9);
  });
});
