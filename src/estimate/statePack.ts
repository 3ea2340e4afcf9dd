/**
 * A group state's reports packed by route, for the exact costs of its single-report moves
 * (reassignReports.ts movedCost → moveScreen.ts tableCost). Every candidate move re-fits a whole
 * group with one report more or less, and gathering that list's km, weights and figure losses
 * report by report from the search's table (random rows of it) was about as much of the time as
 * the fit's pooling (`routeCost` 11 % self time at 100 unlabelled groups). The state's own
 * reports on each route and their figure losses are gathered once per state, in time order; a
 * moved list's are then its state's, with the one report put in or taken out at its place. The
 * values are the table's and sizeLoss's own, in the same order, so the costs are the same bit for
 * bit (tests/estimate/statePack.test.ts compares them with the plain gather).
 */
import type { CostModel } from "./trackCost.ts";
import { sizeLoss } from "./trackCost.ts";
import type { ReportTable } from "./reportTable.ts";

/** A state's reports on one route column: their km and weights in time order. */
export interface PackedColumn {
  km: Float64Array;
  weight: Float64Array;
  /** How many of the state's first p reports lie on the route (by p, 0..n). */
  before: Int32Array;
}

/** The one report a moved list has more (`add`) or less than its state, and its place. */
export interface Move {
  pack: StatePack;
  /** The report (index into the table). */
  i: number;
  add: boolean;
  /** Added: how many of the state's reports come before it; left: its place in the state. */
  at: number;
}

export class StatePack {
  readonly table: ReportTable;
  /** The state's reports (indices into the table), in time order. */
  readonly sorted: readonly number[];
  private readonly columns = new Map<number, PackedColumn>();
  /** How many of the state's first p reports carry a figure (by p); made on first use. */
  private sizedPrefix?: Int32Array;
  /** The state's figure losses in order, by log size (one model: `model`). */
  private readonly losses = new Map<number, Float64Array>();
  private model?: CostModel;

  constructor(table: ReportTable, sorted: readonly number[]) {
    this.table = table;
    this.sorted = sorted;
  }

  /** The state's reports on route column `c` (made on first use). */
  column(c: number): PackedColumn {
    let col = this.columns.get(c);
    if (col) return col;
    const { km, width, weight } = this.table;
    const n = this.sorted.length;
    const before = new Int32Array(n + 1);
    let on = 0;
    for (let p = 0; p < n; p++) {
      before[p] = on;
      if (!Number.isNaN(km[this.sorted[p] * width + c])) on++;
    }
    before[n] = on;
    col = { km: new Float64Array(on), weight: new Float64Array(on), before };
    let k = 0;
    for (const i of this.sorted) {
      const x = km[i * width + c];
      if (Number.isNaN(x)) continue;
      col.km[k] = x;
      col.weight[k++] = weight[i];
    }
    this.columns.set(c, col);
    return col;
  }

  /** How many of the state's first p reports carry a figure (by p, 0..n). */
  sizedBefore(): Int32Array {
    if (this.sizedPrefix) return this.sizedPrefix;
    const n = this.sorted.length;
    const out = new Int32Array(n + 1);
    let s = 0;
    for (let p = 0; p < n; p++) {
      out[p] = s;
      if (this.table.sized[this.sorted[p]] === 1) s++;
    }
    out[n] = s;
    this.sizedPrefix = out;
    return out;
  }

  /** The state's figure losses at log size `logN` (sizeLoss of each figure, in order). */
  lossesAt(logN: number, m: CostModel): Float64Array {
    if (this.model !== m) {
      this.losses.clear();
      this.model = m;
    }
    let out = this.losses.get(logN);
    if (out) return out;
    const { sized, logSize, part } = this.table;
    const prefix = this.sizedBefore();
    out = new Float64Array(prefix[this.sorted.length]);
    let k = 0;
    for (const i of this.sorted)
      if (sized[i] === 1) out[k++] = sizeLoss(logSize[i], part[i] === 1, logN, m);
    this.losses.set(logN, out);
    return out;
  }
}

/**
 * Copies `from` into `to` with the value `x` put in at `q` (`add`; `x` NaN: nothing put in) or the
 * value at `q` taken out (`add` false; `drop` false: nothing taken out); returns the count written.
 */
export function spliceInto(
  from: Float64Array,
  to: Float64Array,
  q: number,
  add: boolean,
  x: number,
  drop: boolean,
): number {
  let k = 0;
  for (let j = 0; j < q; j++) to[k++] = from[j];
  if (add && !Number.isNaN(x)) to[k++] = x;
  const skip = !add && drop ? q + 1 : q;
  for (let j = skip; j < from.length; j++) to[k++] = from[j];
  return k;
}

/**
 * Place of report `i` among the state's `sorted` reports (times `times`, by index): added, how many
 * are at or before its time (a stable sort's place, as reassignReports.ts movedList puts it);
 * else its own place (-1: not there).
 */
export function placeOf(
  times: Float64Array,
  sorted: readonly number[],
  i: number,
  add: boolean,
): number {
  const t = times[i];
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (add ? times[sorted[mid]] <= t : times[sorted[mid]] < t) lo = mid + 1;
    else hi = mid;
  }
  if (add) return lo;
  for (let p = lo; p < sorted.length && times[sorted[p]] === t; p++) if (sorted[p] === i) return p;
  return -1;
}
