/**
 * The sentences of the corrections that do not fit the data (`applyCorrections`' problems), in
 * English and Spanish, by code (src/text/codeTable.ts): the CLI's `--corrections` refusal and any
 * front end say a problem in its language from its code and params. The problems of the file's
 * shape (`validateCorrections`, `parseCorrections`: not JSON, a field missing or unknown, a bad
 * date) have codes here too, so a Spanish-speaking analyst reads every refusal in Spanish.
 */
import { codeTableEnglish, codeTableText, type CodeTable } from "../text/codeTable.ts";
import type { TableLang } from "../text/codeTable.ts";

/** The params of each problem's sentence, by code. */
export interface CorrectionProblemParams {
  no_sighting: { id: string };
  no_group: { group: string };
  group_exists: { group: string };
  no_report_from: { group: string; date: string };
  place_unknown: { place: string };
  route_unknown: { routeId: string };
  /**
   * The text is not JSON; `table` when it looks like a CSV table (a header line of commas); `line`
   * and `column` (1-based) where the parser stopped, when its message gives a position.
   */
  not_json: { reason: string; table: boolean; line?: number; column?: number };
  not_an_object: Record<string, never>;
  unknown_top_field: { field: string };
  bad_version: { value: string };
  corrections_not_list: Record<string, never>;
  correction_not_object: Record<string, never>;
  bad_kind: { value: string; kinds: string[] };
  field_unknown: { kind: string; field: string };
  field_missing: { kind: string; field: string };
  field_not_text: { field: string; value: string };
  bad_date: { value: string };
  destination_empty: Record<string, never>;
  merge_self: { group: string };
  bad_at: { value: string };
}

/** A code of a correction that does not fit the data. */
export type CorrectionProblemCode = keyof CorrectionProblemParams;

const SENTENCES: CodeTable<CorrectionProblemParams> = {
  no_sighting: {
    en: (p) => `no sighting has the id "${p.id}".`,
    es: (p) => `ningún avistamiento tiene el id "${p.id}".`,
  },
  no_group: {
    en: (p) => `no group is called "${p.group}".`,
    es: (p) => `ningún grupo se llama "${p.group}".`,
  },
  group_exists: {
    en: (p) => `a group "${p.group}" already exists.`,
    es: (p) => `ya existe un grupo "${p.group}".`,
  },
  no_report_from: {
    en: (p) => `"${p.group}" has no report on or after ${p.date}.`,
    es: (p) => `"${p.group}" no tiene ningún reporte del ${p.date} en adelante.`,
  },
  place_unknown: {
    en: (p) => `the place "${p.place}" is not in the gazetteer.`,
    es: (p) => `el lugar "${p.place}" no está en el nomenclátor.`,
  },
  route_unknown: {
    en: (p) => `no route has the route_id "${p.routeId}".`,
    es: (p) => `ninguna ruta tiene el route_id "${p.routeId}".`,
  },
  not_json: {
    en: (p) =>
      p.table
        ? "it is not JSON: it looks like a CSV table; corrections are a JSON file (docs/contracts.md §4), as the viewer's Evidence panel saves them."
        : `it is not JSON (${p.reason}${p.line !== undefined ? `, near line ${p.line}, column ${p.column}` : ""}).`,
    es: (p) =>
      p.table
        ? "no es JSON: parece una tabla CSV; las correcciones son un archivo JSON (docs/contracts.md §4), como las guarda el panel de evidencia del visor."
        : `no es JSON válido${p.line !== undefined ? ` cerca de la línea ${p.line}, columna ${p.column}` : ""}; revise sus corchetes, comas y comillas.`,
  },
  not_an_object: {
    en: () => "the file must hold a JSON object with version and corrections.",
    es: () => "el archivo debe contener un objeto JSON con version y corrections.",
  },
  unknown_top_field: {
    en: (p) => `unknown field "${p.field}"; expected version and corrections.`,
    es: (p) => `campo desconocido "${p.field}"; se esperan version y corrections.`,
  },
  bad_version: {
    en: (p) => `version must be 1, not ${p.value}.`,
    es: (p) => `version debe ser 1, no ${p.value}.`,
  },
  corrections_not_list: {
    en: () => "corrections must be a list (an empty list is fine).",
    es: () => "corrections debe ser una lista (una lista vacía vale).",
  },
  correction_not_object: {
    en: () => "each correction must be an object with a kind.",
    es: () => "cada corrección debe ser un objeto con un kind.",
  },
  bad_kind: {
    en: (p) => `kind must be one of ${p.kinds.join(", ")}, not ${p.value}.`,
    es: (p) => `kind debe ser uno de ${p.kinds.join(", ")}, no ${p.value}.`,
  },
  field_unknown: {
    en: (p) => `a ${p.kind} correction has no field "${p.field}".`,
    es: (p) => `una corrección ${p.kind} no tiene el campo "${p.field}".`,
  },
  field_missing: {
    en: (p) => `a ${p.kind} correction needs ${p.field} (text).`,
    es: (p) => `a una corrección ${p.kind} le falta ${p.field} (texto).`,
  },
  field_not_text: {
    en: (p) => `${p.field} must be non-empty text, not ${p.value}.`,
    es: (p) => `${p.field} debe ser un texto no vacío, no ${p.value}.`,
  },
  bad_date: {
    en: (p) => `date must be an ISO date (YYYY-MM-DD), not "${p.value}".`,
    es: (p) => `date debe ser una fecha ISO (AAAA-MM-DD), no "${p.value}".`,
  },
  destination_empty: {
    en: () => "a destination correction needs a place, a routeId or both.",
    es: () => "una corrección destination necesita un place, un routeId o ambos.",
  },
  merge_self: {
    en: (p) => `a group cannot be merged into itself ("${p.group}").`,
    es: (p) => `un grupo no se puede fusionar consigo mismo ("${p.group}").`,
  },
  bad_at: {
    en: (p) => `at must be an ISO date-time, not "${p.value}".`,
    es: (p) => `at debe ser una fecha y hora ISO, no "${p.value}".`,
  },
};

/** The English sentence of a problem (its `message`). */
export function correctionProblemEnglish<C extends CorrectionProblemCode>(
  code: C,
  params: CorrectionProblemParams[C],
): string {
  return codeTableEnglish(SENTENCES, code, params);
}

/**
 * A correction problem's sentence in `lang`: from its code and params, else its English message.
 * @example
 * correctionProblemText("es", { code: "no_sighting", params: { id: "S999" }, message: "…" });
 * // => 'ningún avistamiento tiene el id "S999".'
 */
export function correctionProblemText(
  lang: TableLang,
  problem: { code?: string; params?: object; message: string },
): string {
  return codeTableText(SENTENCES, lang, problem);
}
