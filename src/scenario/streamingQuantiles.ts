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
import { cellQuantiles } from "../util/quantiles.ts";
import { layOutHistograms, orderStatistic, pourBlock } from "./cellHistograms.ts";
import type { Histograms } from "./cellHistograms.ts";

/** Histogram bins per cell once there are more runs than a block holds. */
export const DEFAULT_BINS = 256;

/** p10, p50 and p90 per cell. */
export interface CellQuantiles {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
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

  /** Pours the block into the histograms, cell by cell, and empties it. */
  private flush(): void {
    if (!this.histograms) {
      this.blockExtremes();
      this.histograms = layOutHistograms(
        this.block,
        this.cells,
        this.inBlock,
        this.bins,
        this.runs,
      );
    }
    pourBlock(this.histograms, this.block, this.cells, this.bins, this.inBlock, this.min, this.max);
    this.inBlock = 0;
  }

  private histogramQuantile(h: Histograms, cell: number, p: number): number {
    if (this.min[cell] === this.max[cell]) return this.min[cell]!;
    const position = (this.added - 1) * p;
    const below = Math.floor(position);
    const low = Math.max(
      this.min[cell]!,
      orderStatistic(h, this.bins, cell, below, this.max[cell]!),
    );
    if (below === position) return low;
    const high = Math.min(
      this.max[cell]!,
      orderStatistic(h, this.bins, cell, below + 1, this.max[cell]!),
    );
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

  /**
   * Type-7 quantile p of a cell's days among the runs in which it happened (NaN when in none): the
   * date of a peak, which a run with nobody present does not have (it is not "later").
   */
  quantileWhenHappened(cell: number, p: number): number {
    const n = this.total(cell) - this.counts[cell * (this.days + 1) + this.days]!;
    if (n === 0) return NaN;
    const position = (n - 1) * p;
    const below = Math.floor(position);
    const a = this.orderStatistic(cell, below);
    const b = this.orderStatistic(cell, Math.min(n - 1, below + 1));
    return a + (b - a) * (position - below);
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
