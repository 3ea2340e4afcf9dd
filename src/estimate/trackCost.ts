/**
 * How well one set of reports is explained as ONE group: the negative log-likelihood (nats) of
 * its positions under a forward-only track and of its figures under one size.
 *
 * - **Position.** A group's median person only moves forward along its route (rests, walks and
 *   rides of any length keep km non-decreasing; a shelter stay of a week is a flat stretch, a
 *   400 km ride in a day a step). The track is the weighted isotonic (non-decreasing) fit of the
 *   reports' km in time order (pool-adjacent-violators, Barlow et al. 1972), made robust by
 *   reweighting: a report is the body's spread away from the track, `N(0, spreadKm²)`, or with
 *   probability `outlierShare` anywhere on the road (stale news, a wrong town): uniform over
 *   `roadKm`. Two groups days apart on one road cannot both lie on one forward-only track: one of
 *   them would have to go backwards, so the reports of one sit far from the fit. Each report's
 *   loss counts with its `weight` (placeDay.ts: the reports at one place on one day share the
 *   weight of one — several sources at one shelter see the same people).
 * - **Size.** A figure describes the whole group, `N(log N, sizeSd²)` in log people (sources'
 *   biases and rounding), or — with probability `partShare`, or always when the report names a
 *   part (vanguard, rear) — a part of it, log-uniform between 5 people and 40 % of N. `log N` is
 *   the upper quartile of the whole-group figures (parts are smaller). A report of 4,000 is then
 *   very unlikely for a group of 300, and many reports of 300 very unlikely as parts of 4,000;
 *   beyond SIZE_GATE_RATIO the linking does not join them at all (`oversized`).
 * - **Spread.** Each group has its own spread (fitted, with a prior, within 5–150 km): two compact
 *   groups are not one wide one (n · log of the spread), while one long body seen in pieces is
 *   one.
 *
 * Costs are compared between assignments of the same reports (merge or not), so the constant
 * terms cancel; a new group costs a birth penalty on top (mergeTracklets.ts).
 */

import { isotonic } from "./isotonic.ts";
import type { PredictiveLaw } from "./predictiveTrack.ts";

export { isotonic };

/** One report as the association sees it. */
export interface CostReport {
  /** Local time (days). */
  t: number;
  /** km along the route being scored, or undefined when the report is off that route. */
  km?: number;
  /** Log of the reported figure (or the middle of its range), if any. */
  logSize?: number;
  /** The report names a part of the body (vanguard, rear): its figure is a part's. */
  part?: boolean;
  /** Weight of its position in the group's cost (default 1; placeDay.ts). */
  weight?: number;
}

export interface CostModel {
  /** Sd (km) of a report about the track: the body's spread plus place snapping. */
  spreadKm: number;
  /** Share of reports that are anywhere on the road (stale or misplaced). */
  outlierShare: number;
  /** Length of road (km) an outlier may fall on. */
  roadKm: number;
  /** Sd of a whole-group figure about the group's log size (log people). */
  sizeSd: number;
  /** Share of figures without a part word that describe only a part of the group. */
  partShare: number;
  /** Smallest spread (km, sd) a group is given: coordinates and towns are not exact. */
  floorKm: number;
  /**
   * The reports at one place on one local day share one report's weight in the positions (the
   * association sets each report's `weight` to 1 / their number; placeDay.ts). Off by default:
   * on the development worlds it lowered the unlabelled km error on five of six sets, but on the
   * reported seeds it lost on simulate.ts (km 0.774 → 0.809×), on sizes (stress 0.420 → 0.450×,
   * world3 1.06 → 1.19×) and on group-days without an estimate (bench/README.md, branch assoc5).
   */
  onePlaceADay: boolean;
  /**
   * Largest spread (km, sd) of a group's reports about its median person: a long body (the stress
   * worlds' bodies reach 800 km just after rides; sd of reports about 70 km) — beyond it, reports
   * are another group's or outliers.
   */
  capKm: number;
  /**
   * When set, a group's positions are scored PREDICTIVELY under this reading of the movement law
   * (predictiveTrack.ts) in the association search's exact costs (moveScreen.ts tableCost), in
   * place of the forward-only fit. Unset by default (EstimateOptions.predictiveAssociation).
   */
  predictive?: PredictiveLaw;
  /** With `predictive`: the predictive cost is added to the fit's, not put in its place. */
  predictiveAdded?: boolean;
  /**
   * With `predictive`: each report outside the best window of `km` km of its local day's reports
   * costs `nats` more (predictiveTrack.ts daySpanOutside). Unset by default.
   */
  daySpan?: { km: number; nats: number };
  /**
   * When set, the merges of whole tracklets (mergeTracklets.ts) do not join two whose sizes differ
   * by more than this ratio (each side with two or more whole-group figures; mergeTracklets.ts
   * sizesApart). Unset by default.
   */
  mergeSizeRatio?: number;
  /**
   * When true, reports within a group's same-day body spread may be charged as parts of the body
   * (bodyCharge.ts) in the search's exact costs (moveScreen.ts tableCost): merges, moves of single
   * reports and split tests. Unset by default (EstimateOptions.bodyCharge).
   */
  bodyCharge?: boolean;
}

/**
 * Priors: each group fits its own spread about `spreadKm` (fitPositions); the rest are fixed.
 * outlierShare 8 % (the stress worlds' stale and misplaced reports: 6–18 %; simulate.ts: 5 %);
 * sizeSd 0.6 (sources' biases of ±0.3–0.85 in log and figures rounded to thousands).
 */
export const DEFAULT_COST_MODEL: CostModel = {
  spreadKm: 40,
  outlierShare: 0.08,
  roadKm: 3000,
  sizeSd: 0.6,
  partShare: 0.2,
  floorKm: 5,
  onePlaceADay: false,
  capKm: 150,
};

/** Smallest group part (people) a figure may describe. */
const PART_MIN_LOG = Math.log(5);
/** Largest share of the group a figure of a part describes. */
const PART_MAX_SHARE = 0.4;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** −log density of a position residual `r` (km) under the robust mixture. */
export function positionLoss(r: number, m: CostModel): number {
  return positionLossAt(r, m.spreadKm, m);
}

/**
 * positionLoss at spread `spreadKm` (km) in place of the model's: the same operations, without
 * copying the model (the move screens call it for every candidate; reassignReports.ts).
 */
export function positionLossAt(r: number, spreadKm: number, m: CostModel): number {
  const z = r / spreadKm;
  const good = ((1 - m.outlierShare) * Math.exp(-0.5 * z * z - LOG_SQRT_2PI)) / spreadKm;
  return -Math.log(good + m.outlierShare / m.roadKm);
}

/** Loss of a report off the route: as an outlier. */
export function offRouteLoss(m: CostModel): number {
  return -Math.log(m.outlierShare / m.roadKm);
}

/** Prior of a group's spread: `SPREAD_PRIOR_N` pseudo-reports at the model's `spreadKm`. */
export const SPREAD_PRIOR_N = 3;

/**
 * The robust forward-only fit of positions (km, in time order): fitted km per report, the group's
 * own spread (km; fitted, with a prior of SPREAD_PRIOR_N reports at `m.spreadKm`) and the summed
 * loss. Three reweighting rounds (each report weighted by its chance of being good). A group's
 * reports far more spread than another's cost more (the log of the spread), so two compact
 * groups are not one wide one, while one long body seen in pieces is one.
 */
export function fitPositions(
  km: readonly number[],
  m: CostModel,
  weight?: readonly number[],
): { fit: number[]; spreadKm: number; cost: number } {
  if (km.length === 0) return { fit: [], spreadKm: m.spreadKm, cost: 0 };
  let spreadKm = m.spreadKm;
  const v = weight ?? km.map(() => 1);
  let fit = isotonic(km, v);
  // Weights first from the prior spread (an unweighted fit's residuals would inflate the spread
  // until every report looks good), then the group's own spread from the weighted residuals.
  let w = km.map((y, i) => v[i] * goodShare(y - fit[i], m));
  fit = isotonic(km, w);
  for (let round = 0; round < 3; round++) {
    let ss = SPREAD_PRIOR_N * m.spreadKm * m.spreadKm;
    let n = SPREAD_PRIOR_N;
    for (let i = 0; i < km.length; i++) {
      const r = km[i] - fit[i];
      ss += w[i] * r * r;
      n += w[i];
    }
    spreadKm = Math.min(m.capKm, Math.max(m.floorKm, Math.sqrt(ss / n)));
    const mm = { ...m, spreadKm };
    w = km.map((y, i) => v[i] * goodShare(y - fit[i], mm));
    fit = isotonic(km, w);
  }
  const mm = { ...m, spreadKm };
  let cost = 0;
  for (let i = 0; i < km.length; i++) cost += v[i] * positionLoss(km[i] - fit[i], mm);
  return { fit, spreadKm, cost };
}

/**
 * The robust forward-only fit of a group's positions (km, in time order) with each residual's
 * chance of being good (not an outlier) under the group's own spread. `weight`: each report's
 * weight (CostReport.weight; default 1 each), as in groupCost.
 */
export function fitTrack(
  km: readonly number[],
  m: CostModel,
  weight?: readonly number[],
): { fit: number[]; cost: number; good: (r: number) => number } {
  const spread = fitPositions(km, m, weight);
  const mm = { ...m, spreadKm: spread.spreadKm };
  return { fit: spread.fit, cost: spread.cost, good: (r: number) => goodShare(r, mm) };
}

/**
 * Whether each report (in time order, on the route being scored) is more likely good than an
 * outlier under the group's robust forward-only fit; reports off the route are not.
 */
export function inliers(reports: readonly CostReport[], m: CostModel): boolean[] {
  const placed = reports.filter((r) => r.km !== undefined);
  const on = placed.map((r) => r.km as number);
  const { fit, good: share } = fitTrack(
    on,
    m,
    placed.map((r) => r.weight ?? 1),
  );
  let k = 0;
  return reports.map((r) => {
    if (r.km === undefined) return false;
    const good = share(r.km - fit[k]) >= 0.5;
    k++;
    return good;
  });
}

/** Chance that a report `r` km from the track is good (not an outlier). */
export function goodShare(r: number, m: CostModel): number {
  return goodShareAt(r, m.spreadKm, m);
}

/** goodShare at spread `spreadKm` (km) in place of the model's. */
export function goodShareAt(r: number, spreadKm: number, m: CostModel): number {
  const z = r / spreadKm;
  const good = ((1 - m.outlierShare) * Math.exp(-0.5 * z * z - LOG_SQRT_2PI)) / spreadKm;
  return good / (good + m.outlierShare / m.roadKm);
}

/** The group's log size: the upper quartile of its whole-group figures (all figures if none). */
export function groupLogSize(reports: readonly CostReport[]): number | undefined {
  const whole = reports.filter((r) => r.logSize !== undefined && !r.part);
  const use = whole.length > 0 ? whole : reports.filter((r) => r.logSize !== undefined);
  if (use.length === 0) return undefined;
  const v = use.map((r) => r.logSize as number).sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(0.75 * v.length))];
}

/**
 * Figures more than this many times a group's size are not of that group (a report of 4,000 is
 * not a group of 300), allowing for organisers' overcounts and figures rounded to thousands.
 */
export const SIZE_GATE_RATIO = 8;

/** Whole-group figures of `reports` above SIZE_GATE_RATIO × the group's size (groupLogSize). */
export function oversized(reports: readonly CostReport[]): number {
  const logN = groupLogSize(reports);
  if (logN === undefined) return 0;
  const limit = logN + Math.log(SIZE_GATE_RATIO);
  return reports.filter((r) => !r.part && r.logSize !== undefined && r.logSize > limit).length;
}

/** −log density of a figure `v` (log people) for a group of log size `logN`. */
export function sizeLoss(v: number, part: boolean, logN: number, m: CostModel): number {
  const top = logN + Math.log(PART_MAX_SHARE);
  const width = Math.max(0.5, top - PART_MIN_LOG);
  // A part's figure: log-uniform up to 40 % of the group, with a normal fall-off above.
  const over = Math.max(0, v - top) / m.sizeSd;
  const partDensity = Math.exp(-0.5 * over * over) / width;
  if (part) return -Math.log(partDensity + 1e-12);
  const z = (v - logN) / m.sizeSd;
  const whole = Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / m.sizeSd;
  return -Math.log((1 - m.partShare) * whole + m.partShare * partDensity + 1e-12);
}

/** A group's cost (nats) by term: what each part of the objective charges (groupCost is their sum). */
export interface CostTerms {
  /** Reports on the route: the robust forward-only fit (residuals, the spread's log, outliers). */
  positions: number;
  /** Reports off the route, each read as an outlier. */
  offRoute: number;
  /** Figures under one size (whole or part). */
  sizes: number;
  /** Their sum (added in the order groupCost always has). */
  total: number;
}

/** The terms of {@link groupCost} (reports in time order; those off the route are outliers). */
export function groupCostTerms(reports: readonly CostReport[], m: CostModel): CostTerms {
  const km: number[] = [];
  const weight: number[] = [];
  let offRoute = 0;
  const logN = groupLogSize(reports);
  for (const r of reports) {
    if (r.km === undefined) offRoute += offRouteLoss(m);
    else {
      km.push(r.km);
      weight.push(r.weight ?? 1);
    }
  }
  const positions = fitPositions(km, m, weight).cost;
  let sizes = 0;
  let total = offRoute + positions;
  if (logN !== undefined)
    for (const r of reports)
      if (r.logSize !== undefined) {
        const loss = sizeLoss(r.logSize, !!r.part, logN, m);
        sizes += loss;
        total += loss;
      }
  return { positions, offRoute, sizes, total };
}

/**
 * Cost (nats) of `reports` as one group on one route: robust forward-only positions plus sizes.
 * Reports must be in time order; those off the route (`km` undefined) count as outliers.
 */
export function groupCost(reports: readonly CostReport[], m: CostModel): number {
  return groupCostTerms(reports, m).total;
}
