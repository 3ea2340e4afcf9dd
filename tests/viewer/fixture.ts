/**
 * A small synthetic corridor for the viewer's unit tests (not the 2018 data): two groups, one
 * border point counted both ways, a shelter with a capacity, a few stock figures. Coordinates are
 * the real towns' (GeoNames, rounded); every figure is made up for the tests.
 */
import { runReplay } from "../../src/index.ts";
import type { Dataset, TrackPoint } from "../../src/index.ts";
import { replayInput } from "../../viewer/data/embedded.ts";
import type { PrepareInput } from "../../viewer/data/prepare.ts";

export function fixtureDataset(): Dataset {
  return {
    name: "Viewer test corridor (synthetic)",
    timeZone: "America/Mexico_City",
    places: [
      {
        placeId: "HN-SPS",
        name: "San Pedro Sula",
        aliases: [],
        country: "HND",
        lat: 15.504,
        lon: -88.025,
        kind: "city",
      },
      {
        placeId: "GT-TU",
        name: "Tecún Umán",
        aliases: ["Tecun Uman"],
        country: "GTM",
        lat: 14.677,
        lon: -92.14,
        kind: "border_crossing",
      },
      {
        placeId: "MX-TAP",
        name: "Tapachula",
        aliases: [],
        country: "MEX",
        lat: 14.904,
        lon: -92.257,
        kind: "city",
      },
      {
        placeId: "MX-CDMX",
        name: "Mexico City",
        aliases: ["Ciudad de México"],
        country: "MEX",
        lat: 19.428,
        lon: -99.128,
        kind: "city",
      },
      {
        placeId: "MX-TIJ",
        name: "Tijuana",
        aliases: [],
        country: "MEX",
        lat: 32.533,
        lon: -117.017,
        kind: "city",
      },
      {
        placeId: "MX-TIJ-BJ",
        name: "Benito Juárez shelter",
        aliases: [],
        country: "MEX",
        lat: 32.54,
        lon: -117.03,
        kind: "shelter",
        capacity: 3000,
      },
    ],
    routes: {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { route_id: "main", name: "San Pedro Sula → Tijuana" },
          geometry: {
            type: "LineString",
            coordinates: [
              [-88.025, 15.504],
              [-90.513, 14.641],
              [-92.14, 14.677],
              [-92.257, 14.904],
              [-99.128, 19.428],
              [-103.35, 20.67],
              [-117.017, 32.533],
            ],
          },
        },
        {
          type: "Feature",
          properties: { route_id: "mexicali", parent_route_id: "main", parent_km: 2500 },
          geometry: {
            type: "LineString",
            coordinates: [
              [-110.95, 29.07],
              [-115.45, 32.62],
            ],
          },
        },
      ],
    },
    sightings: [
      {
        id: "a1",
        observedAt: "2018-10-13",
        placeName: "San Pedro Sula",
        caravanLabel: "A",
        sizeBest: 1500,
        sourceOrg: "IFRC",
        sourceType: "un",
        confidence: "high",
      },
      {
        id: "a2",
        observedAt: "2018-10-19",
        lat: 14.677,
        lon: -92.14,
        caravanLabel: "A",
        sizeMin: 2000,
        sizeMax: 3000,
        sourceOrg: "Press <b>agency</b>",
        sourceType: "media",
        url: "javascript:alert(1)",
      },
      {
        id: "a3",
        observedAt: "2018-10-22",
        placeName: "Tapachula",
        caravanLabel: "A",
        sizeBest: 7000,
        sourceOrg: "UN",
        url: "https://example.org/un",
      },
      {
        id: "a4",
        observedAt: "2018-11-05",
        placeName: "Mexico City",
        caravanLabel: "A",
        sizeBest: 5000,
        sourceOrg: "CDMX",
      },
      {
        id: "a5",
        observedAt: "2018-11-20",
        placeName: "Tijuana",
        caravanLabel: "A",
        sizeBest: 4500,
        sourceOrg: "Tijuana",
      },
      {
        id: "b1",
        observedAt: "2018-10-29",
        placeName: "Tecún Umán",
        caravanLabel: "B",
        sizeBest: 1200,
        sourceOrg: "INM",
      },
      { id: "b2", observedAt: "2018-11-10", placeName: "Mexico City", caravanLabel: "B" },
      { id: "u1", observedAt: "2018-10-25", placeName: "Tapachula", sizeBest: 300 },
    ],
    counts: [
      {
        date: "2018-10-19",
        fmpId: "GT-TU",
        direction: "northbound",
        total: 3000,
        sourceOrg: "INM",
      },
      { date: "2018-10-20", fmpId: "GT-TU", direction: "northbound", total: 900, sourceOrg: "INM" },
      {
        date: "2018-10-20",
        fmpId: "GT-TU",
        direction: "southbound",
        total: 500,
        sourceOrg: "Guatemala",
      },
      { date: "2018-10-21", fmpId: "GT-TU", direction: "southbound", total: undefined },
    ],
    stocks: [
      {
        date: "2018-10-22",
        category: "asylum_claim",
        value: 380,
        basis: "cumulative",
        country: "MEX",
        sourceOrg: "UNHCR",
      },
      {
        date: "2018-11-06",
        category: "asylum_claim",
        value: 3230,
        basis: "cumulative",
        country: "MEX",
        sourceOrg: "SEGOB",
      },
      {
        date: "2018-10-22",
        category: "return",
        value: 3500,
        basis: "cumulative",
        country: "HND",
        sourceOrg: "Honduras",
      },
      {
        date: "2018-11-22",
        category: "remaining",
        value: 4730,
        basis: "present",
        placeName: "Benito Juárez shelter",
        sourceOrg: "Tijuana",
      },
      {
        date: "2018-11-25",
        category: "remaining",
        value: 5800,
        basis: "present",
        placeName: "Benito Juárez shelter",
        sourceOrg: "DIF",
      },
    ],
  };
}

let input: PrepareInput | undefined;

/**
 * The fixture with the library's replay (`runReplay`: tracks, ledger, state), as the replay
 * worker passes it to `prepareReplay` (`replayInput`, without situation-report figures);
 * computed once per test file. Copies, so tests may change them.
 */
export function fixtureInput(): PrepareInput {
  input ??= replayInput(runReplay(fixtureDataset()));
  return structuredClone(input);
}

/** A few estimator-shaped track points with a body (tail, head) on two of the three days. */
export function fixtureTracks(): TrackPoint[] {
  return [0, 1, 2].map((i) => ({
    group: "A",
    date: `2018-10-1${3 + i}`,
    routeId: "main",
    km: 50 * i,
    kmLow: 50 * i - 20,
    kmHigh: 50 * i + 30,
    lat: 15.5 - 0.1 * i,
    lon: -88 - 0.4 * i,
    size: 1500 + 100 * i,
    sizeLow: 1000,
    sizeHigh: 2500,
    ...(i > 0 ? { tailKm: 50 * i - 30, headKm: 50 * i + 10 } : {}),
  }));
}
