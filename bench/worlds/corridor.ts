/**
 * The road the stress worlds run on: the embedded 2018 routes and the named places near them,
 * read only through the library's public API. A "town" is a place within `TOWN_MAX_OFF_ROUTE_KM`
 * of a route, with its km along that route; reports are snapped to towns by name.
 */
import { createRouteIndex, embedded2018 } from "../../src/index.ts";
import type { Km, LonLat, Place, RouteCollection, RouteIndex } from "../../src/index.ts";

/** Places farther than this from a route are not towns of that route (km). */
const TOWN_MAX_OFF_ROUTE_KM = 15;

export interface Town {
  name: string;
  km: Km;
}

export interface StressRoute {
  routeId: string;
  lengthKm: Km;
  /** Towns along the route, by km (ascending). */
  towns: Town[];
}

export interface Corridor {
  routes: RouteCollection;
  places: Place[];
  index: RouteIndex;
  byId: Map<string, StressRoute>;
  /** Position at `km` along a route, `[lon, lat]`. */
  along(routeId: string, km: Km): LonLat;
}

let cached: Corridor | undefined;

/**
 * The embedded 2018 corridor (built once per process).
 * @example
 * stressCorridor().byId.get("main")?.lengthKm; // ≈ 4522 km
 */
export function stressCorridor(): Corridor {
  if (cached) return cached;
  const data = embedded2018();
  const index = createRouteIndex(data.routes);
  const byId = new Map<string, StressRoute>();
  for (const routeId of index.routeIds) {
    const towns: Town[] = [];
    const seen = new Set<string>();
    for (const p of data.places) {
      const proj = index.project([p.lon, p.lat], { routeId });
      if (!proj || proj.distanceKm > TOWN_MAX_OFF_ROUTE_KM || seen.has(p.name)) continue;
      seen.add(p.name);
      towns.push({ name: p.name, km: proj.km });
    }
    towns.sort((a, b) => a.km - b.km);
    byId.set(routeId, { routeId, lengthKm: index.lengthKm(routeId), towns });
  }
  cached = {
    routes: data.routes,
    places: data.places,
    index,
    byId,
    along: (routeId, km) => index.along(routeId, km),
  };
  return cached;
}

/**
 * The town nearest to `km` on a route (what a reporter names when the group is somewhere near).
 * @example
 * nearestTown(stressCorridor().byId.get("main")!, 1900).name; // e.g. "Mexico City"
 */
export function nearestTown(route: StressRoute, km: Km): Town {
  const towns = route.towns;
  let lo = 0;
  let hi = towns.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (towns[mid].km < km) lo = mid + 1;
    else hi = mid;
  }
  const after = towns[lo];
  const before = towns[Math.max(0, lo - 1)];
  return Math.abs(before.km - km) <= Math.abs(after.km - km) ? before : after;
}

/**
 * The first town at or ahead of `km` (where a group heads to rest), else the last town.
 * @example
 * townAhead(stressCorridor().byId.get("main")!, 700).km; // ≥ 700
 */
export function townAhead(route: StressRoute, km: Km): Town {
  return route.towns.find((t) => t.km >= km) ?? route.towns[route.towns.length - 1];
}
