/**
 * One rejection or warning of an import report as one line of text, the same in `validate` and in
 * what the analysis commands print while reading their input files.
 */

/** A rejection or warning as the import reports hold them. */
export interface IssueLike {
  line: number;
  sheet?: string;
  column?: string;
  code: string;
  message: string;
}

/**
 * `  row 9 [Punto] unknown_place: …`. Line 0 is about a whole sheet or file (a skipped sheet, a
 * point taken from the sheet name), not a row. A value that swallowed a line break stays on one
 * line.
 * @example issueLine({ line: 4, column: "lugar", code: "unknown_place", message: "…" })
 * // => '  row 4 [lugar] unknown_place: …'
 */
export function issueLine(i: IssueLike, unit = "row"): string {
  const where =
    i.line > 0
      ? `${i.sheet ? i.sheet + " " : ""}${unit} ${i.line}`
      : i.sheet
        ? `sheet ${i.sheet}`
        : "file";
  const message = i.message.replace(/\r\n|\r|\n/g, "\\n");
  return `  ${where}${i.column ? ` [${i.column}]` : ""} ${i.code}: ${message}`;
}
