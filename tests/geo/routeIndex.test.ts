import { along as turfAlong } from "@turf/along";
import { length as turfLength } from "@turf/length";
import { lineString } from "@turf/helpers";
import { nearestPointOnLine } from "@turf/nearest-point-on-line";
import { describe, expect, it } from "vitest";
import { distanceKm } from "../../src/geo/distance.ts";
import { cumulativeKmOf, lineLengthKm } from "../../src/geo/lineLength.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { RouteCollection, RouteFeature } from "../../src/model/route.ts";
import type { LonLat } from "../../src/model/units.ts";
import { assertInDelta } from "../asserts.ts";

function route(routeId: string, coordinates: LonLat[]): RouteFeature {
  return {
    type: "Feature",
    properties: { route_id: routeId },
    geometry: { type: "LineString", coordinates },
  };
}
function collection(...features: RouteFeature[]): RouteCollection {
  return { type: "FeatureCollection", features };
}

const CHIAPAS: LonLat[] = [
  [-92.138, 14.677],
  [-92.151, 14.679],
  [-92.262, 14.906],
  [-92.465, 15.139],
];

describe("lineLengthKm / cumulativeKmOf", () => {
  it("lineLengthKm(line) equals @turf/length in km", () => {
    assertInDelta(lineLengthKm(CHIAPAS), turfLength(lineString(CHIAPAS)), 1e-9);
    assertInDelta(lineLengthKm(lineString(CHIAPAS)), turfLength(lineString(CHIAPAS)), 1e-9);
    assertInDelta(
      lineLengthKm(lineString(CHIAPAS).geometry),
      turfLength(lineString(CHIAPAS)),
      1e-9,
    );
  });
  it("lineLengthKm(line) is 0 for fewer than two vertices", () => {
    expect(lineLengthKm([])).toBe(0);
    expect(lineLengthKm([[1, 2]])).toBe(0);
  });
  it("cumulativeKmOf(line) starts at 0 and adds each segment's great-circle length", () => {
    const km = cumulativeKmOf([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(km[0]).toBe(0);
    assertInDelta(km[1], distanceKm([0, 0], [1, 0]), 1e-12);
    assertInDelta(km[2], distanceKm([0, 0], [1, 0]) + distanceKm([1, 0], [1, 1]), 1e-12);
  });
});

describe("createRouteIndex", () => {
  it("createRouteIndex(routes) throws for an empty collection", () => {
    expect(() => createRouteIndex(collection())).toThrow("no routes");
  });
  it("createRouteIndex(routes) throws for a duplicate route_id", () => {
    expect(() => createRouteIndex(collection(route("a", CHIAPAS), route("a", CHIAPAS)))).toThrow(
      'Duplicate route_id "a"',
    );
  });
  it("createRouteIndex(routes) throws for a missing route_id", () => {
    const bad = { ...route("x", CHIAPAS), properties: {} } as unknown as RouteFeature;
    expect(() => createRouteIndex(collection(bad))).toThrow("no route_id");
  });
  it("createRouteIndex(routes) throws for invalid geometry, naming the route", () => {
    expect(() => createRouteIndex(collection(route("one", [[0, 0]])))).toThrow(
      /"one".*at least two/,
    );
    expect(() =>
      createRouteIndex(
        collection(
          route("nan", [
            [0, 0],
            [NaN, 1],
          ]),
        ),
      ),
    ).toThrow(/"nan", position 2: \[NaN, 1\] is not \[lon, lat\] as numbers/);
    expect(() =>
      createRouteIndex(
        collection(
          route("far", [
            [0, 0],
            [0, 95],
          ]),
        ),
      ),
    ).toThrow(/"far", position 2: \[0, 95\] has a latitude beyond ±90°/);
    expect(() =>
      createRouteIndex(
        collection(
          route("same", [
            [1, 1],
            [1, 1],
          ]),
        ),
      ),
    ).toThrow(/length 0/);
    expect(() =>
      createRouteIndex(
        collection(
          route("am", [
            [179, 0],
            [-179, 0],
          ]),
        ),
      ),
    ).toThrow(/antimeridian/);
    const point = { ...route("pt", CHIAPAS), geometry: { type: "Point", coordinates: [0, 0] } };
    expect(() => createRouteIndex(collection(point as unknown as RouteFeature))).toThrow(
      /LineString/,
    );
  });
  it("createRouteIndex(routes) throws when given something other than a FeatureCollection", () => {
    expect(() => createRouteIndex(null as unknown as RouteCollection)).toThrow(/FeatureCollection/);
  });

  const index = createRouteIndex(
    collection(
      route("chiapas", CHIAPAS),
      route("short", [
        [-92.2, 14.8],
        [-92.25, 14.85],
      ]),
    ),
  );

  it("routeIds lists routes in input order; route(id) returns the feature", () => {
    expect(index.routeIds).toEqual(["chiapas", "short"]);
    expect(index.route("short").geometry.coordinates[0]).toEqual([-92.2, 14.8]);
  });
  it("an unknown routeId throws and lists the known ones", () => {
    expect(() => index.lengthKm("nope")).toThrow(/Unknown routeId "nope"; known: chiapas, short/);
    expect(() => index.project([-92.2, 14.8], { routeId: "nope" })).toThrow(/Unknown routeId/);
  });
  it("lengthKm(id) and cumulativeKm(id) agree with @turf/length", () => {
    assertInDelta(index.lengthKm("chiapas"), turfLength(lineString(CHIAPAS)), 1e-9);
    const km = index.cumulativeKm("chiapas");
    expect(km).toHaveLength(CHIAPAS.length);
    assertInDelta(km[km.length - 1], index.lengthKm("chiapas"), 0);
  });
});

describe("along", () => {
  const index = createRouteIndex(collection(route("chiapas", CHIAPAS)));
  const length = index.lengthKm("chiapas");
  it("along(route, km) clamps before the first vertex", () => {
    expect(index.along("chiapas", -5)).toEqual(CHIAPAS[0]);
    expect(index.along("chiapas", -Infinity)).toEqual(CHIAPAS[0]);
  });
  it("along(route, km) clamps past the last vertex", () => {
    expect(index.along("chiapas", length + 1)).toEqual(CHIAPAS[3]);
    expect(index.along("chiapas", Infinity)).toEqual(CHIAPAS[3]);
  });
  it("along(route, km) returns vertices exactly at their km", () => {
    const km = index.cumulativeKm("chiapas");
    CHIAPAS.forEach((vertex, i) => expect(index.along("chiapas", km[i]!)).toEqual(vertex));
  });
  it("along(route, km) agrees with @turf/along within 1 mm", () => {
    for (const km of [0.001, 1, 10, 17.5, 30, length - 0.001]) {
      const turf = turfAlong(lineString(CHIAPAS), km, { units: "kilometers" }).geometry.coordinates;
      assertInDelta(distanceKm(index.along("chiapas", km), turf as LonLat), 0, 1e-6);
    }
  });
  it("along(route, NaN) throws", () => {
    expect(() => index.along("chiapas", NaN)).toThrow(/km as a number/);
  });
});

describe("project", () => {
  const shared: LonLat[] = [
    [-92.0, 15.0],
    [-92.5, 15.2],
  ];
  const index = createRouteIndex(
    collection(
      route("main", [...shared, [-93.0, 15.3], [-93.5, 15.5]]),
      route("branch", [...shared, [-92.7, 15.8], [-92.9, 16.2]]),
    ),
  );
  it("project(point) returns km, distance, segment and point agreeing with Turf", () => {
    const p: LonLat = [-92.9, 15.35];
    const got = index.project(p, { routeId: "main" })!;
    const turf = nearestPointOnLine(lineString(index.route("main").geometry.coordinates), p);
    assertInDelta(got.km, turf.properties.totalDistance, 1e-6);
    assertInDelta(got.distanceKm, turf.properties.pointDistance, 1e-6);
    expect(got.segment).toBe(turf.properties.segmentIndex);
    assertInDelta(distanceKm(got.point, turf.geometry.coordinates as LonLat), 0, 1e-6);
  });
  it("project(point) picks the nearest route; ties on shared road go to the earlier route", () => {
    expect(index.project([-92.8, 15.9])!.routeId).toBe("branch");
    expect(index.project([-93.2, 15.3])!.routeId).toBe("main");
    expect(index.project([-92.25, 15.12])!.routeId).toBe("main");
  });
  it("project(point, { routeId }) restricts to that route", () => {
    const got = index.project([-92.8, 15.9], { routeId: "main" })!;
    expect(got.routeId).toBe("main");
    expect(got.distanceKm).toBeGreaterThan(index.project([-92.8, 15.9])!.distanceKm);
  });
  it("project(point, { maxDistanceKm }) is undefined beyond the limit and defined within it", () => {
    const p: LonLat = [-92.25, 15.3]; // ≈ 20 km from the shared road
    const d = index.project(p)!.distanceKm;
    expect(index.project(p, { maxDistanceKm: d - 0.01 })).toBeUndefined();
    assertInDelta(index.project(p, { maxDistanceKm: d + 0.01 })!.distanceKm, d, 1e-12);
    expect(index.project([0, 0], { maxDistanceKm: 100 })).toBeUndefined();
  });
  it("project(point) before the first vertex gives km 0, segment 0", () => {
    const got = index.project([-91.8, 14.9], { routeId: "main" })!;
    expect(got.km).toBe(0);
    expect(got.segment).toBe(0);
    expect(got.point).toEqual([-92.0, 15.0]);
  });
  it("project(point) past the last vertex gives the route length and the last segment (never one past it)", () => {
    const got = index.project([-94, 15.7], { routeId: "main" })!;
    expect(got.km).toBe(index.lengthKm("main"));
    expect(got.segment).toBe(2);
  });
  it("project(point) on an interior vertex is on the segment starting there", () => {
    const got = index.project([-92.5, 15.2], { routeId: "main" })!;
    expect(got.segment).toBe(1);
    expect(got.distanceKm).toBe(0);
    assertInDelta(got.km, index.cumulativeKm("main")[1], 0);
  });
  it("project(point) rejects a point that is not [lon, lat] numbers", () => {
    expect(() => index.project([NaN, 1])).toThrow(/finite numbers/);
  });
  it("projectAll(point) gives the best projection on each route, nearest first", () => {
    const all = index.projectAll([-92.8, 15.9]);
    expect(all.map((p) => p.routeId)).toEqual(["branch", "main"]);
    expect(all[0]!.distanceKm).toBeLessThanOrEqual(all[1]!.distanceKm);
    assertInDelta(all[1], index.project([-92.8, 15.9], { routeId: "main" }), 0);
  });
  it("projectAll(point) keeps route order on ties and honours maxDistanceKm", () => {
    expect(index.projectAll([-92.25, 15.12]).map((p) => p.routeId)).toEqual(["main", "branch"]);
    expect(index.projectAll([-92.8, 15.9], { maxDistanceKm: 30 }).map((p) => p.routeId)).toEqual([
      "branch",
    ]);
  });
  it("project(point) on a route that comes back over itself takes the smaller km", () => {
    const outAndBack = createRouteIndex(
      collection(
        route("ob", [
          [-92, 15],
          [-92.5, 15],
          [-92, 15.0001],
        ]),
      ),
    );
    const got = outAndBack.project([-92.25, 15.00005])!;
    expect(got.segment).toBe(0);
    expect(got.km).toBeLessThan(outAndBack.lengthKm("ob") / 2);
  });
  it("project(point) far from the routes (other hemisphere) is exact, by a full scan", () => {
    const p: LonLat = [100, -30];
    const got = index.project(p, { routeId: "main" })!;
    const turf = nearestPointOnLine(lineString(index.route("main").geometry.coordinates), p);
    assertInDelta(got.distanceKm, turf.properties.pointDistance, 1e-6);
    assertInDelta(got.km, turf.properties.totalDistance, 1e-6);
  });
});
