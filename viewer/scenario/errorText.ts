/**
 * The scenario panel's validation errors in the viewer's language: the library
 * checks a scenario and says each problem in English at a JSON pointer (src/scenario/validate*.ts);
 * the panel names the place in the form in words ("Oleada 1, ruta, tramo 1, ruta") instead of the
 * raw pointer, and says the frequent problems (unknown place or route, P-codes, numbers) in
 * Spanish from the values in the library's sentence. A sentence not known here is shown as the
 * library wrote it, never half translated.
 */
import type { ScenarioError } from "../../src/index.ts";
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

/** Spanish forms of the library's frequent sentences: a pattern and its Spanish from the match. */
const ES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^unknown route (".*?"); routes: (.*)$/,
    (m) => `ruta desconocida ${m[1]}; las rutas en pantalla son: ${m[2]}`,
  ],
  [
    /^unknown place (".*?"); did you mean (.*)\?$/,
    (m) => `lugar desconocido ${m[1]}; ¿quiso decir ${m[2].replace(/, (?=[^,]*$)/, " o ")}?`,
  ],
  [/^unknown place (".*?")$/, (m) => `lugar desconocido ${m[1]}`],
  [
    /^(.*) looks like a P-code, but no known place is in it: .*$/,
    (m) =>
      `${m[1]} parece un P-code, pero ningún lugar conocido está en él: escriba el nombre del lugar`,
  ],
  [
    /^(.*) is a P-code of (\d+) known places \((.*)\): .*$/,
    (m) =>
      `${m[1]} es el P-code de ${m[2]} lugares conocidos (${m[3]}): escriba el nombre o el id del que quiere decir`,
  ],
  [
    /^(.*) must be a whole number, got (.*)$/,
    (m) => `${m[1]} debe ser un número entero; se escribió ${m[2]}`,
  ],
  [
    /^expected (.*): a number, got (.*)$/,
    (m) => `se esperaba un número (${m[1]}); se escribió ${m[2]}`,
  ],
  [
    /^range is reversed: min (.*) is greater than max (.*)$/,
    (m) => `el rango está al revés: el mínimo ${m[1]} es mayor que el máximo ${m[2]}`,
  ],
];

/** A validation error's sentence in `lang` (the library's English when no Spanish form fits). */
export function errorMessageText(lang: Lang, message: string): string {
  if (lang !== "es") return message;
  for (const [re, say] of ES) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return message;
}

/** An error as the list above the form shows it: where, in words, then what. */
export function errorText(lang: Lang, e: ScenarioError): string {
  const where = pointerText(lang, e.pointer);
  const what = errorMessageText(lang, e.message);
  return where ? `${where}: ${what}` : what;
}
