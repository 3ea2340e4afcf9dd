/**
 * Records as JSON: camelCase fields as in the domain model (the DTM API style), blank values left
 * out (never written as 0), with the suppression note when small counts were blanked.
 */
import type { TableKind } from "../ingest/fields.ts";
import { suppressSmallCounts } from "./suppress.ts";
import type { SuppressionSummary } from "./suppress.ts";
import type { TableRecord } from "./tables.ts";

export interface TableJson {
  kind: TableKind;
  /** Present when suppression was asked for. */
  suppression?: SuppressionSummary;
  records: TableRecord[];
}

/**
 * Formats records as a JSON document `{ kind, suppression?, records }`.
 * @param options.suppressBelow blank counts from 1 to suppressBelow − 1; default none.
 * @param options.indent spaces of indentation; default 2.
 * @example
 * JSON.parse(formatTableJson("stocks", stocks)).records.length; // => stocks.length
 */
export function formatTableJson(
  kind: TableKind,
  records: readonly TableRecord[],
  options: { suppressBelow?: number; indent?: number } = {},
): string {
  const { records: out, summary } = suppressSmallCounts(kind, records, options.suppressBelow);
  const doc: TableJson = {
    kind,
    ...(summary.applied ? { suppression: summary } : {}),
    records: out,
  };
  return JSON.stringify(doc, null, options.indent ?? 2) + "\n";
}
