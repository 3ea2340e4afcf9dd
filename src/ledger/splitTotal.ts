/** Reading the split: the people in a category (optionally a country or place) on one day. */
import { normalizeName } from "../geo/normalizeName.ts";
import type { SplitCategory, SplitRow } from "../model/track.ts";
import type { IsoDate, Iso3, People } from "../model/units.ts";

/** Which rows to add up. `countries` and `placeName` narrow the rows; leave them out for all. */
export interface SplitQuery {
  date: IsoDate;
  /** One category or several (their rows are added). */
  category: SplitCategory | readonly SplitCategory[];
  /** Keep rows of these countries (ISO3) only. */
  countries?: readonly Iso3[];
  /** Keep rows of this place only (case and accents ignored). */
  placeName?: string;
}

/**
 * Adds up the split rows that match a query: value, and the sums of the interval bounds (a
 * conservative interval for the total).
 * @returns the sums, with `rows` the number of rows added; `undefined` when no row matches (the
 *   ledger says nothing about it, which is not zero).
 * @example
 * splitTotal(split, { date: "2018-12-15", category: "return", countries: ["HND", "SLV"] });
 * // => { value: 8500, valueLow: 8075, valueHigh: 8925, rows: 2 }
 */
export function splitTotal(
  split: readonly SplitRow[],
  query: SplitQuery,
): { value: People; valueLow: People; valueHigh: People; rows: number } | undefined {
  const categories: readonly SplitCategory[] =
    typeof query.category === "string" ? [query.category] : query.category;
  const place = query.placeName === undefined ? undefined : normalizeName(query.placeName);
  let value = 0;
  let valueLow = 0;
  let valueHigh = 0;
  let rows = 0;
  for (const row of split) {
    if (row.date !== query.date || !categories.includes(row.category)) continue;
    if (query.countries && !query.countries.includes(row.country ?? "")) continue;
    if (place !== undefined && normalizeName(row.placeName ?? "") !== place) continue;
    value += row.value;
    valueLow += row.valueLow;
    valueHigh += row.valueHigh;
    rows++;
  }
  return rows > 0 ? { value, valueLow, valueHigh, rows } : undefined;
}
