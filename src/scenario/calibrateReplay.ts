/**
 * The replay a calibration reads: one group's daily track along its route, with lookups of places
 * by name and km on that route.
 */
import { strictDayNumber } from "../calendar/index.ts";
import type { Dataset } from "../model/dataset.ts";
import type { TrackPoint } from "../model/track.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { Corridor, CorridorRoute } from "./corridor.ts";

/** One group's track on its route. */
export interface Replay {
  corridor: Corridor;
  gazetteer: Gazetteer;
  group: string;
  routeId: string;
  route: CorridorRoute;
  /** The group's track points, one per day, by date. */
  points: TrackPoint[];
  /** Corridor index of a place name, alias or id (undefined when unknown or off the corridor). */
  indexOfName(name: string | undefined): number | undefined;
  /** km along the route of a corridor place (undefined when not on the route). */
  kmOfPlace(index: number | undefined): number | undefined;
}

/** The track of `group` (default the group with the most track days). */
export function selectReplay(
  tracks: readonly TrackPoint[],
  dataset: Pick<Dataset, "places">,
  corridor: Corridor,
  wanted: string | undefined,
): Replay {
  const gazetteer = createGazetteer(dataset.places);
  const byGroup = new Map<string, TrackPoint[]>();
  for (const point of tracks) {
    const list = byGroup.get(point.group);
    if (list) list.push(point);
    else byGroup.set(point.group, [point]);
  }
  const group = wanted ?? [...byGroup.entries()].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
  const points = (group !== undefined ? (byGroup.get(group) ?? []) : [])
    .filter((p) => strictDayNumber(p.date) !== undefined && Number.isFinite(p.km))
    .sort((a, b) => strictDayNumber(a.date)! - strictDayNumber(b.date)!);
  if (group === undefined || points.length < 2) {
    throw new RangeError(
      `calibrateFromReplay needs a track of at least 2 days${group ? ` for group "${group}"` : ""}.`,
    );
  }
  const routeId = points[0]!.routeId;
  const route = corridor.routes.get(routeId);
  if (!route) throw new RangeError(`Unknown route of the track: ${routeId}.`);
  return {
    corridor,
    gazetteer,
    group,
    routeId,
    route,
    points,
    indexOfName(name) {
      if (name === undefined) return undefined;
      const place = gazetteer.find(name) ?? gazetteer.findById(name);
      return place ? corridor.indexOf.get(place.placeId) : undefined;
    },
    kmOfPlace(index) {
      return index === undefined || Number.isNaN(route.kmOf[index]!)
        ? undefined
        : route.kmOf[index];
    },
  };
}
