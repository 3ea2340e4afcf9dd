/** Small synthetic datasets for the ledger tests (no embedded data needed). */
import fc from "fast-check";
import type { Dataset } from "../../src/model/dataset.ts";
import type { Place } from "../../src/model/place.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import type { TrackPoint } from "../../src/model/track.ts";

export const PLACES: Place[] = [
  {
    placeId: "MX-TIJ",
    name: "Tijuana",
    aliases: [],
    country: "MEX",
    lat: 32.5027,
    lon: -117.0037,
    kind: "city",
  },
  {
    placeId: "MX-TIJ-BJ",
    name: "Benito Juárez sports complex",
    aliases: ["Benito Juarez"],
    country: "MEX",
    lat: 32.54,
    lon: -117.03,
    kind: "shelter",
    capacity: 3000,
  },
  {
    placeId: "MX-TAP",
    name: "Tapachula",
    aliases: [],
    country: "MEX",
    lat: 14.9,
    lon: -92.26,
    kind: "city",
  },
  {
    placeId: "HN-SPS",
    name: "San Pedro Sula",
    aliases: [],
    country: "HND",
    lat: 15.5,
    lon: -88.03,
    kind: "city",
  },
];

export function dataset(stocks: StockFigure[], extra: Partial<Dataset> = {}): Dataset {
  return {
    name: "synthetic",
    places: PLACES,
    routes: { type: "FeatureCollection", features: [] },
    sightings: [],
    counts: [],
    stocks,
    timeZone: "America/Mexico_City",
    ...extra,
  };
}

/** A group walking from San Pedro Sula (day 0) towards Tijuana at constant size. */
export function track(
  group: string,
  dates: string[],
  size: number,
  at?: { lon: number; lat: number },
): TrackPoint[] {
  return dates.map((date, i) => ({
    group,
    date,
    routeId: "main",
    km: i * 50,
    kmLow: i * 50 - 10,
    kmHigh: i * 50 + 10,
    lon: at?.lon ?? -88.03 - i * 0.3,
    lat: at?.lat ?? 15.5,
    size,
    sizeLow: size * 0.8,
    sizeHigh: size * 1.2,
  }));
}

export function days(from: string, n: number): string[] {
  const start = Date.parse(from + "T00:00:00Z");
  return Array.from({ length: n }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * Random ledger inputs for property tests: up to `maxFigures` stock figures over 21 days (every
 * category and basis, places known, shelters and unknown) and up to 4 groups walking or at Tijuana.
 */
export function randomLedgerInput(maxFigures = 25): fc.Arbitrary<{
  stocks: StockFigure[];
  tracks: TrackPoint[];
}> {
  const figure = fc.record({
    day: fc.integer({ min: 0, max: 20 }),
    category: fc.constantFrom(
      "asylum_claim",
      "return",
      "remaining",
      "regularized",
      "onward",
      "other",
    ),
    basis: fc.constantFrom("cumulative", "present"),
    country: fc.constantFrom(undefined, "MEX", "HND"),
    placeName: fc.constantFrom(undefined, "Tijuana", "Tapachula", "Benito Juarez", "Nowhere"),
    value: fc.integer({ min: 0, max: 20000 }),
    sourceType: fc.constantFrom(undefined, "un", "media", "organiser"),
    confidence: fc.constantFrom(undefined, "high", "low"),
  });
  const group = fc.record({
    start: fc.integer({ min: 0, max: 15 }),
    length: fc.integer({ min: 1, max: 10 }),
    size: fc.integer({ min: 0, max: 8000 }),
    atTijuana: fc.boolean(),
  });
  const base = Date.UTC(2018, 9, 13);
  const iso = (d: number) => new Date(base + d * 86_400_000).toISOString().slice(0, 10);
  return fc
    .tuple(fc.array(figure, { maxLength: maxFigures }), fc.array(group, { maxLength: 4 }))
    .map(([figures, groups]) => ({
      stocks: figures.map((f) => ({ ...f, date: iso(f.day) }) as StockFigure),
      tracks: groups.flatMap((g, k) =>
        track(
          `G${k}`,
          Array.from({ length: g.length }, (_, i) => iso(g.start + i)),
          g.size,
          g.atTijuana ? PLACES[0] : undefined,
        ),
      ),
    }));
}
