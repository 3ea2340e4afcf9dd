/**
 * The four input tables written back out (docs/contracts.md §1): canonical snake_case columns in contract
 * order, each with its HXL hashtag (docs/import.md#exports), then any extra attributes the records
 * carry. Output of these functions imports back to the same records (tested).
 */
import { orderExtraColumns } from "../ingest/extra-columns.ts";
import type { CountRecord } from "../model/count.ts";
import type { Place } from "../model/place.ts";
import type { Sighting } from "../model/sighting.ts";
import type { StockFigure } from "../model/stock.ts";
import type { TableKind } from "../ingest/fields.ts";

/** One output column: its name, HXL hashtag and the record property it reads. */
export interface TableColumn {
  name: string;
  hxl: string;
  key: string;
  /** A count of people (subject to small-count suppression). */
  count?: boolean;
}

const col = (name: string, hxl: string, key: string, count = false): TableColumn => ({
  name,
  hxl,
  key,
  ...(count ? { count } : {}),
});

/** Columns per kind, in contract order. */
export const TABLE_COLUMNS: Record<TableKind, TableColumn[]> = {
  counts: [
    col("date", "#date+occurred", "date"),
    col("fmp_id", "#loc+code", "fmpId"),
    col("fmp_name", "#loc+name", "fmpName"),
    col("country", "#country+code", "country"),
    col("lat", "#geo+lat", "lat"),
    col("lon", "#geo+lon", "lon"),
    col("direction", "#x_direction", "direction"),
    col("total", "#affected+ind", "total", true),
    col("men", "#affected+ind+m+adults", "men", true),
    col("women", "#affected+ind+f+adults", "women", true),
    col("boys", "#affected+ind+m+children", "boys", true),
    col("girls", "#affected+ind+f+children", "girls", true),
    col("uac", "#affected+ind+children+unaccompanied", "uac", true),
    col("nationality", "#country+code+nationality", "nationality"),
    col("source_org", "#org+name", "sourceOrg"),
    col("url", "#meta+url", "url"),
    col("notes", "#description", "notes"),
  ],
  sightings: [
    col("sighting_id", "#meta+id", "id"),
    col("observed_at", "#date+occurred", "observedAt"),
    col("place_name", "#loc+name", "placeName"),
    col("lat", "#geo+lat", "lat"),
    col("lon", "#geo+lon", "lon"),
    col("country", "#country+code", "country"),
    col("caravan_label", "#event+name", "caravanLabel"),
    col("size_best", "#affected+ind+best", "sizeBest", true),
    col("size_min", "#affected+ind+min", "sizeMin", true),
    col("size_max", "#affected+ind+max", "sizeMax", true),
    col("size_approximate", "#x_approximate", "sizeApproximate"),
    col("estimate_method", "#x_method", "estimateMethod"),
    col("source_type", "#meta+source", "sourceType"),
    col("source_org", "#org+name", "sourceOrg"),
    col("url", "#meta+url", "url"),
    col("confidence", "#x_confidence", "confidence"),
    col("notes", "#description", "notes"),
  ],
  stocks: [
    col("date", "#date+reported", "date"),
    col("category", "#x_category", "category"),
    col("value", "#affected+ind", "value", true),
    col("basis", "#x_basis", "basis"),
    col("country", "#country+code", "country"),
    col("place_name", "#loc+name", "placeName"),
    col("caravan_label", "#event+name", "caravanLabel"),
    col("nationality", "#country+code+nationality", "nationality"),
    col("source_org", "#org+name", "sourceOrg"),
    col("source_type", "#meta+source", "sourceType"),
    col("url", "#meta+url", "url"),
    col("confidence", "#x_confidence", "confidence"),
    col("notes", "#description", "notes"),
  ],
  places: [
    col("place_id", "#loc+code", "placeId"),
    col("name", "#loc+name", "name"),
    col("name_es", "#loc+name+i_es", "nameEs"),
    col("aliases", "#loc+name+alt", "aliases"),
    col("country", "#country+code", "country"),
    col("adm1_pcode", "#adm1+code", "adm1Pcode"),
    col("adm2_pcode", "#adm2+code", "adm2Pcode"),
    col("lat", "#geo+lat", "lat"),
    col("lon", "#geo+lon", "lon"),
    col("kind", "#x_kind", "kind"),
    col("capacity", "#capacity+ind", "capacity"),
    col("source", "#meta+source", "source"),
  ],
};

/** Records of any table kind. */
export type TableRecord = CountRecord | Sighting | StockFigure | Place;

/**
 * Flattens records to rows keyed by output column: contract columns, then one column per extra
 * attribute (in first-seen order). Blank stays blank (undefined), never 0.
 * @returns the rows, the column order, and the HXL hashtag of each column.
 */
export function recordsToRows(
  kind: TableKind,
  records: readonly TableRecord[],
): { rows: Record<string, unknown>[]; columns: string[]; hxl: Record<string, string> } {
  const spec = TABLE_COLUMNS[kind];
  const names = new Set(spec.map((c) => c.name));
  const extraColumns: string[] = [];
  const seenExtra = new Set<string>();
  for (const r of records) {
    const extra = (r as { extra?: Record<string, string> }).extra;
    if (!extra) continue;
    for (const k of Object.keys(extra)) {
      if (!seenExtra.has(k) && !names.has(k)) {
        seenExtra.add(k);
        extraColumns.push(k);
      }
    }
  }
  const rows = records.map((r) => {
    const row: Record<string, unknown> = {};
    const rec = r as unknown as Record<string, unknown>;
    for (const c of spec) {
      const v = rec[c.key];
      row[c.name] = Array.isArray(v) ? v.join("|") : v;
    }
    const extra = rec["extra"] as Record<string, string> | undefined;
    for (const k of extraColumns) row[k] = extra?.[k];
    return row;
  });
  const hxl: Record<string, string> = {};
  for (const c of spec) hxl[c.name] = c.hxl;
  return { rows, columns: [...spec.map((c) => c.name), ...orderExtraColumns(extraColumns)], hxl };
}

/**
 * One record as a row keyed by output column (contract columns, then the given extra columns).
 * Faster than `recordsToRows` for streaming, where the extra columns are known in advance.
 */
export function recordToRow(
  kind: TableKind,
  record: TableRecord,
  extraColumns: readonly string[] = [],
): Record<string, unknown> {
  const rec = record as unknown as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const c of TABLE_COLUMNS[kind]) {
    const v = rec[c.key];
    row[c.name] = Array.isArray(v) ? v.join("|") : v;
  }
  const extra = rec["extra"] as Record<string, string> | undefined;
  if (extra) for (const k of extraColumns) row[k] = extra[k];
  return row;
}
