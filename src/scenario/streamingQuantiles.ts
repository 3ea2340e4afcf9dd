/**
 * p10/p50/p90 of many cells (place × day) over Monte Carlo runs, in memory that does not grow
 * with the number of runs.
 *
 * The first `pilotRuns` runs are kept exactly. When a scenario has no more runs than that, the
 * quantiles are exact (type 7, as {@link quantileSorted}). Beyond it, each cell gets a histogram of
 * `bins` bins laid over 1.25 × the range its pilot runs took (centred on it; bins of whole people,
 * at least 1 wide), the pilot values are poured into it and every later run adds one count. A
 * quantile is read by walking the histogram to the ranks type 7 needs, spreading the values of a
 * bin evenly across it. Accuracy: exact while a cell's values stay within its histogram and its
 * bins are 1 person wide (pilot range below ~100 people); otherwise within one bin width —
 * 1.25 × the pilot range ÷ bins, about 1 % of the range of the cell's values — of the exact
 * quantile. Values outside the histogram are counted with their extreme and spread evenly between
 * it and the histogram's edge; with ≥ 32 pilot runs, p10 and p90 almost never fall there.
 *
 * Memory: pilotRuns × cells × 4 bytes while piloting, then cells × bins × 2 bytes (runs ≤ 65,535)
 * + 32 bytes per cell.
 */
import { cellQuantiles } from "./quantiles.ts";

/** Histogram bins per cell once the pilot is over. */
export const DEFAULT_BINS = 128;

/** p10, p50 and p90 per cell. */
export interface CellQuantiles {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

export class StreamingQuantiles {
  readonly cells: number;
  readonly runs: number;
  readonly pilotRuns: number;
  readonly bins: number;
  private added = 0;
  private pilot: Int32Array | undefined;
  private min: Int32Array;
  private max: Int32Array;
  private counts: Uint16Array | Uint32Array | undefined;
  private start: Float64Array | undefined;
  private width: Float64Array | undefined;
  private under: Uint32Array | undefined;
  private over: Uint32Array | undefined;

  /**
   * @param cells cells per run.
   * @param runs runs that will be added (the quantiles are read after the last).
   * @param pilotRuns runs kept exactly (default 128).
   * @param bins histogram bins per cell after the pilot (default {@link DEFAULT_BINS}).
   */
  constructor(cells: number, runs: number, pilotRuns = 128, bins = DEFAULT_BINS) {
    this.cells = cells;
    this.runs = runs;
    this.pilotRuns = Math.max(1, Math.min(runs, pilotRuns));
    this.bins = bins;
    this.pilot = new Int32Array(cells * this.pilotRuns);
    this.min = new Int32Array(cells).fill(2 ** 31 - 1);
    this.max = new Int32Array(cells).fill(-(2 ** 31));
  }

  /** Bytes held now (typed arrays only). */
  get bytes(): number {
    const arrays = [this.pilot, this.min, this.max, this.counts, this.start, this.width];
    return arrays.reduce((sum, a) => sum + (a?.byteLength ?? 0), 0) + 2 * 4 * this.cells;
  }

  /**
   * Adds `length` cells of the current run, from `source[from…]` into cells `cell…`. Call
   * {@link endRun} once every cell of the run is in.
   */
  addSlice(source: ArrayLike<number>, from: number, cell: number, length: number): void {
    const { min, max } = this;
    if (this.pilot) {
      const pilot = this.pilot;
      const base = this.added * this.cells + cell;
      for (let k = 0; k < length; k++) {
        const v = source[from + k]!;
        pilot[base + k] = v;
        if (v < min[cell + k]!) min[cell + k] = v;
        if (v > max[cell + k]!) max[cell + k] = v;
      }
      return;
    }
    for (let k = 0; k < length; k++) this.count(cell + k, source[from + k]!);
  }

  /** Adds one value of the current run. */
  add(cell: number, value: number): void {
    this.addSlice([value], 0, cell, 1);
  }

  /** Closes the current run; after the pilot, switches every cell to its histogram. */
  endRun(): void {
    this.added++;
    if (this.pilot && this.added === this.pilotRuns && this.runs > this.pilotRuns)
      this.toHistograms();
  }

  private count(cell: number, v: number): void {
    if (v < this.min[cell]!) this.min[cell] = v;
    if (v > this.max[cell]!) this.max[cell] = v;
    const bin = Math.floor((v - this.start![cell]!) / this.width![cell]!);
    if (bin < 0) this.under![cell]!++;
    else if (bin >= this.bins) this.over![cell]!++;
    else this.counts![cell * this.bins + bin]!++;
  }

  private toHistograms(): void {
    const { cells, bins } = this;
    this.counts =
      this.runs <= 65535 ? new Uint16Array(cells * bins) : new Uint32Array(cells * bins);
    this.start = new Float64Array(cells);
    this.width = new Float64Array(cells);
    this.under = new Uint32Array(cells);
    this.over = new Uint32Array(cells);
    for (let cell = 0; cell < cells; cell++) {
      const span = this.max[cell]! - this.min[cell]! + 1;
      const width = Math.max(1, Math.ceil((span * 1.25) / bins));
      this.width[cell] = width;
      this.start[cell] = this.min[cell]! - Math.floor((bins * width - span) / 2);
    }
    const pilot = this.pilot!;
    this.pilot = undefined;
    for (let run = 0; run < this.added; run++)
      for (let cell = 0; cell < cells; cell++) this.count(cell, pilot[run * cells + cell]!);
  }

  /** The value of rank `rank` (0-based) of a cell's histogram. */
  private orderStatistic(cell: number, rank: number): number {
    const start = this.start![cell]!;
    const width = this.width![cell]!;
    const under = this.under![cell]!;
    if (rank < under) {
      const low = this.min[cell]!;
      return low + ((start - low) * (rank + 0.5)) / under;
    }
    let seen = under;
    const base = cell * this.bins;
    for (let bin = 0; bin < this.bins; bin++) {
      const n = this.counts![base + bin]!;
      if (rank < seen + n) {
        if (width === 1) return start + bin;
        return start + bin * width + ((rank - seen + 0.5) / n) * width - 0.5;
      }
      seen += n;
    }
    const edge = start + this.bins * width;
    const over = this.over![cell]!;
    return edge + ((this.max[cell]! - edge) * (rank - seen + 0.5)) / over;
  }

  private histogramQuantile(cell: number, p: number): number {
    if (this.min[cell] === this.max[cell]) return this.min[cell]!;
    const position = (this.added - 1) * p;
    const below = Math.floor(position);
    const low = Math.max(this.min[cell]!, this.orderStatistic(cell, below));
    if (below === position) return low;
    const high = Math.min(this.max[cell]!, this.orderStatistic(cell, below + 1));
    return low + (Math.max(low, high) - low) * (position - below);
  }

  /** p10, p50 and p90 of every cell over the runs added. */
  quantiles(): CellQuantiles {
    const n = this.cells;
    const out = { p10: new Float64Array(n), p50: new Float64Array(n), p90: new Float64Array(n) };
    if (this.pilot) {
      const pilot = this.pilot.subarray(0, this.added * n);
      cellQuantiles(pilot, this.added, this.min, this.max, out.p10, out.p50, out.p90);
      return out;
    }
    for (let cell = 0; cell < n; cell++) {
      out.p10[cell] = this.histogramQuantile(cell, 0.1);
      out.p50[cell] = this.histogramQuantile(cell, 0.5);
      out.p90[cell] = this.histogramQuantile(cell, 0.9);
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
