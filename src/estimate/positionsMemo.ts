/**
 * Positions costs remembered by content (moveScreen.ts routeCost): positionsFit.ts positionsCost
 * is a pure function of the km and weights it is given (and the model), and the association
 * search asks for the same lists again and again — a group that gains a report and loses it,
 * a state that comes back in the next descent, a move of a report that is off one of the
 * group's routes leaving that route's list as it was. At 20 unlabelled groups half of the search's
 * 127,000 positions fits were of a list fitted before (counted by content). A memo slot holds one
 * list (its km and weights, copied into one arena) and its cost; a list is read back only when
 * every km and weight is the same number (zeros of either sign told apart), so the cost read back
 * is the one the fit gives, bit for bit. Slots are found by a hash of the values and replaced when
 * another list hashes to them. Memory is bounded in bytes, not only in lists: the arena (2 doubles
 * per report of every stored list) never passes BUDGET; when it is full it is written again from
 * its start, and the lists overwritten are forgotten (the lists that recur recur soon, so little is
 * lost), and a list longer than the whole budget is fitted and not kept.
 */
import { positionsCost } from "./positionsFit.ts";
import type { CostModel } from "./trackCost.ts";

/** Lists remembered (a power of two): 32,768 slots. */
const SLOTS = 1 << 15;

/**
 * Doubles held at most over all stored lists (the arena's size at most): 2^22 doubles = 32 MB of
 * values (plus 0.6 MB of slot arrays for the 32,768 slots), whatever the lists' length; the
 * arena grows to it only as lists are stored. Without a bound the memo held
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

  /**
   * The stored lists' values, one after another in one arena (a list's km, then its weights),
   * grown by doubling up to `budget` doubles and then written again from its start (a ring): a
   * typed array per stored list cost an allocation outside the heap for every fit missed, and
   * the collector's time with it (stop 27).
   */
  private arena = new Float64Array(0);
  /** Where the next list is written in the arena, and how many times it has wrapped. */
  private write = 0;
  private epoch = 0;
  /**
   * Each slot's list: where it starts in the arena, in which round of the ring it was written,
   * its length (-1: none), its hash and its cost. A list written in the round before the current
   * one is intact while it starts at or after `write` (the current round has overwritten only
   * the arena's first `write` doubles); older ones are gone.
   */
  private readonly starts = new Int32Array(SLOTS);
  private readonly epochs = new Int32Array(SLOTS);
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly hashes = new Int32Array(SLOTS);
  private readonly costs = new Float64Array(SLOTS);
  private model?: CostModel;
  /** Doubles of the arena in use (at most `budget`). */
  held = 0;
  /** Lists read back and lists fitted (for tests and counts). */
  hits = 0;
  misses = 0;

  /** Whether slot `slot`'s list is still in the arena (not overwritten by a later one). */
  private intact(slot: number): boolean {
    const e = this.epochs[slot];
    return e === this.epoch || (e === this.epoch - 1 && this.starts[slot] >= this.write);
  }

  /** positionsCost(km, weight, n, m), read back when the same list was fitted last in its slot. */
  cost(km: ArrayLike<number>, weight: ArrayLike<number>, n: number, m: CostModel): number {
    if (this.model !== m) {
      this.forget();
      this.model = m;
    }
    const h = hashOf(km, weight, n);
    const slot = h & (SLOTS - 1);
    if (this.lengths[slot] === n && this.hashes[slot] === h && this.intact(slot)) {
      const a = this.arena;
      const at = this.starts[slot];
      let k = 0;
      while (k < n && same(a[at + k], km[k]) && same(a[at + n + k], weight[k])) k++;
      if (k === n) {
        this.hits++;
        return this.costs[slot];
      }
    }
    this.misses++;
    const cost = positionsCost(km, weight, n, m);
    if (2 * n > this.budget) return cost;
    const at = this.place(2 * n);
    const a = this.arena;
    for (let k = 0; k < n; k++) {
      a[at + k] = km[k];
      a[at + n + k] = weight[k];
    }
    this.starts[slot] = at;
    this.epochs[slot] = this.epoch;
    this.lengths[slot] = n;
    this.hashes[slot] = h;
    this.costs[slot] = cost;
    return cost;
  }

  /** Where a list of `size` doubles (at most `budget`) is written: the arena grown or wrapped. */
  private place(size: number): number {
    if (this.write + size > this.arena.length) {
      if (this.arena.length < this.budget) {
        const grown = new Float64Array(
          Math.min(this.budget, Math.max(2 * this.arena.length, this.write + size, 1024)),
        );
        grown.set(this.arena.subarray(0, this.write));
        this.arena = grown;
      }
      if (this.write + size > this.arena.length) {
        // The ring wraps: the lists of the round before this one are overwritten from the start.
        this.epoch++;
        this.write = 0;
      }
    }
    const at = this.write;
    this.write += size;
    this.held = this.epoch === 0 ? this.write : this.arena.length;
    return at;
  }

  /** Drops every stored list. */
  private forget(): void {
    this.lengths.fill(-1);
    this.write = 0;
    this.epoch = 0;
    this.held = 0;
  }
}
