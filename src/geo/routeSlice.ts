/**
 * Pieces of a route for drawing: the stretch between two km (a group's body, its position
 * interval, its way from one day to the next) and the direction of travel at a km. Both are built
 * from the route index's own `along` and vertex km, so whatever a front end draws lies on the
 * same line, at the same km, as the estimator's positions.
 */
import type { Km, LonLat } from "../model/units.ts";
import type { RouteIndex } from "./routeIndex.ts";

/**
 * The route between `fromKm` and `toKm` (each clamped to [0, length]) as `[lon, lat]` positions:
 * the point `along` gives at each end and every vertex strictly between them, in the order
 * from → to (reversed when `toKm < fromKm`, e.g. a group going back south). A zero-length stretch
 * is two equal positions. The same positions as `@turf/line-slice-along` up to rounding.
 * @throws Error for an unknown route id or a km that is not a number.
 * @example sliceRoute(routes, "chiapas", 10, 30) // => [[-92.18…, 14.75…], [-92.262, 14.906], …]
 */
export function sliceRoute(routes: RouteIndex, routeId: string, fromKm: Km, toKm: Km): LonLat[] {
  if (toKm < fromKm) return sliceRoute(routes, routeId, toKm, fromKm).reverse();
  const length = routes.lengthKm(routeId);
  const a = Math.max(0, Math.min(length, fromKm));
  const b = Math.max(0, Math.min(length, toKm));
  const cumulative = routes.cumulativeKm(routeId);
  const coordinates = routes.route(routeId).geometry.coordinates;
  const out: LonLat[] = [routes.along(routeId, a)];
  for (let i = 0; i < cumulative.length; i++) {
    const km = cumulative[i]!;
    if (km > a && km < b) out.push([coordinates[i]![0]!, coordinates[i]![1]!]);
  }
  out.push(routes.along(routeId, b));
  return out;
}

/**
 * Unit vector (east, north), in locally flat km, of the direction of travel (towards the route's
 * end) at `km`: from the point `windowKm` behind to the point `windowKm` ahead (default 5 km, so a
 * kink at a vertex does not flip it). `[0, 1]` (north) for a degenerate stretch.
 * @throws Error for an unknown route id or a km that is not a number.
 */
export function headingAtKm(
  routes: RouteIndex,
  routeId: string,
  km: Km,
  windowKm: Km = 5,
): [number, number] {
  const length = routes.lengthKm(routeId);
  const a = routes.along(routeId, Math.max(0, km - windowKm));
  const b = routes.along(routeId, Math.min(length, km + windowKm));
  const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  const dx = (b[0] - a[0]) * k;
  const dy = b[1] - a[1];
  const n = Math.hypot(dx, dy);
  return n > 0 ? [dx / n, dy / n] : [0, 1];
}
