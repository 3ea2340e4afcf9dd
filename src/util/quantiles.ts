/** Quantiles over Monte Carlo runs. */

/**
 * The p-quantile of sorted values by linear interpolation between closest ranks (R's type 7, as
 * d3.quantileSorted). `Infinity` entries stand for "did not happen"; a quantile that falls on or
 * next to one is `Infinity`.
 * @param sorted ascending values (not empty).
 * @param p in [0, 1].
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * p;
  const below = Math.floor(position);
  const a = sorted[below]!;
  const b = sorted[Math.min(n - 1, below + 1)]!;
  if (a === Infinity || b === Infinity) return position === below && a !== Infinity ? a : Infinity;
  return a + (b - a) * (position - below);
}

/** Moves the k-th smallest of `a[left..right]` to index k (Hoare's quickselect, median of 3 pivot). */
function select(a: Int32Array, k: number, left: number, right: number): void {
  while (right > left) {
    const middle = (left + right) >> 1;
    // Median of three as the pivot keeps sorted or constant runs from going quadratic.
    let x = a[left]!;
    let y = a[middle]!;
    let z = a[right]!;
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * Type-7 quantile p of the n values in `a`, selecting within a[left..right], which must hold
 * every value of rank left…right (true for the whole array, and for either side of an earlier
 * selection). Leaves a partitioned around the selected rank.
 */
function selectQuantile(a: Int32Array, n: number, p: number, left: number, right: number): number {
  const position = (n - 1) * p;
  const below = Math.floor(position);
  select(a, below, left, right);
  const low = a[below]!;
  if (below === position || below >= n - 1) return low;
  // The next rank is the smallest value right of `below` within the selected range, or right
  // of the range when `below` is its last rank (everything beyond the range is no smaller).
  const from = below < right ? below + 1 : right + 1;
  const to = below < right ? right : n - 1;
  let next = a[from]!;
  for (let i = from + 1; i <= to; i++) if (a[i]! < next) next = a[i]!;
  return low + (next - low) * (position - below);
}

/**
 * p10, p50 and p90 of each cell over the runs, from a run-major table (`values[run * cells +
 * cell]`), written into the three output arrays. `min`/`max` per cell (over the runs) let cells
 * whose runs all agree (most days before anyone arrives) skip the work; the others are gathered
 * and their order statistics selected in O(runs) (quickselect), not sorted.
 */
export function cellQuantiles(
  values: Int32Array,
  runs: number,
  min: Int32Array,
  max: Int32Array,
  p10: Float64Array,
  p50: Float64Array,
  p90: Float64Array,
): void {
  const cells = min.length;
  const scratch = new Int32Array(runs);
  const last = runs - 1;
  const k50 = Math.floor(last * 0.5);
  for (let cell = 0; cell < cells; cell++) {
    if (min[cell] === max[cell]) {
      p10[cell] = p50[cell] = p90[cell] = min[cell]!;
      continue;
    }
    for (let run = 0, k = cell; run < runs; run++, k += cells) scratch[run] = values[k]!;
    // p50 first; then p10 among the ranks below it and p90 among those above.
    p50[cell] = selectQuantile(scratch, runs, 0.5, 0, last);
    p10[cell] = selectQuantile(scratch, runs, 0.1, 0, k50);
    p90[cell] = selectQuantile(scratch, runs, 0.9, k50, last);
  }
}
