/**
 * Records with coordinates as GeoJSON (RFC 7946) Point features; properties are the record's
 * fields without lat/lon. Records without coordinates cannot be drawn: they are counted in the
 * collection's `skipped` member (a foreign member, allowed by RFC 7946 §6.1), not silently lost.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import type { TableKind } from "../ingest/fields.ts";
import { suppressSmallCounts } from "./suppress.ts";
import type { SuppressionSummary } from "./suppress.ts";
import type { TableRecord } from "./tables.ts";

export type RecordsGeoJson = FeatureCollection<Point, Record<string, unknown>> & {
  kind: TableKind;
  /** Records left out because they have no coordinates. */
  skipped: number;
  suppression?: SuppressionSummary;
};

/**
 * Builds a FeatureCollection of Points from records with `lat`/`lon`.
 * @example
 * toGeoJson("sightings", sightings).features[0].geometry.coordinates; // => [lon, lat]
 */
export function toGeoJson(
  kind: TableKind,
  records: readonly TableRecord[],
  options: { suppressBelow?: number } = {},
): RecordsGeoJson {
  const { records: out, summary } = suppressSmallCounts(kind, records, options.suppressBelow);
  const features: Feature<Point, Record<string, unknown>>[] = [];
  let skipped = 0;
  for (const r of out) {
    const { lat, lon, ...props } = r as TableRecord & { lat?: number; lon?: number };
    if (typeof lat !== "number" || typeof lon !== "number") {
      skipped++;
      continue;
    }
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [lon, lat] },
      properties: props as Record<string, unknown>,
    });
  }
  return {
    type: "FeatureCollection",
    kind,
    skipped,
    ...(summary.applied ? { suppression: summary } : {}),
    features,
  };
}
