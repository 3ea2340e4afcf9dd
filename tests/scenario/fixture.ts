/**
 * A synthetic corridor for the scenario tests: a straight route along the equator (1° of
 * longitude ≈ 111.2 km) with places every 100 km, and a branch that leaves it at km 600.
 * Synthetic: no real place or figure.
 */
import type { Dataset } from "../../src/model/dataset.ts";
import type { Place } from "../../src/model/place.ts";
import { EARTH_RADIUS_KM } from "../../src/geo/distance.ts";
import type { Movement, ScenarioInput } from "../../src/scenario/types.ts";

/** Kilometres per degree of longitude on the equator (haversine sphere). */
export const KM_PER_DEGREE = (2 * Math.PI * EARTH_RADIUS_KM) / 360;
const lonAt = (km: number) => km / KM_PER_DEGREE;

export const NAMES = [
  "Alpha",
  "Bravo",
  "Charlie",
  "Delta",
  "Echo",
  "Foxtrot",
  "Golf",
  "Hotel",
  "India",
  "Juliett",
  "Kilo",
];

export function syntheticDataset(): Pick<Dataset, "places" | "routes"> {
  const places: Place[] = NAMES.map((name, i) => ({
    placeId: `P${i}`,
    name,
    aliases: [],
    country: i < 3 ? "GTM" : "MEX",
    lat: 0,
    lon: lonAt(i * 100),
    kind: "city",
    capacity: name === "Kilo" ? 1500 : undefined,
  }));
  places.push({
    placeId: "B1",
    name: "Branchville",
    aliases: ["Branch"],
    country: "MEX",
    lat: 200 / KM_PER_DEGREE,
    lon: lonAt(600),
    kind: "city",
  });
  places.push({
    placeId: "FAR",
    name: "Faraway",
    aliases: [],
    country: "USA",
    lat: 10,
    lon: 10,
    kind: "city",
  });
  return {
    places,
    routes: {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { route_id: "main" },
          geometry: {
            type: "LineString",
            coordinates: Array.from({ length: 11 }, (_, i) => [lonAt(i * 100), 0]),
          },
        },
        {
          type: "Feature",
          properties: { route_id: "branch" },
          geometry: {
            type: "LineString",
            coordinates: [
              ...Array.from({ length: 7 }, (_, i) => [lonAt(i * 100), 0]),
              [lonAt(600), 200 / KM_PER_DEGREE],
            ],
          },
        },
      ],
    },
  };
}

/**
 * One wave on the synthetic corridor's route "main": 5,000 people in 10 groups leave Alpha on
 * 15 Jan 2019, walking 35–45 km a day and riding 150–300 km a day. `run` gives runs, seed and
 * horizon (days); `movement` the rest of the law (day shares, persistence, cohesion, …).
 */
export function tenGroupWave(
  run: Required<Pick<ScenarioInput, "runs" | "seed" | "horizonDays">>,
  movement: Partial<Movement>,
): ScenarioInput {
  return {
    ...run,
    route: "main",
    waves: [{ origin: "Alpha", date: "2019-01-15", people: 5000, groups: 10 }],
    movement: {
      walkKmPerDay: { min: 35, max: 45 },
      rideKmPerDay: { min: 150, max: 300 },
      ...movement,
    },
  };
}
