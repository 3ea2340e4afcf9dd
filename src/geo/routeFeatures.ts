/**
 * GeoJSON features for users: a stretch of a route between two km (a group's body, its interval,
 * its way from one day to the next) and the points `along` and `project` find, as Turf-compatible
 * `Feature`s. Built with Turf (`@turf/helpers`, `@turf/length`, `@turf/line-slice-along`); the
 * fast index (routeIndex.ts) stays the hot path and returns bare `[lon, lat]`.
 */
import { lineString, point } from "@turf/helpers";
import { getCoord } from "@turf/invariant";
import { length } from "@turf/length";
import { lineSliceAlong } from "@turf/line-slice-along";
import type { Feature, LineString, Point, Position } from "geojson";
import type { Km, LonLat } from "../model/units.ts";
import type { RouteIndex } from "./routeIndex.ts";

/** Properties of a {@link sliceRouteKm} result. */
export interface RouteSliceProperties {
  /** The route's `route_id`, when it has one. */
  route_id?: string;
  /** The requested ends after clamping to [0, length], km from the route's first vertex. */
  from_km: Km;
  to_km: Km;
}

/** Below this (km, 1 µm) two km are the same place. */
const SAME_KM = 1e-9;

function checkKm(name: string, km: unknown): asserts km is number {
  if (typeof km !== "number" || Number.isNaN(km)) {
    throw new RangeError(`sliceRouteKm needs ${name} as a number of km, got ${String(km)}.`);
  }
}

/** The single position at `km` (0 < km < length), from Turf's slice of a short stretch there. */
function positionAt(route: Feature<LineString>, km: Km, lengthKm: Km): Position {
  if (km + 1e-6 <= lengthKm) return lineSliceAlong(route, km, km + 1e-6).geometry.coordinates[0]!;
  const coords = lineSliceAlong(route, km - 1e-6, lengthKm).geometry.coordinates;
  return coords[coords.length - 1]!;
}

/**
 * The route between `fromKm` and `toKm` (each clamped to [0, length]) as a GeoJSON LineString:
 * the point at each end and every vertex between them, in the order from → to (reversed when
 * `toKm < fromKm`, e.g. a group going back south). A stretch of zero length (the two km within
 * 1 µm) is two equal positions, still a valid LineString. Ends lie on the great-circle segment
 * (`@turf/line-slice-along`; the same points as `RouteIndex.along` to ~1e-9°).
 * @param route a route Feature<LineString> (e.g. `routes.route("main")`).
 * @throws RangeError when a km is not a number or the route has fewer than two positions.
 * @example
 * sliceRouteKm(routes.route("main"), 10, 30).geometry.coordinates;
 * // => [[-88.09…, 15.46…], …, [-88.21…, 15.39…]]; properties { route_id: "main", from_km: 10, to_km: 30 }
 */
export function sliceRouteKm(
  route: Feature<LineString, { route_id?: string } | null>,
  fromKm: Km,
  toKm: Km,
): Feature<LineString, RouteSliceProperties> {
  checkKm("fromKm", fromKm);
  checkKm("toKm", toKm);
  const coords = route?.geometry?.coordinates;
  if (!Array.isArray(coords) || coords.length < 2) {
    throw new RangeError("sliceRouteKm needs a route LineString of at least two positions.");
  }
  const lengthKm = length(route, { units: "kilometers" });
  const clamp = (km: Km) => Math.max(0, Math.min(lengthKm, km));
  const a = clamp(Math.min(fromKm, toKm));
  const b = clamp(Math.max(fromKm, toKm));
  let positions: Position[];
  if (b - a <= SAME_KM || a >= lengthKm - SAME_KM || b <= SAME_KM) {
    // Turf cannot return one position as a LineString: both ends are the same point here.
    const at = b <= SAME_KM ? coords[0]! : a >= lengthKm - SAME_KM ? coords.at(-1)! : undefined;
    const p = at ?? positionAt(route, a, lengthKm);
    positions = [
      [p[0]!, p[1]!],
      [p[0]!, p[1]!],
    ];
  } else {
    positions = lineSliceAlong(route, a, b, { units: "kilometers" }).geometry.coordinates;
  }
  if (toKm < fromKm) positions.reverse();
  const routeId = route.properties?.route_id;
  return lineString(positions, {
    ...(routeId !== undefined ? { route_id: routeId } : {}),
    from_km: clamp(fromKm),
    to_km: clamp(toKm),
  });
}

/** Properties of an {@link alongFeature} point. */
export interface AlongProperties {
  route_id: string;
  /** km from the route's first vertex, after clamping to [0, length]. */
  km: Km;
}

/**
 * `routes.along(routeId, km)` as a Turf-compatible `Feature<Point>` (the kind `@turf/along`
 * returns), with the route and the clamped km as properties.
 * @throws Error for an unknown route id or a km that is not a number.
 * @example
 * alongFeature(routes, "main", 10); // => { type: "Feature", geometry: { type: "Point", coordinates: [-88.09…, 15.46…] }, properties: { route_id: "main", km: 10 } }
 */
export function alongFeature(
  routes: RouteIndex,
  routeId: string,
  km: Km,
): Feature<Point, AlongProperties> {
  const position = routes.along(routeId, km);
  const clamped = Math.max(0, Math.min(routes.lengthKm(routeId), km));
  return point(position, { route_id: routeId, km: clamped });
}

/**
 * Properties of a {@link projectFeature} point: ours (`route_id`, `km`, `distance_km`, `segment`)
 * and the names `@turf/nearest-point-on-line` 7.4 gives the same figures (in km), so code written
 * for Turf reads it unchanged.
 */
export interface ProjectionProperties {
  route_id: string;
  km: Km;
  distance_km: Km;
  segment: number;
  /** Position of the route in `routes.routeIds` (Turf: the LineString's index). */
  lineStringIndex: number;
  segmentIndex: number;
  totalDistance: Km;
  lineDistance: Km;
  segmentDistance: Km;
  pointDistance: Km;
  multiFeatureIndex: number;
  index: number;
  location: Km;
  dist: Km;
}

/**
 * `routes.project(point, options)` as a Turf-compatible `Feature<Point>`: the nearest route point,
 * with properties in our names and in `@turf/nearest-point-on-line`'s (km).
 * @param at `[lon, lat]`, a GeoJSON Point or a Feature<Point>.
 * @returns the feature, or `undefined` when no route is within `options.maxDistanceKm`.
 * @throws Error for an unknown route id or a point that is not `[lon, lat]` numbers.
 * @example
 * projectFeature(routes, [-92.25, 14.85])?.properties;
 * // => { route_id: "main", km: 512.3…, distance_km: 1.74…, segment: 41, segmentIndex: 41, pointDistance: 1.74…, … }
 */
export function projectFeature(
  routes: RouteIndex,
  at: LonLat | Point | Feature<Point>,
  options: { routeId?: string; maxDistanceKm?: Km } = {},
): Feature<Point, ProjectionProperties> | undefined {
  const [lon, lat] = getCoord(at as Feature<Point>);
  const hit = routes.project([lon!, lat!], options);
  if (!hit) return undefined;
  const segmentStartKm = routes.cumulativeKm(hit.routeId)[hit.segment]!;
  const lineStringIndex = routes.routeIds.indexOf(hit.routeId);
  return point(hit.point, {
    route_id: hit.routeId,
    km: hit.km,
    distance_km: hit.distanceKm,
    segment: hit.segment,
    lineStringIndex,
    segmentIndex: hit.segment,
    totalDistance: hit.km,
    lineDistance: hit.km,
    segmentDistance: hit.km - segmentStartKm,
    pointDistance: hit.distanceKm,
    multiFeatureIndex: lineStringIndex,
    index: hit.segment,
    location: hit.km,
    dist: hit.distanceKm,
  });
}
