/**
 * The ledger's daily split as split.csv (docs/contracts.md §3.2), in the contract's column order. Every
 * front end (CLI, analyst panel) writes the file through here, so they cannot drift apart.
 */
import type { SplitRow } from "../model/track.ts";
import { formatCsv } from "./csv.ts";
import type { ContractCsvOptions } from "./tracks.ts";
import { hxlOption } from "./outputHxl.ts";

/** Columns of split.csv, in contract order (docs/contracts.md §3.2). */
export const SPLIT_COLUMNS = [
  "date",
  "category",
  "country",
  "place_name",
  "value",
  "value_low",
  "value_high",
] as const;

export type SplitColumn = (typeof SPLIT_COLUMNS)[number];

/**
 * A split row keyed by contract column name (values in people). A blank country or place
 * (undefined) means "not placed" and stays blank.
 * @example
 * splitToRow({ date: "2018-11-20", category: "unknown", value: 5, valueLow: 2, valueHigh: 9 });
 * // => { date: "2018-11-20", category: "unknown", country: undefined, place_name: undefined, … }
 */
export function splitToRow(r: SplitRow): Record<SplitColumn, string | number | undefined> {
  return {
    date: r.date,
    category: r.category,
    country: r.country,
    place_name: r.placeName,
    value: r.value,
    value_low: r.valueLow,
    value_high: r.valueHigh,
  };
}

/**
 * Formats the split as split.csv: SPLIT_COLUMNS in contract order, CRLF line ends, blank
 * country/place (not placed) as empty cells.
 * @param options as formatCsv; the byte-order mark is on by default (Excel) — pass
 *   `{ bom: false }` where scripts read the header exactly as the contract says.
 * @example
 * formatSplitCsv(ledger.split, { bom: false }).split("\r\n")[0];
 * // => "date,category,country,place_name,value,value_low,value_high"
 */
export function formatSplitCsv(
  split: readonly SplitRow[],
  options: ContractCsvOptions = {},
): string {
  const { hxl, ...csv } = options;
  const columns = [...SPLIT_COLUMNS];
  return formatCsv(split.map(splitToRow), { ...csv, columns, ...hxlOption("split", columns, hxl) });
}
