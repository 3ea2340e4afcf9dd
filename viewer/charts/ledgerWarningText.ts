/**
 * A ledger warning in the viewer's language. The library gives each warning a `code`, its English
 * `message` and the values the message is made of (`params`, src/ledger/types.ts); the viewer's
 * replay carries the facts of the stock rows the warnings name (`stockRowFacts`). In Spanish the
 * five warnings are said again from those values; a code with no Spanish form here, or a warning
 * without the values it needs, shows the library's English sentence, never a half-translated one.
 */
import { STOCK_CATEGORIES } from "../../src/index.ts";
import type { LedgerWarningParams, StockRowFacts } from "../../src/index.ts";
import type { Lang } from "../state.ts";

/** What the viewer keeps of a ledger warning (ReplayData.ledgerWarnings). */
export interface LedgerWarningView {
  code: string;
  /** The library's English sentence. */
  message: string;
  /** ISO date the warning is about; absent for one about no day. */
  date?: string;
  params: LedgerWarningParams;
  /** 0-based stock rows concerned. */
  rows: number[];
}

/** The facts of every stock row a replay's warnings name, by row index. */
export type RowFacts = Readonly<Record<number, StockRowFacts>>;

/** Each category in Spanish words, as a plural noun phrase (src/ledger/describe.ts in English). */
const CATEGORY_ES: Readonly<Record<string, string>> = {
  departed: "personas que salieron",
  asylum_claim: "solicitudes de asilo",
  return: "retornos",
  remaining: "personas que permanecen",
  regularized: "personas regularizadas",
  onward: "personas que siguieron adelante",
  other: "otros desenlaces",
  in_transit: "personas en tránsito",
  unknown: "personas sin registro",
};

const n = (x: unknown) => Math.round(Number(x)).toLocaleString("es-MX");
const words = (c: unknown) => CATEGORY_ES[String(c)] ?? String(c);
const list = (x: unknown): number[] => (Array.isArray(x) ? x.map(Number) : []);
const texts = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : []);

/** Row numbers, sorted and without repeats; past 12 the rest is counted ("1, 3 y 4 más"). */
export function rowListEs(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const shown = sorted.slice(0, 12).join(", ");
  return sorted.length > 12 ? `${shown} y ${sorted.length - 12} más` : shown;
}

/** One stock row in Spanish: "fila de stock 12 (línea 42: 2018-10-27, retornos, HND, 5,000, …)". */
function rowEs(f: StockRowFacts | undefined, row: number): string {
  if (!f) return `fila de stock ${row}`;
  const at = f.line
    ? `línea ${f.line}: `
    : f.returnsStocksLine
      ? `línea ${f.returnsStocksLine} de returns-stocks: `
      : "";
  const value = typeof f.value === "number" ? n(f.value) : f.value;
  const where = f.where ? `, ${f.where}` : "";
  const source = f.sourceOrg ? `, ${f.sourceOrg}` : "";
  return `fila de stock ${row} (${at}${f.date}, ${words(f.category)}${where}, ${value}${source})`;
}

/** The rows named one by one when few (with date, value and source), else as a list. */
function rowsEs(rows: readonly number[], facts: RowFacts): string {
  return rows.length <= 2
    ? rows.map((r) => rowEs(facts[r], r)).join("; ")
    : `filas de stock ${rowListEs(rows)}`;
}

/** Where a node is ("Tijuana", "MEX", "todos los países"). */
const whereEs = (p: LedgerWarningParams) => String(p["area"] ?? p["country"] ?? "todos los países");

/** What the parts of a node are ("los albergues de Tijuana"). */
function partsEs(p: LedgerWarningParams): string {
  if (p["area"] !== undefined) return `los albergues de ${p["area"]}`;
  if (p["country"] !== undefined) return `los lugares de ${p["country"]}`;
  return "los países";
}

/** An invalid row's bad fields in Spanish (`params.problems`). */
const PROBLEM_ES: Readonly<Record<string, (p: LedgerWarningParams) => string>> = {
  date: (p) => `la fecha «${p["date"]}» no es una fecha ISO`,
  category: (p) => `la categoría «${p["category"]}» no es una de ${STOCK_CATEGORIES.join(", ")}`,
  basis: (p) => `la base «${p["basis"]}» no es cumulative ni present`,
  value: (p) => `el valor ${p["value"]} no es un número de personas ≥ 0`,
};

type Template = (
  p: LedgerWarningParams,
  w: LedgerWarningView,
  facts: RowFacts,
) => string | undefined;

function accountedEs(p: LedgerWarningParams, w: LedgerWarningView): string {
  const places = texts(p["remainingPlaces"]);
  const values = list(p["remainingValues"]);
  const remaining = places.length
    ? ` (personas que permanecen: ${places.map((x, i) => `${x || "sin lugar"} ${n(values[i])}`).join(", ")}; filas de stock ${rowListEs(w.rows)}). `
    : ". ";
  return (
    `El ${p["date"]} las fuentes dan cuenta de ${n(p["accounted"])} personas, más que las ${n(p["fromTracks"])} que según los recorridos, los conteos y los totales de salida habían salido` +
    remaining +
    `Las categorías pueden solaparse en las fuentes (una persona solicitante de asilo en un albergue se cuenta dos veces); el balance eleva las personas que salieron a ${n(p["accounted"])}.`
  );
}

/** Spanish warnings by code. */
const ES: Readonly<Record<string, Template>> = {
  cumulative_falls: (p, _w, facts) =>
    `El total acumulado de ${words(p["category"])} en ${whereEs(p)} baja de ${n(p["from"])} el ${p["fromDate"]} ` +
    `(${rowsEs(list(p["fromRows"]), facts)}) a ${n(p["to"])} el ${p["toDate"]} (${rowsEs(list(p["toRows"]), facts)}); ` +
    `el balance impide que el total baje agrupando esas cifras (regresión isotónica: ${n(p["fitted"])}).`,
  parts_exceed_total: (p, w) =>
    `El ${p["date"]} las cifras de ${words(p["category"])} de ${partsEs(p)} suman ${n(p["sum"])}, ` +
    `más que su propio total de ${n(p["total"])} (filas de stock ${rowListEs(w.rows)}); el balance usa la suma de las partes.`,
  accounted_exceeds_departures: accountedEs,
  returns_exceed_departures: (p, w) =>
    `El ${p["date"]} los retornos (${n(p["returns"])}) superan a las personas que según los recorridos y los conteos habían salido (${n(p["fromTracks"])}); ` +
    `filas de stock ${rowListEs(w.rows)}. El balance eleva las personas que salieron a ${n(p["raisedTo"])} para que todas sigan contadas; revise los retornos o los tamaños de los grupos.`,
  invalid_row: (p, w, facts) => {
    const problems = texts(p["problems"]).map((x) => PROBLEM_ES[x]);
    const row = w.rows[0];
    if (row === undefined || !problems.length || problems.some((f) => !f)) return undefined;
    return `${rowEs(facts[row], row)} se dejó fuera: ${problems.map((f) => f!(p)).join("; ")}.`;
  },
};

/** The values each Spanish form reads; a warning missing one of them is shown in English. */
const NEEDS: Readonly<Record<string, readonly string[]>> = {
  cumulative_falls: [
    "category",
    "from",
    "fromDate",
    "fromRows",
    "to",
    "toDate",
    "toRows",
    "fitted",
  ],
  parts_exceed_total: ["category", "date", "sum", "total"],
  accounted_exceeds_departures: ["date", "accounted", "fromTracks"],
  returns_exceed_departures: ["date", "returns", "fromTracks", "raisedTo"],
  invalid_row: ["problems"],
};

/**
 * A ledger warning in `lang`: the library's English sentence in English; in Spanish the Spanish
 * form of its code from its values, or the English sentence when there is none.
 * @example
 * ledgerWarningText("es", { code: "parts_exceed_total", message: "…", rows: [27, 29],
 *   params: { category: "remaining", area: "Tijuana", date: "2018-11-21", sum: 4500, total: 2793 } }, {});
 * // => "El 2018-11-21 las cifras de personas que permanecen de los albergues de Tijuana suman 4,500, …"
 */
export function ledgerWarningText(lang: Lang, w: LedgerWarningView, facts: RowFacts): string {
  if (lang !== "es") return w.message;
  const template = ES[w.code];
  const p = w.params ?? {};
  if (!template || (NEEDS[w.code] ?? []).some((k) => p[k] === undefined)) return w.message;
  return template(p, w, facts) ?? w.message;
}

/** The codes with a Spanish form (for tests). */
export const SPANISH_LEDGER_CODES: readonly string[] = Object.keys(ES);
