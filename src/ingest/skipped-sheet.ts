/**
 * A workbook sheet that is not read, said as such: a sheet holding data rows (a second table the
 * first sheet's kind cannot read) is one rejection whose row count joins the rejected rows, so
 * `validate` exits 1 and every command that reads the file prints it with the rejected rows; a
 * sheet without data rows (notes, lists, a Kobo repeat group read through its main sheet) is a
 * warning. Either way its reason is the one the sheet's probe gave, not a guess.
 */
import type { ImporterCore } from "./import-core.ts";
import type { XlsxSheet } from "./xlsx.ts";
import type { Fatal } from "./sheet-plan.ts";
import { HEAD_ROWS } from "./sheet-reader.ts";
import type { SummaryBy } from "./summary-sheet.ts";

/**
 * Why a sheet was not read: a Kobo repeat group beside its main sheet, a summary sheet beside
 * the data sheets (summary-sheet.ts: by its name), or its probe's refusal.
 */
export type SkipReason =
  { repeat: true } | { summary: SummaryBy } | { repeat: false; fatal?: Fatal };

/** A Total row's first written cell (`Total`, `TOTAL GENERAL`, `Totales`): no data row. */
const TOTAL_ROW = /^\s*(total|totales|suma)\b/i;

/**
 * The data rows of a sheet that is not read: the written rows below its first row of two cells
 * or more (its header, or the nearest thing to one), Total rows left out.
 * @example
 * sheetDataRows({ name: "R", rows: [["Resumen"], ["Fecha", "Punto"], ["1/1/2018", "X"], ["Total", "", "4"]] }); // => 1
 */
export function sheetDataRows(sheet: XlsxSheet): number {
  const written = (row: readonly string[]) => row.filter((c) => c.trim() !== "");
  const header = sheet.rows.findIndex((row) => written(row).length >= 2);
  if (header < 0) return 0;
  return sheet.rows
    .slice(header + 1)
    .filter((row) => written(row).length > 0 && !TOTAL_ROW.test(written(row)[0]!)).length;
}

/** Records a sheet that is not read (see the module note). */
export function noteSkippedSheet(core: ImporterCore, sheet: XlsxSheet, why: SkipReason): void {
  const name = sheet.name;
  if ("summary" in why) {
    // The day's totals beside the data sheets: no data of its own, so no rejected rows.
    const rows = sheetDataRows(sheet);
    const said = "a summary sheet (its name says so)";
    const what = rows === 1 ? "its 1 row is" : `its ${rows} rows are`;
    core.warn(
      {
        line: 0,
        code: "sheet_skipped",
        message: `sheet "${name}" skipped: ${said}, not data; ${what} not read (rename the sheet, or give it a point column, if it holds counts of its own).`,
        params: { sheet: name, rows: HEAD_ROWS, summary: why.summary, summaryRows: rows },
      },
      name,
    );
    return;
  }
  if (why.repeat) {
    core.warn(
      {
        line: 0,
        code: "sheet_skipped",
        message: `sheet "${name}" skipped: a Kobo repeat group (its rows belong to the submissions of the main sheet through _parent_index), not a table of its own.`,
        params: { sheet: name, rows: HEAD_ROWS, repeat: 1 },
      },
      name,
    );
    return;
  }
  const dataRows = sheetDataRows(sheet);
  if (!dataRows) {
    // No table at all (notes, a list): no header is the whole story.
    core.warn(
      {
        line: 0,
        code: "sheet_skipped",
        message: `sheet "${name}" skipped: no usable header in its first ${HEAD_ROWS} rows.`,
        params: { sheet: name, rows: HEAD_ROWS },
      },
      name,
    );
    return;
  }
  // A table the probe refused: its own reason (a counts sheet beside sightings, a header the
  // kind cannot read), not "no usable header".
  const reason = why.fatal
    ? why.fatal.message.replace(/\.$/, "")
    : `no usable header in its first ${HEAD_ROWS} rows`;
  const reasonParams = why.fatal
    ? { ...why.fatal.params, reason: why.fatal.code, reasonText: why.fatal.message }
    : {};
  const rows = dataRows === 1 ? "its 1 data row is" : `its ${dataRows} data rows are`;
  core.report.dataRows += dataRows;
  core.report.rejected += dataRows;
  core.reject(
    {
      line: 0,
      code: "sheet_skipped",
      message: `sheet "${name}" not read: ${reason}; ${rows} counted as rejected.`,
      params: { ...reasonParams, sheet: name, rows: HEAD_ROWS, dataRows },
    },
    name,
  );
}
