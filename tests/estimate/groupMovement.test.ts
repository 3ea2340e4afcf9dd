import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { smoothKm } from "../../src/estimate/kmSmoother.ts";
import { fitGroupMovement } from "../../src/estimate/positions.ts";
import { syntheticCorridor } from "../../src/estimate/simulate.ts";
import { newGroup } from "../../src/estimate/workGroup.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { Sighting } from "../../src/model/sighting.ts";
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

// Two labelled groups on the synthetic corridor, reported each noon for 16 days: "fast" walks
// 50 km a day, "slow" 20.
function twoGroups(): Sighting[] {
  const routes = syntheticCorridor();
  const index = createRouteIndex(routes);
  const sightings: Sighting[] = [];
  for (const [label, perDay] of [
    ["fast", 50],
    ["slow", 20],
  ] as const) {
    for (let d = 0; d < 16; d++) {
      const [lon, lat] = index.along("main", 10 + perDay * d);
      sightings.push({
        id: `${label}${d}`,
        observedAt: `2018-10-${String(13 + d).padStart(2, "0")}T12:00`,
        lon,
        lat,
        caravanLabel: label,
        sizeBest: 1000,
        sourceType: "un",
      });
    }
  }
  return sightings;
}

describe("report.groupMovement: each labelled group's own law, as its track used it", () => {
  it("lists every labelled group's fitted regimes and walking speed; state keeps the pooled law", () => {
    const { report, state } = estimateTracks({
      name: "two speeds",
      places: [],
      routes: syntheticCorridor(),
      sightings: twoGroups(),
      counts: [],
      stocks: [],
      timeZone: "America/Mexico_City",
    });
    expect(report.groupMovement.map((m) => m.group)).toEqual(["fast", "slow"]);
    const [fast, slow] = report.groupMovement;
    // The slow group rests more days of its own than the pooled law, the fast one fewer.
    expect(fast!.regimes.rest).toBeLessThan(report.movement.regimes.rest - 0.05);
    expect(slow!.regimes.rest).toBeGreaterThan(report.movement.regimes.rest + 0.05);
    for (const m of report.groupMovement) expect(m.walkKm.mean).toBeGreaterThan(0);
    for (const m of report.groupMovement) {
      const sum = m.regimes.rest + m.regimes.walk + m.regimes.ride;
      expect(sum).toBeCloseTo(1, 2);
    }
    // The forecast's starting state carries the pooled law, not the group's own.
    for (const s of state) expect(s.movement).toBe(report.movement);
  });
});
