/**
 * Projection of a point onto one prepared route: the nearest point of the route, exactly, on the
 * sphere (each segment is the great-circle arc between its vertices, as in
 * `@turf/nearest-point-on-line` 7.x, `@turf/along` and `@turf/length`).
 *
 * How (cheap filter, exact answer):
 * 1. Flatbush box searches, in planar coordinates x = lon·cosRef, y = lat (degrees) with
 *    cosRef = cos of the route's highest |latitude|, give the candidate segments near the point.
 * 2. Each candidate is projected exactly with unit-vector algebra (no trigonometry in the loop):
 *    the foot I of C on the segment's great circle is C − (C·N)N; it is on the arc iff
 *    I·(N×A) ≥ 0 and I·(B×N) ≥ 0, otherwise the nearer endpoint wins. Candidates are compared by
 *    squared chord |C − X|², which is monotone in the great-circle distance and keeps full
 *    precision near zero (2t²/(1+|I|) for the foot, where t = C·N).
 * 3. The planar distance is a lower bound of the great-circle distance up to a factor that we
 *    compute (see {@link planarRadius}); every segment that could beat the best candidate lies
 *    inside that radius, so a search of that box makes the result exact, not approximate.
 *    Far points (bound too loose) fall back to a full scan.
 */
import type { Km, LonLat } from "../model/units.ts";
import { EARTH_RADIUS_KM } from "./distance.ts";
import { FRAME_STRIDE, type PreparedRoute } from "./preparedRoute.ts";
import { vectorToLonLat, writeUnitVector } from "./unitVector.ts";

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** Half-width (degrees) of the first box searched around a query: ≈ 2 km, where sightings fall. */
const FIRST_RADIUS_DEGREES = 0.02;
/** Beyond this bound on the offsets (radians, 60°) the planar filter is too loose: scan everything. */
const MAX_INDEXED_ANGLE = Math.PI / 3;
/** Distances closer than this (km, 1 µm) are ties; ties go to the smaller km along the route. */
const TIE_KM = 1e-9;

/** The nearest point of one route. */
export interface RouteHit {
  /** Segment index s, with cumulativeKm[s] ≤ km ≤ cumulativeKm[s + 1]. */
  segment: number;
  /** km from the route's first vertex. */
  km: Km;
  /** Great-circle distance from the query to `point`, km. */
  distanceKm: Km;
  point: LonLat;
}

// Scratch state of the scan (module-level to keep the inner loop allocation-free; queries are
// synchronous, so they never interleave).
let cx = 0;
let cy = 0;
let cz = 0;
let bestChord2 = Infinity;
let bestSegment = -1;
let bestOnArc = false;
/** 0 = endpoint A, 1 = endpoint B, when !bestOnArc. */
let bestEnd = 0;
const unit = new Float64Array(3);

/** Squared chord from C to segment s's nearest point; sets the candidate scratch fields. */
let candidateOnArc = false;
let candidateEnd = 0;
function chord2ToSegment(route: PreparedRoute, s: number): number {
  const v = route.vectors;
  const a = 3 * s;
  if (route.segmentAngle[s] === 0) {
    candidateOnArc = false;
    candidateEnd = 0;
    return (cx - v[a]!) ** 2 + (cy - v[a + 1]!) ** 2 + (cz - v[a + 2]!) ** 2;
  }
  const frames = route.segmentFrames;
  const f = FRAME_STRIDE * s;
  const nx = frames[f]!,
    ny = frames[f + 1]!,
    nz = frames[f + 2]!;
  const t = cx * nx + cy * ny + cz * nz;
  const ix = cx - t * nx,
    iy = cy - t * ny,
    iz = cz - t * nz;
  if (
    ix * frames[f + 3]! + iy * frames[f + 4]! + iz * frames[f + 5]! >= 0 &&
    ix * frames[f + 6]! + iy * frames[f + 7]! + iz * frames[f + 8]! >= 0
  ) {
    candidateOnArc = true;
    // |C − I/|I||² = 2(1 − |I|) = 2t² / (1 + |I|), stable for C on or near the arc.
    return (2 * t * t) / (1 + Math.sqrt(ix * ix + iy * iy + iz * iz));
  }
  candidateOnArc = false;
  const b = a + 3;
  const toA = (cx - v[a]!) ** 2 + (cy - v[a + 1]!) ** 2 + (cz - v[a + 2]!) ** 2;
  const toB = (cx - v[b]!) ** 2 + (cy - v[b + 1]!) ** 2 + (cz - v[b + 2]!) ** 2;
  candidateEnd = toB < toA ? 1 : 0;
  return toB < toA ? toB : toA;
}

/** km along the route of the current candidate (only needed to break ties). */
function kmOfCandidate(route: PreparedRoute, s: number, onArc: boolean, end: number): Km {
  if (!onArc) return route.cumulativeKm[s + end]!;
  return route.cumulativeKm[s]! + angleIntoArc(route, s) * EARTH_RADIUS_KM;
}

/** Angle from A to the foot of C on segment s's arc, clamped to the arc (radians). */
function angleIntoArc(route: PreparedRoute, s: number): number {
  const v = route.vectors;
  const frames = route.segmentFrames;
  const f = FRAME_STRIDE * s;
  const a = 3 * s;
  const nx = frames[f]!,
    ny = frames[f + 1]!,
    nz = frames[f + 2]!;
  const t = cx * nx + cy * ny + cz * nz;
  const ix = cx - t * nx,
    iy = cy - t * ny,
    iz = cz - t * nz;
  // (A, N×A) is an orthonormal basis of the circle's plane.
  const along = ix * frames[f + 3]! + iy * frames[f + 4]! + iz * frames[f + 5]!;
  const across = ix * v[a]! + iy * v[a + 1]! + iz * v[a + 2]!;
  return Math.min(Math.max(Math.atan2(along, across), 0), route.segmentAngle[s]!);
}

function consider(route: PreparedRoute, s: number): void {
  const chord2 = chord2ToSegment(route, s);
  if (chord2 > bestChord2 + tieSlack(bestChord2)) return;
  if (chord2 >= bestChord2 - tieSlack(bestChord2) && bestSegment >= 0) {
    // A tie (a route that comes back on itself, or a shared vertex): keep the smaller km.
    const kmHere = kmOfCandidate(route, s, candidateOnArc, candidateEnd);
    const kmBest = kmOfCandidate(route, bestSegment, bestOnArc, bestEnd);
    if (kmHere >= kmBest) return;
  }
  bestChord2 = chord2;
  bestSegment = s;
  bestOnArc = candidateOnArc;
  bestEnd = candidateEnd;
}

/** Slack in squared-chord units equivalent to TIE_KM of distance at chord² = c2. */
function tieSlack(c2: number): number {
  const d = TIE_KM / EARTH_RADIUS_KM;
  return 2 * Math.sqrt(c2) * d + d * d;
}

/** Central angle (radians) for a squared chord. */
function angleOfChord2(chord2: number): number {
  return 2 * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

/**
 * Planar search radius (degrees in index coordinates) that contains every segment whose
 * great-circle distance from the query is ≤ `angle` (radians), or `undefined` when the bound is
 * too loose to be useful (scan all segments instead).
 *
 * Why it holds: by the haversine formula, sin²(d/2) = sin²(Δφ/2) + cosφ₁cosφ₂·sin²(Δλ/2)
 * ≥ sin²(Δφ/2) + c²·sin²(Δλ/2), with c the smaller cosine of the two latitudes. A point at
 * distance d ≤ angle has |Δφ| ≤ d and sin(|Δλ|/2) ≤ sin(d/2)/c, so both offsets are ≤ M; on
 * [0, M], sin(x/2) ≥ (x/2)·sinc(M/2). Hence d ≥ 2 sin(d/2) ≥ sinc(M/2)·√(Δφ² + c²Δλ²), and the
 * index's planar distance √(Δφ² + cosRef²Δλ²) ≤ (cosRef / c)·d / sinc(M/2).
 */
function planarRadius(route: PreparedRoute, angle: number, c: number): number | undefined {
  if (!Number.isFinite(angle)) return undefined;
  const ratio = Math.sin(angle / 2) / c;
  if (!(ratio < 1)) return undefined;
  const maxOffset = Math.max(angle, 2 * Math.asin(ratio));
  if (maxOffset > MAX_INDEXED_ANGLE) return undefined;
  const sinc = maxOffset === 0 ? 1 : Math.sin(maxOffset / 2) / (maxOffset / 2);
  const radius = ((angle * route.cosRef) / c / sinc) * DEG;
  // Relative and absolute slack for rounding in the boxes and in this formula.
  return radius * (1 + 1e-9) + 1e-10;
}

/**
 * Nearest point of `route` to (`lon`, `lat`), exact on the sphere.
 * @param maxKm only points within this great-circle distance count (default: any).
 * @returns the hit, or `undefined` when the route has no point within `maxKm`.
 */
export function nearestOnRoute(
  route: PreparedRoute,
  lon: number,
  lat: number,
  maxKm: Km = Infinity,
): RouteHit | undefined {
  writeUnitVector(lon, lat, unit);
  cx = unit[0]!;
  cy = unit[1]!;
  cz = unit[2]!;
  bestChord2 = Infinity;
  bestSegment = -1;
  bestOnArc = false;
  bestEnd = 0;

  const c = Math.min(Math.cos(lat * RAD), route.cosRef);
  // Longitude offsets beyond 180° would wrap: the planar bound assumes they do not.
  const lonSpan = Math.max(Math.abs(lon - route.minLon), Math.abs(lon - route.maxLon));
  const maxAngle = maxKm / EARTH_RADIUS_KM;
  let scanAll = !(c > 1e-6) || lonSpan > 180;
  if (!scanAll) {
    const x = lon * route.cosRef;
    const y = lat;
    // 1. Most queries (sightings in a town on the road) have a segment within ~2 km: a small box
    //    search (no priority queue) finds it. Otherwise Flatbush's nearest box (it tightens its
    //    bound as it goes) supplies one.
    // 2. That segment's exact distance bounds the answer; every segment that could beat it has
    //    its box within the planar radius of the bound, so one box search of that radius settles
    //    it. Re-evaluating a segment is harmless (ties are settled by km, not by order).
    const index = route.index;
    const limit = Number.isFinite(maxAngle) ? planarRadius(route, maxAngle, c) : undefined;
    let searched = Math.min(FIRST_RADIUS_DEGREES, limit ?? Infinity);
    for (const s of index.search(x - searched, y - searched, x + searched, y + searched)) {
      consider(route, s);
    }
    if (bestSegment < 0) {
      searched = -1;
      for (const s of index.neighbors(x, y, 1, limit ?? Infinity)) consider(route, s);
    }
    if (bestSegment >= 0) {
      const needed = planarRadius(route, angleOfChord2(bestChord2), c);
      if (needed === undefined) scanAll = true;
      else if (needed > searched) {
        for (const s of index.search(x - needed, y - needed, x + needed, y + needed)) {
          consider(route, s);
        }
      }
    }
  }
  if (scanAll) {
    for (let s = 0; s < route.segmentCount; s++) consider(route, s);
  }
  if (bestSegment < 0) return undefined;
  let distance = angleOfChord2(bestChord2) * EARTH_RADIUS_KM;
  if (distance > maxKm) return undefined;

  let segment = bestSegment;
  let onArc = bestOnArc;
  let end = bestEnd;
  let km: Km = NaN;
  let point: LonLat = [NaN, NaN];
  if (onArc) {
    const s = bestSegment;
    const f = FRAME_STRIDE * s;
    const frames = route.segmentFrames;
    const t = cx * frames[f]! + cy * frames[f + 1]! + cz * frames[f + 2]!;
    point = vectorToLonLat(cx - t * frames[f]!, cy - t * frames[f + 1]!, cz - t * frames[f + 2]!);
    km = route.cumulativeKm[s]! + angleIntoArc(route, s) * EARTH_RADIUS_KM;
    // Within 1 µm of a vertex (rounding of a point that is on the vertex): report the vertex
    // itself, so that a point on a vertex gets the same answer from both adjoining segments.
    if (km - route.cumulativeKm[s]! <= TIE_KM) [onArc, end] = [false, 0];
    else if (route.cumulativeKm[s + 1]! - km <= TIE_KM) [onArc, end] = [false, 1];
  }
  if (!onArc) {
    const vertex = bestSegment + end;
    point = [route.lon[vertex]!, route.lat[vertex]!];
    km = route.cumulativeKm[vertex]!;
    const v = route.vectors;
    const chord2 =
      (cx - v[3 * vertex]!) ** 2 + (cy - v[3 * vertex + 1]!) ** 2 + (cz - v[3 * vertex + 2]!) ** 2;
    distance = angleOfChord2(chord2) * EARTH_RADIUS_KM;
    // A vertex belongs to the segment that starts there (the last vertex to the last segment),
    // so `segment` always names a real segment (Turf's segmentIndex can overflow: #3016).
    segment = Math.min(vertex, route.segmentCount - 1);
  }
  return { segment, km, distanceKm: distance, point };
}
