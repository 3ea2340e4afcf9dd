/**
 * A group's body on the map: the road from its tail to its head, drawn as a band whose width
 * follows how many people are on each part of it. Pure (no DOM): layout pixels in, flat arrays out.
 *
 * The library gives three points of the body per day: tail, median person (km) and head. Half the
 * people are behind the median, half ahead, so the density behind is size/2 ÷ (km − tail) and
 * ahead size/2 ÷ (head − km): the band is wider on the shorter, denser side, and tapers to a point
 * at the head and tail. Nothing else about the shape is invented.
 */
import type { Km } from "../../src/index.ts";

/** A route projected once per resize: its vertices in layout pixels with the library's km. */
export interface PixelRoute {
  /** Flat x,y pairs of the vertices. */
  xy: Float32Array;
  /** km along the route of each vertex (the library's route index). */
  km: Float64Array;
}

/** Index i of the vertex with km[i] ≤ km < km[i + 1] (clamped to the segments). */
function segmentOf(route: PixelRoute, km: Km): number {
  let lo = 0;
  let hi = route.km.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (route.km[mid]! <= km) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The pixel position at `km` (linear between the projected vertices; clamped to the ends). */
export function pixelAtKm(route: PixelRoute, km: Km): [number, number] {
  const n = route.km.length;
  if (n === 1 || km <= route.km[0]!) return [route.xy[0]!, route.xy[1]!];
  if (km >= route.km[n - 1]!) return [route.xy[2 * n - 2]!, route.xy[2 * n - 1]!];
  const i = segmentOf(route, km);
  const span = route.km[i + 1]! - route.km[i]!;
  const f = span > 0 ? (km - route.km[i]!) / span : 0;
  return [
    route.xy[2 * i]! + f * (route.xy[2 * i + 2]! - route.xy[2 * i]!),
    route.xy[2 * i + 1]! + f * (route.xy[2 * i + 3]! - route.xy[2 * i + 1]!),
  ];
}

export interface BodyShape {
  /** Flat x,y pairs of the road from the tail to the head. */
  xy: Float32Array;
  /** Half-width in px at each point of `xy`. */
  halfWidth: Float32Array;
  /** km of each point (tail → head). */
  km: Float64Array;
}

/** Relative density (0–1) at `x` km: the two halves of the people, tapering to the ends. */
function density(x: Km, tail: Km, median: Km, head: Km): number {
  const behind = median - tail;
  const ahead = head - median;
  const dBehind = behind > 0 ? 0.5 / behind : 0;
  const dAhead = ahead > 0 ? 0.5 / ahead : 0;
  const max = Math.max(dBehind, dAhead);
  if (max === 0) return 0;
  const d = x < median ? dBehind : dAhead;
  // Taper over the outer fifth of the body so that the band comes to a point at head and tail.
  const edge = 0.2 * (head - tail);
  const taper = edge > 0 ? Math.min(1, (x - tail) / edge, (head - x) / edge) : 1;
  return (d / max) * Math.sqrt(Math.max(0, taper));
}

/**
 * The body between `tail` and `head` km on a projected route, with the widest point
 * `maxHalfWidth` px. Returns undefined for a zero-length body (the median mark alone is drawn).
 * @example bodyShape(route, 100, 130, 150, 8).halfWidth // => widest around km 130–150
 */
export function bodyShape(
  route: PixelRoute,
  tail: Km,
  median: Km,
  head: Km,
  maxHalfWidth: number,
): BodyShape | undefined {
  const lo = Math.min(tail, head);
  const hi = Math.max(tail, head);
  if (!(hi - lo > 1e-6)) return undefined;
  const mid = Math.max(lo, Math.min(hi, median));
  const kms: number[] = [lo];
  for (let i = 0; i < route.km.length; i++)
    if (route.km[i]! > lo && route.km[i]! < hi) kms.push(route.km[i]!);
  // A few points either side of the median so the change of width is drawn where it is.
  for (const k of [mid - 1e-3, mid, mid + 1e-3]) if (k > lo && k < hi) kms.push(k);
  // And where the taper ends, so the band keeps its width up to there.
  for (const k of [lo + 0.2 * (hi - lo), hi - 0.2 * (hi - lo)]) kms.push(k);
  kms.push(hi);
  kms.sort((a, b) => a - b);
  const xy = new Float32Array(kms.length * 2);
  const halfWidth = new Float32Array(kms.length);
  kms.forEach((k, i) => {
    const [x, y] = pixelAtKm(route, k);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    halfWidth[i] = maxHalfWidth * density(k, lo, mid, hi);
  });
  return { xy, halfWidth, km: Float64Array.from(kms) };
}

/**
 * The outline of a body as a closed polygon (flat x,y pairs): the left side tail → head, then the
 * right side head → tail, offset by the half-width along each point's normal.
 */
export function bodyOutline(shape: BodyShape): Float32Array {
  const n = shape.halfWidth.length;
  const out = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - 1);
    const b = Math.min(n - 1, i + 1);
    let dx = shape.xy[2 * b]! - shape.xy[2 * a]!;
    let dy = shape.xy[2 * b + 1]! - shape.xy[2 * a + 1]!;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    const w = shape.halfWidth[i]!;
    const x = shape.xy[2 * i]!;
    const y = shape.xy[2 * i + 1]!;
    out[2 * i] = x - dy * w;
    out[2 * i + 1] = y + dx * w;
    const j = 2 * n - 1 - i;
    out[2 * j] = x + dy * w;
    out[2 * j + 1] = y - dx * w;
  }
  return out;
}
