/**
 * Column mapping by hand, for the import notebook: the analyst says which field a column holds
 * (or that it is no field at all), and the table is re-imported with that mapping.
 *
 * The importer (src/ingest) decides the mapping from the header itself and has no option to
 * override it, so the override is written into the header: a column given a field gets the
 * field's canonical name (canonical names match before any alias, so the importer takes it),
 * and a column that is no field gets the neutral name `column_N` (N = its 1-based position),
 * which matches nothing and is kept as an extra attribute. Every other cell is left as it was:
 * the rows, their line numbers and the import report stay comparable with the first import.
 */
import Papa from "papaparse";

/** The canonical column names of each table kind (docs/contracts.md §1, as the importer names them). */
export const CANONICAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  counts: [
    "date",
    "fmp_id",
    "fmp_name",
    "country",
    "lat",
    "lon",
    "geopoint",
    "direction",
    "total",
    "men",
    "women",
    "boys",
    "girls",
    "uac",
    "nationality",
    "source_org",
    "url",
    "notes",
    "record_id",
    "sex",
    "age",
    "n",
  ],
  sightings: [
    "observed_at",
    "reported_at",
    "place_name",
    "lat",
    "lon",
    "geopoint",
    "country",
    "caravan_label",
    "size",
    "size_best",
    "size_min",
    "size_max",
    "estimate_method",
    "source_type",
    "source_org",
    "url",
    "confidence",
    "notes",
    "sighting_id",
  ],
  stocks: [
    "date",
    "category",
    "value",
    "basis",
    "country",
    "place_name",
    "caravan_label",
    "nationality",
    "source_org",
    "source_type",
    "url",
    "confidence",
    "notes",
  ],
  places: [
    "place_id",
    "name",
    "aliases",
    "country",
    "adm1_pcode",
    "adm2_pcode",
    "lat",
    "lon",
    "geopoint",
    "kind",
    "capacity",
    "source",
  ],
};

/** What the analyst decided for one column: a field name, or `null` for "no field (extra)". */
export type ColumnChoice = string | null;

/**
 * Rewrites the header row of a delimited text so that the importer maps columns as chosen.
 *
 * @param text the decoded file (e.g. `decodeBytes(bytes).text`).
 * @param headerRow 1-based row of the header, as the import report gives it (`report.headerRow`).
 * @param delimiter the field separator (`report.delimiter`).
 * @param choices by 0-based column index: the field it holds, or `null` for none. Columns not
 *   listed keep their header.
 * @param currentFields by 0-based column index, the field the importer gave each column
 *   (`report.columns[i].field`); a column that held a field now chosen for another column is
 *   renamed `column_N`, so that each field is read from one column only.
 * @returns `text`: the file with only its header row changed (unchanged when `headerRow` is past
 *   the end); `renamed`: each new header name → the header it replaced, for
 *   {@link restoreColumnNames}.
 * @example
 * remapColumns("fecha;sitio;total\n2018-10-20;GT-TEC;5", 1, ";", { 1: "fmp_id" });
 * // => { text: "fecha;fmp_id;total\n2018-10-20;GT-TEC;5", renamed: { fmp_id: "sitio" } }
 */
export function remapColumns(
  text: string,
  headerRow: number,
  delimiter: string,
  choices: Readonly<Record<number, ColumnChoice>>,
  currentFields: readonly (string | undefined)[] = [],
): { text: string; renamed: Record<string, string> } {
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const parts = splitRow(text, newline, headerRow);
  if (!parts) return { text, renamed: {} };
  const header = Papa.parse<string[]>(parts.row, { delimiter }).data[0] ?? [];
  const chosen = new Set(Object.values(choices).filter((f): f is string => f !== null));
  const renamed = header.map((cell, i) => {
    const choice = choices[i];
    if (choice !== undefined) return choice ?? `column_${i + 1}`;
    const field = currentFields[i];
    return field !== undefined && chosen.has(field) ? `column_${i + 1}` : cell;
  });
  const names: Record<string, string> = {};
  renamed.forEach((name, i) => {
    if (name !== header[i]) names[name] = header[i]!;
  });
  return {
    text: parts.before + Papa.unparse([renamed], { delimiter, newline }) + parts.after,
    renamed: names,
  };
}

/** The parts of an import result that name columns (a subset of the toolkit's ImportResult). */
export interface NamedColumns {
  records: { extra?: Record<string, string> }[];
  report: {
    columns: { column: string }[];
    extraColumns: string[];
    rejections: { column?: string }[];
    warnings: { column?: string }[];
  };
}

/**
 * Gives the columns renamed by {@link remapColumns} their names from the file back, in the
 * report (mapping, extra columns, rejections, warnings) and in the records' extra attributes,
 * so the analyst sees the headers of their own file. Changes `result` in place and returns it.
 */
export function restoreColumnNames<T extends NamedColumns>(
  result: T,
  renamed: Readonly<Record<string, string>>,
): T {
  const back = (name: string) => renamed[name] ?? name;
  const { report } = result;
  for (const c of report.columns) c.column = back(c.column);
  report.extraColumns = report.extraColumns.map(back);
  for (const issue of [...report.rejections, ...report.warnings]) {
    if (issue.column !== undefined) issue.column = back(issue.column);
  }
  for (const record of result.records) {
    if (!record.extra) continue;
    record.extra = Object.fromEntries(Object.entries(record.extra).map(([k, v]) => [back(k), v]));
  }
  return result;
}

/** Splits `text` around its `row`-th row (1-based), honouring quoted newlines. */
function splitRow(
  text: string,
  newline: string,
  row: number,
): { before: string; row: string; after: string } | undefined {
  let start = 0;
  let current = 1;
  let inQuotes = false;
  for (let i = 0; i <= text.length; i++) {
    const end = i === text.length;
    if (!end && text[i] === '"') inQuotes = !inQuotes;
    else if (end || (!inQuotes && text.startsWith(newline, i))) {
      if (current === row) {
        return { before: text.slice(0, start), row: text.slice(start, i), after: text.slice(i) };
      }
      if (end) break;
      current++;
      start = i + newline.length;
      i += newline.length - 1;
    }
  }
  return undefined;
}
