/**
 * Per-cell histograms of Monte Carlo values (see {@link StreamingQuantiles} in
 * streamingQuantiles.ts): their layout over a first block of runs, their widening when a value
 * falls outside, and reading a value of a given rank back out.
 */

/** Histograms of every cell: counts, layout and what fell outside. */
export interface Histograms {
  /** Uint16 while runs ≤ 65,535 (a count never exceeds the runs), else Uint32. */
  counts: Uint16Array | Uint32Array;
  start: Int32Array;
  width: Int32Array;
  /** Runs in which the cell was exactly 0 (kept out of the bins: "nobody" stays exact). */
  zeros: Uint32Array;
}

/** Histograms laid over 1.25 × each cell's range in the first block. */
export function layOutHistograms(
  block: Int32Array,
  cells: number,
  inBlock: number,
  bins: number,
  runs: number,
): Histograms {
  const start = new Int32Array(cells);
  const width = new Int32Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    // Over the range of the values other than 0 (zeros are counted apart, exactly).
    let lo = Infinity;
    let hi = -Infinity;
    for (let run = 0, k = cell; run < inBlock; run++, k += cells) {
      const v = block[k]!;
      if (v === 0) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === Infinity) lo = hi = 1;
    const span = hi - lo + 1;
    width[cell] = Math.max(1, Math.ceil((span * 1.25) / bins));
    start[cell] = lo - Math.floor((bins * width[cell]! - span) / 2);
  }
  const counts = runs <= 65535 ? new Uint16Array(cells * bins) : new Uint32Array(cells * bins);
  return { counts, start, width, zeros: new Uint32Array(cells) };
}

/**
 * Doubles a cell's bin width (merging bins in pairs) until its histogram covers `v`: upwards
 * from the same start for a larger value, downwards (the old range becoming the upper half)
 * for a smaller one.
 */
export function widenCell(h: Histograms, bins: number, cell: number, v: number): void {
  const half = bins / 2;
  const row = cell * bins;
  while (v < h.start[cell]! || v >= h.start[cell]! + bins * h.width[cell]!) {
    const down = v < h.start[cell]!;
    const merged = new Float64Array(half);
    for (let j = 0; j < half; j++) merged[j] = h.counts[row + 2 * j]! + h.counts[row + 2 * j + 1]!;
    h.counts.fill(0, row, row + bins);
    h.counts.set(merged, row + (down ? half : 0));
    if (down) h.start[cell] = h.start[cell]! - bins * h.width[cell]!;
    h.width[cell] = h.width[cell]! * 2;
  }
}

/** The value of rank `rank` (0-based) of a cell's histogram. */
export function orderStatistic(
  h: Histograms,
  bins: number,
  cell: number,
  rank: number,
  max: number,
): number {
  const start = h.start[cell]!;
  const width = h.width[cell]!;
  let seen = 0;
  let zeros = h.zeros[cell]!;
  const base = cell * bins;
  for (let bin = 0; bin < bins; bin++) {
    // The zeros come before the first bin reaching above 0 (values are counts, ≥ 0).
    if (zeros > 0 && start + (bin + 1) * width > 0) {
      if (rank < seen + zeros) return 0;
      seen += zeros;
      zeros = 0;
    }
    const n = h.counts[base + bin]!;
    if (rank < seen + n) {
      if (width === 1) return start + bin;
      return start + bin * width + ((rank - seen + 0.5) / n) * width - 0.5;
    }
    seen += n;
  }
  return zeros > 0 && rank < seen + zeros ? 0 : max;
}

/**
 * Pours a block of `runs` runs (run-major, `cells` values each) into the histograms, cell by cell
 * (so a cell's bins stay in cache), widening a cell's histogram when a value falls outside it and
 * keeping each cell's smallest and largest value in `min`/`max`.
 */
export function pourBlock(
  h: Histograms,
  block: Int32Array,
  cells: number,
  bins: number,
  runs: number,
  min: Int32Array,
  max: Int32Array,
): void {
  const { counts, start, width, zeros } = h;
  for (let c = 0; c < cells; c++) {
    // Per cell: its bins stay in cache; its extremes live in locals.
    const row = c * bins;
    let s = start[c]!;
    let w = width[c]!;
    let lo = min[c]!;
    let hi = max[c]!;
    let zero = 0;
    for (let run = 0, k = c; run < runs; run++, k += cells) {
      const v = block[k]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (v === 0) {
        zero++;
        continue;
      }
      let offset = (v - s) | 0;
      if (offset < 0 || offset >= bins * w) {
        widenCell(h, bins, c, v);
        s = start[c]!;
        w = width[c]!;
        offset = (v - s) | 0;
      }
      counts[row + (w === 1 ? offset : (offset / w) | 0)]!++;
    }
    min[c] = lo;
    max[c] = hi;
    zeros[c]! += zero;
  }
}
