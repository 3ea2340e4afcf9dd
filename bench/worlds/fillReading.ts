/**
 * The FILL reading of a group's positions (issue 13, "Association that does not fragment"): a
 * group is a body strung out along its road, and on each day its reports lie in one window of
 * that body — the day's reports of one group span it. Read by the association diagnostic
 * (bench/partitionCost.bench.ts `--fill`), not by the estimator's search.
 *
 * - **The day's window.** The reports of one group on one local day are uniform over a window
 *   `[a, a + L]` of the road, `L` = the span of the reports in it plus a town's snapping at each end
 *   (`edgeKm`), at least `minKm` (about one gap between towns: reports are snapped to towns); each
 *   report outside the window is an outlier, uniform over the road (stale news, a wrong town), at
 *   the cost model's `outlierShare`. The window is the one that costs least (every run of the day's
 *   reports in km order is tried). Two groups seen on one day at places 300 km apart, read as one,
 *   need a window 300 km long: each of the day's reports costs log 300 instead of log of its own
 *   group's window, while a body seen along its length costs the same whether its reports are
 *   spread or bunched at two towns.
 * - **The track.** The windows' centres only move forward (the weighted isotonic fit over days,
 *   each day weighted by its reports in the window), each centre normal about the track with sd
 *   `centreKm` (with `centreBody`, `√(centreKm² + L̃² / 12)`, L̃ the group's median window: a
 *   day's reports may see any part of the body), robust as trackCost.ts (`positionLoss`). One
 *   term a DAY, not a report: a day's reports tell one place of the body. By default only the
 *   excess over a centre on the track counts (`centreConstant` false): the density's constant,
 *   `log(sd √(2π))` a group-day, charges every group-day as a rate would, and so pays for joins.
 * - **One report rate for all groups** (`sharedRateCost`): the partition's reports as a Poisson
 *   process over its groups' days (first to last report, inclusive) at ONE rate shared by every
 *   group, at its maximum-likelihood value: `N log(Σ days)` nats up to the partition's constant.
 *   Every group-day costs about the rate (the reports a group-day brings on average), whoever
 *   holds it: joining two like-sized groups seen on the same S days saves about λS (the reports of
 *   one) — less than the `2n log 2` a rate fitted per group pays (the body reading at commit
 *   6e40a39), but still a saving: under any Poisson rate, shared or not, a partition with fewer
 *   group-days explains the same reports' times better (the `log n!` of counts cancels against
 *   the ways of labelling the reports). `perDay`: one rate a DAY, shared by the groups alive that
 *   day: `Σ_d N_d log G_d` (each of a day's reports picks one of the day's groups).
 */
import { isotonic } from "../../src/estimate/isotonic.ts";
import { positionLoss } from "../../src/estimate/trackCost.ts";
import type { CostModel } from "../../src/estimate/trackCost.ts";

/** The fill reading's parameters (module comment). */
export interface FillModel {
  /** Shortest window (km): about one gap between towns (reports are snapped). */
  minKm: number;
  /** Snapping (km) added at each end of a window. */
  edgeKm: number;
  /** Sd (km) of a window's centre about the track, before the body's own part (L̃ / √12). */
  centreKm: number;
  /**
   * Sd (log km) of a day's window length about the group's median window, on days with two or
   * more reports in it (0: no such term). A group of two read as one has short windows on the
   * days one is seen and long ones on the days both are.
   */
  lengthSd: number;
  /**
   * A day's lone report is somewhere in the group's body: it costs log of the group's median
   * window, not of the shortest one (false: of the shortest).
   */
  loneAtBody: boolean;
  /**
   * The centres' term counts the normal density's constant, `log(sd √(2π))` a group-day (true), or
   * only the excess over a centre on the track (false): the constant charges every group-day
   * as a rate would.
   */
  centreConstant: boolean;
  /** The centres' sd counts the body's own part, `L̃ / √12` (true), or is `centreKm` alone. */
  centreBody: boolean;
}

/**
 * Defaults: minKm 30 (a town's snapping, about 2 × 15 km: the corridor's towns are 20 / 47 / 102
 * km apart, quartiles), edgeKm 15 (the snapping sd of a 50 km gap, 50 / √12), centreKm 25 (a
 * town's snapping at the median gap), the centres' sd without the body's part and their term
 * without its constant, no length term. Of the variants read by the diagnostic
 * (bench/partitionCost.bench.ts), the one that joined no more pairs of true groups than main's
 * objective (docs/estimation.md "The fill reading and one shared report rate").
 */
export const DEFAULT_FILL_MODEL: FillModel = {
  minKm: 30,
  edgeKm: 15,
  centreKm: 25,
  lengthSd: 0,
  loneAtBody: false,
  centreConstant: false,
  centreBody: false,
};

/** A report as the fill reading sees it: local time (days), km on the route, weight (default 1). */
export interface FillReport {
  t: number;
  km: number;
  weight?: number;
}

/** One group-day: its window (km), the weight of its reports in it, and their cost (nats). */
export interface DayWindow {
  day: number;
  centre: number;
  lengthKm: number;
  weightIn: number;
  cost: number;
}

/** The least-cost window of one day's reports (`km` sorted ascending, weights `w`). */
export function dayWindow(
  km: readonly number[],
  w: readonly number[],
  m: CostModel,
  f: FillModel,
): Omit<DayWindow, "day"> {
  const outLoss = Math.log(m.roadKm / m.outlierShare);
  const total = w.reduce((a, b) => a + b, 0);
  let best = { centre: km[0], lengthKm: f.minKm, weightIn: 0, cost: Infinity };
  for (let i = 0; i < km.length; i++) {
    let inside = 0;
    for (let j = i; j < km.length; j++) {
      inside += w[j];
      const lengthKm = Math.max(f.minKm, km[j] - km[i] + 2 * f.edgeKm);
      const cost = inside * Math.log(lengthKm / (1 - m.outlierShare)) + (total - inside) * outLoss;
      if (cost < best.cost)
        best = { centre: (km[i] + km[j]) / 2, lengthKm, weightIn: inside, cost };
    }
  }
  return best;
}

/** The group's reports (time order) as day windows, in day order. */
export function dayWindows(
  reports: readonly FillReport[],
  m: CostModel,
  f: FillModel,
): DayWindow[] {
  const byDay = new Map<number, FillReport[]>();
  for (const r of reports) {
    const day = Math.floor(r.t);
    let l = byDay.get(day);
    if (!l) byDay.set(day, (l = []));
    l.push(r);
  }
  const out: DayWindow[] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const l = [...(byDay.get(day) as FillReport[])].sort((a, b) => a.km - b.km);
    const win = dayWindow(
      l.map((r) => r.km),
      l.map((r) => r.weight ?? 1),
      m,
      f,
    );
    out.push({ day, ...win });
  }
  return out;
}

/** Median of `x` (non-empty). */
function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** The fill reading's cost of a group's positions by part (nats; module comment). */
export interface FillTerms {
  /** The reports in their days' windows, and those outside as outliers. */
  windows: number;
  /** The windows' centres about the forward-only track. */
  track: number;
  /** Group-days (first to last report day, inclusive): the exposure of the shared rate. */
  days: number;
  /** The days' window lengths about the group's median one (FillModel.lengthSd, loneAtBody). */
  lengths: number;
}

/**
 * The windows' lengths against the group's median window `body` (km): lone reports at the body's
 * length (`loneAtBody`), the other days' lengths lognormal about it (`lengthSd`; the density's
 * constant left out: the length of a day's window is read, not drawn).
 */
function lengthTerm(wins: readonly DayWindow[], body: number, f: FillModel): number {
  let cost = 0;
  for (const d of wins) {
    if (d.weightIn <= 1 + 1e-9) {
      if (f.loneAtBody) cost += d.weightIn * Math.log(Math.max(1, body / d.lengthKm));
      continue;
    }
    if (f.lengthSd > 0) {
      const z = Math.log(d.lengthKm / body) / f.lengthSd;
      cost += 0.5 * z * z;
    }
  }
  return cost;
}

/** The fill reading of one group's positions on one route (reports in time order). */
export function fillTerms(
  reports: readonly FillReport[],
  m: CostModel,
  f: FillModel = DEFAULT_FILL_MODEL,
): FillTerms {
  if (reports.length === 0) return { windows: 0, track: 0, days: 0, lengths: 0 };
  const wins = dayWindows(reports, m, f);
  const windows = wins.reduce((a, d) => a + d.cost, 0);
  // The body: the median window of the days with more than one report in it (else the shortest).
  const seen = wins.filter((d) => d.weightIn > 1 + 1e-9).map((d) => d.lengthKm);
  const body = seen.length > 0 ? median(seen) : f.minKm;
  const sd = Math.sqrt(f.centreKm * f.centreKm + (f.centreBody ? (body * body) / 12 : 0));
  const fit = isotonic(
    wins.map((d) => d.centre),
    wins.map((d) => Math.max(d.weightIn, 1e-6)),
  );
  const mm = { ...m, spreadKm: sd };
  let track = 0;
  const zero = f.centreConstant ? 0 : positionLoss(0, mm);
  for (let i = 0; i < wins.length; i++) track += positionLoss(wins[i].centre - fit[i], mm) - zero;
  const days = wins[wins.length - 1].day - wins[0].day + 1;
  return { windows, track, days, lengths: lengthTerm(wins, body, f) };
}

/**
 * The shared rate's cost (nats, up to the partition's constant) of a partition whose groups hold
 * `groups` (each: its reports' times in days and weights): `N log(Σ days)` (module comment), or
 * with `perDay` `Σ_d N_d log G_d`.
 */
export function sharedRateCost(
  groups: readonly (readonly { t: number; weight?: number }[])[],
  perDay = false,
): number {
  let n = 0;
  let days = 0;
  const alive = new Map<number, number>();
  const seen = new Map<number, number>();
  for (const g of groups) {
    if (g.length === 0) continue;
    let first = Infinity;
    let last = -Infinity;
    for (const r of g) {
      const day = Math.floor(r.t);
      first = Math.min(first, day);
      last = Math.max(last, day);
      n += r.weight ?? 1;
      seen.set(day, (seen.get(day) ?? 0) + (r.weight ?? 1));
    }
    days += last - first + 1;
    for (let d = first; d <= last; d++) alive.set(d, (alive.get(d) ?? 0) + 1);
  }
  if (n === 0) return 0;
  if (!perDay) return n * Math.log(days);
  let cost = 0;
  for (const [d, nd] of seen) cost += nd * Math.log(alive.get(d) as number);
  return cost;
}
