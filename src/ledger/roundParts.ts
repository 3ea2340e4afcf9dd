/** Whole people per split row, in the split's order. */
import { SPLIT_CATEGORIES } from "../model/track.ts";
import type { SplitCategory, SplitRow } from "../model/track.ts";
import type { Part } from "./inTransit.ts";

/**
 * Whole people per row. Within a category the rows are rounded by largest remainder so that they
 * add up to the rounded category total: a total that does not fall stays so after rounding.
 * @example
 * roundParts([{ category: "return", value: 0.5, low: 0, high: 1 }, { category: "return", value: 0.5, low: 0, high: 1 }])
 *   .map((r) => r.value); // => [1, 0]
 */
export function roundParts(parts: readonly Part[]): Omit<SplitRow, "date">[] {
  const byCategory = new Map<SplitCategory, Part[]>();
  for (const p of parts) {
    const list = byCategory.get(p.category);
    if (list) list.push(p);
    else byCategory.set(p.category, [p]);
  }
  const out: Omit<SplitRow, "date">[] = [];
  for (const list of byCategory.values()) {
    const values = list.map((p) => Math.max(0, p.value));
    const target = Math.round(values.reduce((s, v) => s + v, 0));
    const floors = values.map(Math.floor);
    let missing = target - floors.reduce((s, v) => s + v, 0);
    const order = values
      .map((v, i) => ({ i, remainder: v - floors[i]! }))
      .sort((x, y) => y.remainder - x.remainder || x.i - y.i);
    for (const { i } of order) {
      if (missing <= 0) break;
      floors[i]!++;
      missing--;
    }
    list.forEach((p, i) => {
      const value = floors[i]!;
      out.push({
        category: p.category,
        country: p.country,
        placeName: p.placeName,
        value,
        valueLow: Math.min(value, Math.max(0, Math.round(p.low))),
        valueHigh: Math.max(value, Math.round(p.high)),
      });
    });
  }
  return out;
}

/** Orders names alphabetically with blanks (totals, "the rest") after them. */
export function blankLast(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const ORDER = new Map(SPLIT_CATEGORIES.map((c, i) => [c, i]));

/**
 * The day's rows in whole people, without empty rows, by category order, then country and place
 * (blanks last).
 */
export function splitRowsOfDay(parts: readonly Part[]): Omit<SplitRow, "date">[] {
  return roundParts(parts)
    .filter((p) => p.value > 0 || p.valueHigh > 0)
    .sort(
      (a, b) =>
        ORDER.get(a.category)! - ORDER.get(b.category)! ||
        blankLast(a.country, b.country) ||
        blankLast(a.placeName, b.placeName),
    );
}
