/**
 * `--columns field=column,…`: the column mapping chosen on the command line (the importer's
 * `columns` option), shared by `validate` and `import`.
 */
import { UserError } from "./errors.ts";

/** Help line of the option, the same in every command that takes it. */
export const COLUMNS_HELP = `  --columns <list>       field=column,… read these columns as these fields instead of the
                         detected mapping; a column is its header as written or its 0-based
                         position; field "extra" keeps a column as extra, "ignore" skips it
                         (e.g. --columns direction=sentido_x,fmp_id=2,extra=Observaciones)`;

/**
 * Parses `field=column,field=column`: returns the importer's mapping, column → field. Blank or
 * undefined gives undefined (no mapping). A column name holding `,` cannot be given here (use its
 * position). Throws `UserError` for an item without `=`, or a column given twice.
 * @example parseColumnsOption("direction=sentido_x,extra=3") // => { sentido_x: "direction", "3": "extra" }
 */
export function parseColumnsOption(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || !text.trim()) return undefined;
  const out: Record<string, string> = {};
  for (const item of text.split(",")) {
    if (!item.trim()) continue;
    const at = item.indexOf("=");
    const field = item.slice(0, at).trim();
    const column = item.slice(at + 1).trim();
    if (at < 0 || !field || !column)
      throw new UserError(
        `--columns takes field=column pairs separated by commas (e.g. direction=sentido_x), not "${item.trim()}".`,
      );
    if (out[column] !== undefined && out[column] !== field)
      throw new UserError(
        `--columns gives column "${column}" two fields: ${out[column]} and ${field}.`,
      );
    out[column] = field;
  }
  return Object.keys(out).length ? out : undefined;
}
