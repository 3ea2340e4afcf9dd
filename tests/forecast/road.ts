// Test fixture shared by the forecast tests: a straight road along the equator from 0° to 10° of
// longitude (1° ≈ 111.2 km), and places on it.
import type { Place } from "../../src/model/place.ts";
import type { RouteCollection } from "../../src/model/route.ts";

/** The road, route id "road". */
export const equatorRoad: RouteCollection = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { route_id: "road" },
      geometry: {
        type: "LineString",
        coordinates: [
          [0, 0],
          [10, 0],
        ],
      },
    },
  ],
};

/** A city on the road at longitude `lon` (degrees), named by its id. */
export const roadPlace = (id: string, lon: number): Place => ({
  placeId: id,
  name: id,
  aliases: [],
  lat: 0,
  lon,
  kind: "city",
});
