/**
 * The synthetic corridor of the estimator's tests: its routes, a position at a km of route
 * `main`, and a dataset of given sightings on it (no places, counts or stocks).
 */
import { syntheticCorridor } from "../../src/estimate/simulate.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import type { Sighting } from "../../src/model/sighting.ts";

export const routes = syntheticCorridor();
export const index = createRouteIndex(routes);

/** Coordinates of km `km` along route `main`. */
export function at(km: number): { lon: number; lat: number } {
  const [lon, lat] = index.along("main", km);
  return { lon, lat };
}

/** A dataset of these sightings on the synthetic corridor. */
export function dataset(sightings: Sighting[], name = "test"): Dataset {
  return {
    name,
    places: [],
    routes,
    sightings,
    counts: [],
    stocks: [],
    timeZone: "America/Mexico_City",
  };
}
