/**
 * How a front end names a column of the import report: the file's own header, or, for a column
 * the importer made on a tally (one column per direction or nationality, ColumnMapping.madeFrom),
 * the file's columns it comes from (`Entradas, Salidas`), never the importer's `Sentido`/`Total`.
 */
import type { ColumnMapping } from "./report.ts";

/**
 * The header of the point column the importer adds to a sheet without one (sheet-plan.ts
 * pointFromSheetName): made by the importer, not in the file, so front ends say it in the
 * reader's language (sheetNameColumnText).
 */
export const SHEET_NAME_COLUMN = "(sheet name)";

/**
 * A column's header as a front end says it in `lang`: the importer's sheet-name column in the
 * reader's words (`(nombre de la hoja)`), any other header as the file writes it.
 * @example columnHeaderText("es", "(sheet name)") // => "(nombre de la hoja)"
 */
export function columnHeaderText(lang: "en" | "es", column: string): string {
  return lang === "es" && column === SHEET_NAME_COLUMN ? "(nombre de la hoja)" : column;
}

/**
 * The file's column(s) a mapping entry reads.
 * @example
 * columnShown({ index: 2, column: "Sentido", field: "direction", how: "alias",
 *   madeFrom: { columns: ["Entradas", "Salidas"], part: "header" } });
 * // => "Entradas, Salidas"
 */
export function columnShown(c: Pick<ColumnMapping, "column" | "madeFrom">): string {
  return c.madeFrom ? c.madeFrom.columns.join(", ") : c.column;
}

/**
 * What of the file's columns a made column reads, in `lang` (undefined for the file's own
 * columns): `header of each column` (the direction or nationality), `cell of each column` (the total).
 */
export function madeFromText(
  lang: "en" | "es",
  c: Pick<ColumnMapping, "madeFrom">,
): string | undefined {
  if (!c.madeFrom) return undefined;
  const header = c.madeFrom.part === "header";
  if (lang === "es") return header ? "encabezado de cada columna" : "celda de cada columna";
  return header ? "header of each column" : "cell of each column";
}

/**
 * The fields whose value as written a column the importer adds keeps (`caravan_label_as_written`
 * keeps the caravan column's label as written), in order of preference: the first the file maps
 * names the column to a reader.
 */
const AS_WRITTEN_OF: Readonly<Record<string, readonly string[]>> = {
  place_name_as_written: ["place_name"],
  fmp_name_as_written: ["fmp_name", "fmp_id"],
  caravan_label_as_written: ["caravan_label"],
  lat_as_written: ["lat", "geopoint"],
  lon_as_written: ["lon", "geopoint"],
  reported_at: ["reported_at"],
};

/**
 * How a front end names an extra column of an output table: for a column the importer adds to keep
 * a value as written (`caravan_label_as_written`), the file's column it comes from; for a made
 * column, the file's columns (columnShown); else the key itself. A user reads their own header,
 * never an internal name.
 * @example
 * extraColumnShown([{ index: 3, column: "Caravana", field: "caravan_label", how: "alias" }],
 *   "caravan_label_as_written");
 * // => "Caravana"
 */
export function extraColumnShown(
  columns: readonly Pick<ColumnMapping, "column" | "field" | "madeFrom">[],
  key: string,
): string {
  for (const field of Object.hasOwn(AS_WRITTEN_OF, key) ? AS_WRITTEN_OF[key]! : []) {
    const c = columns.find((m) => m.field === field);
    if (c) return columnShown(c);
  }
  const own = columns.find((m) => m.column === key && m.madeFrom);
  return own ? columnShown(own) : key;
}
