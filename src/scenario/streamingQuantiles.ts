/**
 * p10/p50/p90 of many cells (place × day) over Monte Carlo runs, in memory that does not grow
 * with the number of runs.
 *
 * Runs are written into a block of `blockRuns` runs (a plain copy per run). When a scenario has
 * no more runs than that, the quantiles are exact (type 7, as {@link quantileSorted}). Beyond it,
 * each cell gets a histogram of `bins` bins laid over 1.25 × the range its first block of runs
 * took (centred on it; bins of whole people, at least 1 wide), and every block is poured into the
 * histograms cell by cell (so a cell's bins stay in cache while its runs are counted). A value
 * outside a cell's histogram doubles its bin width (bins merged in pairs) until it fits, so no
 * value is ever clipped. A quantile is read by walking the histogram to the ranks type 7 needs,
 * spreading the values of a bin evenly across it.
 *
 * Zeros ("nobody there", the commonest value) are counted apart, exactly.
 *
 * Accuracy: exact while a cell's bins are 1 person wide (its values span fewer than
 * bins ÷ 1.25 ≈ 200 people); otherwise within one bin width of the exact quantile — 1.25 × the
 * range of the cell's values ÷ bins, about 0.5 % of that range with 256 bins, twice that when a
 * later run widened the histogram. bench/README.md gives the measured error on the 2018 corridor.
 *
 * Memory: blockRuns × cells × 4 bytes + cells × bins × 2 bytes (4 beyond 65,535 runs) + 20 bytes
 * per cell, whatever the number of runs.
 */
import { cellQuantiles } from "./quantiles.ts";

/** Histogram bins per cell once there are more runs than a block holds. */
export const DEFAULT_BINS = 256;

/** p10, p50 and p90 per cell. */
export interface CellQuantiles {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

/** Histograms of every cell: counts, layout and what fell outside. */
interface Histograms {
  /** Uint16 while runs ≤ 65,535 (a count never exceeds the runs), else Uint32. */
  counts: Uint16Array | Uint32Array;
  start: Int32Array;
  width: Int32Array;
  /** Runs in which the cell was exactly 0 (kept out of the bins: "nobody" stays exact). */
  zeros: Uint32Array;
}

export class StreamingQuantiles {
  readonly cells: number;
  readonly runs: number;
  /** Runs held exactly in the block (all of them when `runs` ≤ the block). */
  readonly blockRuns: number;
  readonly bins: number;
  private added = 0;
  private inBlock = 0;
  private block: Int32Array;
  private min: Int32Array;
  private max: Int32Array;
  private histograms: Histograms | undefined;

  /**
   * @param cells cells per run.
   * @param runs runs that will be added (the quantiles are read after the last).
   * @param blockRuns runs held in the block (default 128).
   * @param bins histogram bins per cell beyond the block (default {@link DEFAULT_BINS}).
   */
  constructor(cells: number, runs: number, blockRuns = 128, bins = DEFAULT_BINS) {
    this.cells = cells;
    this.runs = runs;
    this.blockRuns = Math.max(1, Math.min(runs, blockRuns));
    this.bins = bins;
    this.block = new Int32Array(cells * this.blockRuns);
    this.min = new Int32Array(cells).fill(2 ** 31 - 1);
    this.max = new Int32Array(cells).fill(-(2 ** 31));
  }

  /** Whether the quantiles come from histograms (more runs than the block holds). */
  get streaming(): boolean {
    return this.runs > this.blockRuns;
  }

  /**
   * A cell's bin width in people once its quantiles are read (1: exact); 0 without histograms
   * (no more runs than the block holds: exact).
   */
  resolution(cell: number): number {
    return this.histograms?.width[cell] ?? 0;
  }

  /** Bytes held (typed arrays only). */
  get bytes(): number {
    const h = this.histograms;
    const arrays = [this.block, this.min, this.max, h?.counts, h?.start, h?.width];
    return arrays.reduce((sum, a) => sum + (a?.byteLength ?? 0), 0);
  }

  /**
   * Adds `length` cells of the current run, from `source[from…]` into cells `cell…`. Call
   * {@link endRun} once every cell of the run is in.
   */
  addSlice(source: Int32Array, from: number, cell: number, length: number): void {
    const block = this.block;
    const base = this.inBlock * this.cells + cell - from;
    for (let k = from, end = from + length; k < end; k++) block[base + k] = source[k]!;
  }

  /** Adds one value of the current run. */
  add(cell: number, value: number): void {
    this.block[this.inBlock * this.cells + cell] = value;
  }

  /** Closes the current run; a full block is poured into the histograms. */
  endRun(): void {
    this.added++;
    this.inBlock++;
    if (this.inBlock === this.blockRuns && this.streaming) this.flush();
  }

  /** Smallest and largest value of each cell over the runs in the block. */
  private blockExtremes(): void {
    const { block, min, max, cells } = this;
    for (let run = 0; run < this.inBlock; run++) {
      for (let cell = 0, k = run * cells; cell < cells; cell++, k++) {
        const v = block[k]!;
        if (v < min[cell]!) min[cell] = v;
        if (v > max[cell]!) max[cell] = v;
      }
    }
  }

  /** Histograms laid over 1.25 × each cell's range in the first block. */
  private layOut(): Histograms {
    const { cells, bins, block } = this;
    const start = new Int32Array(cells);
    const width = new Int32Array(cells);
    for (let cell = 0; cell < cells; cell++) {
      // Over the range of the values other than 0 (zeros are counted apart, exactly).
      let lo = Infinity;
      let hi = -Infinity;
      for (let run = 0, k = cell; run < this.inBlock; run++, k += cells) {
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
    const counts =
      this.runs <= 65535 ? new Uint16Array(cells * bins) : new Uint32Array(cells * bins);
    return { counts, start, width, zeros: new Uint32Array(cells) };
  }

  /**
   * Doubles a cell's bin width (merging bins in pairs) until its histogram covers `v`: upwards
   * from the same start for a larger value, downwards (the old range becoming the upper half)
   * for a smaller one.
   */
  private widen(cell: number, v: number): void {
    const h = this.histograms!;
    const { bins } = this;
    const half = bins / 2;
    const row = cell * bins;
    while (v < h.start[cell]! || v >= h.start[cell]! + bins * h.width[cell]!) {
      const down = v < h.start[cell]!;
      const merged = new Float64Array(half);
      for (let j = 0; j < half; j++)
        merged[j] = h.counts[row + 2 * j]! + h.counts[row + 2 * j + 1]!;
      h.counts.fill(0, row, row + bins);
      h.counts.set(merged, row + (down ? half : 0));
      if (down) h.start[cell] = h.start[cell]! - bins * h.width[cell]!;
      h.width[cell] = h.width[cell]! * 2;
    }
  }

  /** Pours the block into the histograms, cell by cell, and empties it. */
  private flush(): void {
    if (!this.histograms) {
      this.blockExtremes();
      this.histograms = this.layOut();
    }
    const { counts, start, width, zeros } = this.histograms;
    const { block, cells, bins, min, max } = this;
    const runs = this.inBlock;
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
          this.widen(c, v);
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
    this.inBlock = 0;
  }

  /** The value of rank `rank` (0-based) of a cell's histogram. */
  private orderStatistic(h: Histograms, cell: number, rank: number): number {
    const start = h.start[cell]!;
    const width = h.width[cell]!;
    let seen = 0;
    let zeros = h.zeros[cell]!;
    const base = cell * this.bins;
    for (let bin = 0; bin < this.bins; bin++) {
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
    return zeros > 0 && rank < seen + zeros ? 0 : this.max[cell]!;
  }

  private histogramQuantile(h: Histograms, cell: number, p: number): number {
    if (this.min[cell] === this.max[cell]) return this.min[cell]!;
    const position = (this.added - 1) * p;
    const below = Math.floor(position);
    const low = Math.max(this.min[cell]!, this.orderStatistic(h, cell, below));
    if (below === position) return low;
    const high = Math.min(this.max[cell]!, this.orderStatistic(h, cell, below + 1));
    return low + (Math.max(low, high) - low) * (position - below);
  }

  /** p10, p50 and p90 of every cell over the runs added. */
  quantiles(): CellQuantiles {
    const n = this.cells;
    const out = { p10: new Float64Array(n), p50: new Float64Array(n), p90: new Float64Array(n) };
    if (!this.streaming) {
      this.blockExtremes();
      const block = this.block.subarray(0, this.added * n);
      cellQuantiles(block, this.added, this.min, this.max, out.p10, out.p50, out.p90);
      return out;
    }
    if (this.inBlock > 0) this.flush();
    const h = this.histograms!;
    for (let cell = 0; cell < n; cell++) {
      out.p10[cell] = this.histogramQuantile(h, cell, 0.1);
      out.p50[cell] = this.histogramQuantile(h, cell, 0.5);
      out.p90[cell] = this.histogramQuantile(h, cell, 0.9);
    }
    return out;
  }
}

/**
 * Quantiles of a day (a whole number 0…days−1, or `Infinity`: did not happen) per cell over the
 * runs, from an exact histogram of days + 1 bins per cell (memory flat in the runs).
 */
export class DayHistograms {
  private counts: Uint32Array;
  readonly cells: number;
  readonly days: number;
  constructor(cells: number, days: number) {
    this.cells = cells;
    this.days = days;
    this.counts = new Uint32Array(cells * (days + 1));
  }

  /** Adds a cell's day for the current run (`Infinity` when it did not happen). */
  add(cell: number, day: number): void {
    const bin = day === Infinity ? this.days : day;
    this.counts[cell * (this.days + 1) + bin]!++;
  }

  /** Share of the runs in which it happened (runs counted from cell 0). */
  happened(cell: number): number {
    const total = this.total(cell);
    return total === 0 ? 0 : (total - this.counts[cell * (this.days + 1) + this.days]!) / total;
  }

  private total(cell: number): number {
    let n = 0;
    const base = cell * (this.days + 1);
    for (let bin = 0; bin <= this.days; bin++) n += this.counts[base + bin]!;
    return n;
  }

  private orderStatistic(cell: number, rank: number): number {
    const base = cell * (this.days + 1);
    let seen = 0;
    for (let bin = 0; bin < this.days; bin++) {
      seen += this.counts[base + bin]!;
      if (rank < seen) return bin;
    }
    return Infinity;
  }

  /** Type-7 quantile p of a cell's days; `Infinity` when it falls on or next to "did not happen". */
  quantile(cell: number, p: number): number {
    const n = this.total(cell);
    if (n === 0) return NaN;
    const position = (n - 1) * p;
    const below = Math.floor(position);
    const a = this.orderStatistic(cell, below);
    const b = this.orderStatistic(cell, Math.min(n - 1, below + 1));
    if (a === Infinity || b === Infinity)
      return position === below && a !== Infinity ? a : Infinity;
    return a + (b - a) * (position - below);
  }
}
