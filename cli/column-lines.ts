/**
 * The column mapping as lines of text: one line per column (its header, the field it was read as
 * or why not, how it was matched), and each sheet read with its own mapping (`--columns
 * 'Sheet:field=column'`, ImportReport.sheetColumns) under its own heading. `validate` prints them
 * on stdout, `import` on stderr after each file's line, so an analyst sees which column of which
 * sheet became which field before opening the tables.
 */
import { columnHeaderText, columnShown, columnsInWords, madeFromText } from "../src/index.ts";
import type { ColumnMapping, ImportReport, SituationLang } from "../src/index.ts";
import { cliWords } from "./cli-words.ts";

/**
 * A column's name as the reader's language says it: the importer's own column holding the sheet
 * name (`(sheet name)`) is `(nombre de la hoja)` in Spanish; a file's own column as it is.
 * @example madeColumnName("(sheet name)", "es") // => "(nombre de la hoja)"
 */
export function madeColumnName(column: string, lang: SituationLang): string {
  // The library's one rule (the import's issue lines and Spanish reasons say it the same way).
  return columnHeaderText(lang, column);
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
    const shown = c.madeFrom ? columnShown(c) : madeColumnName(c.column, lang);
    if (c.countScope)
      scoped.push(
        `  ${words.countScopeSentence(shown, c.countScope === "place" ? "place" : "point")}`,
      );
    // The time of day of a date column (`Hora` beside `Fecha`): read into observed_at, kept too
    // (ColumnMapping.timeOf), as the time_from_column warning says.
    if (c.timeOf !== undefined)
      return es
        ? `  ${shown} → hora de la observación (observed_at): se añade a la fecha de ${c.timeOf}; también se conserva como extra`
        : `  ${shown} → observed_at time of day: added to the date in ${c.timeOf}; also kept as extra`;
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
