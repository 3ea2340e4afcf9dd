/** The area (city or crossing) a place belongs to: a shelter belongs to the city around it. */
import { haversineKm } from "../geo/distance.ts";
import type { Place } from "../model/place.ts";
import type { Km } from "../model/units.ts";

/**
 * The area a place is counted in by the ledger — its town: the place itself, or for a shelter the
 * nearest city within `radiusKm` (Benito Juárez and El Barretal → Tijuana, not the El Chaparral
 * crossing beside Benito Juárez); when no city is that close, the nearest crossing or monitoring
 * point. Among places within the radius, one in the shelter's municipality (the same admin-2
 * P-code, when both have one) comes before one in another: a shelter 5 km over a municipal line
 * from a neighbouring city still belongs to the city of its own municipality when that city is
 * within the radius too. The counts of one town are read by one rule (`townCounts.ts`).
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
    // Any city within the radius beats any crossing; then one of the shelter's municipality
    // (admin-2 P-code); then the nearer one.
    const sameAdm2 =
      place.adm2Pcode !== undefined &&
      place.adm2Pcode !== "" &&
      other.adm2Pcode === place.adm2Pcode;
    const rank = ((other.kind === "city" ? 0 : 2) + (sameAdm2 ? 0 : 1)) * (radiusKm + 1) + km;
    if (rank < bestRank) {
      bestRank = rank;
      best = other;
    }
  }
  return best;
}
