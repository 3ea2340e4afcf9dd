/**
 * A workbook's summary sheet: the day's totals an analyst adds beside the count sheet (`Resumen`,
 * `Total`, `Resumen general` with `Fecha;Total`). Its figures are sums of the data sheets' rows,
 * not counts at a point, so it is skipped as no data (skipped-sheet.ts, a warning) rather than
 * read as a count point named after the sheet, which rejected every row as an unknown place.
 *
 * A sheet read as counts is a summary when it names no point in a column of its own (its point
 * would be the sheet's name) and its name says so (`Resumen`, `Totales`), while another sheet of
 * the workbook names its points in a column. Only the name decides: a sheet of only a date and a
 * total named like a place (`Tecún Umán`: `Fecha;Total`) is that point's counts, so it is read
 * (its point from the sheet name, warned), never skipped for its columns — nothing lost; a sheet
 * named neither (`Hoja2`) is read too and its rows say why they are not kept. A sheet with a point
 * column is data whatever its name (`Resumen diario` with `Punto`, `Entradas`, `Salidas`); a
 * workbook of one sheet per point (`Tecún Umán`, `Tapachula`, each `Fecha;Total`) has no point
 * column anywhere, so its sheets stay data.
 */
import { normalizeKey } from "./normalize.ts";
import { SHEET_NAME_COLUMN } from "./column-shown.ts";
import type { ColumnMapping } from "./report.ts";

/** Why a sheet is a summary: its name (the only reason; see the module note). */
export type SummaryBy = "name";

/**
 * First words of a summary sheet's name (normalizeKey form): Spanish and English. `Total` and
 * `Totales` with anything after them (`Totales enero`) too.
 */
const SUMMARY_NAME =
  /^(resumen|resumenes|sumario|consolidado|acumulado|total|totales|summary|totals)(_|$)/;

/**
 * Whether a sheet's name says it is a summary.
 * @example summaryByName("Resumen general") // => true
 * @example summaryByName("Tecún Umán") // => false
 */
export function summaryByName(name: string): boolean {
  return SUMMARY_NAME.test(normalizeKey(name));
}

/**
 * Whether a sheet read as counts has only a date and a total, its point taken from the sheet name
 * (the columns of its probe's report).
 */
export function onlyDateAndTotal(columns: readonly ColumnMapping[]): boolean {
  const fields = columns.filter((c) => c.field !== undefined);
  const point = fields.find((c) => c.field === "fmp_name");
  return (
    point?.column === SHEET_NAME_COLUMN &&
    fields.length === 3 &&
    fields.some((c) => c.field === "date") &&
    fields.some((c) => c.field === "total")
  );
}

/**
 * Whether a sheet read as counts names its points in a column of its own (not the sheet name).
 */
export function pointInColumn(columns: readonly ColumnMapping[]): boolean {
  return columns.some(
    (c) => (c.field === "fmp_name" || c.field === "fmp_id") && c.column !== SHEET_NAME_COLUMN,
  );
}

/**
 * Whether a sheet read as counts (its probe's columns) is a summary, and why; undefined when it
 * names its points in a column. The caller checks that another sheet does (see the module note).
 */
export function summaryBy(name: string, columns: readonly ColumnMapping[]): SummaryBy | undefined {
  if (pointInColumn(columns)) return undefined;
  return summaryByName(name) ? "name" : undefined;
}
