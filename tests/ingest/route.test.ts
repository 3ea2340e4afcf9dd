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
      [3, "bad_coordinates"],
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
  });
});
