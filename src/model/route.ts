/**
 * Routes: GeoJSON (RFC 7946) LineStrings drawn in the direction of travel. `km` along a route is
 * measured from its first vertex (docs/contracts.md §1.5).
 */
import type { Feature, FeatureCollection, LineString } from "geojson";

export interface RouteProperties {
  /** Identifier, e.g. `main`, `mexicali`, `salvador`. */
  route_id: string;
  /** Human name, e.g. "San Pedro Sula → Tijuana". */
  name?: string;
  /** For a branch: the route it leaves, and the km on that parent route where it leaves it. */
  parent_route_id?: string;
  parent_km?: number;
  [key: string]: unknown;
}

export type RouteFeature = Feature<LineString, RouteProperties>;
export type RouteCollection = FeatureCollection<LineString, RouteProperties>;
