/**
 * How a front end names a column of the import report: the file's own header, or, for a column
 * the importer made on a tally (one column per direction or nationality, ColumnMapping.madeFrom),
 * the file's columns it comes from (`Entradas, Salidas`), never the importer's `Sentido`/`Total`.
 */
import type { ColumnMapping } from "./report.ts";

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
