/**
 * Positions costs remembered by content (moveScreen.ts routeCost): positionsFit.ts positionsCost
 * is a pure function of the km and weights it is given (and the model), and the association
 * search asks for the same lists again and again — a group that gains a report and loses it,
 * a state that comes back in the next descent, a move of a report that is off one of the
 * group's routes leaving that route's list as it was. At 20 unlabelled groups half of the search's
 * 127,000 positions fits were of a list fitted before (counted by content). A memo slot holds one
 * list (its km and weights, copied) and its cost; a list is read back only when every km and
 * weight is the same number (zeros of either sign told apart), so the cost read back is the one
 * the fit gives, bit for bit. Slots are found by a hash of the values and replaced when another
 * list hashes to them. Memory is bounded in bytes, not only in lists: the doubles held (2 per
 * report of every stored list) never pass BUDGET; a list that would pass it empties the memo
 * first (the lists that recur recur soon, so little is lost), and a list longer than the whole
 * budget is fitted and not kept.
 */
import { positionsCost } from "./positionsFit.ts";
import type { CostModel } from "./trackCost.ts";

/** Lists remembered (a power of two): 32,768 slots. */
const SLOTS = 1 << 15;

/**
 * Doubles held at most over all stored lists: 2^22 doubles = 32 MB of values (plus ~3 MB of
 * array headers for the 32,768 slots), whatever the lists' length. Without it the memo held
 * up to 32,768 × 16 B × n: 15 MB at 20 unlabelled groups, 30 MB at 100 groups, 44-45 MB with
 * 4-10 groups of 30-40 reports a day (longest lists 262-324), ~0.5 GB for lists of 1,000.
 */
export const BUDGET_DOUBLES = 1 << 22;

/** Scratch for reading a number's bits (hash). */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** A 32-bit hash (FNV-1a over the 32-bit words) of `km[0..n)` and `weight[0..n)`. */
export function hashOf(km: ArrayLike<number>, weight: ArrayLike<number>, n: number): number {
  let h = 0x811c9dc5 ^ n;
  for (let k = 0; k < n; k++) {
    bits[0] = km[k];
    h = Math.imul(h ^ words[0], 0x01000193);
    h = Math.imul(h ^ words[1], 0x01000193);
    bits[0] = weight[k];
    h = Math.imul(h ^ words[0], 0x01000193);
    h = Math.imul(h ^ words[1], 0x01000193);
  }
  return h;
}

/** Whether two numbers are the same (NaN aside: the same value and, for zeros, the same sign). */
function same(a: number, b: number): boolean {
  return a === b && (a !== 0 || 1 / a === 1 / b);
}

export class PositionsMemo {
  /** Doubles held at most (default BUDGET_DOUBLES; tests use a small one). */
  private readonly budget: number;

  constructor(budget = BUDGET_DOUBLES) {
    this.budget = budget;
  }

  private readonly lists: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(SLOTS);
  private readonly hashes = new Int32Array(SLOTS);
  private readonly costs = new Float64Array(SLOTS);
  private model?: CostModel;
  /** Doubles held by the stored lists (at most `budget`). */
  held = 0;
  /** Lists read back and lists fitted (for tests and counts). */
  hits = 0;
  misses = 0;

  /** positionsCost(km, weight, n, m), read back when the same list was fitted last in its slot. */
  cost(km: ArrayLike<number>, weight: ArrayLike<number>, n: number, m: CostModel): number {
    if (this.model !== m) {
      this.forget();
      this.model = m;
    }
    const h = hashOf(km, weight, n);
    const slot = h & (SLOTS - 1);
    const list = this.lists[slot];
    if (list !== undefined && this.hashes[slot] === h && list.length === 2 * n) {
      let k = 0;
      while (k < n && same(list[k], km[k]) && same(list[n + k], weight[k])) k++;
      if (k === n) {
        this.hits++;
        return this.costs[slot];
      }
    }
    this.misses++;
    const cost = positionsCost(km, weight, n, m);
    if (2 * n > this.budget) return cost;
    this.held -= list?.length ?? 0;
    if (this.held + 2 * n > this.budget) this.forget();
    const copy = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      copy[k] = km[k];
      copy[n + k] = weight[k];
    }
    this.lists[slot] = copy;
    this.held += 2 * n;
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
