/**
 * The cost of a group's positions under its robust forward-only fit (trackCost.ts fitPositions),
 * computed the same way, number for number, on reused typed buffers: the association search
 * (reassignReports.ts) fits a whole group for every candidate move, hundreds of thousands of
 * times for 100 unlabelled groups, and fitPositions' arrays, closures and model copies were
 * half of that time. The arithmetic is the same operations in the same order, so the cost is
 * bit-identical (tests/estimate/positionsFit.test.ts compares the two on random groups, so a
 * change of fitPositions that is not made here too fails there).
 */
import { SPREAD_PRIOR_N } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Scratch buffers reused between calls (grown as needed): the robust fit runs for every exact
 * group cost, hundreds of thousands of times per association search, and allocating them per call
 * showed in its time. They carry no state from one call to the next: a call fills the entries it
 * reads, and none calls another while using them (the library runs single-threaded).
 */
let cap = 0;
let fit = new Float64Array(0);
let w = new Float64Array(0);
let blockValue = new Float64Array(0);
let blockWeight = new Float64Array(0);
let blockCount = new Int32Array(0);

function reserve(n: number): void {
  if (n <= cap) return;
  cap = Math.max(n, 2 * cap, 64);
  fit = new Float64Array(cap);
  w = new Float64Array(cap);
  blockValue = new Float64Array(cap);
  blockWeight = new Float64Array(cap);
  blockCount = new Int32Array(cap);
}

/**
 * isotonic.ts by pool-adjacent-violators into `fit`: the same pools, the same weighted means. The
 * module's buffers are read through locals (the same arrays): a module variable that `reserve`
 * may replace is re-read from its context at every use in the loop.
 */
function isotonicInto(y: ArrayLike<number>, n: number, weights: ArrayLike<number>): void {
  const bValue = blockValue;
  const bWeight = blockWeight;
  const bCount = blockCount;
  const out = fit;
  let top = 0;
  for (let i = 0; i < n; i++) {
    // The new block is pooled with those below it while they are higher (kept in locals until
    // it is stored: the same sums, products and quotients in the same order as isotonic.ts).
    let value = y[i];
    let weight = Math.max(weights[i], 1e-9);
    let count = 1;
    while (top > 0 && bValue[top - 1] > value) {
      const below = top - 1;
      const wSum = bWeight[below] + weight;
      value = (bValue[below] * bWeight[below] + value * weight) / wSum;
      weight = wSum;
      count += bCount[below];
      top--;
    }
    bValue[top] = value;
    bWeight[top] = weight;
    bCount[top] = count;
    top++;
  }
  let k = 0;
  for (let b = 0; b < top; b++) {
    const value = bValue[b];
    for (let c = bCount[b]; c > 0; c--) out[k++] = value;
  }
}

/**
 * Each report's weight `v` times trackCost.ts goodShare of its residual at `spreadKm`, into `w`:
 * `inShare` is 1 − the model's outlier share, `outDensity` its outliers' density (outlierShare /
 * roadKm), computed by the caller once per fit. The search's cost models come in several shapes
 * (copies with a field changed), so each read of a model's field is a megamorphic load that boxes
 * its number: read once a fit rather than in every reweighting round (stop 27; the same values).
 */
function weightsAt(
  km: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  spreadKm: number,
  inShare: number,
  outDensity: number,
): void {
  // (The module's buffers through locals, as in isotonicInto.)
  const f = fit;
  const out = w;
  for (let i = 0; i < n; i++) {
    const z = (km[i] - f[i]) / spreadKm;
    const good = (inShare * Math.exp(-0.5 * z * z - LOG_SQRT_2PI)) / spreadKm;
    out[i] = v[i] * (good / (good + outDensity));
  }
}

/**
 * The robust forward-only fit of positions `km[0..n)` into `fit` (trackCost.ts fitPositions, the
 * same operations in the same order); returns the group's fitted spread (km). With `fixedKm` the
 * spread is not fitted: each round reweights at `fixedKm`, as fitPositions does when the model's
 * floor and cap are both `fixedKm` (bit for bit: tests/estimate/edgeScreen.test.ts).
 */
function fitInto(
  km: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  m: CostModel,
  fixedKm?: number,
): number {
  reserve(n);
  // The model's numbers, read once (weightsAt).
  const inShare = 1 - m.outlierShare;
  const outDensity = m.outlierShare / m.roadKm;
  const priorKm = m.spreadKm;
  const capKm = m.capKm;
  const floorKm = m.floorKm;
  isotonicInto(km, n, v);
  weightsAt(km, v, n, priorKm, inShare, outDensity);
  isotonicInto(km, n, w);
  let spreadKm = priorKm;
  for (let round = 0; round < 3; round++) {
    if (fixedKm === undefined) {
      let ss = SPREAD_PRIOR_N * priorKm * priorKm;
      let count = SPREAD_PRIOR_N;
      const f = fit;
      const ws = w;
      for (let i = 0; i < n; i++) {
        const r = km[i] - f[i];
        const wi = ws[i];
        ss += wi * r * r;
        count += wi;
      }
      spreadKm = Math.min(capKm, Math.max(floorKm, Math.sqrt(ss / count)));
    } else spreadKm = fixedKm;
    weightsAt(km, v, n, spreadKm, inShare, outDensity);
    isotonicInto(km, n, w);
  }
  return spreadKm;
}

/** The summed robust loss (nats) of positions `km[0..n)`, weights `v`, about `fit` at `spreadKm`. */
function lossAbout(
  km: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  spreadKm: number,
  m: CostModel,
): number {
  const inShare = 1 - m.outlierShare;
  const outDensity = m.outlierShare / m.roadKm;
  let cost = 0;
  const f = fit;
  for (let i = 0; i < n; i++) {
    const z = (km[i] - f[i]) / spreadKm;
    const good = (inShare * Math.exp(-0.5 * z * z - LOG_SQRT_2PI)) / spreadKm;
    cost += v[i] * -Math.log(good + outDensity);
  }
  return cost;
}

/**
 * fitPositions(km, m, v).cost (trackCost.ts): the summed robust loss (nats) of positions
 * `km[0..n)` (in time order), each counted with its weight `v` (placeDay.ts), about their
 * forward-only fit, at the group's own fitted spread.
 * @example
 * positionsCost([100, 120, 150], [1, 1, 1], 3, DEFAULT_COST_MODEL); // === fitPositions([100, 120, 150], DEFAULT_COST_MODEL).cost
 */
export function positionsCost(
  km: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  m: CostModel,
): number {
  if (n === 0) return 0;
  return lossAbout(km, v, n, fitInto(km, v, n, m), m);
}

/**
 * The robust loss (nats) of positions `km[0..n)` (in time order, weights `v`) about their
 * forward-only fit at a GIVEN spread `spreadKm` (km): fitPositions' reweighting — a first round at
 * the model's spread, as it starts — without fitting the spread (positionsCost with the model's
 * floor and cap both at `spreadKm`, bit for bit). For estimates of a move's change
 * on a few of a group's reports (edgeScreen.ts), where the group's spread stands for its own.
 * @example
 * positionsCostAt([100, 120, 150], [1, 1, 1], 3, 20, DEFAULT_COST_MODEL); // the loss at a 20 km spread
 */
export function positionsCostAt(
  km: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  spreadKm: number,
  m: CostModel,
): number {
  if (n === 0) return 0;
  return lossAbout(km, v, n, fitInto(km, v, n, m, spreadKm), m);
}

/** Weights of 1 (grown as needed; only ever 1s, so shared by every call). */
let ones = new Float64Array(0);

/** How many of `w[0..n)` (the goodShare of each report at weight 1) are below one half. */
function outliersOfFit(km: ArrayLike<number>, n: number, spreadKm: number, m: CostModel): number {
  if (ones.length < n) ones = new Float64Array(Math.max(n, 2 * ones.length)).fill(1);
  // Each report's chance of being good (its weight aside), as inliers reads it.
  weightsAt(km, ones, n, spreadKm, 1 - m.outlierShare, m.outlierShare / m.roadKm);
  let out = 0;
  for (let i = 0; i < n; i++) if (!(w[i] >= 0.5)) out++;
  return out;
}

/**
 * positionsCost and positionsOutliers (with the same weights `v`) of one fit: the cost, and how
 * many of the positions are more likely outliers than good — the same numbers as the two calls
 * give, for the price of one fit (mergeTracklets.ts reads both of every candidate merge).
 * @example
 * positionsCostCounted([100, 120, 900, 150], [1, 1, 1, 1], 4, DEFAULT_COST_MODEL).outliers; // => 1
 */
export function positionsCostCounted(
  km: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  m: CostModel,
): { cost: number; outliers: number } {
  if (n === 0) return { cost: 0, outliers: 0 };
  const spreadKm = fitInto(km, v, n, m);
  // (lossAbout reads the fit and leaves it; outliersOfFit reweights from it.)
  const cost = lossAbout(km, v, n, spreadKm, m);
  return { cost, outliers: outliersOfFit(km, n, spreadKm, m) };
}

/**
 * How many of positions `km[0..n)` (in time order) are more likely outliers than good under the
 * robust forward-only fit, each report with its weight `v` (placeDay.ts; default 1 each):
 * trackCost.ts inliers' false count for reports on the route.
 * @example
 * positionsOutliers([100, 120, 900, 150], 4, DEFAULT_COST_MODEL); // => 1
 */
export function positionsOutliers(
  km: ArrayLike<number>,
  n: number,
  m: CostModel,
  v?: ArrayLike<number>,
): number {
  if (n === 0) return 0;
  if (ones.length < n) ones = new Float64Array(Math.max(n, 2 * ones.length)).fill(1);
  return outliersOfFit(km, n, fitInto(km, v ?? ones, n, m), m);
}

/**
 * fitPositions(km, m, v)'s fitted km per report and spread (trackCost.ts), from the same fit on the
 * reused buffers (the same numbers): the search freezes every new group state it makes
 * (moveScreen.ts freezeGroup), and fitPositions' arrays and model copies were 2 % of its time at
 * 100 unlabelled groups.
 * @example
 * positionsFitted([100, 120, 150], [1, 1, 1], 3, DEFAULT_COST_MODEL).fit; // fitPositions([100, 120, 150], DEFAULT_COST_MODEL).fit
 */
export function positionsFitted(
  km: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  m: CostModel,
): { fit: number[]; spreadKm: number } {
  if (n === 0) return { fit: [], spreadKm: m.spreadKm };
  const spreadKm = fitInto(km, v, n, m);
  return { fit: Array.from(fit.subarray(0, n)), spreadKm };
}
