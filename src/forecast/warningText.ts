/**
 * The forecast's warnings in English and Spanish: one sentence per code, made of the values the
 * forecast gives with it (`params`, typed per code in `ForecastWarningParamsByCode`). The forecast
 * writes the English sentence as the warning's `message` (forecast.json); `forecast --lang es`
 * says the same warning in Spanish from `code` and `params`. A warning without params (a
 * forecast.json from before them) is shown as its English message, never half translated.
 */
import {
  codeTableEnglish,
  codeTableText,
  type CodeTable,
  type CodedLike,
} from "../text/codeTable.ts";

/** The values of each forecast warning's sentence, by code. */
export interface ForecastWarningParamsByCode {
  /** The group's route is not among the places and routes given: no arrivals are forecast. */
  route_not_in_corridor: { group: string; route: string };
  /** The group is past every place on its route: no arrivals are forecast. */
  no_place_ahead: {
    group: string;
    route: string;
    /** The group's median km along its route on the as-of day (rounded). */
    km: number;
  };
  /** No source gave the group's size: its arrivals and positions have no people figures. */
  size_unknown: { group: string };
  /**
   * The group was last observed more than `maxDays` before the as-of date and is left out of the
   * forecast (the command line's check of stale groups).
   */
  group_stale: {
    group: string;
    /** ISO date of its last observation. */
    lastDate: string;
    /** Days from its last observation to the as-of day. */
    days: number;
    maxDays: number;
  };
}

/** Codes of the forecast's warnings. */
export type ForecastWarningCode = keyof ForecastWarningParamsByCode;

/** The languages the forecast's warnings are said in. */
export type ForecastWarningLang = "en" | "es";

const kmEn = (x: number) => x.toLocaleString("en-US");
const kmEs = (x: number) => x.toLocaleString("es-MX");

/** One sentence per code and language: the one table of the forecast's warnings' words. */
export const FORECAST_WARNING_SENTENCES: CodeTable<ForecastWarningParamsByCode> = {
  route_not_in_corridor: {
    en: (p) =>
      `${p.group} is on route ${p.route}, which the places and routes given do not have; no arrivals are forecast for it.`,
    es: (p) =>
      `${p.group} va por la ruta ${p.route}, que no está entre los lugares y rutas dados; no se pronostican sus llegadas.`,
  },
  no_place_ahead: {
    en: (p) =>
      `${p.group} is at km ${kmEn(p.km)} of ${p.route}, past every place on it; no arrivals are forecast for it.`,
    es: (p) =>
      `${p.group} está en el km ${kmEs(p.km)} de ${p.route}, más allá de todos sus lugares; no se pronostican sus llegadas.`,
  },
  size_unknown: {
    en: (p) =>
      `No source gave the size of ${p.group}; its arrivals and positions have no people figures.`,
    es: (p) =>
      `Ninguna fuente dio el tamaño de ${p.group}; sus llegadas y posiciones no tienen cifras de personas.`,
  },
  group_stale: {
    en: (p) =>
      `group ${p.group} was last observed on ${p.lastDate}, ${p.days} days before the as-of date (more than ${p.maxDays}); it is left out of the forecast.`,
    es: (p) =>
      `el grupo ${p.group} se observó por última vez el ${p.lastDate}, ${p.days} días antes de la fecha de corte (más de ${p.maxDays}); queda fuera del pronóstico.`,
  },
};

/** What is read of a forecast warning (forecast.json `forecastWarnings[]`). */
export interface ForecastWarningLike extends CodedLike {
  code: string;
}

/**
 * A forecast warning's sentence in `lang`: from its code and params, or its English message when
 * it has no params or a code not known here.
 * @example
 * forecastWarningText("es", { code: "size_unknown", message: "No source gave …", params: { group: "LGBT" } });
 * // => "Ninguna fuente dio el tamaño de LGBT; sus llegadas y posiciones no tienen cifras de personas."
 */
export function forecastWarningText(lang: ForecastWarningLang, w: ForecastWarningLike): string {
  return codeTableText(FORECAST_WARNING_SENTENCES, lang, w);
}

/**
 * A forecast warning with its English message from the table and its params.
 * @example forecastWarning("size_unknown", { group: "LGBT" }).message // => "No source gave the size of LGBT; …"
 */
export function forecastWarning<C extends ForecastWarningCode>(
  code: C,
  params: ForecastWarningParamsByCode[C],
): { code: C; message: string; params: ForecastWarningParamsByCode[C] } {
  return { code, message: codeTableEnglish(FORECAST_WARNING_SENTENCES, code, params), params };
}
