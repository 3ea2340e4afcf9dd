import { describe, expect, it } from "vitest";
import { importRoute } from "../../src/ingest/route.ts";

const line = (id: unknown, coordinates: unknown, type = "LineString") => ({
  type: "Feature",
  properties: id === undefined ? {} : { route_id: id, name: "x" },
  geometry: { type, coordinates },
});

describe("importRoute", () => {
  it("importRoute(text) accepts a FeatureCollection of LineStrings and keeps their properties", () => {
    const r = importRoute(
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          line("main", [
            [-88.02, 15.5],
            [-92.14, 14.68],
          ]),
        ],
      }),
    );
    expect(r.report).toMatchObject({ features: 1, accepted: 1, rejected: 0 });
    expect(r.routes?.features[0]!.properties).toEqual({ route_id: "main", name: "x" });
  });
  it("importRoute(text) rejects features that are not usable routes, with the reason", () => {
    const r = importRoute(
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          line("main", [
            [-88.02, 15.5],
            [-92.14, 14.68],
          ]),
          line("point", [-88, 15], "Point"),
          line("short", [[-88, 15]]),
          line("bad", [
            [-88, 15],
            [200, 95],
          ]),
          line("main", [
            [-88, 15],
            [-89, 16],
          ]),
        ],
      }),
      "ruta.geojson",
    );
    expect(r.report.rejections.map((x) => [x.line, x.code])).toEqual([
      [2, "not_a_linestring"],
      [3, "too_few_positions"],
      [4, "bad_coordinates"],
      [5, "duplicate_route_id"],
    ]);
    expect(r.report.accepted + r.report.rejected).toBe(r.report.features);
  });
  it("importRoute(text) names a route without route_id, with a warning", () => {
    const r = importRoute(
      JSON.stringify(
        line(undefined, [
          [-88, 15],
          [-89, 16],
        ]),
      ),
    );
    expect(r.routes?.features[0]!.properties.route_id).toBe("route_1");
    expect(r.report.warnings.map((w) => w.code)).toEqual(["route_id_generated"]);
  });
  it("importRoute(text) says why a file is unusable instead of throwing", () => {
    expect(importRoute("{nope").report.fatal?.code).toBe("invalid_json");
    expect(importRoute('{"type":"Point","coordinates":[0,0]}').report.fatal?.code).toBe(
      "not_geojson",
    );
    expect(
      importRoute(
        JSON.stringify({ type: "FeatureCollection", features: [line("p", [0, 0], "Point")] }),
      ).report.fatal?.code,
    ).toBe("no_routes");
    expect(
      importRoute(
        JSON.stringify({
          type: "FeatureCollection",
          features: [line("p", [0, 0], "Point"), line("q", [[1, 1]])],
        }),
      ).report.fatal?.message,
    ).toBe(
      "the route file has no usable LineString route: feature 1 is a Point; routes are LineStrings drawn in the direction of travel (and 1 more problem).",
    );
  });

  const one = (feature: unknown, extra: Record<string, unknown> = {}) =>
    importRoute(JSON.stringify({ type: "FeatureCollection", ...extra, features: [feature] }))
      .report;
  const rejection = (feature: unknown) => one(feature).rejections[0];

  it("importRoute(text) rejects a route of two identical points as zero length, in one sentence", () => {
    const r = rejection(
      line("same", [
        [-92.262, 14.906],
        [-92.262, 14.906],
      ]),
    );
    expect(r?.code).toBe("zero_length");
    expect(r?.message).toBe(
      "feature 1: its 2 positions are all the same point [-92.262, 14.906], so the route has length 0 km; a route needs two distinct positions.",
    );
  });
  it("importRoute(text) rejects a route across the antimeridian and says to cut it there", () => {
    const r = rejection(
      line("fiji", [
        [178.4, -18.1],
        [179.9, -17.5],
        [-179.8, -16.9],
      ]),
    );
    expect(r?.code).toBe("crosses_antimeridian");
    expect(r?.message).toContain("between positions 2 [179.9, -17.5] and 3 [-179.8, -16.9]");
    expect(r?.message).toContain("RFC 7946");
  });
  it("importRoute(text) rejects a segment spanning ≥ 179° of arc", () => {
    const r = rejection(
      line("far", [
        [0, 0],
        [179.5, 0],
      ]),
    );
    expect(r?.code).toBe("segment_too_long");
    expect(r?.message).toContain("spans 179.5° of arc");
  });
  it("importRoute(text) names positions given as [lat, lon] and MultiLineStrings of one line", () => {
    const swapped = rejection(
      line("swapped", [
        [15.5, -88.02],
        [14.68, -92.14],
      ]),
    );
    expect(swapped?.message).toBe(
      "feature 1, position 2: [14.68, -92.14] has a latitude beyond ±90°; it looks like [lat, lon], but GeoJSON puts longitude first.",
    );
    const multi = rejection(
      line(
        "m",
        [
          [
            [-88, 15],
            [-89, 16],
          ],
        ],
        "MultiLineString",
      ),
    );
    expect(multi).toMatchObject({
      code: "not_a_linestring",
      message: "feature 1 is a MultiLineString of one line; give it as a LineString.",
    });
    expect(
      rejection(
        line("nan", [
          [-88, 15],
          [-89, "16"],
        ]),
      )?.message,
    ).toBe('feature 1, position 2: [-89, "16"] is not [lon, lat] as numbers.');
  });
  it("importRoute(text) keeps repeated vertices, altitude and extra values with a note, and warns about crs", () => {
    const report = one(
      line("main", [
        [-88, 15, 120],
        [-88, 15, 120],
        [-89, 16, 80, 7],
      ]),
      { crs: { type: "name", properties: { name: "EPSG:4326" } } },
    );
    expect(report.accepted).toBe(1);
    expect(report.warnings.map((w) => [w.line, w.code])).toEqual([
      [0, "crs_ignored"],
      [1, "repeated_vertex"],
      [1, "extra_position_values"],
    ]);
    expect(report.warnings.map((w) => w.source)).toEqual([
      { module: "ingest" },
      { module: "ingest", line: 1 },
      { module: "ingest", line: 1 },
    ]);
    const r = importRoute(
      JSON.stringify(
        line("main", [
          [-88, 15, 120],
          [-89, 16, 80, 7],
        ]),
      ),
    );
    expect(r.routes?.features[0]!.geometry.coordinates).toEqual([
      [-88, 15],
      [-89, 16],
    ]);
  });
});
