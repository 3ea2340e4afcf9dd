// The data build as pure functions: given a reader of repository files, return every derived file
// (path → content). scripts/build-data.ts writes them; tests/data compares them with the committed
// files so that data/ and src/embedded/generated/ never drift apart.
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import type { Place, PlaceKind } from "../../src/model/place.ts";
import { parseCsv, writeCsv, type Row } from "./csv.ts";
import {
  AGGREGATE_COLUMNS,
  COUNT_COLUMNS,
  SIGHTING_COLUMNS,
  STOCK_COLUMNS,
  splitObservations,
} from "./observations.ts";
import { splitReturnsStocks } from "./returnsStocks.ts";
import { buildRoutes } from "./routes.ts";

export type ReadFile = (path: string) => string;

const num = (s: string | undefined): number | undefined =>
  s === undefined || s.trim() === "" ? undefined : Number(s);
const str = (s: string | undefined): string | undefined =>
  s === undefined || s.trim() === "" ? undefined : s.trim();

/** Drops undefined fields so the generated literals stay small and `in` checks stay honest. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Columns of a table that are not in the contract, kept in `extra`. */
function extra(row: Row, keys: readonly string[]): Record<string, string> | undefined {
  const e: Record<string, string> = {};
  for (const k of keys) if ((row[k] ?? "") !== "") e[k] = row[k]!;
  return Object.keys(e).length > 0 ? e : undefined;
}

export function placesFromCsv(rows: readonly Row[]): Place[] {
  return rows.map((r) =>
    clean({
      placeId: r.place_id!,
      name: r.name!,
      nameEs: str(r.name_es),
      aliases: (r.aliases ?? "").split("|").filter((a) => a.trim() !== ""),
      country: str(r.country),
      adm1Pcode: str(r.adm1_pcode),
      adm2Pcode: str(r.adm2_pcode),
      lat: Number(r.lat),
      lon: Number(r.lon),
      kind: r.kind as PlaceKind,
      capacity: num(r.capacity),
      source: str(r.source),
    }),
  );
}

function sightingsFromCsv(rows: readonly Row[]): object[] {
  return rows.map((r, i) =>
    clean({
      id: `S${String(i + 1).padStart(3, "0")}`,
      observedAt: r.observed_at!,
      placeName: str(r.place_name),
      lat: num(r.lat),
      lon: num(r.lon),
      country: str(r.country),
      caravanLabel: str(r.caravan_label),
      sizeBest: num(r.size_best),
      sizeMin: num(r.size_min),
      sizeMax: num(r.size_max),
      estimateMethod: str(r.estimate_method),
      sourceType: str(r.source_type),
      sourceOrg: str(r.source_org),
      url: str(r.url),
      confidence: str(r.confidence),
      notes: str(r.notes),
      extra: extra(r, ["source_ref", "obs_line"]),
    }),
  );
}

function stocksFromCsv(rows: readonly Row[]): object[] {
  return rows.map((r) =>
    clean({
      date: r.date!,
      category: r.category!,
      value: Number(r.value),
      basis: r.basis!,
      country: str(r.country),
      placeName: str(r.place_name),
      caravanLabel: str(r.caravan_label),
      nationality: str(r.nationality),
      sourceOrg: str(r.source_org),
      sourceType: str(r.source_type),
      url: str(r.url),
      confidence: str(r.confidence),
      notes: str(r.notes),
      extra: extra(r, ["value_qualifier", "measure", "source_ref", "obs_line", "quote", "rs_line"]),
    }),
  );
}

function countsFromCsv(rows: readonly Row[]): object[] {
  return rows.map((r) =>
    clean({
      date: r.date!,
      fmpId: str(r.fmp_id),
      fmpName: str(r.fmp_name),
      country: str(r.country),
      lat: num(r.lat),
      lon: num(r.lon),
      direction: r.direction!,
      total: num(r.total),
      men: num(r.men),
      women: num(r.women),
      boys: num(r.boys),
      girls: num(r.girls),
      uac: num(r.uac),
      nationality: str(r.nationality),
      sourceOrg: str(r.source_org),
      url: str(r.url),
      notes: str(r.notes),
      extra: extra(r, ["source_type", "confidence", "source_ref", "obs_line"]),
    }),
  );
}

function aggregatesFromCsv(rows: readonly Row[]): object[] {
  return rows.map((r) =>
    clean({
      date: r.date!,
      measure: r.measure!,
      value: num(r.value),
      valueMin: num(r.value_min),
      valueMax: num(r.value_max),
      basis: r.basis!,
      country: str(r.country),
      placeName: str(r.place_name),
      sourceOrg: str(r.source_org),
      sourceType: str(r.source_type),
      url: str(r.url),
      confidence: str(r.confidence),
      notes: str(r.notes),
      extra: extra(r, ["source_ref", "obs_line", "quote", "rs_line"]),
    }),
  );
}

/** Seeds: the hand-made table of the report's figures; every quote must be in the report text. */
export function seedsFromCsv(rows: readonly Row[], reportText: string): object[] {
  const text = collapse(reportText);
  return rows.map((r) => {
    if (!text.includes(collapse(r.quote ?? ""))) {
      throw new Error(`seed ${r.id}: quote not found in the report: ${r.quote}`);
    }
    return clean({
      id: r.id!,
      value: Number(r.value),
      valueMax: num(r.value_max),
      unit: r.unit!,
      qualifier: r.qualifier!,
      measure: r.measure!,
      category: str(r.category),
      countries: (r.countries ?? "").split("|").filter((c) => c !== ""),
      placeNames: (r.place_name ?? "").split("|").filter((c) => c !== ""),
      asOf: r.as_of!,
      period: str(r.period),
      agency: r.agency!,
      section: r.section!,
      quote: r.quote!,
      notes: str(r.notes),
    });
  });
}

/** Whitespace collapsed to single spaces: the report's line breaks fall inside sentences. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function tsModule(
  header: string,
  imports: string,
  name: string,
  type: string,
  data: unknown,
): string {
  return (
    `// GENERATED by scripts/build-data.ts from ${header} — do not edit; run \`npm run data\`.\n` +
    `${imports}\n\n` +
    `export const ${name}: ${type} = ${JSON.stringify(data, null, 2)};\n`
  );
}

/** Rows in date order; rows of the same date keep their order (observations before returns-stocks). */
function byDate(rows: readonly Row[]): Row[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (a.row.date! < b.row.date! ? -1 : a.row.date! > b.row.date! ? 1 : a.i - b.i))
    .map(({ row }) => row);
}

/**
 * What the build did with every source row, for people: rows per table and each excluded line with
 * its reason (the tests check the same accounting).
 */
export function buildReport(read: ReadFile): string[] {
  const observed = splitObservations(parseCsv(read("data/sources/observations.csv")), () => ({
    lat: "0",
    lon: "0",
    country: "",
  }));
  const more = splitReturnsStocks(parseCsv(read("data/sources/returns-stocks.csv")), () => true);
  const excluded = (file: string, list: { line: number; reason: string }[]) =>
    list.map((e) => `  ${file} line ${e.line} excluded: ${e.reason}`);
  return [
    `observations.csv: ${observed.sightings.length} sightings, ${observed.stocks.length} stocks, ${observed.counts.length} counts, ${observed.aggregates.length} aggregates, ${observed.excluded.length} excluded`,
    ...excluded("observations.csv", observed.excluded),
    `returns-stocks.csv: ${more.stocks.length} stocks, ${more.aggregates.length} aggregates, ${more.excluded.length} excluded`,
    ...excluded("returns-stocks.csv", more.excluded),
  ];
}

/** Every derived file of the data build, path → content. */
export function buildAll(read: ReadFile): Map<string, string> {
  const files = new Map<string, string>();
  const placesRows = parseCsv(read("data/places.csv"));
  const places = placesFromCsv(placesRows);
  const gazetteer = createGazetteer(places);
  const resolve = (name: string) => {
    const p = gazetteer.find(name);
    return p === undefined
      ? undefined
      : { lat: p.lat.toFixed(5), lon: p.lon.toFixed(5), country: p.country ?? "" };
  };

  const observed = splitObservations(parseCsv(read("data/sources/observations.csv")), resolve);
  const more = splitReturnsStocks(
    parseCsv(read("data/sources/returns-stocks.csv")),
    (name) => resolve(name) !== undefined,
  );
  const split = {
    ...observed,
    stocks: byDate([...observed.stocks, ...more.stocks]),
    aggregates: byDate([...observed.aggregates, ...more.aggregates]),
  };
  files.set("data/sightings.csv", writeCsv(SIGHTING_COLUMNS, split.sightings));
  files.set("data/stocks.csv", writeCsv(STOCK_COLUMNS, split.stocks));
  files.set("data/counts.csv", writeCsv(COUNT_COLUMNS, split.counts));
  files.set("data/aggregates.csv", writeCsv(AGGREGATE_COLUMNS, split.aggregates));

  const routes = buildRoutes(parseCsv(read("data/sources/route-waypoints.csv")));
  files.set("data/routes.geojson", JSON.stringify(routes, null, 1) + "\n");

  const g = "src/embedded/generated/";
  files.set(
    g + "places.ts",
    tsModule(
      "data/places.csv",
      'import type { Place } from "../../model/place.ts";',
      "PLACES",
      "Place[]",
      places,
    ),
  );
  files.set(
    g + "routes.ts",
    tsModule(
      "data/routes.geojson",
      'import type { RouteCollection } from "../../model/route.ts";',
      "ROUTES",
      "RouteCollection",
      routes,
    ),
  );
  files.set(
    g + "sightings.ts",
    tsModule(
      "data/sightings.csv",
      'import type { Sighting } from "../../model/sighting.ts";',
      "SIGHTINGS",
      "Sighting[]",
      sightingsFromCsv(split.sightings),
    ),
  );
  files.set(
    g + "stocks.ts",
    tsModule(
      "data/stocks.csv",
      'import type { StockFigure } from "../../model/stock.ts";',
      "STOCKS",
      "StockFigure[]",
      stocksFromCsv(split.stocks),
    ),
  );
  files.set(
    g + "counts.ts",
    tsModule(
      "data/counts.csv",
      'import type { CountRecord } from "../../model/count.ts";',
      "COUNTS",
      "CountRecord[]",
      countsFromCsv(split.counts),
    ),
  );
  files.set(
    g + "aggregates.ts",
    tsModule(
      "data/aggregates.csv",
      'import type { AggregateFigure } from "../../model/aggregate.ts";',
      "AGGREGATES",
      "AggregateFigure[]",
      aggregatesFromCsv(split.aggregates),
    ),
  );
  files.set(
    g + "seeds.ts",
    tsModule(
      "seeds/situation-report-2018-12.csv",
      'import type { SeedFigure } from "../../model/seed.ts";',
      "SEEDS",
      "SeedFigure[]",
      seedsFromCsv(
        parseCsv(read("seeds/situation-report-2018-12.csv")),
        read("data/sources/situation-report-2018-12.txt"),
      ),
    ),
  );
  return files;
}
