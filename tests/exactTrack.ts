// A true day fed back as an estimate with intervals of zero width: what the scorers' own tests
// score as zero error and full coverage.
import type { TrackPoint } from "../src/index.ts";

/** One true group-day (km of its median person, people) as a track point whose intervals are the point. */
export function exactPoint(
  group: string,
  routeId: string,
  day: { date: string; km: number; size: number },
): TrackPoint {
  const { date, km, size } = day;
  return {
    group,
    date,
    routeId,
    km,
    kmLow: km,
    kmHigh: km,
    lat: 0,
    lon: 0,
    size,
    sizeLow: size,
    sizeHigh: size,
  };
}
