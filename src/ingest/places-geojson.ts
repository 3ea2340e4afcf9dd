/**
 * A places file written as GeoJSON: a FeatureCollection of Points (a QGIS export, or the places
 * the viewer and `toGeoJson` write). Each Point feature is one place: its properties are read as
 * a places table's columns (`name`/`nombre`, `placeId`/`id`, `kind`/`tipo`, `country`/`pais`, …,
 * through the importer's header aliases; camelCase record keys such as `placeId`, `adm1Pcode`
 * as their contract columns), its coordinates as lat/lon. Every feature is accepted or reported
 * with its number (`line` = the feature's 1-based position) and the reason (tryout24 MED-G).
 */
import { formatCsv } from "../export/csv.ts";
import { importTable } from "./importer.ts";
import type { ImportOptions, ImportResult } from "./import-options.ts";
import type { Rejection } from "./report.ts";

/** What a JSON text is, for a file given as places: a GeoJSON FeatureCollection or not. */
export function looksLikeGeoJson(text: string): boolean {
  return /^\s*\{/.test(text.replace(/^\uFEFF/, ""));
}

/** `placeId` → `place_id`, `adm1Pcode` → `adm1_pcode`; other keys as written. */
function columnOf(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** A property value as a table cell: a list joined with `;` (the aliases' separator). */
function cellOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellOf).join(";");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

interface FeatureLike {
  type?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/**
 * Imports a GeoJSON places file: the Point features as places (see the module comment), each
 * other feature rejected with its number and why. A text that is not a FeatureCollection is a
 * fatal report (`not_geojson`) with one sentence.
 * @example
 * importPlacesGeoJson('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-91.42,17.47]},"properties":{"nombre":"Tenosique"}}]}').records.length // => 1
 */
export function importPlacesGeoJson(
  text: string,
  options: Omit<ImportOptions, "kind"> = {},
): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    json = undefined;
  }
  const features = (json as { type?: unknown; features?: unknown } | undefined)?.features;
  if (
    (json as { type?: unknown } | undefined)?.type !== "FeatureCollection" ||
    !Array.isArray(features)
  ) {
    const empty = importTable("", { ...options, kind: "places" });
    empty.report.fatal = {
      code: "not_geojson",
      message:
        "is not a GeoJSON FeatureCollection: a places file in GeoJSON holds one Point feature per place (else give a CSV with name, lat, lon).",
    };
    return empty;
  }
  const rows: Record<string, string>[] = [];
  // Row i + 2 of the table (after its header) is the feature numbered featureOf[i].
  const featureOf: number[] = [];
  const refused: Rejection[] = [];
  (features as FeatureLike[]).forEach((f, i) => {
    const g = f?.geometry;
    const c = g?.coordinates;
    if (
      f?.type !== "Feature" ||
      g?.type !== "Point" ||
      !Array.isArray(c) ||
      typeof c[0] !== "number" ||
      typeof c[1] !== "number"
    ) {
      const what =
        f?.type !== "Feature"
          ? "not a Feature"
          : `a ${String(g?.type ?? "feature without geometry")}`;
      refused.push({
        line: i + 1,
        code: f?.type !== "Feature" ? "not_a_feature" : "invalid_coordinate",
        message: `feature ${i + 1} is ${what}, not a Point with [lon, lat]: a places file holds one Point per place.`,
      });
      return;
    }
    const row: Record<string, string> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) row[columnOf(k)] = cellOf(v);
    row["lat"] = String(c[1]);
    row["lon"] = String(c[0]);
    rows.push(row);
    featureOf.push(i + 1);
  });
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const csv = rows.length ? formatCsv(rows, { columns, bom: false }) : "name,lat,lon\r\n";
  const result = importTable(csv, { ...options, kind: "places", kindSaid: "places" });
  const report = result.report;
  // The table's row numbers (header = row 1) as the features' numbers.
  const renumber = <T extends { line: number }>(x: T): T =>
    x.line >= 2 ? { ...x, line: featureOf[x.line - 2] ?? x.line } : x;
  report.rejections = [...refused, ...report.rejections.map(renumber)].sort(
    (a, b) => a.line - b.line,
  );
  report.warnings = report.warnings.map(renumber);
  report.rejected += refused.length;
  report.dataRows += refused.length;
  report.rowsRead += refused.length;
  report.encoding = "text";
  delete report.headerRow;
  return result;
}
