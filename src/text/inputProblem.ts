/**
 * Input the library cannot use (a route collection with no routes, a route across the
 * antimeridian, an as-of that is no date, an unknown time zone), thrown as an `InputProblem`: a
 * RangeError (front ends report it as the user's to fix) that carries a `code` and the `params` of
 * its sentence, so the CLI under `--lang es` and the Spanish viewer say it in Spanish
 * (src/text/codeTable.ts). The English sentence is the error's `message`.
 */
import { ROUTE_GEOMETRY_ES } from "../geo/routeGeometryText.ts";
import type { RouteGeometryCode } from "../geo/routeGeometry.ts";
import { codeTableEnglish, codeTableText, type CodeTable, type TableLang } from "./codeTable.ts";

/** The params of each problem's sentence, by code. */
export interface InputProblemParams {
  routes_not_collection: Record<string, never>;
  routes_empty: Record<string, never>;
  /** `feature`: the feature's index in the collection, from 0. */
  route_no_id: { feature: number };
  route_duplicate: { routeId: string };
  /**
   * A route's geometry cannot be used (checkRouteGeometry): `problem` its code, `message` the
   * English sentence and `params` its values (geo/routeGeometryText.ts).
   */
  route_geometry: {
    routeId: string;
    problem: RouteGeometryCode;
    message: string;
    params?: Record<string, string | number>;
  };
  /** The dataset has no usable route at all. */
  no_route: Record<string, never>;
  unknown_time_zone: { zone: string };
  /** An as-of (`--as-of`, `asOf`) that is no ISO date. */
  as_of_not_date: { value: string };
  /** A group asked about on a day it has no estimate (the evidence of one group-day). */
  no_estimate_on: { group: string; date: string };
}

/** A code of input the library cannot use. */
export type InputProblemCode = keyof InputProblemParams;

const SENTENCES: CodeTable<InputProblemParams> = {
  routes_not_collection: {
    en: () => "Routes must be a GeoJSON FeatureCollection of LineStrings.",
    es: () => "Las rutas deben ser una FeatureCollection de GeoJSON con LineStrings.",
  },
  routes_empty: {
    en: () => "The route collection has no routes.",
    es: () => "La colección de rutas no tiene ninguna ruta.",
  },
  route_no_id: {
    en: (p) => `Route feature ${p.feature} has no route_id (a non-empty string property).`,
    es: (p) =>
      `El elemento de ruta ${p.feature} no tiene route_id (una propiedad de texto no vacía).`,
  },
  route_duplicate: {
    en: (p) => `Duplicate route_id ${JSON.stringify(p.routeId)}.`,
    es: (p) => `El route_id ${JSON.stringify(p.routeId)} está repetido.`,
  },
  route_geometry: {
    en: (p) => p.message,
    es: (p) =>
      `La ruta ${JSON.stringify(p.routeId)}: ${ROUTE_GEOMETRY_ES[p.problem](p.params ?? {})}`,
  },
  no_route: {
    en: () => "The dataset has no route.",
    es: () => "Los datos no tienen ninguna ruta.",
  },
  unknown_time_zone: {
    en: (p) => `Unknown time zone: ${p.zone}.`,
    es: (p) => `Zona horaria desconocida: ${p.zone}.`,
  },
  as_of_not_date: {
    en: (p) => `asOf is not an ISO date: ${p.value}.`,
    es: (p) => `la fecha de corte no es una fecha ISO (AAAA-MM-DD): ${p.value}.`,
  },
  no_estimate_on: {
    en: (p) => `Group "${p.group}" has no estimate on ${p.date}.`,
    es: (p) => `El grupo "${p.group}" no tiene estimación el ${p.date}.`,
  },
};

/** Input the library cannot use: a RangeError with the code and params of its sentence. */
export class InputProblem<C extends InputProblemCode = InputProblemCode> extends RangeError {
  override name = "RangeError";
  readonly code: C;
  readonly params: InputProblemParams[C];
  constructor(code: C, params: InputProblemParams[C]) {
    super(codeTableEnglish(SENTENCES, code, params));
    this.code = code;
    this.params = params;
  }
}

/**
 * The sentence of an input problem in `lang`; any other error's message as it is.
 * @example inputProblemText("es", new InputProblem("routes_empty", {})); // => "La colección de rutas no tiene ninguna ruta."
 */
export function inputProblemText(lang: TableLang, error: unknown): string {
  if (error instanceof InputProblem)
    return codeTableText(SENTENCES, lang, {
      code: error.code,
      message: error.message,
      params: error.params,
    });
  return error instanceof Error ? error.message : String(error);
}
