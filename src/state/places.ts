/** People at places on one day, by status, from the ledger's rows and the groups on the road. */
import { haversineKm } from "../geo/distance.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { normalizeName } from "../geo/normalizeName.ts";
import { areaOf } from "../ledger/areaOf.ts";
import type { Place } from "../model/place.ts";
import type { RouteCollection } from "../model/route.ts";
import type { SplitCategory, SplitRow } from "../model/track.ts";
import type { GroupBody, PlacePresence, PresenceStatus } from "./types.ts";

/** What the presence of one day is read against: places, route ends, capacities. */
export interface PlaceContext {
  gazetteer: Gazetteer;
  /** The dataset's places (to fold a shelter a group passes into its city). */
  places: readonly Place[];
  /** Positions [lon, lat] of the ends of the routes (the destinations: the border cities). */
  routeEnds: [number, number][];
  /** Shelter capacity per area (key: normalised area name), people. */
  capacity: Map<string, number>;
  /** Arrival radius, km. */
  radiusKm: number;
  /** What is known of each area name as written, filled as days are read (names repeat daily). */
  known?: Map<string, KnownArea>;
}

/** An area's place in the gazetteer and whether it is a route's end (looked up once). */
interface KnownArea {
  /** The normalised name (the key of the area's entry). */
  key: string;
  place?: Place;
  atRouteEnd: boolean;
}

/** The ends of the routes, [lon, lat]. */
export function routeEnds(routes: RouteCollection): [number, number][] {
  return routes.features
    .map((f) => f.geometry.coordinates[f.geometry.coordinates.length - 1])
    .filter((c): c is number[] => c !== undefined && c.length >= 2)
    .map((c) => [c[0]!, c[1]!]);
}

/** Sum of the capacities of each area's places and shelters (key: normalised area name). */
export function capacityByArea(places: readonly Place[], radiusKm: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const place of places) {
    if (place.capacity === undefined || !Number.isFinite(place.capacity)) continue;
    const area = areaOf(place, places, radiusKm) ?? place;
    const key = normalizeName(area.name);
    out.set(key, (out.get(key) ?? 0) + place.capacity);
  }
  return out;
}

/** The status a split row's people have at their place; undefined for people not at a place. */
function statusOf(category: SplitCategory, atRouteEnd: boolean): PresenceStatus | undefined {
  switch (category) {
    case "remaining":
      return atRouteEnd ? "staying" : "resting";
    case "asylum_claim":
      return "waiting";
    case "regularized":
    case "other":
      return "staying";
    default:
      return undefined;
  }
}

/**
 * People at every place on one day. Rows of `remaining`, `asylum_claim`, `regularized` and
 * `other` are people present (a row with no place is kept as its country's); groups on the road
 * within the radius of a place are travelling through it, unless their position is unknown
 * (`GroupBody.positionUnknown`: in transit at no named place).
 * @param rows the ledger's split rows of the day.
 * @param groups the day's group bodies (their `onRoad` people).
 * @returns places with someone there, largest `present` first; country-only entries last.
 */
export function placesOfDay(
  rows: readonly SplitRow[],
  groups: readonly GroupBody[],
  context: PlaceContext,
): PlacePresence[] {
  const byKey = new Map<string, PlacePresence>();
  const entry = (placeName: string | undefined, country: string | undefined): PlacePresence => {
    const known = placeName !== undefined ? knownArea(placeName, context) : undefined;
    const key = known ? known.key : `country:${country ?? ""}`;
    let e = byKey.get(key);
    if (!e) {
      const place = known?.place;
      e = {
        ...(placeName !== undefined ? { placeName } : {}),
        country: country ?? place?.country,
        ...(place ? { lon: place.lon, lat: place.lat } : {}),
        capacity: known ? context.capacity.get(key) : undefined,
        travelling: 0,
        resting: 0,
        waiting: 0,
        staying: 0,
        present: 0,
        presentLow: 0,
        presentHigh: 0,
      };
      byKey.set(key, e);
    }
    return e;
  };
  for (const r of rows) {
    if (r.placeName === undefined && statusOf(r.category, false) === undefined) continue;
    const e = entry(r.placeName, r.country);
    const atEnd = r.placeName !== undefined && knownArea(r.placeName, context).atRouteEnd;
    const status = statusOf(r.category, atEnd);
    if (status === undefined) continue;
    e[status] += r.value;
    e.present += r.value;
    e.presentLow += r.valueLow;
    e.presentHigh += r.valueHigh;
  }
  for (const g of groups) {
    // An arrived group's people no count holds yet: in `staying` (a split row), estimated.
    if (g.atDestination !== undefined && g.atDestinationPlace !== undefined) {
      const e = byKey.get(knownArea(g.atDestinationPlace, context).key);
      if (e) e.estimated = Math.min(e.present, (e.estimated ?? 0) + g.atDestination);
    }
    // A group whose position is unknown (positionUnknown.ts) travels through no named town.
    if (!(g.onRoad > 0) || g.positionUnknown) continue;
    const near = context.gazetteer.nearest(g.lon, g.lat);
    if (!near || near.distanceKm > context.radiusKm) continue;
    const area = areaOf(near.place, context.places, context.radiusKm) ?? near.place;
    entry(g.atPlace ?? area.name, near.place.country).travelling += g.onRoad;
  }
  return [...byKey.values()]
    .filter((e) => e.present > 0 || e.travelling > 0)
    .sort(
      (a, b) =>
        Number(a.placeName === undefined) - Number(b.placeName === undefined) ||
        b.present - a.present ||
        b.travelling - a.travelling,
    );
}

/** The gazetteer's place for an area name and whether it lies at a route's end (cached). */
function knownArea(placeName: string, context: PlaceContext): KnownArea {
  context.known ??= new Map();
  let k = context.known.get(placeName);
  if (!k) {
    const place = context.gazetteer.find(placeName);
    const atRouteEnd =
      place !== undefined &&
      context.routeEnds.some(
        ([lon, lat]) => haversineKm(place.lon, place.lat, lon, lat) <= context.radiusKm,
      );
    k = { key: normalizeName(placeName), place, atRouteEnd };
    context.known.set(placeName, k);
  }
  return k;
}
