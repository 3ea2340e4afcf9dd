/** The area (city or crossing) a place belongs to: a shelter belongs to the city around it. */
import { haversineKm } from "../geo/distance.ts";
import type { Place } from "../model/place.ts";
import type { Km } from "../model/units.ts";

/**
 * The area a place is counted in by the ledger: the place itself, or for a shelter the nearest
 * city within `radiusKm` (Benito Juárez and El Barretal → Tijuana, not the El Chaparral crossing
 * beside Benito Juárez); when no city is that close, the nearest crossing or monitoring point.
 * @param radiusKm search radius in km; default 40.
 * @returns the area, or `undefined` for a shelter with no other place that close (it is then its own area).
 * @example
 * areaOf(benitoJuarez, embedded2018().places)?.name; // => "Tijuana"
 */
export function areaOf(
  place: Place,
  places: readonly Place[],
  radiusKm: Km = 40,
): Place | undefined {
  if (place.kind !== "shelter") return place;
  let best: Place | undefined;
  let bestRank = Infinity;
  for (const other of places) {
    if (other.kind === "shelter" || !Number.isFinite(other.lat) || !Number.isFinite(other.lon)) {
      continue;
    }
    const km = haversineKm(place.lon, place.lat, other.lon, other.lat);
    if (km > radiusKm) continue;
    // Any city within the radius beats any crossing; then the nearer one.
    const rank = (other.kind === "city" ? 0 : radiusKm + 1) + km;
    if (rank < bestRank) {
      bestRank = rank;
      best = other;
    }
  }
  return best;
}
