/**
 * Which people of each group are still on the road on one day: the one rule the ledger's
 * `in_transit` rows and the corridor state's group bodies both read (so they agree by
 * construction).
 */
import { haversineKm } from "../geo/distance.ts";
import type { TrackPoint } from "../model/track.ts";
import type { People } from "../model/units.ts";

/** People counted as remaining at one area (a city or crossing) on the day, with its position. */
export interface RemainingArea {
  placeName: string;
  /** People remaining there (the ledger's reconciled value). */
  value: People;
  lon?: number;
  lat?: number;
}

/** One group's people on the road on one day. */
export interface GroupOnRoad {
  /** The group's track point of the day (its size, body and position). */
  point: TrackPoint;
  /** Share of the group still moving (0–1): 1 less the share counted as remaining where it is. */
  moving: number;
  /** People on the road: `size × moving` (people; 0 for a blank size). */
  onRoad: People;
  onRoadLow: People;
  onRoadHigh: People;
  /** Index into the `areas` given of the area the group has reached (within the radius), or -1. */
  area: number;
}

/**
 * People still moving with each group on one day. A group within `radiusKm` of an area where
 * people are counted as remaining has reached it: the share `min(1, remaining / people of all
 * groups there)` of it is counted at the area, the rest is on the road. A group of 3,000 at
 * Tijuana where 2,500 remain has 500 on the road.
 * @param tracks the groups' track points of the day; a blank (NaN) size is left out (the ledger
 *   does not know how many are moving).
 * @param areas the day's `remaining` areas; those without a position never absorb a group.
 * @param radiusKm arrival radius, km (the ledger's default is 40).
 * @example
 * groupsOnRoad([tijuanaPoint3000], [{ placeName: "Tijuana", value: 2500, lon, lat }], 40)[0].onRoad; // => 500
 */
export function groupsOnRoad(
  tracks: readonly TrackPoint[],
  areas: readonly RemainingArea[],
  radiusKm: number,
): GroupOnRoad[] {
  const points = tracks.filter((p) => Number.isFinite(p.size));
  const nearArea = points.map((p) => nearestArea(p, areas, radiusKm));
  const groupSize = areas.map(() => 0);
  points.forEach((p, i) => {
    if (nearArea[i]! >= 0) groupSize[nearArea[i]!]! += Math.max(0, p.size);
  });
  return points.map((point, i) => {
    const j = nearArea[i]!;
    const arrived = j >= 0 && groupSize[j]! > 0 ? Math.min(1, areas[j]!.value / groupSize[j]!) : 0;
    const moving = 1 - arrived;
    const people = (v: number) => Math.max(0, Number.isFinite(v) ? v : point.size) * moving;
    return {
      point,
      moving,
      onRoad: people(point.size),
      onRoadLow: people(point.sizeLow),
      onRoadHigh: people(point.sizeHigh),
      area: j,
    };
  });
}

/** Index of the nearest area within `radiusKm` of the point, or -1. */
function nearestArea(p: TrackPoint, areas: readonly RemainingArea[], radiusKm: number): number {
  let best = -1;
  let bestKm = radiusKm;
  areas.forEach((a, j) => {
    if (a.lon === undefined || a.lat === undefined) return;
    const km = haversineKm(p.lon, p.lat, a.lon, a.lat);
    if (km <= bestKm) {
      bestKm = km;
      best = j;
    }
  });
  return best;
}
