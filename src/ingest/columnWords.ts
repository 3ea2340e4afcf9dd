/**
 * The words of the import report's column mapping in Spanish: how each column was recognised
 * (`ColumnMapping.how`) and the input tables' fields (docs/contracts.md §1). English keeps the
 * codes and contract names. One table for every front end: the viewer's column-mapping list and
 * `dtm-flow validate --lang es` read it.
 */
import type { ColumnMapping, MatchHow } from "./report.ts";

/** The languages of the column-mapping words. */
export type ColumnWordsLang = "en" | "es";

/**
 * How a column was recognised (the report's `how`), in Spanish; English keeps the code. Typed by
 * the library's `MatchHow`: a new way of recognising a column fails the typecheck until it has
 * its Spanish words.
 */
const HOW_ES: Record<MatchHow, string> = {
  canonical: "nombre del contrato",
  alias: "alias",
  kobo_prefix: "prefijo de grupo Kobo",
  two_level_header: "encabezado en dos filas",
  hxl: "etiqueta HXL",
  extra: "extra",
  kobo_meta: "metadato de Kobo",
  select_multiple_choice: "opción de selección múltiple",
  question: "pregunta de Kobo",
  user: "asignada por usted",
};

/** The report's `how` of a column in `lang`: the code in English, its words in Spanish. */
export function columnHowText(lang: ColumnWordsLang, how: string): string {
  return lang === "es" && Object.hasOwn(HOW_ES, how) ? HOW_ES[how as MatchHow] : how;
}

/**
 * The input tables' fields (docs/contracts.md §1) in Spanish words, for the column-mapping list:
 * the field's contract name (English, what the file and the CLI use) is shown beside them.
 * tests/viewer/analyst.test.ts checks every field of every kind (`KIND_SPECS`) has its words.
 */
const FIELD_ES: Readonly<Record<string, string>> = {
  record_id: "id del registro",
  sighting_id: "id del avistamiento",
  place_id: "id del lugar",
  date: "fecha",
  observed_at: "fecha y hora de la observación",
  reported_at: "fecha del reporte",
  fmp_id: "código del punto de monitoreo",
  fmp_name: "punto de monitoreo",
  place_name: "lugar",
  place_pcode: "P-código de admin. 2 del lugar",
  country: "país",
  lat: "latitud",
  lon: "longitud",
  geopoint: "punto GPS (latitud y longitud)",
  direction: "dirección",
  total: "total de personas",
  men: "hombres",
  women: "mujeres",
  boys: "niños",
  girls: "niñas",
  uac: "NNA no acompañados",
  nationality: "nacionalidad",
  sex: "sexo (formato largo)",
  age: "edad (formato largo)",
  n: "cantidad (formato largo)",
  caravan_label: "caravana",
  part: "parte del grupo",
  size: "tamaño",
  size_best: "mejor estimación del tamaño",
  size_min: "tamaño mínimo",
  size_max: "tamaño máximo",
  size_approximate: "tamaño aproximado (sí/no)",
  estimate_method: "método de estimación",
  category: "categoría",
  value: "valor",
  basis: "base de la cifra",
  source_type: "tipo de fuente",
  source_org: "organización fuente",
  source: "fuente",
  url: "enlace (URL)",
  confidence: "confianza",
  notes: "observaciones",
  name: "nombre",
  name_es: "nombre en español",
  aliases: "otros nombres",
  adm1_pcode: "P-código de admin. 1",
  adm2_pcode: "P-código de admin. 2",
  kind: "tipo de lugar",
  capacity: "capacidad",
};

/**
 * A field of the column-mapping list in `lang`: its contract name in English; in Spanish its words
 * with the contract name beside them (`tamaño mínimo (size_min)`), so the analyst sees the name
 * the file, the CLI and the docs use.
 */
export function columnFieldText(lang: ColumnWordsLang, field: string): string {
  return lang === "es" && Object.hasOwn(FIELD_ES, field) ? `${FIELD_ES[field]} (${field})` : field;
}

/** Whether `field` has its Spanish words (for the test over every kind's fields). */
export function hasFieldWords(field: string): boolean {
  return Object.hasOwn(FIELD_ES, field);
}

/** A column-mapping entry with its field and `how` in words (`ColumnMapping` otherwise). */
export type ColumnMappingInWords = Omit<ColumnMapping, "field" | "how"> & {
  field?: string;
  how: string;
};

/**
 * The report's columns with their fields and `how` in `lang` (English: as they are).
 * @example
 * columnsInWords([{ index: 0, column: "Sentido", field: "direction", how: "alias" }], "es");
 * // => [{ index: 0, column: "Sentido", field: "dirección (direction)", how: "alias" }]
 */
export function columnsInWords(
  columns: readonly ColumnMapping[],
  lang: ColumnWordsLang,
): ColumnMappingInWords[] {
  return columns.map((c) => ({
    ...c,
    ...(c.field !== undefined ? { field: columnFieldText(lang, c.field) } : {}),
    how: columnHowText(lang, c.how),
  }));
}
