/**
 * The scenario checker's problems in English and Spanish: one sentence per code, made of the
 * values the checker gives with it (`ScenarioError.params`). The checker writes the English one
 * as the error's `message`; `scenario --lang es` and the viewer's Scenarios panel say it in
 * Spanish from `code` and `params` (`scenarioErrorText`). Field names, JSON shapes and the values
 * as written stay as they are in both languages.
 */
import { codeTableEnglish, codeTableText } from "../text/codeTable.ts";

/** The values of a problem's sentence (numbers as numbers; lists already joined). */
export type ScenarioErrorParams = Readonly<Record<string, string | number>>;

/** The languages the scenario's problems are said in. */
export type ScenarioErrorLang = "en" | "es";

/**
 * What a number or range is, as the checker names it in English (the key of its Spanish). A
 * template (`the share of men`) carries the field's JSON name after its words.
 */
export type ScenarioQuantity =
  | "a probability"
  | "a distance per day (km)"
  | "a number of days"
  | "a share of the people arriving"
  | "a route share"
  | "a daily share"
  | "the horizon in days"
  | "the number of runs"
  | "the seed"
  | "the presence radius (km)"
  | "the presence radius"
  | "a capacity (people)"
  | "a capacity"
  | "people"
  | "the number of groups"
  | "cohesion"
  | "persistence"
  | "a planning figure"
  | `the share of ${string}`
  | `the planning figure ${string}`;

const QUANTITY_ES: Record<string, string> = {
  "a probability": "una probabilidad",
  "a distance per day (km)": "una distancia por día (km)",
  "a number of days": "un número de días",
  "a share of the people arriving": "una proporción de las personas que llegan",
  "a route share": "la proporción de una ruta",
  "a daily share": "una proporción diaria",
  "the horizon in days": "el horizonte en días",
  "the number of runs": "el número de corridas",
  "the seed": "la semilla",
  "the presence radius (km)": "el radio de presencia (km)",
  "the presence radius": "el radio de presencia",
  "a capacity (people)": "una capacidad (personas)",
  "a capacity": "una capacidad",
  people: "el número de personas",
  "the number of groups": "el número de grupos",
  cohesion: "la cohesión",
  persistence: "la persistencia",
  "a planning figure": "una cifra de planificación",
};

/** A quantity's Spanish (its templates by their prefix); the English when none is known. */
function quantityEs(what: string | number): string {
  const w = String(what);
  if (w.startsWith("the share of ")) return `la proporción de ${w.slice(13)}`;
  if (w.startsWith("the planning figure ")) return `la cifra de planificación ${w.slice(20)}`;
  return QUANTITY_ES[w] ?? w;
}

/** A number for people: whole ones grouped (10,000,000 / 10.000.000). */
const en = (x: string | number) =>
  typeof x === "number" && Number.isInteger(x) ? x.toLocaleString("en-US") : String(x);
const es = (x: string | number) =>
  typeof x === "number" && Number.isInteger(x) ? x.toLocaleString("es-MX") : String(x);

type Say = (p: ScenarioErrorParams) => string;

/** One sentence per code and language: the one table of the scenario checker's words. */
export const SCENARIO_ERROR_SENTENCES = {
  not_an_object: {
    en: () => "a scenario must be a JSON object with at least a `waves` list",
    es: () => "un escenario debe ser un objeto JSON con al menos una lista `waves`",
  },
  unknown_field: {
    en: (p) => `unknown field "${p.field}"; expected one of ${p.allowed}`,
    es: (p) => `campo desconocido «${p.field}»; se espera uno de ${p.allowed}`,
  },
  not_a_number: {
    en: (p) => `expected ${p.what}: a number, got ${p.got}`,
    es: (p) => `se esperaba ${quantityEs(p.what!)}: un número; se escribió ${p.got}`,
  },
  out_of_bounds: {
    en: (p) =>
      `${p.what} must be ${p.hi === undefined ? `≥ ${en(p.lo!)}` : `between ${en(p.lo!)} and ${en(p.hi)}`}, got ${en(p.got!)}`,
    es: (p) =>
      `${quantityEs(p.what!)} debe ser ${p.hi === undefined ? `≥ ${es(p.lo!)}` : `entre ${es(p.lo!)} y ${es(p.hi)}`}; se escribió ${es(p.got!)}`,
  },
  not_whole: {
    en: (p) => `${p.what} must be a whole number, got ${p.got}`,
    es: (p) => `${quantityEs(p.what!)} debe ser un número entero; se escribió ${p.got}`,
  },
  range_reversed: {
    en: (p) => `range is reversed: min ${p.min} is greater than max ${p.max}`,
    es: (p) => `el rango está al revés: el mínimo ${p.min} es mayor que el máximo ${p.max}`,
  },
  not_a_range: {
    en: (p) => `${p.what} is a number, not a range`,
    es: (p) => `${quantityEs(p.what!)} es un número, no un rango`,
  },
  expected_shape: {
    en: (p) => `expected ${p.shape}`,
    es: (p) => `se esperaba ${p.shape}`,
  },
  expected_list: {
    en: (p) => `expected a list of ${p.shape}`,
    es: (p) => `se esperaba una lista de ${p.shape}`,
  },
  expected_waves: {
    en: () => "expected a list of at least one wave ({ origin, date, people })",
    es: () => "se esperaba una lista de al menos una oleada ({ origin, date, people })",
  },
  expected_wave: {
    en: () => "expected a wave object { origin, date, people }",
    es: () => "se esperaba una oleada { origin, date, people }",
  },
  expected_text: { en: () => "expected a text", es: () => "se esperaba un texto" },
  expected_boolean: { en: () => "expected true or false", es: () => "se esperaba true o false" },
  expected_people: {
    en: () => "expected the number of people (or { min, max })",
    es: () => "se esperaba el número de personas (o { min, max })",
  },
  expected_date: {
    en: (p) =>
      `expected an ISO 8601 date YYYY-MM-DD, got ${p.got}${p.notInCalendar ? " (not a day of the calendar)" : ""}` +
      (p.use !== undefined
        ? `; use "${p.use}"${p.withTime ? " (a scenario date is a day, without a time)" : ""}`
        : "") +
      (p.dmy !== undefined
        ? `; use "${p.dmy}" if it is day/month (dd/mm/yyyy) or "${p.mdy}" if it is month/day`
        : ""),
    es: (p) =>
      `se esperaba una fecha ISO 8601 AAAA-MM-DD; se escribió ${p.got}${p.notInCalendar ? " (no es un día del calendario)" : ""}` +
      (p.use !== undefined
        ? `; escriba "${p.use}"${p.withTime ? " (una fecha de escenario es un día, sin hora)" : ""}`
        : "") +
      (p.dmy !== undefined
        ? `; escriba "${p.dmy}" si es día/mes (dd/mm/aaaa) o "${p.mdy}" si es mes/día`
        : ""),
  },
  expected_date_or_range: {
    en: () => "expected a date YYYY-MM-DD or a range { from, to }",
    es: () => "se esperaba una fecha AAAA-MM-DD o un rango { from, to }",
  },
  dates_reversed: {
    en: (p) => `dates are reversed: from ${p.from} is after to ${p.to}`,
    es: (p) => `las fechas están al revés: from ${p.from} es posterior a to ${p.to}`,
  },
  composition_sum: {
    en: (p) =>
      `shares must add up to 1 (men + women + children + unaccompaniedChildren), they add up to ${p.total}`,
    es: (p) =>
      `las proporciones deben sumar 1 (men + women + children + unaccompaniedChildren); suman ${p.total}`,
  },
  route_shares_sum: {
    en: (p) => `route shares must add up to 1, they add up to ${p.total}`,
    es: (p) => `las proporciones de las rutas deben sumar 1; suman ${p.total}`,
  },
  attrition_sum: {
    en: (p) => `asylumClaim + return + stay must not exceed 1 (they reach ${p.total})`,
    es: (p) => `asylumClaim + return + stay no deben pasar de 1 (llegan a ${p.total})`,
  },
  attrition_place_and_stretch: {
    en: () => "give either `place` or a stretch `from`–`to`, not both",
    es: () => "indique `place` o un tramo `from`–`to`, no ambos",
  },
  attrition_needs_place: {
    en: () => "an attrition rule needs a `place`, or a stretch with at least `to`",
    es: () => "una regla de desgaste necesita un `place`, o un tramo con al menos `to`",
  },
  unknown_route: {
    en: (p) => `unknown route ${p.route}; routes: ${p.routes}`,
    es: (p) => `ruta desconocida ${p.route}; rutas: ${p.routes}`,
  },
  expected_route: {
    en: (p) => `expected a route id or a list of { routeId, share }; routes: ${p.routes}`,
    es: (p) =>
      `se esperaba el id de una ruta o una lista de { routeId, share }; rutas: ${p.routes}`,
  },
  no_route_passes: {
    en: (p) =>
      `no route passes ${p.origin}${p.destination !== undefined ? ` and then ${p.destination}` : ""}`,
    es: (p) =>
      `ninguna ruta pasa por ${p.origin}${p.destination !== undefined ? ` y luego por ${p.destination}` : ""}`,
  },
  route_misses_origin: {
    en: (p) => `route ${p.route} does not pass the origin ${p.origin}`,
    es: (p) => `la ruta ${p.route} no pasa por el origen ${p.origin}`,
  },
  route_misses_destination: {
    en: (p) => `route ${p.route} does not reach ${p.destination} after ${p.origin}`,
    es: (p) => `la ruta ${p.route} no llega a ${p.destination} después de ${p.origin}`,
  },
  place_missing: {
    en: () => "a place name, id or P-code is missing",
    es: () => "falta el nombre, id o P-code de un lugar",
  },
  place_not_text: {
    en: (p) => `expected a place name, id or P-code, got ${p.got}`,
    es: (p) => `se esperaba el nombre, id o P-code de un lugar; se escribió ${p.got}`,
  },
  place_off_routes: {
    en: (p) => `place "${p.place}" is not on any route of the dataset`,
    es: (p) => `el lugar «${p.place}» no está en ninguna ruta de los datos`,
  },
  unknown_place: {
    en: (p) => `unknown place ${p.place}${p.suggestions ? `; did you mean ${p.suggestions}?` : ""}`,
    es: (p) =>
      `lugar desconocido ${p.place}${p.suggestions ? `; ¿quiso decir ${String(p.suggestions).replace(/, (?=[^,]*$)/, " o ")}?` : ""}`,
  },
  pcode_no_place: {
    en: (p) =>
      `${p.place} looks like a P-code, but no known place is in it: write the place's name, or add the place with --places (adm2_pcode)`,
    es: (p) =>
      `${p.place} parece un P-code, pero ningún lugar conocido está en él: escriba el nombre del lugar, o agregue el lugar con --places (adm2_pcode)`,
  },
  pcode_many: {
    en: (p) =>
      `${p.place} is a P-code of ${p.count} known places (${p.places}): write the name or id of the one you mean`,
    es: (p) =>
      `${p.place} es el P-code de ${p.count} lugares conocidos (${p.places}): escriba el nombre o el id del que quiere decir`,
  },
  like_unknown: {
    en: (p) => `expected "2018" (the only calibrated replay), got ${p.got}`,
    es: (p) => `se esperaba "2018" (la única reproducción calibrada); se escribió ${p.got}`,
  },
  too_many_waves: {
    en: (p) => `at most ${en(p.max!)} waves, got ${en(p.got!)}`,
    es: (p) => `a lo sumo ${es(p.max!)} oleadas; se escribieron ${es(p.got!)}`,
  },
  too_many_people: {
    en: (p) =>
      `the waves add up to ${en(p.people!)} people (at most); a scenario is limited to ${en(p.max!)} people — split it into scenarios by origin or period`,
    es: (p) =>
      `las oleadas suman ${es(p.people!)} personas (como máximo); un escenario admite hasta ${es(p.max!)} personas: divídalo en escenarios por origen o periodo`,
  },
  wave_before_start: {
    en: (p) => `the wave leaves before the scenario start ${p.start}`,
    es: (p) => `la oleada sale antes del inicio del escenario, ${p.start}`,
  },
  wave_after_horizon: {
    en: (p) =>
      `the wave leaves on ${p.date}, after the horizon ends on ${p.end}; raise horizonDays`,
    es: (p) =>
      `la oleada sale el ${p.date}, después del fin del horizonte, el ${p.end}; aumente horizonDays`,
  },
  horizon_limit: {
    en: (p) =>
      `the horizon is limited to ${p.max} days (two years), got ${en(p.got!)}; split a longer period into scenarios that start where the last one ends`,
    es: (p) =>
      `el horizonte admite hasta ${p.max} días (dos años); se escribió ${es(p.got!)}; divida un periodo más largo en escenarios que empiecen donde termina el anterior`,
  },
  runs_limit: {
    en: (p) =>
      `runs are limited to ${en(p.max!)}, got ${en(p.got!)}; beyond 1,000 runs the p10/p50/p90 barely change`,
    es: (p) =>
      `las corridas admiten hasta ${es(p.max!)}; se escribieron ${es(p.got!)}; más allá de 1.000 corridas p10/p50/p90 apenas cambian`,
  },
} satisfies Record<string, Record<ScenarioErrorLang, Say>>;

/** Codes of the scenario checker's problems. */
export type ScenarioErrorCode = keyof typeof SCENARIO_ERROR_SENTENCES;

/** The English sentence of a problem (its `message`). */
export function scenarioErrorMessage(code: ScenarioErrorCode, params: ScenarioErrorParams): string {
  return codeTableEnglish(SCENARIO_ERROR_SENTENCES, code, params);
}

/** What is read of a scenario problem: its code, params and English message. */
export interface ScenarioErrorLike {
  message: string;
  code?: string;
  params?: ScenarioErrorParams;
}

/**
 * A scenario problem's sentence in `lang`, from its code and params; its English message when it
 * has no code known here (never half translated).
 * @example
 * scenarioErrorText("es", { code: "dates_reversed", params: { from: "2019-01-20", to: "2019-01-15" }, message: "…" });
 * // => "las fechas están al revés: from 2019-01-20 es posterior a to 2019-01-15"
 */
export function scenarioErrorText(lang: ScenarioErrorLang, e: ScenarioErrorLike): string {
  // A problem's code is enough: one without values (`not_an_object`) may carry no params.
  return codeTableText(SCENARIO_ERROR_SENTENCES, lang, { ...e, params: e.params ?? {} });
}
