/**
 * A town's catchment along a route: the stretch of road nearer to the town than to the next
 * places on either side. A report that names only a town says the group was somewhere in it, so
 * its error is bounded by the catchment, not Gaussian.
 */
import type { Place } from "../model/place.ts";
import type { Km } from "../model/units.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";

/** A place counts for a route's catchments when it is within this distance of the route (km). */
const PLACE_ON_ROUTE_KM = 15;
/** Catchment half-width when a town has no neighbour on that side, and its cap (km). */
const OPEN_SIDE_KM = 25;
const MAX_SIDE_KM = 40;

/** km below and above a town's km that are nearer to it than to its neighbours (each ≤ 40 km). */
export type Catchment = (routeId: string, km: Km) => { below: Km; above: Km };

/**
 * Builds the catchment lookup over `places` (projected once per route, on first use).
 * @example
 * const catchment = createCatchments(index, places);
 * catchment("main", 312); // => { below: 14.5, above: 22 } for neighbours at 283 and 356 km
 */
export function createCatchments(index: RouteIndex, places: readonly Place[]): Catchment {
  const byRoute = new Map<string, Float64Array>();
  const placesOn = (routeId: string): Float64Array => {
    let kms = byRoute.get(routeId);
    if (!kms) {
      const list: number[] = [];
      for (const place of places) {
        if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) continue;
        const p = index.project([place.lon, place.lat], {
          routeId,
          maxDistanceKm: PLACE_ON_ROUTE_KM,
        });
        if (p) list.push(p.km);
      }
      kms = Float64Array.from(list).sort();
      byRoute.set(routeId, kms);
    }
    return kms;
  };
  return (routeId, km) => {
    const kms = placesOn(routeId);
    let below = OPEN_SIDE_KM;
    let above = OPEN_SIDE_KM;
    // Places within 0.5 km of the town are the town itself (or its aliases as separate rows).
    for (const x of kms) {
      if (x < km - 0.5) below = (km - x) / 2;
      else if (x > km + 0.5) {
        above = (x - km) / 2;
        break;
      }
    }
    return { below: Math.min(MAX_SIDE_KM, below), above: Math.min(MAX_SIDE_KM, above) };
  };
}
