/**
 * The sentences of the corrections that do not fit the data (`applyCorrections`' problems), in
 * English and Spanish, by code (src/text/codeTable.ts): the CLI's `--corrections` refusal and any
 * front end say a problem in its language from its code and params. A problem of the file's shape
 * (`validateCorrections`) has no code: its English message is said as it is.
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
