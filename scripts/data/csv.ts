// Small CSV helpers for the data build: parse with papaparse, write plain UTF-8 (no BOM, LF) so
// the committed data files diff cleanly in git. Excel-ready output is src/export/csv.ts's job.
import Papa from "papaparse";

export type Row = Record<string, string>;

/** Parses CSV text with a header row into string records (every cell trimmed of nothing). */
export function parseCsv(text: string): Row[] {
  const result = Papa.parse<Row>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  if (result.errors.length > 0) {
    const e = result.errors[0]!;
    throw new Error(`CSV parse error at row ${e.row ?? "?"}: ${e.message}`);
  }
  return result.data;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as CSV with the given column order; blank for undefined. */
export function writeCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(","));
  return lines.join("\n") + "\n";
}
