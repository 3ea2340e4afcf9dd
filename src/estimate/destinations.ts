/**
 * Destinations an analyst set (corrections.json `destination`): the route a group takes and the
 * place where its track ends. A route given is used as it is; a place alone picks the route that
 * passes nearest to it (ties, where routes share road, go to the route on which the place lies
 * nearest the route's end: a branch ending at the place beats a route running on past it).
 */
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import type { Km } from "../model/units.ts";

/** What an analyst said of one group's destination (EstimateOptions.destinations). */
export interface DestinationInput {
  group: string;
  /** route_id the group travels on. */
  routeId?: string;
  /** Place (gazetteer name) where the group's journey ends. */
  place?: string;
}

/** A destination resolved on the routes: the route, and the km of the place on it. */
export interface ResolvedDestination {
  routeId?: string;
  place?: { name: string; km: Km };
}

/** Places farther than this from every route are not destinations on the routes (km). */
const MAX_OFF_KM = 60;

/**
 * Resolves each group's destination against the routes and gazetteer. Unknown places and routes
 * are skipped (corrections are validated before they get here).
 * @example
 * resolveDestinations([{ group: "A", place: "Mexicali" }], index, gazetteer).get("A")?.routeId;
 */
export function resolveDestinations(
  inputs: readonly DestinationInput[] | undefined,
  index: RouteIndex,
  gazetteer: Gazetteer,
): Map<string, ResolvedDestination> {
  const out = new Map<string, ResolvedDestination>();
  for (const d of inputs ?? []) {
    const routeId = d.routeId && index.routeIds.includes(d.routeId) ? d.routeId : undefined;
    const place = d.place ? gazetteer.find(d.place) : undefined;
    const resolved: ResolvedDestination = { routeId };
    if (place) {
      const candidates = index
        .projectAll([place.lon, place.lat], { maxDistanceKm: MAX_OFF_KM })
        .filter((p) => routeId === undefined || p.routeId === routeId);
      const nearest = Math.min(...candidates.map((p) => p.distanceKm));
      const best = candidates
        .filter((p) => p.distanceKm <= nearest + 1)
        .sort((a, b) => index.lengthKm(a.routeId) - a.km - (index.lengthKm(b.routeId) - b.km))[0];
      if (best) {
        resolved.routeId ??= best.routeId;
        resolved.place = { name: place.name, km: best.km };
      }
    }
    if (resolved.routeId !== undefined) out.set(d.group, resolved);
  }
  return out;
}
