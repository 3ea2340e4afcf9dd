/**
 * CSV that Excel opens: UTF-8 with a byte-order mark by default, `,` or `;` separated, CRLF line
 * ends, quoted where needed, an optional HXL hashtag row under the header, and cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) neutralised with a
 * leading apostrophe. Numbers are written as numbers (a negative number is not a formula).
 * Blank (undefined/null/NaN) is written as an empty cell, never as 0.
 */

export interface CsvOptions {
  /** Column order; default: the keys of the first row, in order. */
  columns?: string[];
  /** Field separator; default `,`. Use `;` for Excel in locales with a decimal comma. */
  delimiter?: "," | ";" | "\t";
  /** Start with a UTF-8 byte-order mark so Excel reads accents right; default true. */
  bom?: boolean;
  /** HXL hashtags per column, written as a second row (e.g. `{ date: "#date" }`). */
  hxl?: Record<string, string>;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text of one cell: blank for unknown, numbers as numbers, formulas neutralised, quoted if needed. */
export function csvCell(value: unknown, delimiter = ","): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = "'" + text;
  if (text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()) {
    text = '"' + text.replace(/"/g, '""') + '"';
  }
  return text;
}

/**
 * Formats rows as CSV text.
 * @example
 * formatCsv([{ place: "Tapachula", people: 7233 }], { bom: false });
 * // => "place,people\r\nTapachula,7233\r\n"
 */
export function formatCsv(
  rows: readonly Record<string, unknown>[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const lines: string[] = [columns.map((c) => csvCell(c, delimiter)).join(delimiter)];
  if (options.hxl) {
    lines.push(columns.map((c) => csvCell(options.hxl?.[c] ?? "", delimiter)).join(delimiter));
  }
  for (const row of rows)
    lines.push(columns.map((c) => csvCell(row[c], delimiter)).join(delimiter));
  return (options.bom === false ? "" : "\uFEFF") + lines.join("\r\n") + "\r\n";
}

/**
 * Data lines only (no BOM, no header), each ending in CRLF: for writing a large table in batches
 * after a header from `formatCsv([], { columns, hxl })`.
 * @example
 * formatCsvRows([{ a: 1, b: "=x" }], ["a", "b"]); // => "1,'=x\r\n"
 */
export function formatCsvRows(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  delimiter: "," | ";" | "\t" = ",",
): string {
  let out = "";
  for (const row of rows)
    out += columns.map((c) => csvCell(row[c], delimiter)).join(delimiter) + "\r\n";
  return out;
}
