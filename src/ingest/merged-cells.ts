/**
 * Merged cells in an XLSX sheet's data rows: a hand-made count sheet merges a date, point or
 * direction cell down over the rows of one block (one row per nationality); Excel shows the value
 * on every row of the range but keeps it in the top-left cell only. Each merged range below the
 * header is filled with that value, so every row of the block keeps its date and point (tryout24
 * MED-F). Merges in the header rows are left as written: the two-level header reading
 * (headers.ts `mergedHeader`) reads their blanks.
 */
import type { MergedRange, XlsxSheet } from "./xlsx.ts";

/** A sheet with its data rows' merged ranges filled, and the ranges filled (in sheet order). */
export interface FilledSheet {
  sheet: XlsxSheet;
  filled: MergedRange[];
}

/**
 * Fills every merged range whose top row is below `headerRow` (1-based; the sheet's header) with
 * its top-left value, in the cells of the range that are blank. A range whose top-left cell is
 * blank is left alone. The rows given are not changed: the filled rows are copies.
 * @example
 * fillMergedDataCells({ name: "s", rows: [["Fecha"], ["2021-03-01"], [""]],
 *   merges: [{ ref: "A2:A3", top: 1, left: 0, bottom: 2, right: 0 }] }, 1).sheet.rows[2]
 * // => ["2021-03-01"]
 */
export function fillMergedDataCells(sheet: XlsxSheet, headerRow: number): FilledSheet {
  const ranges = (sheet.merges ?? []).filter(
    (m) => m.top >= headerRow && (m.bottom > m.top || m.right > m.left),
  );
  if (!ranges.length) return { sheet, filled: [] };
  const rows = sheet.rows.slice();
  const filled: MergedRange[] = [];
  for (const m of ranges) {
    const value = sheet.rows[m.top]?.[m.left] ?? "";
    if (value === "") continue;
    let any = false;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (rows[r] = rows[r] === sheet.rows[r] ? [...(rows[r] ?? [])] : (rows[r] ?? []));
      for (let c = m.left; c <= m.right; c++) {
        if ((r === m.top && c === m.left) || (row[c] ?? "") !== "") continue;
        while (row.length < c) row.push("");
        row[c] = value;
        any = true;
      }
    }
    if (any) filled.push(m);
  }
  return { sheet: { ...sheet, rows }, filled };
}
