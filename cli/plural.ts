/**
 * Counts in the CLI's English messages: the number and its noun, singular for exactly one
 * ("1 warning", "2 warnings", "0 warnings").
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A file's data rows as the analyst counts them: lines of the file, then the count rows they were
 * read as when a line is several rows (a tally's two directions): "4 data rows → 7 count rows".
 * `beyond` is ImportReport.rowsBeyondLines; accepted and rejected count the count rows.
 * @example dataRowsPhrase(7, 3, false); // => "4 data rows → 7 count rows"
 */
export function dataRowsPhrase(rows: number, beyond: number | undefined, es: boolean): string {
  const lines = rows - (beyond ?? 0);
  const said = es ? counted(lines, "fila de datos", "filas de datos") : counted(lines, "data row");
  if (!beyond) return said;
  return `${said} → ${es ? counted(rows, "fila de conteo", "filas de conteo") : counted(rows, "count row")}`;
}
