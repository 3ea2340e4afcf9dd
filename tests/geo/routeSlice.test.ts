import { lineString } from "@turf/helpers";
import { lineSliceAlong } from "@turf/line-slice-along";
import { describe, expect, it } from "vitest";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import { headingAtKm, sliceRoute } from "../../src/geo/routeSlice.ts";
import type { LonLat } from "../../src/model/units.ts";

const CHIAPAS: LonLat[] = [
  [-92.138, 14.677],
  [-92.151, 14.679],
  [-92.262, 14.906],
  [-92.465, 15.139],
];
const routes = createRouteIndex({
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { route_id: "chiapas" },
      geometry: { type: "LineString", coordinates: CHIAPAS },
    },
  ],
});
const close = (a: LonLat, b: LonLat) => {
  expect(a[0]).toBeCloseTo(b[0], 7);
  expect(a[1]).toBeCloseTo(b[1], 7);
};

describe("sliceRoute", () => {
  it("starts and ends at the index's along and keeps the vertices between, as @turf/line-slice-along", () => {
    const slice = sliceRoute(routes, "chiapas", 1, 40);
    close(slice[0]!, routes.along("chiapas", 1));
    close(slice[slice.length - 1]!, routes.along("chiapas", 40));
    expect(slice.slice(1, -1)).toEqual([CHIAPAS[1], CHIAPAS[2]]);
    const turf = lineSliceAlong(lineString(CHIAPAS), 1, 40, { units: "kilometers" }).geometry
      .coordinates as LonLat[];
    expect(slice).toHaveLength(turf.length);
    slice.forEach((p, i) => close(p, turf[i]!));
  });

  it("reverses when to < from, clamps to the route and gives two equal points for zero length", () => {
    const forward = sliceRoute(routes, "chiapas", 5, 30);
    expect(sliceRoute(routes, "chiapas", 30, 5)).toEqual([...forward].reverse());
    const all = sliceRoute(routes, "chiapas", -10, 1e6);
    expect(all).toEqual(CHIAPAS);
    const point = sliceRoute(routes, "chiapas", 12, 12);
    expect(point).toHaveLength(2);
    expect(point[0]).toEqual(point[1]);
  });

  it("names the route when it is unknown", () => {
    expect(() => sliceRoute(routes, "nowhere", 0, 1)).toThrow(/nowhere/);
  });
});

describe("headingAtKm", () => {
  it("points along the route towards its end (north-west here) as a unit vector", () => {
    const [east, north] = headingAtKm(routes, "chiapas", 30);
    expect(Math.hypot(east, north)).toBeCloseTo(1, 12);
    expect(east).toBeLessThan(0);
    expect(north).toBeGreaterThan(0);
    // On the first short eastward-west segment with a 0.5 km window the heading is almost due west.
    const [e0, n0] = headingAtKm(routes, "chiapas", 0.5, 0.5);
    expect(e0).toBeLessThan(-0.95);
    expect(Math.abs(n0)).toBeLessThan(0.3);
  });
});
