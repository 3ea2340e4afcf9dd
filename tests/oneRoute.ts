/**
 * Test helper: a route collection of one LineString (positions [lon, lat], as GeoJSON), the
 * corridor most unit tests need; `routeId` defaults to "main".
 */
import type { RouteCollection } from "../src/model/route.ts";

/**
 * @example oneRoute([[-88.03, 15.5], [-117.0037, 32.5027]]).features[0].properties.route_id // => "main"
 */
export function oneRoute(coordinates: number[][], routeId = "main"): RouteCollection {
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { route_id: routeId },
        geometry: { type: "LineString", coordinates },
      },
    ],
  } as RouteCollection;
}
