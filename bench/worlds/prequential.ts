/**
 * A PREDICTIVE (prequential) reading of a group's positions, for the association diagnostic
 * (bench/partitionCost.bench.ts `--predictive`). The association's positions term
 * (src/estimate/trackCost.ts `fitPositions`) is a maximum-likelihood fit per group: each group's
 * forward-only path and spread are fitted to its own reports, so every extra group brings its
 * own free path. Here each report is instead scored by its ONE-STEP-AHEAD predictive density
 * given the group's earlier reports, through the movement law (src/movement: rest, walk and ride
 * days as a Markov chain of regimes, the estimator's prior law `defaultEstimatorMovement`), the
 * group's first report by a broad prior (uniform over the road). The sum of the predictive
 * log-densities is the log marginal likelihood of the group's reports (Dawid 1984), which charges
 * every path for the law's uncertainty about it: an automatic Occam charge, where a new group
 * pays for its first report and for every move it makes.
 *
 * The model, per group: the median person's km `x` on a grid of CELL_KM cells over [0, roadKm],
 * with the law's regime as a hidden state; each local day boundary crossed between two reports
 * moves `x` by one day of the law (forward only; mass past the road's end stays at the end). A
 * report is `N(x, s²)` (the body's spread plus place snapping) or, with the cost model's
 * `outlierShare`, anywhere on the road (uniform over `roadKm`), as in trackCost.ts. The spread `s`
 * is not fitted: the group's likelihood is averaged over SPREADS_KM with equal prior weight (a
 * Bayesian average, which is itself prequential), so a compact group still earns a small spread
 * but pays for choosing it. Reports off the route are outliers, as in trackCost.ts.
 */
import { cachedRegimeTransitions, defaultEstimatorMovement, REGIMES } from "../../src/index.ts";
import type { CostModel, MovementModel } from "../../src/index.ts";
import { normalCdf } from "../../src/util/normal.ts";
import { predictiveLaw, predictivePositions } from "../../src/estimate/predictiveTrack.ts";

/** Grid cell (km) of the median person's position. */
export const CELL_KM = 10;
/** The spreads (km, sd of a report about the median person) the likelihood is averaged over. */
export const SPREADS_KM: readonly number[] = [5, 10, 20, 40, 70, 110, 150];

/** How a group's positions are read predictively. */
export interface PredictiveModel {
  /** The movement law between reports. */
  law: MovementModel;
  /** Spreads averaged over (km). */
  spreadsKm: readonly number[];
  /**
   * Each day of the law is taken this many times per day boundary crossed (default 1); 0 makes
   * every report's prediction the previous posterior (no movement): for checks only.
   */
  daysPerDay?: number;
  /**
   * Read by the search's cheap filter instead of the grid (src/estimate/predictiveTrack.ts: one
   * normal per regime, one spread `spreadsKm[0]`), for the diagnostic of that filter.
   */
  filter?: boolean;
}

export const DEFAULT_PREDICTIVE: PredictiveModel = {
  law: defaultEstimatorMovement(),
  spreadsKm: SPREADS_KM,
};

/** One day's move (per grid cell) in each regime: rest, walk (normal, ≥ 0), ride (two boxes). */
export function regimeKernels(law: MovementModel): Float64Array[] {
  const cells = Math.ceil(Math.max(law.rideKm.max, law.longRideMaxKm) / CELL_KM) + 2;
  const rest = new Float64Array(1);
  rest[0] = 1;
  const walk = new Float64Array(cells);
  const { mean, sd } = law.walkKm;
  for (let c = 0; c < cells; c++) {
    const lo = c === 0 ? -Infinity : (c - 0.5) * CELL_KM;
    const hi = (c + 0.5) * CELL_KM;
    walk[c] = normalCdf((hi - mean) / sd) - (lo === -Infinity ? 0 : normalCdf((lo - mean) / sd));
  }
  const ride = new Float64Array(cells);
  const box = (p: number, q: number, mass: number) => {
    if (!(q > p) || mass <= 0) return;
    for (let c = 0; c < cells; c++) {
      const lo = Math.max(p, (c - 0.5) * CELL_KM);
      const hi = Math.min(q, (c + 0.5) * CELL_KM);
      if (hi > lo) ride[c] += (mass * (hi - lo)) / (q - p);
    }
  };
  const long = law.longRideMaxKm > law.rideKm.max ? law.longRideProb : 0;
  box(law.rideKm.min, law.rideKm.max, 1 - long);
  box(law.rideKm.max, law.longRideMaxKm, long);
  return [rest, trim(walk), trim(ride)];
}

/** `k` without its trailing cells below 1e-12. */
function trim(k: Float64Array): Float64Array {
  let n = k.length;
  while (n > 1 && k[n - 1] < 1e-12) n--;
  return k.slice(0, n);
}

/** A kernel as runs of equal mass: cells `from`…`to` (moves in cells) each with `mass`. */
interface Run {
  from: number;
  to: number;
  mass: number;
}

/** `k` as runs of (nearly) equal mass, zero runs left out: a box of the ride law is one run. */
function runsOf(k: Float64Array): Run[] {
  const runs: Run[] = [];
  for (let d = 0; d < k.length; d++) {
    if (k[d] === 0) continue;
    const last = runs[runs.length - 1];
    if (last && last.to === d - 1 && Math.abs(last.mass - k[d]) <= 1e-12 * k[d]) last.to = d;
    else runs.push({ from: d, to: d, mass: k[d] });
  }
  return runs;
}

/** The law's kernels (as runs) and transitions, built once per law object. */
const lawCache = new WeakMap<MovementModel, { runs: Run[][]; P: readonly (readonly number[])[] }>();

function lawParts(law: MovementModel) {
  let parts = lawCache.get(law);
  if (!parts) {
    parts = { runs: regimeKernels(law).map(runsOf), P: cachedRegimeTransitions(law) };
    lawCache.set(law, parts);
  }
  return parts;
}

/**
 * One day of the law on belief `b` (regime-major, `cells` per regime): a new belief. Each run of
 * a kernel is added by prefix sums (a box of the ride law costs one subtraction a cell); mass
 * moved past the road's last cell stays there (the group has arrived).
 */
function dayStep(b: Float64Array, cells: number, law: MovementModel): Float64Array {
  const { runs, P } = lawParts(law);
  const R = REGIMES.length;
  const out = new Float64Array(R * cells);
  const into = new Float64Array(cells);
  // prefix[j] = into[0] + … + into[j − 1].
  const prefix = new Float64Array(cells + 1);
  for (let to = 0; to < R; to++) {
    into.fill(0);
    for (let from = 0; from < R; from++) {
      const p = P[from][to];
      if (p === 0) continue;
      for (let c = 0; c < cells; c++) into[c] += p * b[from * cells + c];
    }
    for (let c = 0; c < cells; c++) prefix[c + 1] = prefix[c] + into[c];
    const base = to * cells;
    // Landing cells j < cells − 1 get Σ over runs of mass · Σ into[j − to … j − from];
    // the last cell gets everything else (all mass is kept).
    let kept = 0;
    for (let j = 0; j < cells - 1; j++) {
      let v = 0;
      for (const r of runs[to]) {
        const hi = j - r.from;
        if (hi < 0) continue;
        const lo = Math.max(0, j - r.to);
        v += r.mass * (prefix[hi + 1] - prefix[lo]);
      }
      out[base + j] = v;
      kept += v;
    }
    out[base + cells - 1] = Math.max(0, prefix[cells] - kept);
  }
  return out;
}

/**
 * −log marginal likelihood (nats) of positions `km` at times `t` (days, in time order; undefined
 * km: off the route, an outlier) of ONE group, for one spread `s` (km): the prequential sum.
 */
function predictiveAt(
  t: readonly number[],
  km: readonly (number | undefined)[],
  s: number,
  m: CostModel,
  p: PredictiveModel,
): number {
  const cells = Math.max(2, Math.ceil(m.roadKm / CELL_KM) + 1);
  const R = REGIMES.length;
  let b: Float64Array = new Float64Array(R * cells);
  REGIMES.forEach((r, i) => b.fill(p.law.regimes[r] / cells, i * cells, (i + 1) * cells));
  const out = m.outlierShare / m.roadKm;
  // The cell's width read as uniform spread within it.
  const sd = Math.sqrt(s * s + (CELL_KM * CELL_KM) / 12);
  const norm = (1 - m.outlierShare) / (sd * Math.sqrt(2 * Math.PI));
  const lik = new Float64Array(cells);
  let cost = 0;
  for (let i = 0; i < t.length; i++) {
    if (i > 0) {
      const days = (Math.floor(t[i]) - Math.floor(t[i - 1])) * (p.daysPerDay ?? 1);
      for (let d = 0; d < days; d++) b = dayStep(b, cells, p.law);
    }
    const y = km[i];
    if (y === undefined) {
      cost -= Math.log(out);
      continue;
    }
    for (let c = 0; c < cells; c++) {
      const z = (y - c * CELL_KM) / sd;
      lik[c] = norm * Math.exp(-0.5 * z * z) + out;
    }
    let pred = 0;
    for (let r = 0; r < R; r++) for (let c = 0; c < cells; c++) pred += b[r * cells + c] * lik[c];
    cost -= Math.log(pred);
    for (let r = 0; r < R; r++) for (let c = 0; c < cells; c++) b[r * cells + c] *= lik[c] / pred;
  }
  return cost;
}

/**
 * −log marginal likelihood (nats) of one group's positions (`km` at times `t`, in time order;
 * undefined: off the route), averaged over the spreads `p.spreadsKm` with equal weight (module
 * comment). Comparable with trackCost.ts's positions plus off-route terms (the same outlier
 * density; the Gaussian's constant included in both).
 */
export function predictiveCost(
  t: readonly number[],
  km: readonly (number | undefined)[],
  m: CostModel,
  p: PredictiveModel = DEFAULT_PREDICTIVE,
): number {
  if (t.length === 0) return 0;
  if (p.filter) return filterCost(t, km, m, p);
  const costs = p.spreadsKm.map((s) => predictiveAt(t, km, s, m, p));
  const least = Math.min(...costs);
  const mean = costs.reduce((a, c) => a + Math.exp(least - c), 0) / costs.length;
  return least - Math.log(mean);
}

/** predictiveCost read by the search's filter (predictiveTrack.ts) at the spread `p.spreadsKm[0]`. */
function filterCost(
  t: readonly number[],
  km: readonly (number | undefined)[],
  m: CostModel,
  p: PredictiveModel,
): number {
  const on = km.flatMap((y, i) => (y === undefined ? [] : [i]));
  const off = (km.length - on.length) * -Math.log(m.outlierShare / m.roadKm);
  const law = predictiveLaw(p.law, p.spreadsKm[0]);
  const { cost } = predictivePositions(
    on.map((i) => t[i]),
    on.map((i) => km[i] as number),
    on.length,
    m,
    law,
  );
  return cost + off;
}
