/**
 * Golden GeoJSON fixtures (after Turf's test/in → test/out): every file in
 * tests/fixtures/<fn>/in is run through our function; the result, styled for geojson.io
 * (`marker-color`, `stroke`), must match tests/fixtures/<fn>/out. Regenerate the outputs only
 * deliberately, with `REGEN=1 npx vitest run tests/geo/fixtures.test.ts`, and review the diff.
 *
 * Beyond the golden comparison, each result is checked live against
 * - `@turf/nearest-point-on-line` / `@turf/along` (within 1 m), and
 * - an independent brute-force great-circle reference (tests/geo/reference.ts, within 1 m),
 *   which is the arbiter in the cases where Turf has been known to be wrong (#2870, #2234, #2934).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { along as turfAlong } from "@turf/along";
import { lineString, multiLineString } from "@turf/helpers";
import { nearestPointOnLine } from "@turf/nearest-point-on-line";
import type { Feature, FeatureCollection, Point } from "geojson";
import { describe, expect, it } from "vitest";
import { distanceKm } from "../../src/geo/distance.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { RouteCollection, RouteFeature } from "../../src/model/route.ts";
import type { LonLat } from "../../src/model/units.ts";
import { assertInDelta } from "../asserts.ts";
import { referenceNearest } from "./reference.ts";

const ONE_METRE_KM = 0.001;
// Paths, not URLs: fixture names carry issue numbers ("#2870"), which a URL would read as a hash.
const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

function load(fn: string, sub: "in" | "out", file: string): FeatureCollection {
  return JSON.parse(readFileSync(join(fixtures, fn, sub, file), "utf8")) as FeatureCollection;
}

function goldenCompare(fn: string, file: string, result: FeatureCollection): void {
  const path = join(fixtures, fn, "out", file);
  if (process.env.REGEN) writeFileSync(path, JSON.stringify(result, null, 1) + "\n");
  assertInDelta(result, load(fn, "out", file), 1e-9);
}

function split(collection: FeatureCollection) {
  const routes = collection.features.filter(
    (f): f is RouteFeature => f.geometry.type === "LineString",
  );
  const points = collection.features.filter(
    (f): f is Feature<Point> => f.geometry.type === "Point",
  );
  return { routes, points };
}

describe("project fixtures", () => {
  for (const file of readdirSync(join(fixtures, "project", "in")).sort()) {
    it(`project(point) on ${file} agrees with Turf and the brute-force reference within 1 m, and with out/`, () => {
      const input = load("project", "in", file);
      const { routes, points } = split(input);
      const collection: RouteCollection = { type: "FeatureCollection", features: routes };
      const index = createRouteIndex(collection);
      const out: Feature[] = [...input.features];
      for (const query of points) {
        const p = query.geometry.coordinates as LonLat;
        const routeId = query.properties?.routeId as string | undefined;
        const name = String(query.properties?.name);
        const result = index.project(p, routeId ? { routeId } : {});
        expect(result, name).toBeDefined();
        const got = result!;

        // Turf over all candidate routes at once. As a MultiLineString, not a FeatureCollection:
        // on a FeatureCollection Turf 7.4 reports lineStringIndex 0 for every feature and keeps
        // counting lineDistance across features (see docs/geometry.md#where-we-differ-from-turf-checked-against-an-independent-reference).
        const candidates = routeId
          ? routes.filter((r) => r.properties.route_id === routeId)
          : routes;
        const turf = nearestPointOnLine(
          multiLineString(candidates.map((r) => r.geometry.coordinates)),
          p,
        );
        const turfRoute = candidates[turf.properties.lineStringIndex]!.properties.route_id;
        expect(got.routeId, `${name}: route vs Turf`).toBe(turfRoute);
        assertInDelta(
          got.distanceKm,
          turf.properties.pointDistance,
          ONE_METRE_KM,
          `${name}: distance vs Turf`,
        );
        assertInDelta(got.km, turf.properties.lineDistance, ONE_METRE_KM, `${name}: km vs Turf`);
        assertInDelta(
          distanceKm(got.point, turf.geometry.coordinates as LonLat),
          0,
          ONE_METRE_KM,
          `${name}: point vs Turf`,
        );

        // Independent reference: brute-force great-circle minimisation.
        const reference = referenceNearest(
          candidates.map((r) => r.geometry.coordinates as LonLat[]),
          p,
        );
        expect(got.routeId, `${name}: route vs reference`).toBe(
          candidates[reference.routeIndex]!.properties.route_id,
        );
        assertInDelta(
          got.distanceKm,
          reference.distanceKm,
          ONE_METRE_KM,
          `${name}: distance vs reference`,
        );
        assertInDelta(got.km, reference.km, ONE_METRE_KM, `${name}: km vs reference`);
        assertInDelta(
          distanceKm(got.point, reference.point),
          0,
          ONE_METRE_KM,
          `${name}: point vs reference`,
        );

        // The reported segment holds the km.
        const cumulative = index.cumulativeKm(got.routeId);
        expect(
          cumulative[got.segment]! <= got.km + 1e-9 &&
            got.km <= cumulative[got.segment + 1]! + 1e-9,
          `${name}: segment`,
        ).toBe(true);

        out.push({
          type: "Feature",
          properties: { name, ...got, point: undefined, "marker-color": "#F0F" },
          geometry: { type: "Point", coordinates: got.point },
        });
        out.push({
          type: "Feature",
          properties: { name: `${name}: offset`, stroke: "#F00", "stroke-width": 2 },
          geometry: { type: "LineString", coordinates: [p, got.point] },
        });
      }
      goldenCompare(
        "project",
        file,
        JSON.parse(JSON.stringify({ type: "FeatureCollection", features: out })),
      );
    });
  }
});

describe("along fixtures", () => {
  for (const file of readdirSync(join(fixtures, "along", "in")).sort()) {
    it(`along(routeId, km) on ${file} agrees with @turf/along within 1 m, clamps, and matches out/`, () => {
      const input = load("along", "in", file);
      const { routes } = split(input);
      const index = createRouteIndex({ type: "FeatureCollection", features: routes });
      const out: Feature[] = [...input.features];
      for (const route of routes) {
        const routeId = route.properties.route_id;
        const coords = route.geometry.coordinates as LonLat[];
        const length = index.lengthKm(routeId);
        for (const km of route.properties.alongKm as number[]) {
          const got = index.along(routeId, km);
          if (km <= 0) expect(got).toEqual(coords[0]);
          else if (km >= length) expect(got).toEqual(coords[coords.length - 1]);
          else {
            const turf = turfAlong(lineString(coords), km, { units: "kilometers" });
            assertInDelta(
              distanceKm(got, turf.geometry.coordinates as LonLat),
              0,
              ONE_METRE_KM,
              `km ${km}`,
            );
          }
          out.push({
            type: "Feature",
            properties: { routeId, km, "marker-color": "#0A0" },
            geometry: { type: "Point", coordinates: got },
          });
        }
      }
      goldenCompare("along", file, { type: "FeatureCollection", features: out });
    });
  }
});
