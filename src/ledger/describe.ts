/**
 * Words for warnings: a stock row, a list of rows, a node of the place hierarchy, a category, a
 * number of people. Sentences name categories in words ("asylum claims", not `asylum_claim`) and
 * write people with thousands separators (12,849), as a situation report does; the `category`
 * field of each warning keeps the code for programs.
 */
import type { StockFigure } from "../model/stock.ts";
import type { SplitCategory } from "../model/track.ts";

/**
 * Each category in words, as a plural noun phrase ("returns", "people remaining"); with
 * `departed`, the ledger's total of people who left (a headline of the situation update).
 */
const CATEGORY_WORDS: Readonly<Record<SplitCategory | "departed", string>> = {
  departed: "people who left",
  asylum_claim: "asylum claims",
  return: "returns",
  remaining: "people remaining",
  regularized: "people regularised",
  onward: "people who moved onward",
  other: "other outcomes",
  in_transit: "people in transit",
  unknown: "people unaccounted for",
};

/**
 * A category in words; an unknown code is shown as written.
 * @example
 * categoryWords("asylum_claim"); // => "asylum claims"
 */
export function categoryWords(category: string): string {
  return (CATEGORY_WORDS as Record<string, string>)[category] ?? category;
}

/**
 * The locale figures are written in, by language: `es-MX` in Spanish (Mexico's usage, where the
 * corridor's reports are read: 8,583 and 12.5, as in English), `en-US` in English.
 * @example numberLocale("es"); // => "es-MX"
 */
export function numberLocale(lang: "en" | "es" = "en"): "en-US" | "es-MX" {
  return lang === "es" ? "es-MX" : "en-US";
}

/**
 * A number of people, rounded, with thousands separators, as situation reports write them, in the
 * locale of `lang` (`numberLocale`; default English); blank for an unknown (undefined or not
 * finite) number. The one formatter of people for the library's texts: warnings, the situation
 * update (src/report re-exports it) and the CLI.
 * @example
 * formatPeople(12849.4); // => "12,849"
 * formatPeople(8583, "es"); // => "8,583" (es-MX)
 * formatPeople(NaN); // => ""
 */
export function formatPeople(value: number | undefined, lang: "en" | "es" = "en"): string {
  if (value === undefined || !Number.isFinite(value)) return "";
  return Math.round(value).toLocaleString(numberLocale(lang));
}

/** What a warning says of one stock row, in no language: the parts of `describeRow`. */
export interface StockRowFacts {
  /** 0-based index into `dataset.stocks`. */
  row: number;
  /** The line of the file the row came from, when the importer or the embedded data kept it. */
  line?: string;
  /** The row's line in the returns-stocks table of the embedded data, when that is all there is. */
  returnsStocksLine?: string;
  /** The row's line in the observations table of the embedded data (`obs_line`). */
  observationsLine?: string;
  date: string;
  /** The category code (`return`), as written when it is not one. */
  category: string;
  /** Place and country, as given ("Tijuana, MEX"; "" for none). */
  where: string;
  /** People, or the value as written when it is not a number. */
  value: number | string;
  sourceOrg?: string;
}

/**
 * The facts of one stock row a warning names (for `describeRow` and the front ends' languages).
 * @example
 * stockRowFacts({ date: "2018-12-13", category: "return", value: 7208, basis: "cumulative", country: "HND" }, 3);
 * // => { row: 3, date: "2018-12-13", category: "return", where: "HND", value: 7208 }
 */
export function stockRowFacts(figure: StockFigure, row: number): StockRowFacts {
  // Files read by the importer or the embedded data may carry the line the row came from.
  const line = figure.extra?.["line"];
  const obsLine = figure.extra?.["obs_line"];
  const rsLine = figure.extra?.["rs_line"];
  return {
    row,
    ...(line
      ? { line }
      : obsLine
        ? { observationsLine: obsLine }
        : rsLine
          ? { returnsStocksLine: rsLine }
          : {}),
    date: String(figure.date),
    category: String(figure.category),
    where: [figure.placeName, figure.country].filter(Boolean).join(", "),
    value: typeof figure.value === "number" ? figure.value : String(figure.value),
    ...(figure.sourceOrg ? { sourceOrg: figure.sourceOrg } : {}),
  };
}

/**
 * The line a stock row came from and the file it names, in no language: the embedded data's
 * `observations` or `returns-stocks` table ("stock row 4 (line 25: …)" named no
 * file), or a line the input itself gave (`line`, its file not known here); undefined when none.
 * @example rowLine({ row: 4, observationsLine: "25", date: "", category: "", where: "", value: 0 });
 * // => { file: "observations", line: "25" }
 */
export function rowLine(f: StockRowFacts): { file?: string; line: string } | undefined {
  if (f.line) return { line: f.line };
  if (f.observationsLine) return { file: "observations", line: f.observationsLine };
  if (f.returnsStocksLine) return { file: "returns-stocks", line: f.returnsStocksLine };
  return undefined;
}

/**
 * One stock row in words: index, source line when known, date, category, place, value, source.
 * @example
 * describeRow({ date: "2018-12-13", category: "return", value: 7208, basis: "cumulative", country: "HND" }, 3);
 * // => "stock row 3 (2018-12-13, returns, HND, 7,208)"
 */
export function describeRow(figure: StockFigure, row: number): string {
  const f = stockRowFacts(figure, row);
  const source = f.sourceOrg ? `, ${f.sourceOrg}` : "";
  const where = rowLine(f);
  const at = where ? `${where.file ? where.file + " " : ""}line ${where.line}: ` : "";
  const value = typeof f.value === "number" ? formatPeople(f.value) : f.value;
  return `stock row ${row} (${at}${f.date}, ${categoryWords(f.category)}${f.where ? ", " + f.where : ""}, ${value}${source})`;
}

/** The rows named one by one when few (with date, value and source), else as a list of numbers. */
export function rowsText(rows: readonly number[], stocks: readonly StockFigure[]): string {
  return rows.length <= 2
    ? rows.map((row) => describeRow(stocks[row]!, row)).join("; ")
    : `stock rows ${rowList(rows)}`;
}

/** How many row numbers a warning names before counting the rest ("… and 9 more"). */
export const ROW_LIST_SHOWN = 12;

/**
 * The rule of a list of row numbers, for any language: sorted, without repeats, the first
 * {@link ROW_LIST_SHOWN} shown and the rest counted (`more`, 0 when all are shown).
 * @example
 * rowListParts([3, 1, 3]); // => { shown: [1, 3], more: 0 }
 */
export function rowListParts(rows: readonly number[]): { shown: number[]; more: number } {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  return {
    shown: sorted.slice(0, ROW_LIST_SHOWN),
    more: Math.max(0, sorted.length - ROW_LIST_SHOWN),
  };
}

/**
 * Row numbers in English (`rowListParts`): "1, 3", or "1, 2, … 12 and 4 more".
 * @example
 * rowList([3, 1, 3]); // => "1, 3"
 */
export function rowList(rows: readonly number[]): string {
  const { shown, more } = rowListParts(rows);
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/** Where a node is, as warning params: its area and country when it has them. */
export function whereParams(node: { country?: string; area?: string }): {
  area?: string;
  country?: string;
} {
  return {
    ...(node.area ? { area: node.area } : {}),
    ...(node.country ? { country: node.country } : {}),
  };
}

/** What the parts of a node are, in words ("the shelters of Tijuana"). */
export function partsText(node: { country?: string; area?: string }): string {
  if (node.area) return `the shelters of ${node.area}`;
  if (node.country) return `the places in ${node.country}`;
  return "the countries";
}

/** Where a node is, in words ("Tijuana", "MEX", "all countries"). */
export function whereText(node: { country?: string; area?: string }): string {
  return node.area ?? node.country ?? "all countries";
}
