/**
 * One rejection or warning of an import report as one line of text, the same in `validate` and in
 * what the analysis commands print while reading their input files. Where the issue is comes from
 * the library's `issueWhere` (the one rule the viewer and the notebook use too), in its words form.
 */
import { issueWhere } from "../src/index.ts";
import type { IssueUnit } from "../src/index.ts";

/** A rejection or warning as the import reports hold them, as far as a line of text needs it. */
export interface IssueLineItem {
  line: number;
  sheet?: string;
  column?: string;
  code: string;
  message: string;
}

/**
 * `  row 9 [Punto] unknown_place: …`, `  Resumen row 9 …`, `  sheet Notas sheet_skipped: …`,
 * `  file …`. A value that swallowed a line break stays on one line.
 * @example issueLine({ line: 4, column: "lugar", code: "unknown_place", message: "…" })
 * // => '  row 4 [lugar] unknown_place: …'
 */
export function issueLine(i: IssueLineItem, unit: IssueUnit = "row"): string {
  const message = i.message.replace(/\r\n|\r|\n/g, "\\n");
  return `  ${issueWhere("en", i, unit)}${i.column ? ` [${i.column}]` : ""} ${i.code}: ${message}`;
}
