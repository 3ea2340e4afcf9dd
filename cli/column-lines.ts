/**
 * The column mapping as lines of text: one line per column (its header, the field it was read as
 * or why not, how it was matched), and each sheet read with its own mapping (`--columns
 * 'Sheet:field=column'`, ImportReport.sheetColumns) under its own heading. `validate` prints them
 * on stdout, `import` on stderr after each file's line, so an analyst sees which column of which
 * sheet became which field before opening the tables.
 */
import { SHEET_NAME_COLUMN, columnShown, columnsInWords, madeFromText } from "../src/index.ts";
import type { ColumnMapping, ImportReport, SituationLang } from "../src/index.ts";
import { cliWords } from "./cli-words.ts";

/**
 * A column's name as the reader's language says it: the importer's own column holding the sheet
 * name (`(sheet name)`) is `(nombre de la hoja)` in Spanish; a file's own column as it is.
 * @example madeColumnName("(sheet name)", "es") // => "(nombre de la hoja)"
 */
export function madeColumnName(column: string, lang: SituationLang): string {
  return lang === "es" && column === SHEET_NAME_COLUMN ? "(nombre de la hoja)" : column;
}

/**
 * One line per column: the header, its field (or ignored, kept as extra) and how it was matched;
 * then a plain sentence for each count column of one place or one point (read as "at least").
 */
export function columnLines(columns: readonly ColumnMapping[], lang: SituationLang): string[] {
  const es = lang === "es";
  const words = cliWords(lang);
  const ignored = es ? "(se ignora)" : "(ignored)";
  const extra = es ? "(se conserva como extra)" : "(kept as extra)";
  const scoped: string[] = [];
  const lines = columnsInWords(columns, lang).map((c, i) => {
    const how = madeFromText(lang, c) ?? c.how;
    // A column kept as extra says so once: "(kept as extra)", not "(kept as extra) (extra)".
    const keptAsExtra =
      columns[i]!.how === "extra" && c.field === undefined && !c.ignored && how === c.how;
    // The sheet-name column is the importer's, so its label is said in the reader's language.
    const shown =
      es && c.column === SHEET_NAME_COLUMN ? madeColumnName(c.column, lang) : columnShown(c);
    if (c.countScope)
      scoped.push(
        `  ${words.countScopeSentence(shown, c.countScope === "place" ? "place" : "point")}`,
      );
    return `  ${shown}${c.hxl ? ` [${c.hxl}]` : ""} → ${c.field ?? (c.ignored ? ignored : extra)}${keptAsExtra ? "" : ` (${how})`}`;
  });
  return [...lines, ...scoped];
}

/**
 * The mapping of each sheet read with its own (`--columns 'Sheet:…'`): a heading per sheet, then
 * its column lines. Empty when no sheet had its own mapping.
 * The heading is `columns of sheet "Otra":` (`columnas de la hoja «Otra»:`).
 */
export function sheetColumnLines(
  report: Pick<ImportReport, "sheetColumns">,
  lang: SituationLang,
): string[] {
  const lines: string[] = [];
  for (const [sheet, columns] of Object.entries(report.sheetColumns ?? {})) {
    lines.push(lang === "es" ? `columnas de la hoja «${sheet}»:` : `columns of sheet "${sheet}":`);
    lines.push(...columnLines(columns, lang));
  }
  return lines;
}
