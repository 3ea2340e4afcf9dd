import { describe, expect, it } from "vitest";
import type { Place } from "../../src/model/place.ts";
import { buildCorridor } from "../../src/geo/corridor.ts";
import { KM_PER_DEGREE, NAMES, syntheticDataset } from "../scenario/fixture.ts";

describe("buildCorridor", () => {
  it("buildCorridor(dataset) puts every place near a route at its km along each route that passes it", () => {
    const corridor = buildCorridor(syntheticDataset());
    const main = corridor.routes.get("main")!;
    const names = main.stops.map((s) => corridor.places[s.place]!.name);
    expect(names).toEqual(NAMES);
    main.stops.forEach((stop, i) => expect(stop.km).toBeCloseTo(i * 100, 6));
    const branch = corridor.routes.get("branch")!;
    expect(corridor.places[branch.stops[branch.stops.length - 1]!.place]!.name).toBe("Branchville");
    expect(branch.lengthKm).toBeCloseTo(800, 6);
    // A place far from every route is not on the corridor.
    expect(corridor.indexOf.has("FAR")).toBe(false);
  });

  it("buildCorridor(dataset) folds a shelter into its city and sums the capacities", () => {
    const dataset = syntheticDataset();
    const shelter = (id: string, km: number, capacity: number): Place => ({
      placeId: id,
      name: `Shelter ${id}`,
      aliases: [],
      country: "MEX",
      lat: 0.02,
      lon: km / KM_PER_DEGREE,
      kind: "shelter",
      capacity,
    });
    dataset.places.push(
      shelter("S1", 1003, 2000),
      shelter("S2", 990, 500),
      shelter("S3", 650, 100),
    );
    const corridor = buildCorridor(dataset);
    const kilo = corridor.indexOf.get("P10")!;
    expect(corridor.indexOf.get("S1")).toBe(kilo);
    expect(corridor.indexOf.get("S2")).toBe(kilo);
    // Kilo already had 1,500; its two shelters add 2,500.
    expect(corridor.capacity[kilo]).toBe(4000);
    // 50 km from any city: a place of its own.
    expect(corridor.places[corridor.indexOf.get("S3")!]!.placeId).toBe("S3");
  });

  it("buildCorridor(dataset) keeps places of different countries apart even 1 km from each other", () => {
    const dataset = syntheticDataset();
    dataset.places.push({
      placeId: "X",
      name: "Across",
      aliases: [],
      country: "GTM",
      lat: 0,
      lon: 1001 / KM_PER_DEGREE,
      kind: "city",
    });
    dataset.places.push({
      placeId: "Y",
      name: "Bridge",
      aliases: [],
      country: "MEX",
      lat: 0,
      lon: 1000.5 / KM_PER_DEGREE,
      kind: "border_crossing",
    });
    const corridor = buildCorridor(dataset);
    expect(corridor.places[corridor.indexOf.get("X")!]!.placeId).toBe("X");
    // The border crossing of Kilo's country folds into Kilo.
    expect(corridor.indexOf.get("Y")).toBe(corridor.indexOf.get("P10"));
  });
});
