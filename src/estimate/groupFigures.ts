/**
 * A group's size figures kept sorted, so that the association search (reassignReports.ts) reads
 * the log size (trackCost.ts groupLogSize) and the oversized count (trackCost.ts oversized) of the
 * group with one report more or less without sorting its figures again for every candidate move.
 * The values are selected, not computed, so they are those of trackCost.ts exactly
 * (tests/estimate/groupFigures.test.ts).
 */
import { SIZE_GATE_RATIO } from "./trackCost.ts";
import type { CostReport } from "./trackCost.ts";

/** A group's figures (log people), ascending: those of the whole group, and all. */
export interface GroupFigures {
  whole: number[];
  all: number[];
}

/** The sorted figures of `reports`. */
export function groupFigures(reports: readonly CostReport[]): GroupFigures {
  const whole: number[] = [];
  const all: number[] = [];
  for (const r of reports) {
    if (r.logSize === undefined) continue;
    all.push(r.logSize);
    if (!r.part) whole.push(r.logSize);
  }
  const up = (a: number, b: number): number => a - b;
  return { whole: whole.sort(up), all: all.sort(up) };
}

/** Elements of ascending `v` below `x`. */
function below(v: readonly number[], x: number): number {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Elements of ascending `v` above `x`. */
function above(v: readonly number[], x: number): number {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return v.length - lo;
}

/**
 * The k-th smallest of ascending `v` with `x` added (`change` 1), removed (-1, `x` one of `v`)
 * or as it is (0).
 */
function kth(v: readonly number[], k: number, x: number, change: -1 | 0 | 1): number {
  if (change === 0) return v[k];
  const p = below(v, x);
  if (change === 1) return k < p ? v[k] : k === p ? x : v[k - 1];
  return k < p ? v[k] : v[k + 1];
}

/** One report's figure added to (1) or removed from (-1) a group, or none (0). */
export interface FigureChange {
  logSize?: number;
  part?: boolean;
  change: -1 | 0 | 1;
}

/** The upper quartile of `v` (ascending) after `change` of `x` to it (undefined: empty). */
function quartile(v: readonly number[], x: number, change: -1 | 0 | 1): number | undefined {
  const n = v.length + change;
  if (n === 0) return undefined;
  return kth(v, Math.min(n - 1, Math.floor(0.75 * n)), x, change);
}

/** trackCost.ts groupLogSize of the group's reports after `c`. */
export function logSizeAfter(f: GroupFigures, c: FigureChange): number | undefined {
  const x = c.logSize;
  const inWhole = x !== undefined && !c.part ? c.change : 0;
  const inAll = x !== undefined ? c.change : 0;
  if (f.whole.length + inWhole > 0) return quartile(f.whole, x ?? 0, inWhole);
  return quartile(f.all, x ?? 0, inAll);
}

/** trackCost.ts oversized of the group's reports after `c`. */
export function oversizedAfter(f: GroupFigures, c: FigureChange): number {
  const logN = logSizeAfter(f, c);
  if (logN === undefined) return 0;
  const limit = logN + Math.log(SIZE_GATE_RATIO);
  let count = above(f.whole, limit);
  const x = c.logSize;
  if (x !== undefined && !c.part && x > limit) count += c.change;
  return count;
}

/** Ascending `a` and `b` in one ascending list. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j] < x) out.push(b[j++]);
    out.push(x);
  }
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * The sorted figures of two groups' reports together (mergeTracklets.ts scores every candidate
 * merge of two clusters by them: the union's oversized count and log size, without sorting its
 * figures again).
 * @example
 * joinFigures(groupFigures(a), groupFigures(b)); // groupFigures([...a, ...b])
 */
export function joinFigures(a: GroupFigures, b: GroupFigures): GroupFigures {
  return { whole: mergeAscending(a.whole, b.whole), all: mergeAscending(a.all, b.all) };
}
