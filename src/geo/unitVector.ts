/**
 * Conversions between WGS84 longitude/latitude and unit vectors on the sphere (n-vectors).
 * Great-circle geometry is plain linear algebra on these vectors: a great circle is the plane
 * through the centre with normal `A × B`, and the nearest point of a circle to `C` is `C` minus its
 * component along that normal (see Gade, "A Non-singular Horizontal Position Representation",
 * J. Navigation 63(3), 2010).
 */
import type { LonLat } from "../model/units.ts";

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** Writes the unit vector of (`lon`, `lat`) in degrees into `out` at `offset` (x, y, z). */
export function writeUnitVector(
  lon: number,
  lat: number,
  out: Float64Array | number[],
  offset = 0,
): void {
  const phi = lat * RAD;
  const lambda = lon * RAD;
  const cosPhi = Math.cos(phi);
  out[offset] = cosPhi * Math.cos(lambda);
  out[offset + 1] = cosPhi * Math.sin(lambda);
  out[offset + 2] = Math.sin(phi);
}

/**
 * `[lon, lat]` in degrees of the direction (x, y, z); the vector need not be unit length.
 * atan2 on both angles keeps full precision near the poles and the equator.
 */
export function vectorToLonLat(x: number, y: number, z: number): LonLat {
  return [Math.atan2(y, x) * DEG, Math.atan2(z, Math.hypot(x, y)) * DEG];
}
