/**
 * Step 3 of the ledger: the place hierarchy of one category on one day. Areas are rows (their
 * shelters summed in); a country's or category's total larger than its parts adds a row for the
 * rest; parts larger than their total win, with a warning (once per node).
 */
import { isoDate } from "../calendar/index.ts";
import { categoryWords, partsText, formatPeople, rowList, whereParams } from "./describe.ts";
import type { Part } from "./inTransit.ts";
import { valueOnDay } from "./series.ts";
import type { DailyOptions, DailyValue } from "./series.ts";
import { supersededInTown, supersededWarning } from "./townCounts.ts";
import type { LedgerNode, Series } from "./tree.ts";
import type { LedgerWarning } from "./types.ts";
import { ledgerWarning } from "./warning.ts";

/** Sum of two values with intervals; an undefined side says nothing (it is not zero). */
export function addValues(
  a: DailyValue | undefined,
  b: DailyValue | undefined,
): DailyValue | undefined {
  if (!a) return b;
  if (!b) return a;
  return { value: a.value + b.value, low: a.low + b.low, high: a.high + b.high };
}

/**
 * A series' value on a day less `taken` people (value and both ends, floored at 0); undefined
 * when nothing is left of it (it says nothing, as a count no longer read).
 */
function lessTaken(v: DailyValue | undefined, taken: number | undefined): DailyValue | undefined {
  if (!v || !taken) return v;
  if (v.value - taken < 0.5) return undefined;
  return {
    value: v.value - taken,
    low: Math.max(0, v.low - taken),
    high: Math.max(0, v.high - taken),
  };
}

/**
 * A node's own figures on a day (its series added); undefined when none says anything.
 * @param taken people of a series that a newer count of the town took over on the day (the
 *   town rule, `townCounts.ts`); a series all taken over says nothing.
 */
export function ownValue(
  node: LedgerNode,
  day: number,
  daily: DailyOptions,
  taken?: ReadonlyMap<Series, number>,
): DailyValue | undefined {
  return node.own.reduce<DailyValue | undefined>(
    (sum, s) => addValues(sum, lessTaken(valueOnDay(s.points, s.basis, day, daily), taken?.get(s))),
    undefined,
  );
}

function rowFor(node: LedgerNode, v: DailyValue): Part {
  return {
    category: node.category,
    country: node.country,
    placeName: node.area,
    lon: node.areaPlace?.lon,
    lat: node.areaPlace?.lat,
    ...v,
  };
}

/**
 * Evaluates hierarchies day by day, remembering which nodes it has warned about.
 * @param warnings receives a `parts_exceed_total` warning the first time a node's parts exceed it.
 */
export class TreeEvaluator {
  private readonly warned = new Set<string>();
  private readonly daily: DailyOptions;
  private readonly warnings: LedgerWarning[];

  constructor(daily: DailyOptions, warnings: LedgerWarning[]) {
    this.daily = daily;
    this.warnings = warnings;
  }

  /** The split rows (before rounding) of a category's hierarchy on `day`. */
  parts(root: LedgerNode, day: number): Part[] {
    return this.evaluate(root, 0, day).parts;
  }

  private evaluate(
    node: LedgerNode,
    depth: number,
    day: number,
    superseded?: ReadonlyMap<Series, number>,
  ): { total?: DailyValue; parts: Part[] } {
    // An area is a town: of the counts at its places, the people a newer count took over are not read.
    const taken = depth === 2 ? this.town(node, day) : superseded;
    const own = ownValue(node, day, this.daily, taken);
    let childSum: DailyValue | undefined;
    const childParts: Part[] = [];
    for (const c of node.children.values()) {
      const result = this.evaluate(c, depth + 1, day, taken);
      childSum = addValues(childSum, result.total);
      childParts.push(...result.parts);
    }
    if (depth >= 2) {
      // An area (depth 2) is one row: its shelters are summed into it, not listed.
      let total = own ?? childSum;
      if (own && childSum && childSum.value > own.value) {
        this.partsExceed(node, day, childSum, own);
        total = childSum;
      }
      return { total, parts: depth === 2 && total ? [rowFor(node, total)] : [] };
    }
    if (!own) return { total: childSum, parts: childParts };
    if (!childSum) return { total: own, parts: [rowFor(node, own)] };
    if (childSum.value > own.value) {
      this.partsExceed(node, day, childSum, own);
      return { total: childSum, parts: childParts };
    }
    const rest: DailyValue = {
      value: own.value - childSum.value,
      low: Math.max(0, own.low - childSum.high),
      high: Math.max(0, own.high - childSum.low),
    };
    return {
      total: own,
      parts: rest.value >= 0.5 ? [...childParts, rowFor(node, rest)] : childParts,
    };
  }

  /**
   * People of each superseded series of a town taken over on `day`; a warning the first day a
   * held count is read in part, and again each time the people still read of it change.
   */
  private town(area: LedgerNode, day: number): ReadonlyMap<Series, number> {
    const superseded = supersededInTown(area, day, this.daily);
    for (const s of superseded.values()) {
      // Warned when the takeover changes, not each day the count's age grows (docs/ledger.md).
      const read = Math.round(s.held.value - s.taken);
      const key = `${area.key}|superseded|${s.held.node.key}|${s.held.countDay}|${read}`;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      this.warnings.push(supersededWarning(s, day));
    }
    // Taken from the value read (the count less its age): only what the takeover adds to the age.
    return new Map([...superseded].map(([series, s]) => [series, Math.max(0, s.taken - s.aged)]));
  }

  private partsExceed(node: LedgerNode, day: number, parts: DailyValue, total: DailyValue): void {
    if (this.warned.has(node.key)) return;
    this.warned.add(node.key);
    this.warnings.push(
      ledgerWarning({
        code: "parts_exceed_total",
        message:
          `On ${isoDate(day)} the figures of ${categoryWords(node.category)} for ${partsText(node)} add up to ${formatPeople(parts.value)}, ` +
          `more than their own total of ${formatPeople(total.value)} (stock rows ${rowList(node.rows)}); the ledger uses the sum of the parts.`,
        params: {
          category: node.category,
          ...whereParams(node),
          date: isoDate(day),
          sum: parts.value,
          total: total.value,
        },
        rows: node.rows,
        date: isoDate(day),
        category: node.category,
        country: node.country,
        placeName: node.area,
      }),
    );
  }
}
