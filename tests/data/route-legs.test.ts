import { length, lineString } from "@turf/turf";
import { describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { readTable } from "./helpers.ts";

const data = embedded2018();
const legs = readTable("data/route-legs.csv");

/** km along `routeId` from its first vertex to the vertex at the place, by @turf/length. */
function kmAt(routeId: string, placeId: string): number {
  const route = data.routes.features.find((f) => f.properties.route_id === routeId)!;
  const place = data.places.find((p) => p.placeId === placeId)!;
  const coords = route.geometry.coordinates;
  const i = coords.findIndex(([lon, lat]) => lon === place.lon && lat === place.lat);
  if (i < 0) throw new Error(`${placeId} is not a vertex of ${routeId}`);
  return i === 0 ? 0 : length(lineString(coords.slice(0, i + 1)), { units: "kilometers" });
}

describe("route legs against the road distances the sources give", () => {
  const tested = legs.filter((l) => l.tested === "yes");

  it("lists each leg with its source, and says why an untested leg is left out", () => {
    expect(tested.length).toBeGreaterThanOrEqual(30);
    for (const l of legs) {
      expect(l.source, l.leg_id).not.toBe("");
      expect(["about", "at_least"]).toContain(l.bound);
      if (l.tested !== "yes") expect(l.reason!.length, l.leg_id).toBeGreaterThan(15);
    }
  });

  it.each(tested.map((l) => l.leg_id!))(
    "%s: km along the route is within 10 percent of the source distance",
    (id) => {
      const l = tested.find((x) => x.leg_id === id)!;
      const km = kmAt(l.route_id!, l.to_place_id!) - kmAt(l.route_id!, l.from_place_id!);
      const source = Number(l.source_km);
      const ratio = km / source;
      if (l.bound === "at_least") {
        expect(ratio, `${km.toFixed(1)} km vs >${source} km`).toBeGreaterThanOrEqual(0.9);
      } else {
        expect(Math.abs(ratio - 1), `${km.toFixed(1)} km vs ~${source} km`).toBeLessThanOrEqual(
          0.1,
        );
      }
    },
  );
});
