/**
 * A whole table as Excel-ready CSV: contract columns with an optional HXL row (on by default),
 * UTF-8 with BOM, `,` or `;`, formulas neutralised (through `formatCsv`), and optional small-count
 * suppression that adds a `suppressed` column naming the blanked cells of each row.
 */
import type { TableKind } from "../ingest/fields.ts";
import { formatCsv } from "./csv.ts";
import type { CsvOptions } from "./csv.ts";
import { suppressSmallCounts } from "./suppress.ts";
import type { SuppressionSummary } from "./suppress.ts";
import { recordsToRows } from "./tables.ts";
import type { TableRecord } from "./tables.ts";

export interface TableCsvOptions extends Omit<CsvOptions, "columns" | "hxl"> {
  /** Write the HXL hashtag row under the header; default true. */
  hxl?: boolean;
  /** Blank counts from 1 to suppressBelow − 1 (see suppressSmallCounts); default none. */
  suppressBelow?: number;
}

/**
 * Formats records of one kind as CSV.
 * @returns the CSV text and what suppression did (`suppression.applied` is the report flag).
 * @example
 * formatTableCsv("counts", records, { delimiter: ";", suppressBelow: 5 }).text;
 */
export function formatTableCsv(
  kind: TableKind,
  records: readonly TableRecord[],
  options: TableCsvOptions = {},
): { text: string; suppression: SuppressionSummary } {
  const { records: out, summary } = suppressSmallCounts(kind, records, options.suppressBelow);
  const { rows, columns, hxl } = recordsToRows(kind, out);
  if (summary.applied) {
    columns.push("suppressed");
    hxl["suppressed"] = "#meta+suppressed";
    out.forEach((r, i) => {
      const s = (r as { suppressed?: string[] }).suppressed;
      rows[i]!["suppressed"] = s ? s.join(" ") : undefined;
    });
  }
  const text = formatCsv(rows, {
    columns,
    ...(options.hxl === false ? {} : { hxl }),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.bom === false ? { bom: false } : {}),
  });
  return { text, suppression: summary };
}
