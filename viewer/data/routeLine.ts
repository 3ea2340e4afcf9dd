/**
 * Minimal route-line helpers the viewer needs to draw an along-route interval (km_low…km_high)
 * and the heading at a border point. Distances use the library's great-circle `distanceKm`, so
 * km here agree with the library's km along a route.
 */
import { distanceKm } from "../../src/index.ts";
import type { Km, LonLat, RouteFeature } from "../../src/index.ts";

export interface RouteLine {
  id: string;
  coords: LonLat[];
  /** Cumulative km at each vertex (cum[0] = 0). */
  cum: Km[];
  length: Km;
}

/** Measures a route feature once. */
export function measureRoute(feature: RouteFeature): RouteLine {
  const coords = feature.geometry.coordinates.map((p) => [p[0]!, p[1]!] as LonLat);
  const cum: Km[] = [0];
  for (let i = 1; i < coords.length; i++)
    cum.push(cum[i - 1]! + distanceKm(coords[i - 1]!, coords[i]!));
  return { id: String(feature.properties.route_id), coords, cum, length: cum[cum.length - 1] ?? 0 };
}

function segmentAt(line: RouteLine, km: Km): number {
  let lo = 0;
  let hi = line.cum.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (line.cum[mid]! <= km) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Position at `km` along the line, linear between vertices; clamps to the ends.
 * @example pointAt(line, 0) // => the first vertex
 */
export function pointAt(line: RouteLine, km: Km): LonLat {
  if (line.coords.length === 1 || km <= 0) return line.coords[0]!;
  if (km >= line.length) return line.coords[line.coords.length - 1]!;
  const i = segmentAt(line, km);
  const a = line.coords[i]!;
  const b = line.coords[i + 1]!;
  const span = line.cum[i + 1]! - line.cum[i]!;
  const f = span > 0 ? (km - line.cum[i]!) / span : 0;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
}

/**
 * The part of the line between two km (clamped), as vertices including both ends, in the order
 * from → to (reversed when `to` < `from`, e.g. a group going back south).
 */
export function sliceLine(line: RouteLine, from: Km, to: Km): LonLat[] {
  if (to < from) return sliceLine(line, to, from).reverse();
  const a = Math.max(0, Math.min(from, to));
  const b = Math.min(line.length, Math.max(from, to));
  const out: LonLat[] = [pointAt(line, a)];
  for (let i = 0; i < line.cum.length; i++)
    if (line.cum[i]! > a && line.cum[i]! < b) out.push(line.coords[i]!);
  out.push(pointAt(line, b));
  return out;
}

/** Nearest km along the line to a point (vertex-segment projection in degrees, good enough to place a mark). */
export function locate(line: RouteLine, lon: number, lat: number): { km: Km; offset: number } {
  let best = { km: 0, offset: Infinity };
  const k = Math.cos((lat * Math.PI) / 180);
  for (let i = 0; i + 1 < line.coords.length; i++) {
    const [ax, ay] = line.coords[i]!;
    const [bx, by] = line.coords[i + 1]!;
    const dx = (bx - ax) * k;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const f =
      len2 > 0 ? Math.max(0, Math.min(1, ((lon - ax) * k * dx + (lat - ay) * dy) / len2)) : 0;
    const ex = (lon - ax) * k - f * dx;
    const ey = lat - ay - f * dy;
    const d = Math.hypot(ex, ey);
    if (d < best.offset)
      best = { km: line.cum[i]! + f * (line.cum[i + 1]! - line.cum[i]!), offset: d };
  }
  return best;
}

/** Unit (east, north) direction of travel at `km` (towards the end of the line). */
export function headingAt(line: RouteLine, km: Km): [number, number] {
  const a = pointAt(line, Math.max(0, km - 5));
  const b = pointAt(line, Math.min(line.length, km + 5));
  const k = Math.cos((a[1] * Math.PI) / 180);
  const dx = (b[0] - a[0]) * k;
  const dy = b[1] - a[1];
  const n = Math.hypot(dx, dy) || 1;
  return [dx / n, dy / n];
}
