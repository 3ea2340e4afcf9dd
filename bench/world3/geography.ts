/**
 * The road of the third simulator: the embedded 2018 routes (`main` San Pedro Sula → Tijuana,
 * `salvador` San Salvador → Escuintla → Tijuana, `mexicali`, the main road up to Mexicali) and the
 * towns on them, read through the library's public API. Every person in a world3 world moves on a
 * "road km" axis: the main route's km. The Salvadoran start (San Salvador → Escuintla) is mapped
 * to negative-free main-equivalent km by a fixed offset, so that two caravans from different
 * countries can meet and merge on the shared road north of Escuintla.
 */
import { createRouteIndex, embedded2018 } from "../../src/index.ts";
import type { Dataset, LonLat, Place, RouteIndex } from "../../src/index.ts";

/** A town or point on a route, at km along that route. */
export interface Stop {
  placeId: string;
  name: string;
  km: number;
  kind: Place["kind"];
  country?: string;
  lat: number;
  lon: number;
}

export interface Road {
  dataset: Dataset;
  index: RouteIndex;
  /** Towns (cities and border posts, no shelters) per route id, by km. */
  stops: Map<string, Stop[]>;
  lengthKm: (routeId: string) => number;
  /** Where `km` along `routeId` is (lon, lat). */
  along: (routeId: string, km: number) => LonLat;
}

/** km on the main route where the Salvadoran route joins it (Escuintla), and on the Salvadoran route. */
export const JOIN_MAIN_KM = 521.4;
export const JOIN_SALVADOR_KM = 218.8;

/**
 * Checkpoints and posts where this world's authorities stop and count (the 2018 sources name
 * counts at the Suchiate bridge, at INM posts in Chiapas, and state registries in Querétaro and
 * Jalisco); main-route place ids.
 */
export const CHECKPOINTS = ["HN-AGC", "MX-SUCH", "MX-HUI", "MX-QRO", "MX-GDL", "MX-NAV"];
/** Flow monitoring points of the DTM (border posts): main / salvador place ids. */
export const FMPS = ["HN-AGC", "MX-SUCH", "SV-HAC", "MX-TIJ-CHP"];
/** Towns with a large shelter where a caravan may stay for days (2018: Guatemala City, Tapachula, Juchitán, Mexico City, Guadalajara, Tijuana). */
export const SHELTER_TOWNS = ["GT-GUA", "MX-TAP", "MX-JUC", "MX-CMX", "MX-GDL", "MX-TIJ"];
/** The border where caravans are held and some people queue for weeks (Tecún Umán–Ciudad Hidalgo). */
export const BORDER_PLACE = "MX-SUCH";

let cached: Road | undefined;

/** The road, built once per process from the embedded 2018 dataset. */
export function road(): Road {
  if (cached) return cached;
  const dataset = embedded2018();
  const index = createRouteIndex(dataset.routes);
  const stops = new Map<string, Stop[]>();
  for (const f of dataset.routes.features) {
    const list: Stop[] = [];
    const routeId = f.properties.route_id;
    for (const p of dataset.places) {
      if (p.kind === "shelter") continue;
      const on = index.projectAll([p.lon, p.lat]).find((x) => x.routeId === routeId);
      // Within 6 km of the road: towns and border posts (El Chaparral is 5 km off Tijuana's centre).
      if (!on || on.distanceKm > 6) continue;
      list.push({
        placeId: p.placeId,
        name: p.name,
        km: on.km,
        kind: p.kind,
        country: p.country,
        lat: p.lat,
        lon: p.lon,
      });
    }
    list.sort((a, b) => a.km - b.km);
    stops.set(routeId, list);
  }
  cached = {
    dataset,
    index,
    stops,
    lengthKm: (id) => index.lengthKm(id),
    along: (id, km) => index.along(id, km),
  };
  return cached;
}

/** Main-equivalent km of km `km` on route `routeId` (the Salvadoran start maps below Escuintla). */
export function toMainKm(routeId: string, km: number): number {
  return routeId === "salvador" ? km + (JOIN_MAIN_KM - JOIN_SALVADOR_KM) : km;
}

/** km on `routeId` of main-equivalent km `mainKm`. */
export function fromMainKm(routeId: string, mainKm: number): number {
  return routeId === "salvador" ? mainKm - (JOIN_MAIN_KM - JOIN_SALVADOR_KM) : mainKm;
}

/** The stop of `routeId` nearest to `km` (ties: the earlier). */
export function nearestStop(routeId: string, km: number): Stop {
  const list = road().stops.get(routeId) ?? [];
  let best = list[0];
  for (const s of list) if (Math.abs(s.km - km) < Math.abs(best.km - km)) best = s;
  return best;
}

/** The first stop of `routeId` at least `minAhead` km beyond `km`, or the route's last stop. */
export function stopAhead(routeId: string, km: number, minAhead: number): Stop {
  const list = road().stops.get(routeId) ?? [];
  return list.find((s) => s.km >= km + minAhead) ?? list[list.length - 1];
}

/** The stop with this place id on `routeId`, if the route passes it. */
export function stopOf(routeId: string, placeId: string): Stop | undefined {
  const key = `${routeId}\u0000${placeId}`;
  if (!stopCache.has(key)) {
    stopCache.set(
      key,
      road()
        .stops.get(routeId)
        ?.find((s) => s.placeId === placeId),
    );
  }
  return stopCache.get(key);
}

const stopCache = new Map<string, Stop | undefined>();

/** The last stop of `routeId` at or before `km` (km along that route), if any. */
export function stopAtOrBefore(routeId: string, km: number): Stop | undefined {
  const list = road().stops.get(routeId) ?? [];
  let lo = 0;
  let hi = list.length - 1;
  if (hi < 0 || list[0].km > km + 0.5) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].km <= km + 0.5) lo = mid;
    else hi = mid - 1;
  }
  return list[lo];
}
