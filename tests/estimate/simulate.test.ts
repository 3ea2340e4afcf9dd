import { describe, expect, it } from "vitest";
import {
  cachedRegimeTransitions,
  defaultMovementModel,
  regimeTransitions,
} from "../../src/movement/index.ts";
import { simulateWorld, stepGroup, syntheticCorridor } from "../../src/estimate/simulate.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import { mulberry32 } from "../../src/util/random.ts";

describe("simulator", () => {
  it("simulateWorld is reproducible from its seed", () => {
    const a = simulateWorld({ groups: 2 }, mulberry32(9));
    const b = simulateWorld({ groups: 2 }, mulberry32(9));
    expect(a.dataset.sightings).toEqual(b.dataset.sightings);
    expect(a.truth).toEqual(b.truth);
  });

  it("simulateWorld truth moves forward only and stays on its route", () => {
    const world = simulateWorld({ groups: 4 }, mulberry32(2));
    const index = createRouteIndex(world.dataset.routes);
    for (const g of world.truth) {
      for (let i = 1; i < g.days.length; i++)
        expect(g.days[i].km).toBeGreaterThanOrEqual(g.days[i - 1].km);
      expect(g.days.at(-1)?.km ?? 0).toBeLessThanOrEqual(index.lengthKm(g.routeId) + 1e-9);
    }
  });

  it("simulateWorld records the true group of every sighting, labelled or not", () => {
    const world = simulateWorld(
      { groups: 3, observation: { missingLabelRate: 0.5 } },
      mulberry32(4),
    );
    const unlabelled = world.dataset.sightings.filter((s) => !s.caravanLabel);
    expect(unlabelled.length).toBeGreaterThan(0);
    for (const s of world.dataset.sightings)
      expect(world.sightingGroup[s.id ?? ""]).toMatch(/^caravan-/);
  });

  it("stepGroup with only rides moves between the ride bounds", () => {
    const movement = {
      ...defaultMovementModel(),
      regimes: { rest: 0, walk: 0, ride: 1 },
      longRideProb: 0,
    };
    const random = mulberry32(1);
    for (let i = 0; i < 50; i++) {
      const s = stepGroup({ km: 0, size: 1000, regime: "ride" }, movement, 5000, random);
      expect(s.km).toBeGreaterThanOrEqual(movement.rideKm.min);
      expect(s.km).toBeLessThanOrEqual(movement.rideKm.max);
    }
  });

  it("stepGroup follows a model edited in place (the cached transition matrix is rebuilt)", () => {
    const movement = defaultMovementModel();
    const random = mulberry32(3);
    stepGroup({ km: 0, size: 1000, regime: "walk" }, movement, 5000, random);
    movement.regimes = { rest: 1, walk: 0, ride: 0 };
    movement.persistence = 0;
    for (let i = 0; i < 50; i++) {
      const s = stepGroup({ km: 100, size: 1000, regime: "walk" }, movement, 5000, random);
      expect(s.regime).toBe("rest");
      expect(s.km).toBe(100);
    }
  });

  it("cachedRegimeTransitions equals regimeTransitions, once per model, and follows in-place edits", () => {
    const m = defaultMovementModel();
    const first = cachedRegimeTransitions(m);
    expect(first).toEqual(regimeTransitions(m));
    expect(cachedRegimeTransitions(m)).toBe(first);
    m.persistence = 0.6;
    expect(cachedRegimeTransitions(m)).toEqual(regimeTransitions(m));
    expect(cachedRegimeTransitions(m)).not.toEqual(first);
  });

  it("syntheticCorridor has a main route and a branch that share their first 2,000 km", () => {
    const index = createRouteIndex(syntheticCorridor());
    expect(index.routeIds).toEqual(["main", "branch"]);
    const p = index.along("main", 1500);
    expect(index.project(p, { routeId: "branch" })?.distanceKm).toBeLessThan(0.01);
  });
});
