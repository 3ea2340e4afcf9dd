/**
 * The route index: km along each route, positions at a km, and projection of points onto routes.
 * Routes are complete paths (origin → destination) drawn in the direction of travel; they may
 * overlap where they share road, so km is one-dimensional per route, from its first vertex.
 */
import type { RouteCollection, RouteFeature } from "../model/route.ts";
import type { Km, LonLat } from "../model/units.ts";
import { alongPrepared } from "./along.ts";
import { prepareRoute, type PreparedRoute } from "./preparedRoute.ts";
import { nearestOnRoute } from "./routeProjection.ts";
import { InputProblem } from "../text/inputProblem.ts";

/** Where a point falls on a route. */
export interface Projection {
  routeId: string;
  /** km along the route from its first vertex to the nearest point, in [0, length]. */
  km: Km;
  /** Great-circle distance from the point to the route, km (≥ 0). */
  distanceKm: Km;
  /**
   * Index of the segment (vertex `segment` → `segment + 1`) holding the nearest point. A point at
   * a vertex is on the segment that starts there (the last vertex: on the last segment).
   */
  segment: number;
  /** The nearest point of the route, `[lon, lat]` degrees. */
  point: LonLat;
}

/** Queries over a set of routes. Build one with {@link createRouteIndex}. */
export interface RouteIndex {
  /** Route ids in input order. */
  readonly routeIds: readonly string[];
  /** The route's GeoJSON feature, as given. @throws Error for an unknown id. */
  route(routeId: string): RouteFeature;
  /** Length of the route in km (sum of great-circle segment lengths). @throws Error for an unknown id. */
  lengthKm(routeId: string): Km;
  /**
   * km from the first vertex to each vertex (non-decreasing; `[0]` = 0, last = length).
   * The array is shared: do not modify it. @throws Error for an unknown id.
   */
  cumulativeKm(routeId: string): Float64Array;
  /**
   * Position at `km` along the route, on the great circle of the segment holding it (the point
   * `@turf/along` gives). `km` is clamped to [0, length]. O(log n) by binary search.
   * @throws Error for an unknown id or a `km` that is not a number.
   */
  along(routeId: string, km: Km): LonLat;
  /**
   * The nearest point of the routes to `point`: over all routes, or only `options.routeId`.
   * Ties (within 1 µm) go to the earlier route in input order, then to the smaller km.
   * `options.maxDistanceKm` (default: no limit) drops a result farther than that.
   * @returns the projection, or `undefined` when no route is within `maxDistanceKm`.
   */
  project(
    point: LonLat,
    options?: { routeId?: string; maxDistanceKm?: Km },
  ): Projection | undefined;
  /**
   * The nearest point on each route (within `options.maxDistanceKm` when given), sorted by
   * distance (ties in route order). Useful where routes share road: the estimator picks a branch.
   */
  projectAll(point: LonLat, options?: { maxDistanceKm?: Km }): Projection[];
}

function checkPoint(point: LonLat): void {
  if (
    !Array.isArray(point) ||
    typeof point[0] !== "number" ||
    typeof point[1] !== "number" ||
    !Number.isFinite(point[0]) ||
    !Number.isFinite(point[1])
  ) {
    throw new Error(`Expected a point [lon, lat] of finite numbers, got ${JSON.stringify(point)}.`);
  }
}

/**
 * Indexes a collection of routes for km lookups and projection. Building is O(n log n) in the
 * number of vertices; a projection is O(log n) plus a handful of exact segment projections (about
 * a microsecond on a 20,000-vertex route; see bench/README.md), and agrees with
 * `@turf/nearest-point-on-line` to well under 1 m (segments are great-circle arcs in both).
 *
 * @param routes GeoJSON FeatureCollection of LineStrings, each with a unique `route_id`.
 * @throws Error with a clear message for an empty collection, a missing or duplicate `route_id`,
 *   or invalid geometry (not a LineString, < 2 positions, bad coordinates, zero length, a segment
 *   crossing the antimeridian or spanning ≥ 179°).
 * @example
 * const routes = createRouteIndex({
 *   type: "FeatureCollection",
 *   features: [{ type: "Feature", properties: { route_id: "chiapas" }, geometry: {
 *     type: "LineString", coordinates: [[-92.138, 14.677], [-92.262, 14.906], [-92.465, 15.139]] } }],
 * });
 * routes.project([-92.25, 14.85]);
 * // => { routeId: "chiapas", segment: 0, km: 22.628…, distanceKm: 1.747…, point: [-92.2356…, 14.8573…] }
 * routes.along("chiapas", 10); // => [-92.1811…, 14.7567…]
 */
export function createRouteIndex(routes: RouteCollection): RouteIndex {
  if (!routes || routes.type !== "FeatureCollection" || !Array.isArray(routes.features)) {
    throw new InputProblem("routes_not_collection", {});
  }
  if (routes.features.length === 0) throw new InputProblem("routes_empty", {});
  const prepared = new Map<string, PreparedRoute>();
  const order: PreparedRoute[] = [];
  routes.features.forEach((feature, i) => {
    const routeId = feature?.properties?.route_id;
    if (typeof routeId !== "string" || routeId.trim() === "") {
      throw new InputProblem("route_no_id", { feature: i });
    }
    if (prepared.has(routeId)) throw new InputProblem("route_duplicate", { routeId });
    const route = prepareRoute(feature, routeId);
    prepared.set(routeId, route);
    order.push(route);
  });

  function get(routeId: string): PreparedRoute {
    const route = prepared.get(routeId);
    if (!route) {
      throw new Error(
        `Unknown routeId ${JSON.stringify(routeId)}; known: ${[...prepared.keys()].join(", ")}.`,
      );
    }
    return route;
  }

  function toProjection(route: PreparedRoute, point: LonLat, maxKm: Km): Projection | undefined {
    const hit = nearestOnRoute(route, point[0], point[1], maxKm);
    return hit && { routeId: route.routeId, ...hit };
  }

  return {
    routeIds: order.map((r) => r.routeId),
    route: (routeId) => get(routeId).feature,
    lengthKm: (routeId) => get(routeId).lengthKm,
    cumulativeKm: (routeId) => get(routeId).cumulativeKm,
    along: (routeId, km) => alongPrepared(get(routeId), km),
    project(point, options = {}) {
      checkPoint(point);
      const maxKm = options.maxDistanceKm ?? Infinity;
      if (options.routeId !== undefined) return toProjection(get(options.routeId), point, maxKm);
      let best: Projection | undefined;
      for (const route of order) {
        // The best distance so far bounds the search on the next route (ties keep the earlier).
        const hit = toProjection(route, point, best ? best.distanceKm : maxKm);
        if (hit && (!best || hit.distanceKm < best.distanceKm - 1e-9)) best = hit;
      }
      return best;
    },
    projectAll(point, options = {}) {
      checkPoint(point);
      const maxKm = options.maxDistanceKm ?? Infinity;
      const hits: Projection[] = [];
      for (const route of order) {
        const hit = toProjection(route, point, maxKm);
        if (hit) hits.push(hit);
      }
      // Array.prototype.sort is stable: equal distances stay in route order.
      return hits.sort((a, b) => a.distanceKm - b.distanceKm);
    },
  };
}
