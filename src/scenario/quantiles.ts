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

/**
 * p10, p50 and p90 of each cell of a cell-major table (`values[cell * runs + run]`), written into
 * the three output arrays. Sorts a copy of each cell's runs; a cell whose runs all agree (days
 * before anyone arrives) skips the sort.
 */
export function cellQuantiles(
  values: Int32Array,
  runs: number,
  p10: Float64Array,
  p50: Float64Array,
  p90: Float64Array,
): void {
  const scratch = new Int32Array(runs);
  const cells = values.length / runs;
  for (let cell = 0; cell < cells; cell++) {
    const offset = cell * runs;
    const first = values[offset]!;
    let same = true;
    for (let r = 1; r < runs; r++) {
      if (values[offset + r] !== first) {
        same = false;
        break;
      }
    }
    if (same) {
      p10[cell] = p50[cell] = p90[cell] = first;
      continue;
    }
    scratch.set(values.subarray(offset, offset + runs));
    scratch.sort();
    p10[cell] = quantileSorted(scratch, 0.1);
    p50[cell] = quantileSorted(scratch, 0.5);
    p90[cell] = quantileSorted(scratch, 0.9);
  }
}
