/**
 * Positions costs remembered by the rows they were fitted on (moveScreen.ts routeCost): the cost
 * of a moved list on a route (positionsFit.ts positionsCost) is a pure function of the km and
 * weights of its reports on that route (and the model), and those are fixed by the report table
 * (reportTable.ts sets them when it is made and never after). So a list is named by its route
 * column and the table rows on it, in order: the same rows on the same column of one table are
 * the same km and weights, and the cost read back is the one the fit gives, bit for bit. The
 * association search asks for the same lists again and again — a group that gains a report and
 * loses it, a state that comes back in the next descent, a move of a report that is off one of
 * the group's routes leaving that route's list as it was: at 20 unlabelled groups half of the
 * search's 127,000 positions fits were of a list fitted before. One memo serves one table
 * (moveScreen.ts keeps one per table).
 *
 * Why rows and not values (stop 23 kept the km and weights, two doubles a report, and compared
 * them): an integer a report is hashed with one multiply instead of four, compared once instead
 * of twice, and kept in a quarter of the bytes, so a miss allocates less for the collector. Two
 * lists of other rows with the same values (two reports at one km on one day) are fitted each:
 * the same costs, a few more fits.
 *
 * A memo slot holds one list (its column and rows, copied) and its cost; slots are found by a
 * hash of the rows and replaced when another list hashes to them. Memory is bounded in bytes,
 * not only in lists: the integers held (one per report of every stored list, and its column)
 * never pass BUDGET_INTS; a list that would pass it empties the memo first (the lists that recur
 * recur soon, so little is lost), and a list longer than the whole budget is fitted and not kept.
 */
import { positionsCost } from "./positionsFit.ts";
import type { CostModel } from "./trackCost.ts";

/** Lists remembered (a power of two): 32,768 slots. */
const SLOTS = 1 << 15;

/**
 * Integers held at most over all stored lists: 2^23 = 32 MB (plus ~3 MB of array headers for the
 * 32,768 slots), whatever the lists' length — the 32 MB of stop 23's 2^22 doubles.
 */
export const BUDGET_INTS = 1 << 23;

/**
 * A 32-bit hash (FNV-1a over 32-bit words) of route column `column` and rows `rows[0..n)`.
 * @example
 * hashOf(0, Int32Array.of(4, 7, 9), 3) === hashOf(0, Int32Array.of(4, 7, 9, 11), 3); // true: only n rows count
 */
export function hashOf(column: number, rows: ArrayLike<number>, n: number): number {
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  h = Math.imul(h ^ column, 0x01000193);
  for (let k = 0; k < n; k++) h = Math.imul(h ^ rows[k], 0x01000193);
  return h;
}

export class PositionsMemo {
  /** Integers held at most (default BUDGET_INTS; tests use a small one). */
  private readonly budget: number;

  constructor(budget = BUDGET_INTS) {
    this.budget = budget;
  }

  /** By slot: the column, then the rows, of the list stored there (undefined: none). */
  private readonly lists: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(SLOTS);
  private readonly hashes = new Int32Array(SLOTS);
  private readonly costs = new Float64Array(SLOTS);
  private model?: CostModel;
  /** Integers held by the stored lists (at most `budget`). */
  held = 0;
  /** Lists read back and lists fitted (for tests and counts). */
  hits = 0;
  misses = 0;

  /**
   * positionsCost(km, weight, n, m) of table rows `rows[0..n)` on route column `column` (`km`
   * and `weight` are those rows' values, in the same order), read back when the same rows on the
   * same column were fitted last in their slot. The caller answers for the rows naming the values:
   * one memo per table, whose km and weights do not change.
   */
  cost(
    column: number,
    rows: ArrayLike<number>,
    km: ArrayLike<number>,
    weight: ArrayLike<number>,
    n: number,
    m: CostModel,
  ): number {
    if (this.model !== m) {
      this.forget();
      this.model = m;
    }
    const h = hashOf(column, rows, n);
    const slot = h & (SLOTS - 1);
    const list = this.lists[slot];
    if (
      list !== undefined &&
      this.hashes[slot] === h &&
      list.length === n + 1 &&
      list[0] === column
    ) {
      let k = 0;
      while (k < n && list[k + 1] === rows[k]) k++;
      if (k === n) {
        this.hits++;
        return this.costs[slot];
      }
    }
    this.misses++;
    const cost = positionsCost(km, weight, n, m);
    if (n + 1 > this.budget) return cost;
    // (A slot's array is written over when the new list has its length: fewer arrays for the
    // collector.)
    let copy = list;
    if (copy === undefined || copy.length !== n + 1) {
      this.held -= list?.length ?? 0;
      if (this.held + n + 1 > this.budget) this.forget();
      copy = new Int32Array(n + 1);
      this.held += n + 1;
    }
    copy[0] = column;
    for (let k = 0; k < n; k++) copy[k + 1] = rows[k];
    this.lists[slot] = copy;
    this.hashes[slot] = h;
    this.costs[slot] = cost;
    return cost;
  }

  /** Drops every stored list. */
  private forget(): void {
    this.lists.fill(undefined);
    this.held = 0;
  }
}
