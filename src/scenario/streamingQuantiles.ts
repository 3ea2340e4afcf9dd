/**
 * p10/p50/p90 of many cells (place × day) over Monte Carlo runs, in memory that does not grow
 * with the number of runs.
 *
 * Runs are written into a block of `blockRuns` runs (a plain copy per run). When a scenario has
 * no more runs than that, the quantiles are exact (type 7, as {@link quantileSorted}). Beyond it,
 * each cell gets a histogram of `bins` bins laid over 1.25 × the range its first block of runs
 * took (centred on it; bins of whole people, at least 1 wide), and every block is poured into the
 * histograms cell by cell (so a cell's bins stay in cache while its runs are counted). A quantile
 * is read by walking the histogram to the ranks type 7 needs, spreading the values of a bin evenly
 * across it. Accuracy: exact while a cell's values stay within its histogram and its bins are 1
 * person wide (a first-block range below ~100 people); otherwise within one bin width — 1.25 × the
 * first block's range ÷ bins, about 1 % of the range of the cell's values — of the exact quantile.
 * Values outside the histogram are counted with their extreme and spread evenly between it and
 * the histogram's edge; with ≥ 32 runs in the first block, p10 and p90 almost never fall there.
 *
 * Memory: blockRuns × cells × 4 bytes + cells × bins × 4 bytes + 24 bytes per cell, whatever
 * the number of runs.
 */
import { cellQuantiles } from "./quantiles.ts";

/** Histogram bins per cell once there are more runs than a block holds. */
export const DEFAULT_BINS = 128;

/** p10, p50 and p90 per cell. */
export interface CellQuantiles {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

/** Histograms of every cell: counts, layout and what fell outside. */
interface Histograms {
  counts: Uint32Array;
  start: Int32Array;
  width: Int32Array;
  under: Uint32Array;
  over: Uint32Array;
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

  /** Bytes held (typed arrays only). */
  get bytes(): number {
    const h = this.histograms;
    const arrays = [
      this.block,
      this.min,
      this.max,
      h?.counts,
      h?.start,
      h?.width,
      h?.under,
      h?.over,
    ];
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
    const { cells, bins } = this;
    const start = new Int32Array(cells);
    const width = new Int32Array(cells);
    for (let cell = 0; cell < cells; cell++) {
      const span = this.max[cell]! - this.min[cell]! + 1;
      width[cell] = Math.max(1, Math.ceil((span * 1.25) / bins));
      start[cell] = this.min[cell]! - Math.floor((bins * width[cell]! - span) / 2);
    }
    return {
      counts: new Uint32Array(cells * bins),
      start,
      width,
      under: new Uint32Array(cells),
      over: new Uint32Array(cells),
    };
  }

  /** Pours the block into the histograms, cell by cell, and empties it. */
  private flush(): void {
    if (!this.histograms) {
      this.blockExtremes();
      this.histograms = this.layOut();
    }
    const { counts, start, width, under, over } = this.histograms;
    const { block, cells, bins, min, max } = this;
    const runs = this.inBlock;
    for (let c = 0; c < cells; c++) {
      // Per cell: its bins stay in cache; its extremes and outside counts live in locals.
      const s = start[c]!;
      const w = width[c]!;
      const row = c * bins;
      let lo = min[c]!;
      let hi = max[c]!;
      let below = 0;
      let above = 0;
      for (let run = 0, k = c; run < runs; run++, k += cells) {
        const v = block[k]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        const offset = (v - s) | 0;
        if (offset < 0) below++;
        else {
          const bin = w === 1 ? offset : (offset / w) | 0;
          if (bin < bins) counts[row + bin]!++;
          else above++;
        }
      }
      min[c] = lo;
      max[c] = hi;
      under[c]! += below;
      over[c]! += above;
    }
    this.inBlock = 0;
  }

  /** The value of rank `rank` (0-based) of a cell's histogram. */
  private orderStatistic(h: Histograms, cell: number, rank: number): number {
    const start = h.start[cell]!;
    const width = h.width[cell]!;
    const under = h.under[cell]!;
    if (rank < under) {
      const low = this.min[cell]!;
      return low + ((start - low) * (rank + 0.5)) / under;
    }
    let seen = under;
    const base = cell * this.bins;
    for (let bin = 0; bin < this.bins; bin++) {
      const n = h.counts[base + bin]!;
      if (rank < seen + n) {
        if (width === 1) return start + bin;
        return start + bin * width + ((rank - seen + 0.5) / n) * width - 0.5;
      }
      seen += n;
    }
    const edge = start + this.bins * width;
    return edge + ((this.max[cell]! - edge) * (rank - seen + 0.5)) / h.over[cell]!;
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
