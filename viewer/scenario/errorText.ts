/**
 * The scenario panel's validation errors in the viewer's language: the library
 * checks a scenario and says each problem in English at a JSON pointer (src/scenario/validate*.ts);
 * the panel names the place in the form in words ("Oleada 1, ruta, tramo 1, ruta") instead of the
 * raw pointer; the problem itself is said in the viewer's language by the library's one table
 * of the checker's sentences (src/scenario/errorSentences.ts, from each error's code and params).
 */
import { scenarioErrorText } from "../../src/index.ts";
import type { ScenarioErrorLike } from "../../src/index.ts";
import type { Lang } from "../state.ts";

/** Words of a pointer's segments, by language; a segment not listed is shown as written. */
const SEGMENT: Record<Lang, Record<string, string>> = {
  en: {
    waves: "Wave",
    route: "route, leg",
    routeId: "route",
    origin: "origin",
    destination: "destination",
    people: "people",
    stops: "stop",
    places: "place",
    movement: "movement",
    attrition: "attrition",
    place: "place",
    shelters: "shelter",
  },
  es: {
    waves: "Oleada",
    route: "ruta, tramo",
    routeId: "ruta",
    origin: "origen",
    destination: "destino",
    people: "personas",
    stops: "parada",
    places: "lugar",
    movement: "movimiento",
    attrition: "desgaste",
    place: "lugar",
    runs: "corridas",
    seed: "semilla",
    horizonDays: "horizonte",
    start: "primer día",
    name: "nombre",
    date: "fecha",
    shelters: "albergue",
    capacity: "capacidad",
    share: "proporción",
    composition: "composición",
  },
};

/**
 * Where in the form a JSON pointer is, in words: "/waves/0/route/0/routeId" → "Oleada 1, ruta,
 * tramo 1, ruta" (es), "Wave 1, route, leg 1, route" (en); "" for the whole scenario.
 */
export function pointerText(lang: Lang, pointer: string): string {
  const parts = pointer.split("/").slice(1);
  const out: string[] = [];
  for (const raw of parts) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(seg) && out.length) out[out.length - 1] += ` ${Number(seg) + 1}`;
    else out.push(SEGMENT[lang][seg] ?? seg);
  }
  return out.join(", ");
}

/**
 * A validation error's sentence in `lang`: the library's sentence of its code
 * (src/scenario/errorSentences.ts); its English message when it has no code.
 */
export function errorMessageText(lang: Lang, e: ScenarioErrorLike): string {
  return scenarioErrorText(lang, e);
}

/** An error as the list above the form shows it: where, in words, then what. */
export function errorText(lang: Lang, e: ScenarioErrorLike & { pointer: string }): string {
  const where = pointerText(lang, e.pointer);
  const what = errorMessageText(lang, e);
  return where ? `${where}: ${what}` : what;
}
