/**
 * A ledger warning in the situation update's language, for the `report` command's files and the
 * viewer's situation panel alike. The ledger gives each warning a `code`, its English `message`
 * and the values the message is made of (`params`, src/ledger/types.ts); the caller carries the
 * facts of the stock rows the warnings name (`stockRowFacts`). In Spanish the seven warnings are
 * said again from those values, one template per code typed by the code's params
 * (`LedgerWarningParamsByCode`), so a new code without a Spanish form does not compile; their
 * words (categories) come from the situation update's one word table (words.ts). A warning
 * without values (a report.json from before `params`), or of a code not known here, shows the
 * ledger's English sentence, never a half-translated one.
 */
import { rowLine, rowListParts, stockRowFacts } from "../ledger/describe.ts";
import { rowsByFile } from "../ledger/departures.ts";
import type { StockRowFacts } from "../ledger/describe.ts";
import type {
  LedgerWarning,
  LedgerWarningCode,
  LedgerWarningParamsByCode,
  LedgerWarningParamsOf,
} from "../ledger/types.ts";
import type { StockFigure } from "../model/stock.ts";
import { STOCK_CATEGORIES } from "../model/stock.ts";
import { SPANISH_BASIS } from "../ingest/enums.ts";
import { situationWords } from "./words.ts";
import { placeLabel } from "../geo/placeLabel.ts";
import type { PlaceNames } from "../geo/placeLabel.ts";
import type { SituationLang } from "./words.ts";

/** What is kept of a ledger warning with code `C` (the viewer's ReplayData.ledgerWarnings, a situation update's warnings). */
export interface LedgerWarningView<C extends LedgerWarningCode = LedgerWarningCode> {
  code: C;
  /** The library's English sentence. */
  message: string;
  /** ISO date the warning is about; absent for one about no day. */
  date?: string;
  /** The values of the message; absent in a report.json written before the library gave them. */
  params?: LedgerWarningParamsOf<C>;
  /** 0-based stock rows concerned. */
  rows: number[];
}

/** The facts of every stock row a replay's warnings name, by row index. */
export type RowFacts = Readonly<Record<number, StockRowFacts>>;

/** People from a source, exactly (not rounded), with Mexican Spanish grouping. */
const n = (x: number) => new Intl.NumberFormat("es-MX").format(Math.round(x));
const words = (c: string) => situationWords("es").inSentence(c);

/**
 * The facts of every stock row `warnings` name, by row index (`stockRowFacts` of `stocks`).
 * @example
 * warningRowFacts(ledger.warnings, dataset.stocks)[12]?.line; // => 42
 */
export function warningRowFacts(
  warnings: readonly Pick<LedgerWarning, "rows">[],
  stocks: readonly StockFigure[],
): Record<number, StockRowFacts> {
  const facts: Record<number, StockRowFacts> = {};
  for (const w of warnings)
    for (const row of w.rows) {
      const figure = stocks[row];
      if (figure) facts[row] = stockRowFacts(figure, row);
    }
  return facts;
}

/** Row numbers, sorted and without repeats; past the library's cut-off the rest is counted ("1, 3 y 4 más"). */
export function rowListEs(rows: readonly number[]): string {
  const { shown, more } = rowListParts(rows);
  return more > 0 ? `${shown.join(", ")} y ${more} más` : shown.join(", ");
}

/** "fila de cifras 3" or "filas de cifras 3, 4". */
const rowsWordEs = (rows: readonly number[]) =>
  `${rows.length === 1 ? "fila" : "filas"} de cifras ${rowListEs(rows)}`;

/** One stock row in Spanish: "fila de cifras 12 (línea 42: 2018-10-27, retornos, HND, 5,000, …)". */
function rowEs(f: StockRowFacts | undefined, row: number): string {
  if (!f) return `fila de cifras ${row}`;
  const line = rowLine(f);
  const at = line ? `línea ${line.line}${line.file ? ` de ${line.file}` : ""}: ` : "";
  const value = typeof f.value === "number" ? n(f.value) : f.value;
  const where = f.where ? `, ${f.where}` : "";
  const source = f.sourceOrg ? `, ${f.sourceOrg}` : "";
  return `fila de cifras ${row} (${at}${f.date}, ${words(f.category)}${where}, ${value}${source})`;
}

/**
 * The rows named one by one when few (with date, value and source), else as a list, with their
 * article ("la fila de cifras 12 (…) y la fila de cifras 14 (…)"), to follow "según": a row's own
 * facts are in parentheses, so the sentence does not wrap them in a second pair.
 */
function rowsEs(rows: readonly number[], facts: RowFacts): string {
  return rows.length <= 2
    ? rows.map((r) => `la ${rowEs(facts[r], r)}`).join(" y ")
    : `las filas de cifras ${rowListEs(rows)}`;
}

/** Where a node is, of a warning's params ("Tijuana", "MEX", "todos los países"). */
type Where = { readonly area?: string; readonly country?: string };
const whereEs = (p: Where) => p.area ?? p.country ?? "todos los países";

/** What the parts of a node are ("los albergues de Tijuana"). */
function partsEs(p: Where): string {
  if (p.area !== undefined) return `los albergues de ${p.area}`;
  if (p.country !== undefined) return `los lugares de ${p.country}`;
  return "los países";
}

type InvalidRow = LedgerWarningParamsOf<"invalid_row">;

/** An invalid row's bad fields in Spanish (`params.problems`). */
const PROBLEM_ES: Readonly<Record<InvalidRow["problems"][number], (p: InvalidRow) => string>> = {
  date: (p) => `la fecha «${p.date}» no es una fecha ISO`,
  category: (p) => `la categoría «${p.category}» no es una de ${STOCK_CATEGORIES.join(", ")}`,
  basis: (p) =>
    `la base «${p.basis}» no es cumulative (${SPANISH_BASIS.cumulative}) ni present (${SPANISH_BASIS.present})`,
  value: (p) => `el valor ${p.value} no es un número de personas ≥ 0`,
};

/** The Spanish form of a warning with code `C`, from its values; undefined: say it in English. */
type Template<C extends LedgerWarningCode> = (
  p: LedgerWarningParamsByCode[C],
  w: LedgerWarningView<C>,
  facts: RowFacts,
) => string | undefined;

function accountedEs(
  p: LedgerWarningParamsByCode["accounted_exceeds_departures"],
  w: LedgerWarningView,
): string {
  const places = p.remainingPlaces;
  const remaining = places.length
    ? ` (personas que permanecen: ${places.map((x, i) => `${x || "sin lugar"} ${n(p.remainingValues[i] ?? NaN)}`).join(", ")}; filas de cifras ${rowListEs(w.rows)}). `
    : ". ";
  return (
    `El ${p.date} las fuentes dan cuenta de ${n(p.accounted)} personas, más que las ${n(p.fromTracks)} que según los recorridos, los conteos y los totales de salida habían salido` +
    remaining +
    `Las categorías pueden solaparse en las fuentes (una persona solicitante de asilo en un albergue se cuenta dos veces); el balance eleva las personas que salieron a ${n(p.accounted)}.`
  );
}

/** Spanish warnings by code: one for every code the library gives (the compiler checks). */
const ES: { readonly [C in LedgerWarningCode]: Template<C> } = {
  cumulative_falls: (p, _w, facts) =>
    `El total acumulado de ${words(p.category)} en ${whereEs(p)} baja de ${n(p.from)} el ${p.fromDate}, ` +
    `según ${rowsEs(p.fromRows, facts)}, a ${n(p.to)} el ${p.toDate}, según ${rowsEs(p.toRows, facts)}; ` +
    `el balance impide que el total baje agrupando esas cifras (regresión isotónica: ${n(p.fitted)}).`,
  parts_exceed_total: (p, w) =>
    `El ${p.date} las cifras de ${words(p.category)} de ${partsEs(p)} suman ${n(p.sum)}, ` +
    `más que su propio total de ${n(p.total)} (filas de cifras ${rowListEs(w.rows)}); el balance usa la suma de las partes.`,
  count_superseded: (p) => {
    const town = p.area ?? p.place;
    const where = p.place === town ? `${town} en conjunto` : `${p.place} (${town})`;
    const by = p.by === town ? `${town} en conjunto` : `${p.by}, otro lugar de ${town},`;
    const before =
      p.byBefore === undefined
        ? `sin conteo hasta el ${p.countDate}`
        : `más que ${n(p.byBefore)} el ${p.countDate}`;
    const count = `el conteo de ${n(p.value)} ${words(p.category)} en ${where} del ${p.countDate} (${rowsWordEs(p.rows)})`;
    const newer =
      `${by} contó ${n(p.byValue)} el ${p.byDate} (${rowsWordEs(p.byRows)}), ${before}; ` +
      `las personas pueden haberse movido de un lugar a otro`;
    if (p.read < 0.5) {
      return (
        `Desde el ${p.date} ya no se mantiene ${count}: ${newer}, así que el balance lee el conteo más reciente ` +
        `(las personas que ningún conteo sitúa quedan sin ubicar).`
      );
    }
    return (
      `Desde el ${p.date} solo se mantiene en parte ${count}: ${newer}, así que el balance sigue leyendo ${n(p.read)} de ellas allí, ` +
      `el conteo menos lo que subieron los conteos más recientes del lugar desde el ${p.countDate} ` +
      `(las otras ${n(p.value - p.read)} quedan sin ubicar si ningún conteo las sitúa).`
    );
  },
  accounted_exceeds_departures: accountedEs,
  silent_group_taken_in: (p) =>
    `Desde el ${p.date}, ${p.group}, sin reportes desde el ${p.lastReport} y cuyo intervalo del 90 % ` +
    `(km ${n(p.kmLow)}–${n(p.kmHigh)}) alcanza ${p.place}, el final de su ruta, se lee como recibido por el conteo de allí: ` +
    `hasta ${n(p.people)} de sus personas (${Math.round(p.share * 100)} %, el ${p.peakDate}) están entre las contadas en ${p.place} más allá de los grupos que las cifras o la distancia sitúan allí; ` +
    `no siguen en camino y no se cuentan dos veces.`,
  figures_exceed_group: (p, w) =>
    `El ${p.date} las fuentes cuentan ${n(p.attributed)} personas de ${p.group} en lugares ` +
    `(${p.places.map((x, i) => `${x} ${n(p.values[i] ?? NaN)}`).join(", ")}; filas de cifras ${rowListEs(w.rows)}), ` +
    `${n(p.beyond)} más que su tamaño estimado de ${n(p.size)}` +
    (Number.isFinite(p.sizeLow) ? ` (${n(p.sizeLow)}–${n(p.sizeHigh)})` : "") +
    (!Number.isFinite(p.sizeHigh)
      ? ""
      : p.attributed > p.sizeHigh
        ? `, ${n(p.attributed - p.sizeHigh)} por encima de su intervalo del 90 %`
        : ", dentro de su intervalo del 90 %") +
    `. El balance cuenta una sola vez a las personas del grupo, en esos lugares, y las ${n(p.beyond)} restantes como personas que los recorridos no vieron: elevan las personas que salieron.`,
  southbound_counts: (p) =>
    `${n(p.people)} personas contadas rumbo al sur ${p.firstDate === p.lastDate ? `el ${p.firstDate}` : `del ${p.firstDate} al ${p.lastDate}`}` +
    `${p.points.length ? ` en ${p.points.join(", ")}` : ""} (${rowsByFile(p.where, { line: "línea", lines: "líneas", and: "y", more: "más" })}) ` +
    `no están en el balance: los retornos se cuentan con cifras de stock (categoría retorno) y las salidas con los conteos rumbo al norte; ` +
    `dé los retornos como cifras para verlos como retornados.`,
  unknown_direction_counts: (p) =>
    `${n(p.people)} personas en ${p.countRows.length} ${p.countRows.length === 1 ? "fila" : "filas"} de conteo de dirección desconocida ${p.firstDate === p.lastDate ? `el ${p.firstDate}` : `del ${p.firstDate} al ${p.lastDate}`}` +
    `${p.points.length ? ` en ${p.points.join(", ")}` : ""} (${rowsByFile(p.where, { line: "línea", lines: "líneas", and: "y", more: "más" })}) ` +
    `quedan fuera de las personas que salieron: solo cuentan los conteos rumbo al norte; ` +
    `indique --incoming-is northbound|southbound (hacia dónde va la «entrada») para incluirlas.`,
  returns_exceed_departures: (p, w) =>
    `El ${p.date} los retornos (${n(p.returns)}) superan a las personas que según los recorridos y los conteos habían salido (${n(p.fromTracks)}); ` +
    `filas de cifras ${rowListEs(w.rows)}. El balance eleva las personas que salieron a ${n(p.raisedTo)} para que todas sigan contadas; revise los retornos o los tamaños de los grupos.`,
  invalid_row: (p, w, facts) => {
    const row = w.rows[0];
    const problems = p.problems.map((x) => PROBLEM_ES[x]);
    if (row === undefined || !problems.length || problems.some((f) => !f)) return undefined;
    return `${rowEs(facts[row], row)} se dejó fuera: ${problems.map((f) => f(p)).join("; ")}.`;
  },
};

/** The Spanish form of `w` from its values, typed by its code. */
function spanish<C extends LedgerWarningCode>(
  w: LedgerWarningView<C>,
  params: LedgerWarningParamsOf<C>,
  facts: RowFacts,
): string | undefined {
  const template: Template<C> = ES[w.code];
  return template(params, w, facts);
}

/**
 * A ledger warning in `lang`: the library's English sentence in English; in Spanish the Spanish
 * form of its code from its values, or the English sentence for a warning without values (an old
 * report.json) or of a code not known here.
 * @example
 * ledgerWarningText("es", { code: "parts_exceed_total", message: "…", rows: [27, 29],
 *   params: { category: "remaining", area: "Tijuana", date: "2018-11-21", sum: 4500, total: 2793 } }, {});
 * // => "El 2018-11-21 las cifras de personas que permanecen de los albergues de Tijuana suman 4,500, …"
 */
export function ledgerWarningText(
  lang: SituationLang,
  w: LedgerWarningView,
  facts: RowFacts,
  places: PlaceNames = [],
): string {
  if (lang !== "es" || !w.params || !Object.hasOwn(ES, w.code)) return w.message;
  return spanish(w, warningInLanguage(lang, w, places).params!, facts) ?? w.message;
}

/** Warning params holding one place name, and lists of place names (src/ledger's warnings). */
const PLACE_PARAMS = ["place", "area", "by"] as const;
const PLACE_LIST_PARAMS = ["places", "remainingPlaces", "points"] as const;

/**
 * A copy of the warning with its values that are place names in `lang` (placeLabel among
 * `places`: the gazetteer's `nameEs` in Spanish); its `message` stays English. The one rule the
 * situation update, the `ledger` command and the viewer's "Data quality" fold read; applying it
 * twice changes nothing.
 */
export function warningInLanguage<W extends LedgerWarningView>(
  lang: SituationLang,
  w: W,
  places: PlaceNames,
): W {
  if (lang === "en" || !w.params || places.length === 0) return w;
  const params: Record<string, unknown> = { ...w.params };
  const name = (v: unknown) => (typeof v === "string" ? placeLabel(lang, v, places) : v);
  for (const key of PLACE_PARAMS) if (key in params) params[key] = name(params[key]);
  for (const key of PLACE_LIST_PARAMS)
    if (Array.isArray(params[key])) params[key] = (params[key] as unknown[]).map(name);
  return { ...w, params } as W;
}
