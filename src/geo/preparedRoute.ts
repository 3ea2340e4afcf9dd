/**
 * One route made ready for fast queries: validated, its vertices as unit vectors, cumulative km
 * per vertex, per-segment great-circle tables and a Flatbush index over segment bounding boxes.
 * Internal to the geo module; the public face is `createRouteIndex` (routeIndex.ts).
 */
import Flatbush from "flatbush";
import type { RouteFeature } from "../model/route.ts";
import { EARTH_RADIUS_KM } from "./distance.ts";
import { cumulativeKmOf } from "./lineLength.ts";
import { checkRouteGeometry } from "./routeGeometry.ts";
import { writeUnitVector } from "./unitVector.ts";
import { InputProblem } from "../text/inputProblem.ts";

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** Number of doubles per segment in {@link PreparedRoute.segmentFrames}. */
export const FRAME_STRIDE = 9;

export interface PreparedRoute {
  readonly routeId: string;
  readonly feature: RouteFeature;
  readonly vertexCount: number;
  readonly segmentCount: number;
  /** Vertex coordinates in degrees. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Unit vector of each vertex: x, y, z (3 per vertex). */
  readonly vectors: Float64Array;
  /**
   * Per segment A→B, 9 doubles: the unit normal N = A×B/|A×B| of its great circle, then N×A (the
   * in-plane direction from A towards B) and B×N (from B towards A). A point I of the circle lies
   * on the arc iff I·(N×A) ≥ 0 and I·(B×N) ≥ 0. All zero for a zero-length segment.
   */
  readonly segmentFrames: Float64Array;
  /** Arc length of each segment in radians (its km divided by the Earth radius). */
  readonly segmentAngle: Float64Array;
  /** km from the first vertex to each vertex (haversine sum, as Turf measures). */
  readonly cumulativeKm: Float64Array;
  readonly lengthKm: number;
  /** Bounding box of each segment's arc in degrees (minLon, minLat, maxLon, maxLat), exact. */
  readonly boxes: Float64Array;
  /**
   * cos of the largest |latitude| the route reaches. The index works in planar coordinates
   * x = lon·cosRef, y = lat (degrees), in which a planar distance bounds the great-circle
   * distance from below (see routeProjection.ts).
   */
  readonly cosRef: number;
  readonly minLon: number;
  readonly maxLon: number;
  readonly index: Flatbush;
}

/**
 * Validates one route feature ({@link checkRouteGeometry}, the importer's rules) and builds its
 * tables. Bad geometry is bad input: a RangeError, which front ends report as the user's to fix.
 * @throws RangeError naming the route and the problem (not a LineString, fewer than two vertices,
 *   non-numeric or out-of-range coordinates, a segment crossing the antimeridian or spanning
 *   ≥ 179°, zero total length).
 */
export function prepareRoute(feature: RouteFeature, routeId: string): PreparedRoute {
  const check = checkRouteGeometry(feature?.geometry, `Route ${JSON.stringify(routeId)}`);
  if (check.problem) {
    const { code, message, params } = check.problem;
    throw new InputProblem("route_geometry", {
      routeId,
      problem: code,
      message,
      ...(params ? { params } : {}),
    });
  }
  const coordinates = check.coordinates!;
  const n = coordinates.length;
  const lon = Float64Array.from(coordinates, (p) => p[0]);
  const lat = Float64Array.from(coordinates, (p) => p[1]);

  const vectors = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) writeUnitVector(lon[i]!, lat[i]!, vectors, 3 * i);
  const cumulativeKm = cumulativeKmOf(coordinates);
  const lengthKm = cumulativeKm[n - 1]!;

  const segmentCount = n - 1;
  const segmentFrames = new Float64Array(FRAME_STRIDE * segmentCount);
  const segmentAngle = new Float64Array(segmentCount);
  const boxes = new Float64Array(4 * segmentCount);
  let maxAbsLat = 0;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (let s = 0; s < segmentCount; s++) {
    const a = 3 * s;
    const b = a + 3;
    const ax = vectors[a]!,
      ay = vectors[a + 1]!,
      az = vectors[a + 2]!;
    const bx = vectors[b]!,
      by = vectors[b + 1]!,
      bz = vectors[b + 2]!;
    const angle = (cumulativeKm[s + 1]! - cumulativeKm[s]!) / EARTH_RADIUS_KM;
    segmentAngle[s] = angle;

    let box0 = Math.min(lon[s]!, lon[s + 1]!);
    let box1 = Math.min(lat[s]!, lat[s + 1]!);
    let box2 = Math.max(lon[s]!, lon[s + 1]!);
    let box3 = Math.max(lat[s]!, lat[s + 1]!);

    // Normal of the great circle through A and B.
    let nx = ay * bz - az * by;
    let ny = az * bx - ax * bz;
    let nz = ax * by - ay * bx;
    const norm = Math.hypot(nx, ny, nz);
    if (norm > 0 && angle > 0) {
      nx /= norm;
      ny /= norm;
      nz /= norm;
      // N×A and B×N: in-plane directions pointing into the arc from each end.
      const nax = ny * az - nz * ay,
        nay = nz * ax - nx * az,
        naz = nx * ay - ny * ax;
      const bnx = by * nz - bz * ny,
        bny = bz * nx - bx * nz,
        bnz = bx * ny - by * nx;
      const f = FRAME_STRIDE * s;
      segmentFrames.set([nx, ny, nz, nax, nay, naz, bnx, bny, bnz], f);
      // A great-circle arc can bulge beyond its endpoints' latitudes: its highest point is the
      // direction of ẑ − (ẑ·N)N. Widen the box when that point (or its opposite) lies on the arc.
      const vx = -nz * nx,
        vy = -nz * ny,
        vz = 1 - nz * nz;
      const inArc = (sign: number) =>
        sign * (vx * nax + vy * nay + vz * naz) >= 0 &&
        sign * (vx * bnx + vy * bny + vz * bnz) >= 0;
      const extremeLat = Math.acos(Math.min(1, Math.abs(nz))) * DEG;
      if (vz > 0 && inArc(1)) box3 = Math.max(box3, extremeLat);
      if (vz > 0 && inArc(-1)) box1 = Math.min(box1, -extremeLat);
    }
    // A hair of padding so that rounding in the extremum never leaves a point outside its box.
    box0 -= 1e-9;
    box1 -= 1e-9;
    box2 += 1e-9;
    box3 += 1e-9;
    boxes.set([box0, box1, box2, box3], 4 * s);
    maxAbsLat = Math.max(maxAbsLat, Math.abs(box1), Math.abs(box3));
    minLon = Math.min(minLon, box0);
    maxLon = Math.max(maxLon, box2);
  }

  const cosRef = Math.cos(Math.min(90, maxAbsLat) * RAD);
  const index = new Flatbush(segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const o = 4 * s;
    index.add(boxes[o]! * cosRef, boxes[o + 1]!, boxes[o + 2]! * cosRef, boxes[o + 3]!);
  }
  index.finish();

  return {
    routeId,
    feature,
    vertexCount: n,
    segmentCount,
    lon,
    lat,
    vectors,
    segmentFrames,
    segmentAngle,
    cumulativeKm,
    lengthKm,
    boxes,
    cosRef,
    minLon,
    maxLon,
    index,
  };
}
