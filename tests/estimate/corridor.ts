/**
 * The synthetic corridor of the estimator's tests: its routes, a position at a km of route
 * `main`, a dataset of given sightings on it (no places, counts or stocks), and reports and
 * track points of October 2018 days.
 */
import { syntheticCorridor } from "../../src/estimate/simulate.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { TrackPoint } from "../../src/model/track.ts";

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

/** Day `d` of October 2018 as an ISO date: day(13) is "2018-10-13". */
export const day = (d: number): string => `2018-10-${String(d).padStart(2, "0")}`;

/** The track point of `group` (default "A") on day `d` of October 2018. */
export const on = (tracks: TrackPoint[], d: number, group = "A"): TrackPoint =>
  tracks.find((t) => t.date === day(d) && t.group === group) as TrackPoint;

/** A report of group "A" at noon of day `d` of October 2018, `km` along `main`: `sizeBest` people. */
export function report(
  id: string,
  d: number,
  km: number,
  sizeBest: number,
  sourceType: Sighting["sourceType"] = "dtm",
): Sighting {
  return {
    id,
    observedAt: `${day(d)}T12:00`,
    ...at(km),
    caravanLabel: "A",
    sizeBest,
    sourceType,
  };
}
