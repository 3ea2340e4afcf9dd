import { describe, it } from "vitest";
import * as turf from "@turf/turf";
import { distanceKm, EARTH_RADIUS_KM } from "../../src/geo/distance.ts";
import { assertInDelta } from "../asserts.ts";

describe("distanceKm", () => {
  it("distanceKm(a, b) is the haversine distance on a 6371.0088 km sphere", () => {
    // A quarter of a meridian: π/2 · R.
    assertInDelta(distanceKm([0, 0], [0, 90]), (Math.PI / 2) * EARTH_RADIUS_KM, 1e-9);
    assertInDelta(distanceKm([10, 20], [10, 20]), 0, 0);
  });
  it("distanceKm(a, b) agrees with @turf/distance", () => {
    const a: [number, number] = [-88.025, 15.504];
    const b: [number, number] = [-117.038, 32.514];
    assertInDelta(distanceKm(a, b), turf.distance(a, b, { units: "kilometers" }), 1e-9);
  });
});
