/** The geo module on the embedded 2018 corridor: the shipped routes index and the places resolve. */
import { describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";

describe("geo on the embedded 2018 data", () => {
  const data = embedded2018();

  it("createRouteIndex(embedded routes) indexes every route with a positive length", () => {
    const routes = createRouteIndex(data.routes);
    expect(routes.routeIds.length).toBe(data.routes.features.length);
    for (const id of routes.routeIds) expect(routes.lengthKm(id)).toBeGreaterThan(0);
  });

  it("createGazetteer(embedded places) finds every place by its own name and id", () => {
    const gazetteer = createGazetteer(data.places);
    for (const place of data.places) {
      expect(gazetteer.findById(place.placeId)).toBe(place);
      expect(gazetteer.find(place.name, place.country)?.placeId).toBe(place.placeId);
    }
  });

  it("embedded city places on the corridor project onto a route within 300 km", () => {
    const routes = createRouteIndex(data.routes);
    const cities = data.places.filter((p) => p.kind === "city");
    for (const place of cities) {
      const projection = routes.project([place.lon, place.lat]);
      expect(projection, place.name).toBeDefined();
      expect(projection!.distanceKm, place.name).toBeLessThan(300);
    }
  });
});
