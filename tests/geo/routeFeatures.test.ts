/**
 * Turf-facing features (slices, along and project as Feature<Point>) checked against the fast
 * route index and against Turf itself, on the embedded 2018 routes (≈ 200 vertices each).
 */
import { along as turfAlong } from "@turf/along";
import { length as turfLength } from "@turf/length";
import { nearestPointOnLine } from "@turf/nearest-point-on-line";
import { describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { alongFeature, projectFeature, sliceRouteKm } from "../../src/geo/routeFeatures.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import { sliceRoute } from "../../src/geo/routeSlice.ts";
import type { RouteFeature } from "../../src/model/route.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { assertInDelta } from "../asserts.ts";

const routes = createRouteIndex(embedded2018().routes);
const MAIN = routes.route("main");
const LENGTH = routes.lengthKm("main");
/** 1e-9° ≈ 0.1 mm: the ends of a Turf slice and the index's `along` are the same point. */
const SAME_POINT_DEG = 1e-9;

describe("sliceRouteKm(route, fromKm, toKm)", () => {
  it("ends at the index's along, keeps exactly the vertices in between, and is toKm − fromKm long", () => {
    const random = mulberry32(7);
    const cumulative = routes.cumulativeKm("main");
    for (let i = 0; i < 50; i++) {
      const a = random() * LENGTH;
      const b = a + random() * 300;
      const slice = sliceRouteKm(MAIN, a, b);
      const to = Math.min(b, LENGTH);
      const coords = slice.geometry.coordinates;
      assertInDelta(coords[0], routes.along("main", a), SAME_POINT_DEG);
      assertInDelta(coords.at(-1), routes.along("main", to), SAME_POINT_DEG);
      const inner = MAIN.geometry.coordinates.filter(
        (_, v) => cumulative[v]! > a && cumulative[v]! < to,
      );
      expect(coords.slice(1, -1)).toEqual(inner);
      assertInDelta(turfLength(slice, { units: "kilometers" }), to - a, 1e-6);
      expect(slice.properties).toEqual({ route_id: "main", from_km: a, to_km: to });
    }
  });

  it("agrees with the index's sliceRoute (the viewer's fast path) on every route, both directions", () => {
    const random = mulberry32(19);
    for (const routeId of routes.routeIds) {
      const length = routes.lengthKm(routeId);
      for (let i = 0; i < 30; i++) {
        const a = random() * length;
        const b = random() * length;
        const fast = sliceRoute(routes, routeId, a, b);
        const turf = sliceRouteKm(routes.route(routeId), a, b).geometry.coordinates;
        // Same vertices; the two interpolated ends agree to 1e-9° (Turf walks the bearing).
        assertInDelta(turf, fast, SAME_POINT_DEG);
      }
    }
  });

  it("reverses the positions when toKm < fromKm (a group going back)", () => {
    const forward = sliceRouteKm(MAIN, 100, 180).geometry.coordinates;
    const back = sliceRouteKm(MAIN, 180, 100);
    expect(back.geometry.coordinates).toEqual([...forward].reverse());
    expect(back.properties).toMatchObject({ from_km: 180, to_km: 100 });
  });

  it("clamps to [0, length] and gives two equal positions for a zero-length stretch", () => {
    const whole = sliceRouteKm(MAIN, -50, LENGTH + 50);
    expect(whole.geometry.coordinates).toEqual(MAIN.geometry.coordinates);
    expect(whole.properties).toMatchObject({ from_km: 0, to_km: LENGTH });
    const first = MAIN.geometry.coordinates[0]!;
    const last = MAIN.geometry.coordinates.at(-1)!;
    expect(sliceRouteKm(MAIN, 0, 0).geometry.coordinates).toEqual([first, first]);
    expect(sliceRouteKm(MAIN, -5, -1).geometry.coordinates).toEqual([first, first]);
    expect(sliceRouteKm(MAIN, LENGTH, LENGTH + 9).geometry.coordinates).toEqual([last, last]);
    const vertexKm = routes.cumulativeKm("main")[40]!;
    // Turf sums the segments itself: the vertex comes back to rounding (≈ 1e-15°), not bit for bit.
    assertInDelta(
      sliceRouteKm(MAIN, vertexKm, vertexKm).geometry.coordinates,
      [MAIN.geometry.coordinates[40], MAIN.geometry.coordinates[40]],
      1e-12,
    );
    const [p, q] = sliceRouteKm(MAIN, 333.3, 333.3).geometry.coordinates;
    expect(p).toEqual(q);
    assertInDelta(p, routes.along("main", 333.3), SAME_POINT_DEG);
  });

  it("refuses a km that is not a number and a route of fewer than two positions", () => {
    expect(() => sliceRouteKm(MAIN, Number.NaN, 3)).toThrow(RangeError);
    expect(() => sliceRouteKm(MAIN, 0, "3" as unknown as number)).toThrow(
      "sliceRouteKm needs toKm as a number of km, got 3.",
    );
    const stub = { ...MAIN, geometry: { type: "LineString", coordinates: [[0, 0]] } };
    expect(() => sliceRouteKm(stub as RouteFeature, 0, 1)).toThrow(RangeError);
  });
});

describe("alongFeature / projectFeature (Turf-compatible Feature<Point>)", () => {
  it("alongFeature(routes, id, km) is the point @turf/along gives, with the clamped km", () => {
    for (const km of [0, 0.5, 17.25, 412.9, LENGTH / 2, LENGTH]) {
      const ours = alongFeature(routes, "main", km);
      const theirs = turfAlong(MAIN, km, { units: "kilometers" });
      expect(ours.type).toBe("Feature");
      expect(ours.geometry.type).toBe("Point");
      assertInDelta(ours.geometry.coordinates, theirs.geometry.coordinates, SAME_POINT_DEG);
      expect(ours.properties).toEqual({ route_id: "main", km });
    }
    expect(alongFeature(routes, "main", -3).properties.km).toBe(0);
    expect(alongFeature(routes, "main", LENGTH + 3).properties.km).toBe(LENGTH);
  });

  it("projectFeature(routes, point) carries @turf/nearest-point-on-line's properties and point", () => {
    const random = mulberry32(11);
    let vertexHits = 0;
    for (let i = 0; i < 40; i++) {
      const [lon, lat] = routes.along("main", random() * LENGTH);
      const at: [number, number] = [lon + (random() - 0.5) * 0.4, lat + (random() - 0.5) * 0.4];
      const ours = projectFeature(routes, { type: "Point", coordinates: at }, { routeId: "main" })!;
      const theirs = nearestPointOnLine(MAIN, at, { units: "kilometers" });
      assertInDelta(ours.geometry.coordinates, theirs.geometry.coordinates, 1e-8);
      const keys = [
        "segmentIndex",
        "totalDistance",
        "lineDistance",
        "pointDistance",
        "index",
        "location",
        "dist",
      ] as const;
      for (const key of keys) assertInDelta(ours.properties[key], theirs.properties[key], 1e-6);
      const s = ours.properties.segmentIndex;
      const segmentStart = routes.cumulativeKm("main")[s]!;
      assertInDelta(ours.properties.segmentDistance, ours.properties.km - segmentStart, 1e-12);
      if (ours.properties.segmentDistance > 1e-9) {
        assertInDelta(ours.properties.segmentDistance, theirs.properties.segmentDistance, 1e-6);
      } else {
        // Snapped to the vertex that starts segment s: Turf 7.4 reports the previous segment's
        // length as segmentDistance (a quirk, docs/geometry.md); ours is 0.
        vertexHits++;
        const previous = segmentStart - routes.cumulativeKm("main")[s - 1]!;
        assertInDelta(theirs.properties.segmentDistance, previous, 1e-6);
      }
      expect(ours.properties).toMatchObject({ route_id: "main", lineStringIndex: 0 });
    }
    expect(vertexHits).toBeGreaterThan(0); // the sample does exercise snapping to a vertex
  });

  it("projectFeature takes a Feature<Point>, honours maxDistanceKm and names the route", () => {
    const tapachula = {
      type: "Feature" as const,
      properties: {},
      geometry: { type: "Point" as const, coordinates: [-92.262, 14.906] },
    };
    const hit = projectFeature(routes, tapachula)!;
    expect(routes.routeIds[hit.properties.lineStringIndex]).toBe(hit.properties.route_id);
    expect(hit.properties.distance_km).toBeLessThan(5);
    expect(projectFeature(routes, [-60, 40], { maxDistanceKm: 10 })).toBeUndefined();
    expect(() => projectFeature(routes, ["x", 1] as unknown as [number, number])).toThrow();
  });
});
