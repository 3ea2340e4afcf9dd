/**
 * The estimator's warnings in English and Spanish: one sentence per code, made of the values the
 * estimator gives with it (`params`, typed per code in `EstimateWarningParamsByCode`). The
 * estimator writes the English sentence as the warning's `message` (report.json); the command
 * line (`--lang es`) and the viewer say the same warning in Spanish from `code` and `params`.
 * A warning without params (a report.json from before them) is shown as its English message,
 * never half translated.
 */
import { codeTableText, type CodeTable, type CodedLike } from "../text/codeTable.ts";

/** The values of each estimator warning's sentence, by code. */
export interface EstimateWarningParamsByCode {
  /** A report names a place the estimator cannot place (only its size is used). */
  position_unusable: {
    sighting: string;
    place: string;
    /** `no_coordinates`: the place is known but has no lat/lon; `unknown_place`: not known. */
    problem: "no_coordinates" | "unknown_place";
  };
  /** A report's position is off its group's route (only its size is used). */
  off_route: {
    sighting: string;
    route: string;
    /** Distance from the route, km (rounded); absent when it is too far to project at all. */
    offKm?: number;
  };
  /** A report near no route (neither its position nor its size is used). */
  off_every_route: { sighting: string };
  /** A report names a group long before the group's first position. */
  named_too_early: {
    sighting: string;
    group: string;
    /** Days between the report and the group's first position. */
    days: number;
    /** ISO date of the group's first position. */
    firstDate: string;
    /** The most days a track is written back before its first position. */
    maxDays: number;
  };
  /** A route seems drawn against the direction of travel. */
  route_backwards: {
    route: string;
    /** Group labels whose reports go backwards. */
    groups: string[];
    /** True when the route's unlabelled reports, taken together, go backwards too (named last). */
    unlabelled?: boolean;
    reports: number;
    /** km along the route of the first and last report (by date), rounded. */
    firstKm: number;
    lastKm: number;
  };
}

/** Codes of the estimator's warnings (see `EstimateReport.warnings`). */
export type EstimateWarningCode = keyof EstimateWarningParamsByCode;

/** The values of any estimator warning's sentence. */
export type EstimateWarningParams = EstimateWarningParamsByCode[EstimateWarningCode];

/** The languages the estimator's warnings are said in. */
export type EstimateWarningLang = "en" | "es";

const kmEn = (x: number) => x.toLocaleString("en-US");
const kmEs = (x: number) => x.toLocaleString("es-MX");

/** The groups of a backward route in English ("C1", "2 groups (C1, C2)"). */
function groupsEn(p: EstimateWarningParamsByCode["route_backwards"]): string {
  const names = [...p.groups, ...(p.unlabelled ? ["unlabelled reports"] : [])];
  return names.length === 1 ? names[0]! : `${names.length} groups (${names.join(", ")})`;
}

/** The groups of a backward route in Spanish ("de C1", "de 2 grupos (C1, C2)"). */
function groupsEs(p: EstimateWarningParamsByCode["route_backwards"]): string {
  const names = [...p.groups, ...(p.unlabelled ? ["los reportes sin grupo"] : [])];
  return names.length === 1 ? names[0]! : `${names.length} grupos (${names.join(", ")})`;
}

/** One sentence per code and language: the one table of the estimator's warnings' words. */
export const ESTIMATE_WARNING_SENTENCES: CodeTable<EstimateWarningParamsByCode> = {
  position_unusable: {
    en: (p) =>
      `${p.sighting}: place "${p.place}" ${p.problem === "no_coordinates" ? "has no coordinates in the gazetteer" : "is not in the gazetteer"}; only its size is used.`,
    es: (p) =>
      `${p.sighting}: el lugar «${p.place}» ${p.problem === "no_coordinates" ? "no tiene coordenadas en el nomenclátor" : "no está en el nomenclátor"}; solo se usa su tamaño.`,
  },
  off_route: {
    en: (p) =>
      `${p.sighting}: ${p.offKm !== undefined ? `${p.offKm} km` : "too far"} off route ${p.route}; only its size is used.`,
    es: (p) =>
      `${p.sighting}: ${p.offKm !== undefined ? `a ${kmEs(p.offKm)} km de` : "demasiado lejos de"} la ruta ${p.route}; solo se usa su tamaño.`,
  },
  off_every_route: {
    en: (p) => `${p.sighting}: off every route; size not used (no group).`,
    es: (p) => `${p.sighting}: lejos de todas las rutas; no se usa su tamaño (sin grupo).`,
  },
  named_too_early: {
    en: (p) =>
      `${p.sighting}: names group "${p.group}" ${p.days} days before its first position (${p.firstDate}), more than ${p.maxDays}; the track is not written back to it (its size is still used).`,
    es: (p) =>
      `${p.sighting}: nombra al grupo «${p.group}» ${p.days} días antes de su primera posición (${p.firstDate}), más de ${p.maxDays}; la trayectoria no se extiende hasta ese reporte (su tamaño sí se usa).`,
  },
  route_backwards: {
    en: (p) =>
      `route "${p.route}" seems drawn against the direction of travel: the dated reports of ` +
      `${groupsEn(p)} go backwards along it (${p.reports} reports, first at km ${kmEn(p.firstKm)}, last at ` +
      `km ${kmEn(p.lastKm)}). Routes are drawn from where the groups start to where they go: reverse ` +
      `the order of the line's coordinates and run again; positions on this route are not usable ` +
      `as drawn.`,
    es: (p) =>
      `la ruta «${p.route}» parece trazada en sentido contrario al del viaje: los reportes fechados de ` +
      `${groupsEs(p)} retroceden a lo largo de ella (${p.reports} reportes, el primero en el km ${kmEs(p.firstKm)}, el último en el ` +
      `km ${kmEs(p.lastKm)}). Las rutas se trazan desde donde salen los grupos hacia donde van: invierta ` +
      `el orden de las coordenadas de la línea y vuelva a calcular; las posiciones en esta ruta no se pueden usar ` +
      `tal como está trazada.`,
  },
};

/** What is read of an estimator warning (report.json `warnings[]`, the viewer's replay). */
export interface EstimateWarningLike extends CodedLike {
  code: string;
}

/**
 * An estimator warning's sentence in `lang`: from its code and params, or its English message
 * when it has no params or a code not known here.
 * @example
 * estimateWarningText("es", { code: "off_route", message: "u1: 280 km off route main; …",
 *   params: { sighting: "u1", route: "main", offKm: 280 } });
 * // => "u1: a 280 km de la ruta main; solo se usa su tamaño."
 */
export function estimateWarningText(lang: EstimateWarningLang, w: EstimateWarningLike): string {
  return codeTableText(ESTIMATE_WARNING_SENTENCES, lang, w);
}
