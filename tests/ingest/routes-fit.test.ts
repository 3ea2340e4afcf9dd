/**
 * The check for a forgotten route (src/ingest/routes-fit.ts): the far reports' figures and the
 * one sentence in English and Spanish (the CLI's exit-2 refusal and the viewer's analyst files).
 */
import { describe, expect, it } from "vitest";
import { embedded2018, farFromRoutesText, reportsFarFromRoutes } from "../../src/index.ts";

// Veracruz, Coatzacoalcos, Tampico, Matamoros: the Gulf coast, far from the 2018 corridor's routes.
const GULF = [
  { lat: 19.18, lon: -96.14 },
  { lat: 18.14, lon: -94.44 },
  { lat: 22.25, lon: -97.86 },
  { lat: 25.87, lon: -97.5 },
];

describe("reports far from every route", () => {
  const routes = embedded2018().routes;

  it("counts the far reports of a file that mostly lies off the routes; none for the 2018 reports", () => {
    const far = reportsFarFromRoutes(GULF, routes)!;
    expect(far.reports).toBe(4);
    expect(far.far).toBeGreaterThanOrEqual(3);
    expect(far.minKm).toBeGreaterThan(60);
    expect(far.minKm).toBeLessThanOrEqual(far.medianKm);
    expect(far.medianKm).toBeLessThanOrEqual(far.maxKm);
    expect(reportsFarFromRoutes(embedded2018().sightings, routes)).toBeUndefined();
  });

  it("says the same figures in English and in Spanish", () => {
    const f = { reports: 12, far: 10, minKm: 78, medianKm: 1270, maxKm: 1644 };
    expect(farFromRoutesText(f)).toBe(
      "10 of 12 reports lie 78–1,644 km (median 1,270 km) from the routes in use (the 2018 corridor): most reports lie far from the routes: give your route with --route <file.geojson> (docs/contracts.md §1.5).",
    );
    expect(farFromRoutesText(f, {}, "es")).toBe(
      "10 de 12 reportes están a 78–1,644 km (mediana 1,270 km) de las rutas en uso (el corredor de 2018): la mayoría de los reportes está lejos de las rutas: indique su ruta con --route <archivo.geojson> (docs/contracts.md §1.5).",
    );
    // The viewer's words: the same facts, its own way to give a route, no --route.
    expect(farFromRoutesText(f, { via: "viewer" })).toMatch(
      /\(the 2018 corridor\): most reports lie far from the routes: load your route file \(GeoJSON\) with the reports\.$/,
    );
    expect(farFromRoutesText(f, { via: "viewer" }, "es")).toMatch(
      /: cargue su archivo de ruta \(GeoJSON\) junto con los reportes\.$/,
    );
    expect(farFromRoutesText(f, { route: "r.geojson", via: "viewer" })).toMatch(
      /\(r\.geojson\): .*: check that your route file is the route these reports follow\.$/,
    );
    for (const lang of ["en", "es"] as const)
      expect(farFromRoutesText(f, { via: "viewer" }, lang)).not.toContain("--route");
  });
});
