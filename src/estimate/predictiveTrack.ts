/**
 * A cheap PREDICTIVE (prequential) cost of one group's positions, for the association search: each
 * report is charged its one-step-ahead predictive density given the group's EARLIER reports, the
 * first by a uniform prior over the road. The sum is the group's log marginal likelihood (Dawid's
 * prequential principle): every path is charged for the movement law's uncertainty about it, so a
 * new group pays for its first report and for every move it makes, where the maximum-likelihood
 * fit (trackCost.ts fitPositions) gives each group its own free path. The diagnostic on the grid
 * (bench/worlds/prequential.ts, ~50 ms for 90 reports) found the truth cheaper in 13 of 24
 * development worlds against 4 for the fit; this filter costs microseconds, O(reports + days).
 *
 * The model, per group: the median person's km `x`, in one of the movement law's regimes (rest,
 * walk, ride; src/movement law.ts, a Markov chain of days). Each local day boundary crossed
 * between two reports moves `x` by one day of the law: rest by nothing (sd REST_SD_KM: the median
 * person drifts a little inside a town), a walk by N(walk mean, walk sd²), a ride by the mean and
 * variance of the law's ride distribution (uniform min–max, with the long-ride share up to
 * longRideMaxKm; read as one normal). A report is N(x, s²) (s: the fixed spread, one number per
 * group, `spreadKm`) or, with the cost model's `outlierShare`, anywhere on the road (uniform over
 * roadKm), as in trackCost.ts.
 *
 * The belief is one normal of `x` per regime with the regime's weight (the interacting-multiple-
 * model filter of Blom and Bar-Shalom 1988: each day the regimes' normals are mixed by the
 * transition matrix and collapsed to one per regime by their moments; a report updates each
 * regime's normal by Kalman's rule). A report more likely an outlier than not (one behind the track
 * by several spreads: no regime moves back) is charged as the mixture says but leaves the belief
 * as it was.
 */
import { cachedRegimeTransitions, REGIMES } from "../movement/law.ts";
import type { MovementModel } from "../movement/law.ts";
import type { CostModel } from "./trackCost.ts";

/** The movement law as the filter reads it: per regime, a day's mean move and its variance. */
export interface PredictiveLaw {
  /**
   * Long-run share of each state (rest, walk, ordinary ride, long ride): the first report's
   * weights.
   */
  start: readonly number[];
  /** Transitions P[from][to] (law.ts regimeTransitions, the ride's split by the long-ride share). */
  P: readonly (readonly number[])[];
  /** Mean km moved in one day, per state. */
  moveKm: readonly number[];
  /** Variance (km²) of a day's move, per state. */
  moveVar: readonly number[];
  /** Sd (km) of a report about the group's median person: fixed per group (default 40). */
  spreadKm: number;
  /**
   * When given, the likelihood is averaged over these spreads (km) with equal weight, in place
   * of the one `spreadKm`.
   */
  spreadsKm?: readonly number[];
}

/** How the association search reads positions predictively (EstimateOptions.predictiveAssociation). */
export interface PredictiveAssociation {
  /** Reports' spread (km) about the median person (default PREDICTIVE_SPREAD_KM). */
  spreadKm?: number;
  /** Cost (nats) of one more group (default linkTracklets.ts BIRTH_NATS). */
  birthNats?: number;
  /** Single-report moves re-fit every candidate (reassignReports.ts `exhaustive`; default false). */
  exhaustive?: boolean;
  /** The predictive cost is added to the forward-only fit's, not put in its place (default false). */
  added?: boolean;
  /** The likelihood averaged over these spreads (km) in place of one `spreadKm` (default: one). */
  spreadsKm?: readonly number[];
  /**
   * The search's steps that read positions predictively: all (default), only the moves of single
   * reports, or only the merges of whole tracklets and the split tests.
   */
  steps?: "all" | "moves" | "merges";
  /**
   * Share of figures without a part word read as a part's in the association's size term
   * (trackCost.ts CostModel.partShare; default the cost model's 0.2). Lower: a track holding a
   * run of small figures beside large ones pays for each as two groups would not.
   */
  partShare?: number;
  /** Sd (log people) of a whole-group figure in the association's size term (default 0.6). */
  sizeSd?: number;
  /**
   * A charge for same-day reports a body cannot span (CostModel.daySpan, daySpanOutside): each
   * report of a track outside the best window of `daySpanKm` km of its local day's reports costs
   * `daySpanNats` more. Off unless both are given.
   */
  daySpanKm?: number;
  daySpanNats?: number;
  /** The merges of whole tracklets keep apart two whose sizes differ more (CostModel.mergeSizeRatio). */
  mergeSizeRatio?: number;
}

/**
 * How many of a track's reports lie outside the best window of `spanKm` km of their local day's
 * reports: a day's reports of one group are of one body, so those beyond any window a body can
 * fill are another group's (or stale, or misplaced). `t` (days, local) in time order, `km` the
 * reports' km on the track's route, the first `n` read. A day with one report counts none.
 */
export function daySpanOutside(
  t: ArrayLike<number>,
  km: ArrayLike<number>,
  n: number,
  spanKm: number,
): number {
  let outside = 0;
  let start = 0;
  const day: number[] = [];
  while (start < n) {
    const d = Math.floor(t[start]);
    let end = start + 1;
    while (end < n && Math.floor(t[end]) === d) end++;
    if (end - start > 1) {
      day.length = 0;
      for (let i = start; i < end; i++) day.push(km[i]);
      day.sort((a, b) => a - b);
      // The most reports one window of spanKm holds (two pointers over the sorted km).
      let most = 1;
      let lo = 0;
      for (let hi = 0; hi < day.length; hi++) {
        while (day[hi] - day[lo] > spanKm) lo++;
        most = Math.max(most, hi - lo + 1);
      }
      outside += day.length - most;
    }
    start = end;
  }
  return outside;
}

/** Sd (km) of a resting group's median person from one day to the next. */
export const REST_SD_KM = 5;
/** A group's spread (km, sd of its reports about its median person) when none is given. */
export const PREDICTIVE_SPREAD_KM = 40;

/** Mean and variance (km) of a uniform distribution on [a, b]. */
function uniformMoments(a: number, b: number): [number, number] {
  return [(a + b) / 2, ((b - a) * (b - a)) / 12];
}

/**
 * The filter's reading of the movement law `law`, with reports `spreadKm` (km) about the median.
 * @example
 * predictiveLaw(defaultEstimatorMovement()).moveKm; // => [0, 40, 270, 1040] (rest, walk, rides)
 */
export function predictiveLaw(
  law: MovementModel,
  spreadKm: number = PREDICTIVE_SPREAD_KM,
  spreadsKm?: readonly number[],
): PredictiveLaw {
  const long = law.longRideMaxKm > law.rideKm.max ? law.longRideProb : 0;
  const [m1, v1] = uniformMoments(law.rideKm.min, law.rideKm.max);
  const [m2, v2] = uniformMoments(law.rideKm.max, Math.max(law.rideKm.max, law.longRideMaxKm));
  // The ride regime as two states, ordinary and long rides (each day's ride drawn afresh, as in
  // the law): one normal for both would put an eighth of a ride's mass BEHIND the group.
  const P3 = cachedRegimeTransitions(law);
  const share = [1, 1, 1 - long, long];
  const of = [0, 1, 2, 2];
  const P = of.map((from) => of.map((to, k) => P3[from][to] * share[k]));
  const pi = REGIMES.map((r) => law.regimes[r]);
  return {
    start: of.map((r, k) => pi[r] * share[k]),
    P,
    moveKm: [0, law.walkKm.mean, m1, m2],
    moveVar: [REST_SD_KM * REST_SD_KM, law.walkKm.sd * law.walkKm.sd, v1, v2],
    spreadKm,
    spreadsKm,
  };
}

/** Number of states: rest, walk, ordinary ride, long ride. */
const R = 4;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Longest run of days stepped one by one; past it the belief has long forgotten its regime. */
const MAX_STEP_DAYS = 60;

/** The filter's belief (reused between calls: the search scores groups hundreds of thousands of times). */
const weight = new Float64Array(R);
const mean = new Float64Array(R);
const vari = new Float64Array(R);
const nw = new Float64Array(R);
const nm = new Float64Array(R);
const nv = new Float64Array(R);

/** One day of the law on the belief (mix by the transitions, collapse, move). */
function dayStep(law: PredictiveLaw): void {
  for (let to = 0; to < R; to++) {
    let c = 0;
    let m = 0;
    for (let from = 0; from < R; from++) {
      const p = weight[from] * law.P[from][to];
      c += p;
      m += p * mean[from];
    }
    if (c <= 0) {
      nw[to] = 0;
      nm[to] = 0;
      nv[to] = 1;
      continue;
    }
    m /= c;
    let v = 0;
    for (let from = 0; from < R; from++) {
      const p = weight[from] * law.P[from][to];
      const d = mean[from] - m;
      v += p * (vari[from] + d * d);
    }
    nw[to] = c;
    nm[to] = m + law.moveKm[to];
    nv[to] = v / c + law.moveVar[to];
  }
  weight.set(nw);
  mean.set(nm);
  vari.set(nv);
}

/** A group's predictive positions cost (nats) and how many of its reports read as outliers. */
export interface PredictiveCost {
  cost: number;
  outliers: number;
}

/**
 * −log marginal likelihood (nats) of one group's positions: `n` reports at times `t` (days, in
 * time order) and km `km` on its route, each with weight `w` (placeDay.ts; default 1 each: a
 * report's loss counts with its weight), under the module's filter. `outliers`: the reports whose
 * inlier share at their prediction is below one half. Reports off the route are charged by the
 * caller (trackCost.ts offRouteLoss).
 * @example
 * predictivePositions([0, 1, 2], [100, 140, 180], 3, DEFAULT_COST_MODEL, predictiveLaw(law)).cost; // ≈ log(3000) + 2 × ~5
 */
export function predictivePositions(
  t: ArrayLike<number>,
  km: ArrayLike<number>,
  n: number,
  m: CostModel,
  law: PredictiveLaw,
  w?: ArrayLike<number>,
): PredictiveCost {
  if (!law.spreadsKm || law.spreadsKm.length === 0)
    return filterAt(t, km, n, m, law, law.spreadKm, w);
  // The likelihood averaged over the spreads with equal weight (a Bayesian average: a compact
  // group earns a small spread, but pays log(spreads) for choosing it); outliers at the best.
  let least: PredictiveCost | undefined;
  const costs: number[] = [];
  for (const s of law.spreadsKm) {
    const c = filterAt(t, km, n, m, law, s, w);
    costs.push(c.cost);
    if (!least || c.cost < least.cost) least = c;
  }
  const best = (least as PredictiveCost).cost;
  let mean = 0;
  for (const c of costs) mean += Math.exp(best - c);
  mean /= costs.length;
  return { cost: best - Math.log(mean), outliers: (least as PredictiveCost).outliers };
}

/** predictivePositions at one spread `spreadKm` (km). */
function filterAt(
  t: ArrayLike<number>,
  km: ArrayLike<number>,
  n: number,
  m: CostModel,
  law: PredictiveLaw,
  spreadKm: number,
  w?: ArrayLike<number>,
): PredictiveCost {
  if (n === 0) return { cost: 0, outliers: 0 };
  const S = spreadKm * spreadKm;
  const out = m.outlierShare / m.roadKm;
  const good = 1 - m.outlierShare;
  // The first report: a uniform prior over the road, so its density is 1 / roadKm.
  let cost = (w ? w[0] : 1) * Math.log(m.roadKm);
  for (let r = 0; r < R; r++) {
    weight[r] = law.start[r];
    mean[r] = km[0];
    vari[r] = S;
  }
  let outliers = 0;
  let day = Math.floor(t[0]);
  for (let i = 1; i < n; i++) {
    const d = Math.floor(t[i]);
    const steps = Math.min(MAX_STEP_DAYS, d - day);
    for (let k = 0; k < steps; k++) dayStep(law);
    day = d;
    const y = km[i];
    // Predictive density of y in each regime; their mixture with the outliers'.
    let inlier = 0;
    for (let r = 0; r < R; r++) {
      const v = vari[r] + S;
      const z = y - mean[r];
      nw[r] = Math.exp(-(0.5 * z * z) / v - 0.5 * Math.log(v) - LOG_SQRT_2PI);
      inlier += weight[r] * nw[r];
    }
    inlier *= good;
    const p = inlier + out;
    cost -= (w ? w[i] : 1) * Math.log(p);
    // A report more likely an outlier leaves the belief as it was (collapsing its outlier branch
    // into each regime's normal would keep the prior's spread in it, and every later prediction
    // would be too broad to charge anything); else each regime's normal takes the Kalman update,
    // its weight the report's density in that regime.
    if (inlier < out) {
      outliers++;
      continue;
    }
    let total = 0;
    for (let r = 0; r < R; r++) {
      const gain = vari[r] / (vari[r] + S);
      mean[r] += gain * (y - mean[r]);
      vari[r] *= 1 - gain;
      weight[r] *= good * nw[r] + out;
      total += weight[r];
    }
    for (let r = 0; r < R; r++) weight[r] /= total;
  }
  return { cost, outliers };
}
