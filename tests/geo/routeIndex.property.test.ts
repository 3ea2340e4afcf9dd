/** Property tests (fast-check) of the route index on random routes in the corridor's latitudes. */
import { lineString } from "@turf/helpers";
import { nearestPointOnLine } from "@turf/nearest-point-on-line";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceKm } from "../../src/geo/distance.ts";
import { createRouteIndex, type RouteIndex } from "../../src/geo/routeIndex.ts";
import type { LonLat } from "../../src/model/units.ts";

/** A random walk from a start in Central America/Mexico; steps up to ±`step`°, repeats allowed. */
function arbitraryRoute(maxVertices: number, step: number): fc.Arbitrary<LonLat[]> {
  return fc
    .record({
      start: fc.tuple(
        fc.double({ min: -118, max: -86, noNaN: true }),
        fc.double({ min: 13, max: 33, noNaN: true }),
      ),
      steps: fc.array(
        fc.tuple(
          fc.double({ min: -step, max: step, noNaN: true }),
          fc.double({ min: -step, max: step, noNaN: true }),
        ),
        { minLength: 1, maxLength: maxVertices - 1 },
      ),
    })
    .map(({ start, steps }) => {
      const coords: LonLat[] = [[start[0], start[1]]];
      for (const [dx, dy] of steps) {
        const [x, y] = coords[coords.length - 1]!;
        // Some steps repeat the vertex exactly (zero-length segments happen in real data).
        coords.push(Math.abs(dx) < step / 20 ? [x, y] : [x + dx, y + dy]);
      }
      return coords;
    })
    .filter((coords) => coords.some((c) => c[0] !== coords[0]![0] || c[1] !== coords[0]![1]));
}

function indexOf(coords: LonLat[]): RouteIndex {
  return createRouteIndex({
    type: "FeatureCollection",
    features: [lineString(coords, { route_id: "r" })],
  });
}

/** A query point near the route (within ~`spread`°) or, one time in five, far away. */
const arbitraryQuery = (spread: number) =>
  fc.record({
    vertexFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    dx: fc.double({ min: -spread, max: spread, noNaN: true }),
    dy: fc.double({ min: -spread, max: spread, noNaN: true }),
    far: fc.integer({ min: 0, max: 4 }),
    farLon: fc.double({ min: -180, max: 180, noNaN: true }),
    farLat: fc.double({ min: -85, max: 85, noNaN: true }),
  });

interface Query {
  vertexFraction: number;
  dx: number;
  dy: number;
  far: number;
  farLon: number;
  farLat: number;
}

function queryPoint(coords: LonLat[], q: Query): LonLat {
  if (q.far === 0) return [q.farLon, q.farLat];
  const base = coords[Math.min(coords.length - 1, Math.floor(q.vertexFraction * coords.length))]!;
  return [base[0] + q.dx, base[1] + q.dy];
}

describe("route index properties", () => {
  it("along(route, project(p).km) is the projected point: it lies on the route", () => {
    fc.assert(
      fc.property(arbitraryRoute(60, 0.3), arbitraryQuery(1), (coords, q) => {
        const index = indexOf(coords);
        const p = queryPoint(coords, q);
        const projection = index.project(p)!;
        expect(distanceKm(index.along("r", projection.km), projection.point)).toBeLessThan(1e-6);
        expect(index.project(projection.point)!.distanceKm).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it("km is monotone along the vertices, and along(cumulativeKm[i]) is vertex i", () => {
    fc.assert(
      fc.property(arbitraryRoute(60, 0.3), (coords) => {
        const index = indexOf(coords);
        const km = index.cumulativeKm("r");
        expect(km[0]).toBe(0);
        for (let i = 1; i < km.length; i++) expect(km[i]!).toBeGreaterThanOrEqual(km[i - 1]!);
        for (let i = 0; i < km.length; i++) {
          expect(distanceKm(index.along("r", km[i]!), coords[i]!)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("project(along(route, km)) is on the route at that km or earlier (where the route passes twice)", () => {
    fc.assert(
      fc.property(
        arbitraryRoute(60, 0.3),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (coords, f) => {
          const index = indexOf(coords);
          const km = f * index.lengthKm("r");
          const projection = index.project(index.along("r", km))!;
          expect(projection.distanceKm).toBeLessThan(1e-6);
          expect(projection.km).toBeLessThanOrEqual(km + 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the projection distance is ≤ the distance to any vertex", () => {
    fc.assert(
      fc.property(arbitraryRoute(60, 0.3), arbitraryQuery(2), (coords, q) => {
        const index = indexOf(coords);
        const p = queryPoint(coords, q);
        const projection = index.project(p)!;
        for (const vertex of coords) {
          expect(projection.distanceKm).toBeLessThanOrEqual(distanceKm(p, vertex) + 1e-9);
        }
        const cumulative = index.cumulativeKm("r");
        expect(cumulative[projection.segment]!).toBeLessThanOrEqual(projection.km + 1e-9);
        expect(projection.km).toBeLessThanOrEqual(cumulative[projection.segment + 1]! + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("the indexed search is exact: it finds the same distance as Turf's full scan (within 1 mm) on long routes", () => {
    fc.assert(
      fc.property(arbitraryRoute(400, 0.05), arbitraryQuery(0.5), (coords, q) => {
        const index = indexOf(coords);
        const p = queryPoint(coords, q);
        const projection = index.project(p)!;
        const turf = nearestPointOnLine(lineString(coords), p);
        expect(Math.abs(projection.distanceKm - turf.properties.pointDistance)).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });
});
