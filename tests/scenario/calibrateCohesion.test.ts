/**
 * Cohesion fitted to a caravan's first-to-bulk gaps (src/scenario/calibrateCohesion.ts): on a
 * synthetic replay whose gaps are the kernel's own at a known cohesion, the fit recovers it.
 */
import { describe, expect, it } from "vitest";
import { isoDate, dayNumber } from "../../src/calendar/index.ts";
import { buildCorridor } from "../../src/geo/corridor.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { calibrateFromReplay } from "../../src/scenario/calibrate.ts";
import { fitCohesion, meanGaps } from "../../src/scenario/calibrateCohesion.ts";
import type { FirstAndBulk } from "../../src/scenario/calibrateCohesion.ts";
import { compileScenario } from "../../src/scenario/compile.ts";
import { validateScenario } from "../../src/scenario/validateScenario.ts";
import { syntheticDataset, tenGroupWave } from "./fixture.ts";

const dataset = syntheticDataset();
const corridor = buildCorridor(dataset);

/** 5,000 people in 10 groups walking 35–45 km a day, some rest and ride days, regimes that last. */
const CARAVAN = tenGroupWave(
  { runs: 1, seed: 1, horizonDays: 50 },
  { restDayProbability: 0.15, rideProbability: 0.1, persistence: 0.5, cohesion: 0.8 },
);

function compiled() {
  const { scenario, errors } = validateScenario(CARAVAN, { dataset, corridor });
  expect(errors).toEqual([]);
  return compileScenario(scenario!, corridor);
}

describe("cohesion from the first arrivals and the bulk", () => {
  it("fitCohesion recovers the cohesion of a synthetic replay from its first-to-bulk gaps", () => {
    const c = compiled();
    const places = ["Delta", "Golf", "Kilo"].map((n) => c.places.findIndex((p) => p.name === n));
    for (const truth of [0.75, 0.92]) {
      // The synthetic replay: the kernel's own mean gaps at the known cohesion, other runs.
      c.cohesion = truth;
      const observed = meanGaps(c, places, 400, 99);
      c.cohesion = 0.5;
      const fit = fitCohesion(
        c,
        places.map((place, j) => ({ place, gapDays: observed[j]! })),
      );
      console.info(
        `truth ${truth}: fitted ${fit.cohesion}, gaps ${observed.map((g) => g.toFixed(2))} vs ${fit.gapsDays.map((g) => g.toFixed(2))}`,
      );
      // The √(1 − c) law and 100 runs a probe: within 0.04 (0.75 → 0.72, 0.92 → 0.92 here).
      expect(Math.abs(fit.cohesion - truth)).toBeLessThanOrEqual(0.04);
      fit.gapsDays.forEach((g, j) => expect(Math.abs(g - observed[j]!)).toBeLessThan(0.5));
      expect(c.cohesion).toBe(0.5); // restored
    }
    // The gap grows with the distance gone: Kilo (km 1,000) after Delta (km 300).
    c.cohesion = 0.8;
    const gaps = meanGaps(c, places, 200, 5);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
  });

  it("calibrateFromReplay fits cohesion to the group's first arrivals and bulk, and keeps 0.8 without them", () => {
    const start = dayNumber("2019-01-01")!;
    const tracks: TrackPoint[] = Array.from({ length: 26 }, (_, day) => ({
      group: "test caravan",
      date: isoDate(start + day),
      routeId: "main",
      km: day * 40,
      kmLow: day * 40 - 5,
      kmHigh: day * 40 + 5,
      lat: 0,
      lon: 0,
      size: 5000,
      sizeLow: 4000,
      sizeHigh: 6000,
    }));
    const seen = (group: string, place: string, first: string, bulk: string): FirstAndBulk => ({
      group,
      place,
      first,
      bulk,
      source: "synthetic",
    });
    const fit = (firstAndBulk?: FirstAndBulk[]) =>
      calibrateFromReplay(tracks, [], {
        dataset,
        pivot: "Foxtrot",
        border: "Charlie",
        firstAndBulk,
      });
    const plain = fit();
    expect(plain.movement.cohesion).toBe(0.8);
    expect(plain.fit.cohesion).toBeUndefined();
    expect(
      fit([seen("other caravan", "Hotel", "2019-01-17", "2019-01-19")]).movement.cohesion,
    ).toBe(0.8);
    const close = fit([seen("test caravan", "Hotel", "2019-01-18", "2019-01-19")]);
    const apart = fit([seen("test caravan", "Hotel", "2019-01-16", "2019-01-19")]);
    expect(close.fit.cohesion!.places).toEqual([
      expect.objectContaining({ place: "Hotel", gapDays: 1 }),
    ]);
    expect(apart.movement.cohesion).toBeLessThan(close.movement.cohesion);
    for (const c of [close, apart]) {
      const p = c.fit.cohesion!.places[0]!;
      // Within a day unless the fit hits the edge of [0, 1].
      if (c.movement.cohesion > 0 && c.movement.cohesion < 1)
        expect(Math.abs(p.modelGapDays - p.gapDays)).toBeLessThan(0.5);
      expect(c.notes.some((n) => n.startsWith(`cohesion ${c.movement.cohesion}`))).toBe(true);
    }
  });
});
