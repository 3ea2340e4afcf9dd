/**
 * The synthetic corridor of the estimator's tests: its routes, a position at a km of route
 * `main`, a dataset of given sightings on it (no places, counts or stocks), and reports and
 * track points of October 2018 days.
 */
import { describeGroup, labelledGroups } from "../../src/estimate/associate.ts";
import { projectSightings } from "../../src/estimate/estimateTracks.ts";
import { runKm } from "../../src/estimate/positions.ts";
import { prepareSightings } from "../../src/estimate/prepare.ts";
import { syntheticCorridor } from "../../src/estimate/simulate.ts";
import type { EstimateContext, WorkGroup } from "../../src/estimate/workGroup.ts";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import { defaultEstimatorMovement } from "../../src/movement/index.ts";
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

/**
 * A body of `size` people tagged `tag` whose median person walks 30 km a day from `km0` along
 * `main` on 13–26 Oct, reported each day at `offsets` km from its median person (default its rear,
 * middle and front, 150 km either side), the k-th at 10 + 2k h, each with the whole group's
 * figure. Ids `${idPrefix}${day}-${k}` (idPrefix defaults to the tag).
 */
export function walkingBody(
  tag: string,
  km0: number,
  size: number,
  offsets: readonly number[] = [-150, 0, 150],
  idPrefix: string = tag,
): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 13; d <= 26; d++)
    offsets.forEach((off, k) =>
      out.push({
        id: `${idPrefix}${d}-${k}`,
        observedAt: `${day(d)}T${10 + 2 * k}:00`,
        ...at(km0 + 30 * (d - 13) + off),
        caravanLabel: tag,
        sizeBest: size,
        sourceType: "government",
      }),
    );
  return out;
}

/**
 * The sightings' tracks as the association search would leave them, one per caravan label (the
 * label only sorts reports into tracks): read as unlabelled, parts described from each report's
 * part and notes, coarse km pass run (absorbParts, splitParts tests).
 */
export function unlabelledTracks(sightings: Sighting[]): {
  ctx: EstimateContext;
  groups: WorkGroup[];
} {
  const gazetteer = createGazetteer([]);
  const { prepared } = prepareSightings(sightings, "America/Mexico_City", gazetteer);
  const ctx: EstimateContext = {
    index,
    gazetteer,
    routeIds: index.routeIds,
    maxOff: 30,
    movement: defaultEstimatorMovement(),
    outlierScale: 1,
    projections: projectSightings(index, prepared),
    associations: [],
    leftOut: [],
    warnings: [],
    placeKm: new Map(),
  };
  const { groups } = labelledGroups(ctx, prepared);
  for (const g of groups) {
    g.labelled = false;
    describeGroup(g, (s) => [sightings[s.index]?.part, sightings[s.index]?.notes]);
    runKm(ctx, g, { outlierPosteriors: false, coarse: true });
  }
  return { ctx, groups };
}
