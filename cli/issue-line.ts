/**
 * One rejection or warning of an import report as one line of text, the same in `validate` and in
 * what the analysis commands print while reading their input files. Where the issue is comes from
 * the library's `issueWhere` (the one rule the viewer and the notebook use too), in its words form.
 */
import { columnHeaderText, issueReason, issueWhere } from "../src/index.ts";
import { cliWords } from "./cli-words.ts";
import type { IssueLang, IssueParams, IssueUnit } from "../src/index.ts";

/** A rejection or warning as the import reports hold them, as far as a line of text needs it. */
export interface IssueLineItem {
  line: number;
  sheet?: string;
  column?: string;
  code: string;
  message: string;
  value?: string;
  suggestions?: string[];
  params?: IssueParams;
}

/**
 * `  row 9 [Punto] unknown_place: …`, `  Resumen row 9 …`, `  sheet Notas sheet_skipped: …`,
 * `  file …`. A value that swallowed a line break stays on one line.
 * @example issueLine({ line: 4, column: "lugar", code: "unknown_place", message: "…" })
 * // => '  row 4 [lugar] unknown_place: …'
 */
export function issueLine(
  i: IssueLineItem,
  unit: IssueUnit = "row",
  lang: IssueLang = "en",
): string {
  // In Spanish the reason is said again from the issue's code and values (the viewer's words).
  const said = lang === "es" ? issueReason("es", i, "cli") : i.message;
  const message = (said + sheetHint(i, lang)).replace(/\r\n|\r|\n/g, "\\n");
  const column = i.column ? ` [${columnHeaderText(lang, i.column)}]` : "";
  return `  ${issueWhere(lang, i, unit)}${column} ${i.code}: ${message}`;
}

/** Why a sheet's header cannot be read, when `--columns` on that sheet alone would fix it. */
const MAPPABLE_REASONS = new Set(["missing_column", "unknown_column"]);

/**
 * After a workbook sheet not read because its header lacks a column (or the mapping names one it
 * lacks): the CLI's way to map that sheet alone (`--columns 'Otra:total=…'`); "" otherwise.
 */
function sheetHint(i: IssueLineItem, lang: IssueLang): string {
  const p = i.params;
  if (i.code !== "sheet_skipped" || !p || p["sheet"] === undefined) return "";
  if (!MAPPABLE_REASONS.has(String(p["reason"] ?? ""))) return "";
  return cliWords(lang).sheetColumnsHint(String(p["sheet"]));
}
