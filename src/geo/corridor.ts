/**
 * The corridor a scenario runs on: the dataset's routes (complete origin→destination paths) and
 * the places along them, each at a km along every route that passes it.
 */
import type { Dataset } from "../model/dataset.ts";
import type { Place } from "../model/place.ts";
import { createRouteIndex } from "./routeIndex.ts";
import type { RouteIndex } from "./routeIndex.ts";

const KIND_ORDER: Record<Place["kind"], number> = {
  city: 0,
  border_crossing: 1,
  fmp: 2,
  shelter: 3,
};
/** A shelter this close (km along the route) to a city of its country is counted as in that city. */
const SHELTER_FOLD_KM = 15;

/** A place on one route. */
export interface RouteStop {
  /** Index into {@link Corridor.places}. */
  place: number;
  km: number;
}

/** One route with the places it passes, sorted by km. */
export interface CorridorRoute {
  routeId: string;
  lengthKm: number;
  stops: RouteStop[];
  /** km of each place on this route by place index (NaN when the route does not pass it). */
  kmOf: Float64Array;
}

/** Routes and the places they pass. */
export interface Corridor {
  /** Places on at least one route, in dataset order. Places that share a spot are folded into one. */
  places: Place[];
  /** Capacity (people) per place index, summing folded shelters; undefined when unknown. */
  capacity: (number | undefined)[];
  routes: Map<string, CorridorRoute>;
  /** Index of a place id (folded places map to the place that absorbed them). */
  indexOf: Map<string, number>;
}

/**
 * How far (km) a place may be from a route to count as on it: 20 km, so a town whose point sits
 * off the road (its centre, its town hall) is still on the route it serves. The state's arrival
 * radius (`ARRIVAL_KM`, src/state/groupStatus.ts) reads this constant: a group this close to its
 * route's end is at the place there.
 */
export const PLACE_SNAP_KM = 20;

/**
 * Builds the corridor of a dataset: every route, and every place within `snapKm` of a route.
 * Places of the same country within 1 km of each other along a route, and shelters within 15 km
 * of a city of their country, are folded into the city (the first one, by kind: city, border
 * crossing, flow monitoring point), and capacities summed, so that people present are counted
 * once and a city's shelter capacity is the sum of its shelters'.
 *
 * @param dataset places and routes (the embedded 2018 data or a user's).
 * @param snapKm how far (km) a place may be from a route to count as on it; default
 *   {@link PLACE_SNAP_KM} (20).
 * @param routeIndex the dataset's route index when already built (src/geo).
 * @example
 * const corridor = buildCorridor(embedded2018());
 * corridor.routes.get("main")?.stops.length; // => places along the main route
 */
export function buildCorridor(
  dataset: Pick<Dataset, "places" | "routes">,
  snapKm: number = PLACE_SNAP_KM,
  routeIndex?: RouteIndex,
): Corridor {
  const index: RouteIndex = routeIndex ?? createRouteIndex(dataset.routes);
  const routeIds = [...index.routeIds];
  const places: Place[] = [];
  const capacity: (number | undefined)[] = [];
  const indexOf = new Map<string, number>();
  const kmByPlace: number[][] = [];
  // Cities first, shelters last, so that a shelter folds into its city and not the reverse.
  const order = [...dataset.places].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  for (const place of order) {
    if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) continue;
    const kms = routeIds.map(
      (routeId) =>
        index.project([place.lon, place.lat], { routeId, maxDistanceKm: snapKm })?.km ?? NaN,
    );
    if (kms.every((km) => Number.isNaN(km))) continue;
    // Fold into an earlier place of the same country at the same spot on every shared route
    // (within 1 km; a shelter within SHELTER_FOLD_KM of its city, the nearest such city).
    const tolerance = place.kind === "shelter" ? SHELTER_FOLD_KM : 1;
    let host = -1;
    let hostKm = Infinity;
    places.forEach((other, index) => {
      if (other.country !== place.country || other.kind === "shelter") return;
      let worst = 0;
      for (let r = 0; r < kms.length; r++) {
        if (Number.isNaN(kms[r]!)) continue;
        const gap = Math.abs(kms[r]! - (kmByPlace[index]![r] ?? NaN));
        worst = Number.isNaN(gap) ? Infinity : Math.max(worst, gap);
      }
      if (worst <= tolerance && worst < hostKm) {
        host = index;
        hostKm = worst;
      }
    });
    if (host >= 0) {
      indexOf.set(place.placeId, host);
      if (place.capacity !== undefined) capacity[host] = (capacity[host] ?? 0) + place.capacity;
      continue;
    }
    indexOf.set(place.placeId, places.length);
    places.push(place);
    capacity.push(place.capacity);
    kmByPlace.push(kms);
  }
  const byId = new Map<string, CorridorRoute>();
  routeIds.forEach((routeId, r) => {
    const kmOf = new Float64Array(places.length).fill(NaN);
    const stops: RouteStop[] = [];
    places.forEach((_, index) => {
      const km = kmByPlace[index]![r]!;
      if (Number.isNaN(km)) return;
      kmOf[index] = km;
      stops.push({ place: index, km });
    });
    stops.sort((a, b) => a.km - b.km || a.place - b.place);
    byId.set(routeId, {
      routeId,
      lengthKm: index.lengthKm(routeId),
      stops,
      kmOf,
    });
  });
  return { places, capacity, routes: byId, indexOf };
}
