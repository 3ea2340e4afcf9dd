/**
 * The BODY reading of a group's positions in the association objective (trackCost.ts; off unless
 * `CostModel.body` is set): a group is a body strung out along its road, so a report of it places
 * someone anywhere from its rear to its front — uniform over `[track − rear, track + front]` about
 * its forward-only (isotonic) track, with soft ends of sd `edgeKm` (a town-snapped place), or with
 * probability `outlierShare` anywhere on the road (stale news, a wrong town). The rear and front
 * are fitted per group from its reports' residuals (weighted 2nd and 98th percentiles of those
 * read as good), the body's length bounded to `[minKm, maxKm]`: at least a town gap (reports are
 * snapped to towns 20–100 km apart), at most the longest body the simulators string out (800 km).
 *
 * With it goes the reports' RATE: a group's reports as a Poisson process of constant rate over its
 * span (first to last report plus RATE_PAD_DAYS), at its maximum-likelihood rate: `n log(span /
 * n)` nats (up to the partition's constant). Together they make cutting one body into k pieces
 * seen over the same days neutral — each piece is about 1/k as long (k n log k less in the
 * positions of its n reports... n log k in all) and 1/k as often reported (n log k more) — so the
 * birth penalty decides; two groups far apart on one day stay apart (their joined body is long,
 * its reports thin over it). Under the normal spread alone (trackCost.ts) a town's cluster of
 * reports is cheap (3–4 nats a report) and a body 300 km long reads its far end as outliers, so
 * the objective cut bodies into town-cluster tracks (docs/estimation.md "The objective against
 * the truth").
 */
import { isotonic } from "./isotonic.ts";
import { normalCdf } from "../util/normal.ts";
import type { CostModel } from "./trackCost.ts";
import { SPREAD_PRIOR_N } from "./trackCost.ts";

/** The body reading's parameters (module comment). */
export interface BodyModel {
  /** Shortest body, rear to front (km): about one gap between towns (reports are snapped). */
  minKm: number;
  /** Longest body, rear to front (km). */
  maxKm: number;
  /** Sd (km) of the body's soft ends (a place's snapping). */
  edgeKm: number;
  /** Weight of the reports' rate term (1: the Poisson likelihood; 0: none). */
  rateWeight: number;
  /**
   * Share of a group's reports in a core about its track, normal at the group's own fitted
   * spread (as trackCost.ts reads every report without the body); the rest are over the body.
   * 0: the body alone.
   */
  coreShare: number;
  /**
   * The association's search runs under the normal spread and the body reading only joins whole
   * groups at its end (linkTracklets.ts); false: the whole search runs under the body reading.
   */
  joinOnly: boolean;
}

/**
 * Defaults: minKm 50 (the corridor's towns are 20 / 47 / 102 km apart, quartiles), maxKm 800
 * (stress bodies just after rides), edgeKm 15 (snapping sd of a 50 km gap, 50 / √12), rate 1.
 */
export const DEFAULT_BODY_MODEL: BodyModel = {
  minKm: 50,
  maxKm: 800,
  edgeKm: 15,
  rateWeight: 1,
  coreShare: 0,
  joinOnly: false,
};

/** Days added to a group's span of reports: a group seen on one day is there for that day. */
export const RATE_PAD_DAYS = 1;

/** A body about its track (km behind and ahead of it) and its core's spread (km, sd). */
export interface BodyExtent {
  rear: number;
  front: number;
  coreKm: number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Density (per km) of a report at residual `r` (km from the track) within the body. */
export function bodyDensity(r: number, e: BodyExtent, b: BodyModel): number {
  const inside = normalCdf((r + e.rear) / b.edgeKm) - normalCdf((r - e.front) / b.edgeKm);
  const spread = Math.max(0, inside) / (e.rear + e.front);
  if (b.coreShare === 0) return spread;
  const z = r / e.coreKm;
  const core = Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / e.coreKm;
  return b.coreShare * core + (1 - b.coreShare) * spread;
}

/** −log density of a report at residual `r` under the body and the road-wide outliers. */
export function bodyLoss(r: number, e: BodyExtent, m: CostModel, b: BodyModel): number {
  return -Math.log((1 - m.outlierShare) * bodyDensity(r, e, b) + m.outlierShare / m.roadKm);
}

/** Chance that a report at residual `r` is the body's, not an outlier. */
export function bodyGood(r: number, e: BodyExtent, m: CostModel, b: BodyModel): number {
  const good = (1 - m.outlierShare) * bodyDensity(r, e, b);
  return good / (good + m.outlierShare / m.roadKm);
}

/** The weighted `q`-quantile of `x` (weights `w`; the lowest value whose cumulative weight reaches q). */
function weightedQuantile(x: readonly number[], w: readonly number[], q: number): number {
  const order = x.map((_, i) => i).sort((a, c) => x[a] - x[c] || a - c);
  let total = 0;
  for (const i of order) total += w[i];
  let seen = 0;
  for (const i of order) {
    seen += w[i];
    if (seen >= q * total) return x[i];
  }
  return x[order[order.length - 1]];
}

/** The body's rear and front from residuals `r` (weights `w`): its `lo` and `hi` quantiles, bounded. */
function extentOf(
  r: readonly number[],
  w: readonly number[],
  lo: number,
  hi: number,
  b: BodyModel,
  coreKm: number,
): BodyExtent {
  let rear = Math.max(0, -weightedQuantile(r, w, lo));
  let front = Math.max(0, weightedQuantile(r, w, hi));
  const short = b.minKm - (rear + front);
  if (short > 0) {
    rear += short / 2;
    front += short / 2;
  }
  const scale = Math.min(1, b.maxKm / (rear + front));
  return { rear: rear * scale, front: front * scale, coreKm };
}

/**
 * The core's spread (km): the rms residual of the reports, each weighted by `w` times its chance
 * of being the core's under extent `e`, with trackCost.ts's prior (SPREAD_PRIOR_N reports at
 * `m.spreadKm`) and bounds (`m.floorKm`–`m.capKm`).
 */
function coreOf(
  r: readonly number[],
  w: readonly number[],
  e: BodyExtent,
  m: CostModel,
  b: BodyModel,
): number {
  if (b.coreShare === 0) return e.coreKm;
  let ss = SPREAD_PRIOR_N * m.spreadKm * m.spreadKm;
  let n = SPREAD_PRIOR_N;
  for (let i = 0; i < r.length; i++) {
    const z = r[i] / e.coreKm;
    const core = (b.coreShare * Math.exp(-0.5 * z * z - LOG_SQRT_2PI)) / e.coreKm;
    const share = core / Math.max(1e-300, bodyDensity(r[i], e, b));
    ss += w[i] * share * r[i] * r[i];
    n += w[i] * share;
  }
  return Math.min(m.capKm, Math.max(m.floorKm, Math.sqrt(ss / n)));
}

/** Rounds of re-weighting (each report by its chance of being the body's) and re-fitting. */
const BODY_ROUNDS = 3;

/**
 * The forward-only track of positions `km` (in time order, each with its `weight`, default 1)
 * read as a body about it: fitted km per report, the body's extent, and the summed loss (nats).
 * The first extent is read from the unweighted fit's 10th–90th percentiles (outliers among them),
 * then each round weights the reports by their chance of being the body's.
 * @example
 * fitBody([100, 300, 110, 310], DEFAULT_COST_MODEL, DEFAULT_BODY_MODEL); // one body ~200 km long
 */
export function fitBody(
  km: readonly number[],
  m: CostModel,
  b: BodyModel,
  weight?: readonly number[],
): { fit: number[]; extent: BodyExtent; cost: number } {
  const v = weight ?? km.map(() => 1);
  let fit = isotonic(km, v);
  let r = km.map((y, i) => y - fit[i]);
  let extent = extentOf(r, v, 0.1, 0.9, b, m.spreadKm);
  for (let round = 0; round < BODY_ROUNDS; round++) {
    const w = r.map((x, i) => v[i] * bodyGood(x, extent, m, b));
    fit = isotonic(km, w);
    r = km.map((y, i) => y - fit[i]);
    extent = extentOf(r, w, 0.02, 0.98, b, extent.coreKm);
    extent.coreKm = coreOf(r, w, extent, m, b);
  }
  let cost = 0;
  for (let i = 0; i < km.length; i++) cost += v[i] * bodyLoss(r[i], extent, m, b);
  return { fit, extent, cost };
}

/**
 * The reports' rate (module comment): `n log((span + RATE_PAD_DAYS) / n)` nats for reports at
 * times `t` (days), each counted with its weight (default 1), times the model's `rateWeight`.
 */
export function rateLoss(reports: readonly { t: number; weight?: number }[], b: BodyModel): number {
  if (reports.length === 0 || b.rateWeight === 0) return 0;
  let n = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const r of reports) {
    n += r.weight ?? 1;
    first = Math.min(first, r.t);
    last = Math.max(last, r.t);
  }
  return b.rateWeight * n * Math.log((last - first + RATE_PAD_DAYS) / n);
}
