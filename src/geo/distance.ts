/** Great-circle distance between two points on the ground (haversine on a sphere). */
import type { Km, LonLat } from "../model/units.ts";

/**
 * Mean Earth radius in km (IUGG R1 = (2a + b) / 3 for WGS84). The same radius Turf uses, so our
 * distances agree with `@turf/distance` to floating-point rounding.
 */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/**
 * Great-circle distance between two WGS84 positions, by the haversine formula on a sphere of radius
 * {@link EARTH_RADIUS_KM}. The sphere is off the ellipsoid by at most ~0.5 %, far below the
 * uncertainty of any caravan position.
 *
 * @param a `[lon, lat]` in decimal degrees.
 * @param b `[lon, lat]` in decimal degrees.
 * @returns distance in kilometres (≥ 0); `NaN` when a coordinate is not a number.
 * @example
 * distanceKm([-88.025, 15.504], [-92.262, 14.906]); // San Pedro Sula → Tapachula: => 459.468…
 */
export function distanceKm(a: LonLat, b: LonLat): Km {
  return haversineKm(a[0], a[1], b[0], b[1]);
}

/**
 * {@link distanceKm} on bare numbers (no array allocation), for inner loops.
 * @returns distance in kilometres; `NaN` when a coordinate is not a number.
 * @example
 * haversineKm(0, 0, 1, 0); // => 111.19508…
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): Km {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  // min() guards against s drifting a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, s)));
}
