/**
 * What the input files held that no figure uses: rows rejected and workbook sheets not read
 * (src/ingest/skipped-sheet.ts), read from the import reports, so that a situation update
 * forwarded without its command-line output still says data was left out.
 */

/** Rows rejected (beyond those of the sheets not read) and sheets with data rows not read. */
export interface LeftOutOfFiles {
  rows: number;
  sheets: number;
}

/** The part of an import report (a table's or a route file's) this reads. */
export interface LeftOutSource {
  readonly rejected: number;
  readonly rejections: readonly { readonly code: string; readonly params?: object }[];
}

/**
 * The rows and sheets the files' import reports reject; undefined when nothing was left out.
 * A skipped sheet's data rows are among `rejected` (one rejection for the sheet): said as the
 * sheet, not again as rows.
 * @example
 * leftOutOfFiles([{ rejected: 11, rejections: [{ code: "sheet_skipped", params: { dataRows: 4 } }] }]);
 * // => { rows: 7, sheets: 1 }
 */
export function leftOutOfFiles(reports: readonly LeftOutSource[]): LeftOutOfFiles | undefined {
  let rows = 0;
  let sheets = 0;
  for (const report of reports) {
    let sheetRows = 0;
    for (const r of report.rejections) {
      if (r.code !== "sheet_skipped") continue;
      sheets++;
      sheetRows += Number((r.params as Record<string, unknown> | undefined)?.["dataRows"] ?? 0);
    }
    rows += Math.max(0, report.rejected - sheetRows);
  }
  return rows || sheets ? { rows, sheets } : undefined;
}
