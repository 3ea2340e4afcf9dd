/**
 * `--columns field=column,…`: the column mapping chosen on the command line (the importer's
 * `columns` option), shared by `validate` and `import`.
 */
import { OptionError } from "./option-refusals.ts";

/** Help line of the option, the same in every command that takes it. */
export const COLUMNS_HELP = `  --columns <list>       field=column,… read these columns as these fields instead of the
                         detected mapping; a column is its header as written or its 0-based
                         position; field "extra" keeps a column as extra, "ignore" skips it
                         (e.g. --columns direction=sentido_x,fmp_id=2,extra=Observaciones);
                         Sheet:field=column maps that workbook sheet alone, with the pairs
                         after it (e.g. --columns 'Otra:total=Cuántos pasaron,date=Día')`;

/**
 * Parses `field=column,field=column`: returns the importer's mapping, column → field. Blank or
 * undefined gives undefined (no mapping). A column name holding `,` cannot be given here (use its
 * position). Throws `UserError` for an item without `=`, or a column given twice.
 * @example parseColumnsOption("direction=sentido_x,extra=3") // => { sentido_x: "direction", "3": "extra" }
 */
export function parseColumnsOption(text: string | undefined): Record<string, string> | undefined {
  return columnsOptions(text).columns;
}

/**
 * `--columns` as the importer's options: `columns` (every sheet) and `sheetColumns` (one sheet's
 * own mapping, read instead of `columns` there). A pair `Sheet:field=column` starts the pairs of
 * that sheet: it and the pairs after it belong to the sheet (a sheet name never holds `:` in
 * Excel; a field name never does), so the pairs for every sheet come first.
 * @example
 * columnsOptions("extra=Obs,Otra:total=Cuántos pasaron,date=Día")
 * // => { columns: { Obs: "extra" }, sheetColumns: { Otra: { "Cuántos pasaron": "total", "Día": "date" } } }
 */
export function columnsOptions(text: string | undefined): {
  columns?: Record<string, string>;
  sheetColumns?: Record<string, Record<string, string>>;
} {
  if (text === undefined || !text.trim()) return {};
  const all: Record<string, string> = {};
  const sheets: Record<string, Record<string, string>> = {};
  let out = all;
  for (const item of text.split(",")) {
    if (!item.trim()) continue;
    const at = item.indexOf("=");
    let field = item.slice(0, at).trim();
    const colon = at < 0 ? -1 : field.lastIndexOf(":");
    if (colon >= 0) {
      const sheet = field.slice(0, colon).trim();
      if (!sheet) throw new OptionError({ code: "columns_no_sheet", item: item.trim() });
      out = sheets[sheet] ??= {};
      field = field.slice(colon + 1).trim();
    }
    const column = item.slice(at + 1).trim();
    if (at < 0 || !field || !column)
      throw new OptionError({ code: "columns_pair", item: item.trim() });
    if (out[column] !== undefined && out[column] !== field)
      throw new OptionError({
        code: "columns_two_fields",
        column,
        first: out[column],
        second: field,
      });
    out[column] = field;
  }
  return {
    ...(Object.keys(all).length ? { columns: all } : {}),
    ...(Object.keys(sheets).length ? { sheetColumns: sheets } : {}),
  };
}

/**
 * The sheets a `--columns 'Sheet:…'` prefix names that no file read has (a typo, or a CSV given):
 * their pairs map nothing, which the command says as a warning (cliWords `columnsSheetUnknown`).
 * @example sheetsNotFound({ Otra: { Día: "date" } }, [{ sheets: ["Hoja1"] }]) // => ["Otra"]
 */
export function sheetsNotFound(
  sheetColumns: Record<string, Record<string, string>> | undefined,
  reports: Iterable<{ sheets?: string[] }>,
): string[] {
  if (!sheetColumns) return [];
  const known = new Set<string>();
  for (const r of reports) for (const s of r.sheets ?? []) known.add(s);
  return Object.keys(sheetColumns).filter((s) => !known.has(s));
}
