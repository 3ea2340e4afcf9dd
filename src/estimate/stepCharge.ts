/**
 * What a step of a group's forward-only track costs under the movement model (the association's
 * objective, trackCost.ts). The forward-only fit lets a track step any distance at no cost, so a
 * track may hand off from one group to another hundreds of km ahead and back (docs/estimation.md
 * "The fork at a ride and the hand-off"). Here a step of `d` km between two reports `n` days
 * apart is read against the law of the n-day move (src/movement: rest, walk and ride days as a
 * Markov chain of regimes): nothing up to the law's STEP_QUANTILE of that move, then
 * `nats` for each 100 km beyond it — a soft charge, so that a group which truly rode further than
 * the law expects pays a little, while a hand-off's step of thousands of km pays much.
 */
import { cachedRegimeTransitions, defaultEstimatorMovement, REGIMES } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import { normalCdf } from "../util/normal.ts";

/** Grid cell (km) of the n-day move's law. */
const CELL_KM = 10;
/** Longest move (km) the grid holds; mass beyond it is above every quantile read. */
const GRID_KM = 8000;
/** Days the quantiles are computed for; a longer gap between two reports is never charged. */
export const STEP_MAX_DAYS = 30;
/** The quantile of the n-day move beyond which a step is charged. */
export const STEP_QUANTILE = 0.95;

/** One day's move (per grid cell) in each regime: rest, walk (truncated normal), ride (two boxes). */
function regimeKernels(model: MovementModel): Float64Array[] {
  const cells = Math.ceil(Math.max(model.rideKm.max, model.longRideMaxKm) / CELL_KM) + 2;
  const rest = new Float64Array(cells);
  rest[0] = 1;
  const walk = new Float64Array(cells);
  const { mean, sd } = model.walkKm;
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
  const long = model.longRideMaxKm > model.rideKm.max ? model.longRideProb : 0;
  box(model.rideKm.min, model.rideKm.max, 1 - long);
  box(model.rideKm.max, model.longRideMaxKm, long);
  return [rest, walk, ride];
}

/**
 * The STEP_QUANTILE of the n-day move (km) for n = 1…STEP_MAX_DAYS (index n − 1), the regimes
 * starting from their long-run shares and following the law's Markov chain.
 */
export function stepQuantiles(
  model: MovementModel,
  level = STEP_QUANTILE,
  laws: Float64Array[] = [],
): number[] {
  const cells = GRID_KM / CELL_KM;
  const kernels = regimeKernels(model);
  const P = cachedRegimeTransitions(model);
  // mass[r][c]: chance of being in regime r on the last day having moved c cells.
  let mass = REGIMES.map(() => new Float64Array(cells));
  const start = new Float64Array(cells);
  start[0] = 1;
  let prior: Float64Array[] | undefined;
  const out: number[] = [];
  for (let n = 1; n <= STEP_MAX_DAYS; n++) {
    const next = REGIMES.map(() => new Float64Array(cells));
    for (let to = 0; to < REGIMES.length; to++) {
      const into = new Float64Array(cells);
      for (let from = 0; from < REGIMES.length; from++) {
        const p = prior ? P[from][to] : from === to ? model.regimes[REGIMES[to]] : 0;
        if (p === 0) continue;
        const src = prior ? mass[from] : start;
        for (let c = 0; c < cells; c++) if (src[c] > 0) into[c] += p * src[c];
      }
      const k = kernels[to];
      const dst = next[to];
      for (let c = 0; c < cells; c++) {
        const v = into[c];
        if (v < 1e-15) continue;
        for (let d = 0; d < k.length && c + d < cells; d++) if (k[d] > 0) dst[c + d] += v * k[d];
      }
    }
    mass = next;
    prior = mass;
    const law = new Float64Array(cells);
    for (const m of mass) for (let c = 0; c < cells; c++) law[c] += m[c];
    laws.push(law);
    let cum = 0;
    let q = cells - 1;
    for (let c = 0; c < cells; c++) {
      for (const m of mass) cum += m[c];
      if (cum >= level) {
        q = c;
        break;
      }
    }
    out.push((q + 0.5) * CELL_KM);
  }
  return out;
}

let cached: number[] | undefined;
const cachedLaws: Float64Array[] = [];

/** stepQuantiles of the estimator's prior movement law (defaultEstimatorMovement), computed once. */
export function priorStepQuantiles(): readonly number[] {
  cached ??= stepQuantiles(defaultEstimatorMovement(), STEP_QUANTILE, cachedLaws);
  return cached;
}

/** Least mass of a grid cell read (a move beyond the law's longest). */
const FLOOR_MASS = 1e-9;

/** The law's log mass of an n-day move of `km` (its grid cell), floored. */
function logMass(n: number, km: number): number {
  const law = cachedLaws[n - 1];
  const c = Math.min(law.length - 1, Math.max(0, Math.round(km / CELL_KM)));
  return Math.log(Math.max(FLOOR_MASS, law[c]));
}

/**
 * Nats charged for the steps of a forward-only fit `fit[0..n)` at times `t` (days, in order):
 * `nats` per 100 km of each step beyond the law's quantile of a move in its whole days (at least
 * one). 0 when `nats` is 0.
 * @example
 * stepCharge([0, 1], [100, 3100], 2, 20); // a 3,000 km step in a day: 20 nats per 100 km beyond the 1-day quantile
 */
export function stepCharge(
  t: ArrayLike<number>,
  fit: ArrayLike<number>,
  n: number,
  nats: number,
): number {
  if (!(nats > 0) || n < 2) return 0;
  const q = priorStepQuantiles();
  let cost = 0;
  for (let i = 1; i < n; i++) {
    const step = fit[i] - fit[i - 1];
    if (step <= q[0]) continue;
    const days = Math.max(1, Math.ceil(t[i] - t[i - 1] - 1e-9));
    if (days > STEP_MAX_DAYS) continue;
    if (step <= q[days - 1]) continue;
    const excess = logMass(days, q[days - 1]) - logMass(days, step);
    if (excess > 0) cost += nats * excess;
  }
  return cost;
}
