/** People in transit on one day: the groups' estimated sizes less those already at a place. */
import { haversineKm } from "../geo/distance.ts";
import type { SplitCategory, TrackPoint } from "../model/track.ts";
import type { Iso3 } from "../model/units.ts";
import type { DailyValue } from "./series.ts";

/** A split row before rounding. */
export interface Part extends DailyValue {
  category: SplitCategory;
  country?: Iso3;
  placeName?: string;
  /** Position of the place (for remaining people: to tell arrived groups from moving ones). */
  lon?: number;
  lat?: number;
}

/**
 * People still moving with the groups on one day, by country: each group's size, less the share of
 * people already counted as remaining at a place the group has reached (within `radiusKm`, km).
 * A group of 3,000 at Tijuana where 2,500 remain counts 500 in transit.
 * @param tracks the groups' track points of the day; a blank (NaN) size is left out (unknown).
 * @param parts the day's other rows; `remaining` rows with a position are the places reached.
 * @param countryOf the country a track point is in (for the row's `country`).
 * @returns one `in_transit` part per country; empty when no group has a size that day.
 * @example
 * inTransit(todaysTracks, remainingRows, 40, (p) => gazetteer.nearest(p.lon, p.lat)?.place.country);
 */
export function inTransit(
  tracks: readonly TrackPoint[],
  parts: readonly Part[],
  radiusKm: number,
  countryOf: (p: TrackPoint) => Iso3 | undefined,
): Part[] {
  // A group no source gave a size for (NaN) is not in transit as far as the ledger knows.
  const points = tracks.filter((p) => Number.isFinite(p.size));
  if (points.length === 0) return [];
  // Remaining people per area with coordinates, and the groups near each.
  const remaining = parts.filter((p) => p.category === "remaining" && p.placeName !== undefined);
  const nearArea = points.map(() => -1);
  const groupSize = remaining.map(() => 0);
  points.forEach((p, i) => {
    let best = -1;
    let bestKm = radiusKm;
    remaining.forEach((r, j) => {
      if (r.lon === undefined || r.lat === undefined) return;
      const km = haversineKm(p.lon, p.lat, r.lon, r.lat);
      if (km <= bestKm) {
        bestKm = km;
        best = j;
      }
    });
    nearArea[i] = best;
    if (best >= 0) groupSize[best]! += Math.max(0, p.size);
  });
  const byCountry = new Map<string, Part>();
  points.forEach((p, i) => {
    const j = nearArea[i]!;
    const arrived =
      j >= 0 && groupSize[j]! > 0 ? Math.min(1, remaining[j]!.value / groupSize[j]!) : 0;
    const moving = 1 - arrived;
    const country = countryOf(p);
    const key = country ?? "";
    const part = byCountry.get(key) ?? {
      category: "in_transit",
      country,
      value: 0,
      low: 0,
      high: 0,
    };
    part.value += Math.max(0, p.size) * moving;
    part.low += Math.max(0, Number.isFinite(p.sizeLow) ? p.sizeLow : p.size) * moving;
    part.high += Math.max(0, Number.isFinite(p.sizeHigh) ? p.sizeHigh : p.size) * moving;
    byCountry.set(key, part);
  });
  return [...byCountry.values()];
}
