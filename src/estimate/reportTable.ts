/**
 * The association search's reports as flat typed arrays: each report's km on each route (NaN: off
 * it), its position's weight, its figure. The exact cost of a group (moveScreen.ts listCost) is
 * computed for every candidate move, hundreds of thousands of times for 100 unlabelled groups;
 * reading a report's km from its `kmByRoute` map for every route of every fit was more than half
 * of that time (50 unlabelled groups, `node --cpu-prof`). The values are the reports' own, so the
 * costs read from the table are those read from the reports, number for number.
 *
 * A table copies the reports' km and weights as they are when it is made; `byTime` reads their
 * times at its first use. Make it once their weights are set (linkTracklets.ts weighPlaceDays), and
 * pass it to the steps that read them (mergeTracklets.ts mergeRows, reassignReports.ts,
 * splitTrack.ts: `ReportTable.for`), so that every step of one search reads one table.
 */
import type { LinkReport } from "./mergeTracklets.ts";

export class ReportTable {
  /** The reports, as given. */
  readonly reports: readonly LinkReport[];
  /** Column of each route near at least one report. */
  readonly routeIndex: ReadonlyMap<string, number>;
  /** Routes (columns) per report. */
  readonly width: number;
  /** km (by report, then route; NaN: off that route). */
  readonly km: Float64Array;
  /** Weight of each report's position (default 1). */
  readonly weight: Float64Array;
  /**
   * Each report's figure (log people; `sized` 0: none, the value then 0) and whether it names a
   * part (1): read for every figure of every candidate fit (moveScreen.ts figureLosses), where the
   * reports' objects were 4 % of the time at 100 unlabelled groups.
   */
  readonly logSize: Float64Array;
  readonly sized: Uint8Array;
  readonly part: Uint8Array;
  /** Report indices in time order (a stable sort), made on first use. */
  private order?: readonly number[];
  constructor(reports: readonly LinkReport[]) {
    this.reports = reports;
    const index = new Map<string, number>();
    for (const r of reports)
      for (const route of r.kmByRoute.keys()) if (!index.has(route)) index.set(route, index.size);
    this.routeIndex = index;
    this.width = index.size;
    this.km = new Float64Array(reports.length * this.width).fill(NaN);
    this.weight = new Float64Array(reports.length);
    this.logSize = new Float64Array(reports.length);
    this.sized = new Uint8Array(reports.length);
    this.part = new Uint8Array(reports.length);
    reports.forEach((r, i) => {
      for (const [route, km] of r.kmByRoute)
        this.km[i * this.width + (index.get(route) as number)] = km;
      this.weight[i] = r.weight ?? 1;
      if (r.logSize !== undefined) {
        this.logSize[i] = r.logSize;
        this.sized[i] = 1;
      }
      if (r.part) this.part[i] = 1;
    });
  }

  /**
   * The table a step of the search reads: `table` when given, which must be of this very
   * `reports` array (else a RangeError: its rows would be another array's), else a new one.
   * @example
   * const table = ReportTable.for(reports, o.table);
   */
  static for(reports: readonly LinkReport[], table?: ReportTable): ReportTable {
    if (table === undefined) return new ReportTable(reports);
    if (table.reports !== reports)
      throw new RangeError("ReportTable: the table given is of another reports array");
    return table;
  }

  /**
   * Report indices in time order (a stable sort: reports at one time in their order), from the
   * reports' times at the first use.
   */
  get byTime(): readonly number[] {
    this.order ??= this.reports
      .map((_, i) => i)
      .sort((x, y) => this.reports[x].t - this.reports[y].t);
    return this.order;
  }

  /** Each report's time (days), by index, and the times in time order (byTime's), made on first use. */
  private timesByIndex?: Float64Array;
  private timesInOrder?: Float64Array;

  /**
   * Each report's time (days), by index, from the reports' times at the first use (read-only: every
   * search of the table shares it — splitTrack.ts searches two lists at a time, and making it over
   * every report for each search was 1 % of the time at 100 unlabelled groups).
   */
  get times(): Float64Array {
    this.timesByIndex ??= Float64Array.from(this.reports, (r) => r.t);
    return this.timesByIndex;
  }

  /** The reports' times in time order (byTime's; read-only, shared as `times` is). */
  get timeline(): Float64Array {
    this.timesInOrder ??= Float64Array.from(this.byTime, (i) => this.reports[i].t);
    return this.timesInOrder;
  }

  /** Whether reports `i` and `j` lie within `maxKm` of each other on a route near both. */
  near(i: number, j: number, maxKm: number): boolean {
    const a = i * this.width;
    const b = j * this.width;
    // (NaN, off a route, is within no distance.)
    for (let k = 0; k < this.width; k++)
      if (Math.abs(this.km[a + k] - this.km[b + k]) <= maxKm) return true;
    return false;
  }

  /** Report `i`'s km on route column `c` (NaN: off it). */
  kmOn(i: number, c: number): number {
    return this.km[i * this.width + c];
  }
}
