/** The position at a given km along a prepared route: binary search, then great-circle interpolation. */
import type { Km, LonLat } from "../model/units.ts";
import type { PreparedRoute } from "./preparedRoute.ts";
import { vectorToLonLat } from "./unitVector.ts";

/**
 * Index of the segment holding `km`: the largest s with `cumulativeKm[s] ≤ km`, capped to the last
 * segment. O(log n). Zero-length segments are skipped over naturally (the later one wins).
 */
export function segmentAtKm(cumulativeKm: Float64Array, km: Km): number {
  let low = 0;
  let high = cumulativeKm.length - 2; // last segment index
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (cumulativeKm[middle]! <= km) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Position at `km` from the first vertex of `route`, following the great circle of the segment that
 * holds it (spherical linear interpolation of the vertex unit vectors: the same point as
 * `@turf/along`, which walks the initial bearing by the remaining distance).
 * `km` is clamped to [0, length]; vertices come back exactly as given.
 * @throws Error when `km` is not a number.
 */
export function alongPrepared(route: PreparedRoute, km: Km): LonLat {
  if (typeof km !== "number" || Number.isNaN(km)) {
    throw new Error(`along(${route.routeId}, km) needs km as a number, got ${String(km)}.`);
  }
  const cumulative = route.cumulativeKm;
  if (km <= 0) return [route.lon[0]!, route.lat[0]!];
  if (km >= route.lengthKm) {
    const last = route.vertexCount - 1;
    return [route.lon[last]!, route.lat[last]!];
  }
  const s = segmentAtKm(cumulative, km);
  const segmentKm = cumulative[s + 1]! - cumulative[s]!;
  const into = km - cumulative[s]!;
  if (into <= 0 || segmentKm <= 0) return [route.lon[s]!, route.lat[s]!];
  if (into >= segmentKm) return [route.lon[s + 1]!, route.lat[s + 1]!];
  const omega = route.segmentAngle[s]!;
  const fraction = into / segmentKm;
  const v = route.vectors;
  const a = 3 * s;
  const b = a + 3;
  // slerp: sin((1−f)Ω)/sin Ω · A + sin(fΩ)/sin Ω · B. For tiny arcs (< ~6 mm) the chord and the
  // arc coincide to rounding, so linear interpolation is exact enough and avoids 0/0.
  let wa: number;
  let wb: number;
  if (omega < 1e-9) {
    wa = 1 - fraction;
    wb = fraction;
  } else {
    const sinOmega = Math.sin(omega);
    wa = Math.sin((1 - fraction) * omega) / sinOmega;
    wb = Math.sin(fraction * omega) / sinOmega;
  }
  return vectorToLonLat(
    wa * v[a]! + wb * v[b]!,
    wa * v[a + 1]! + wb * v[b + 1]!,
    wa * v[a + 2]! + wb * v[b + 2]!,
  );
}
