/**
 * A day's km distribution pushed through days without reports by the movement law: the held days
 * after the data's end (src/state/onRoad.ts `holdUntilUnseen`) read it, so that they move and
 * widen as the smoother's own days without a report do, by the one movement law
 * (src/movement/law.ts).
 *
 * ONE computation (one law for the held days, not a second reading of it): the last estimated day's distribution, a shifted
 * log-normal through its median and 90 % interval ({@link startDensity}), is put on a km grid over
 * the whole route and
 * split by the last day's regime probabilities; each day the regimes mix by the law's Markov
 * transitions and each is convolved with its day kernel by the smoother's own forward step
 * (kmSmoother.ts `convolveForward`, no report to weigh it), the route's end absorbing (as in the
 * smoother). A day's low, median and high are the 5 %, 50 % and 95 % points of that density. It is
 * deterministic (no draws) and equals, to the grid's resolution, what the forecast's Monte Carlo
 * runs give from the same start, law and regime.
 *
 * Why not the quantiles of the law's n-day move added to the interval's ends (carryBy, trackdays,
 * stop 22): adding quantiles is right only for a start and move perfectly correlated; with a move
 * whose 5 % point is 0 for 3–4 days (rest) the low end stopped, and the median moved by the move's
 * median (about a walk, ~40 km/day) while the smoother moved the same 2018 medians by 100–140
 * km/day on their last days without reports (as of 25 Nov 2018 Honduran caravan 2 was held at
 * 2,568 km on 25 Nov; convolved 2,854, the forecast's positions 2,884).
 */
import type { Km } from "../model/units.ts";
import { dayKernels, REGIMES, regimeTransitions, startShape } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import { convolveForward, gridQuantile } from "./kmSmoother.ts";

/** A km interval of one day: its median and 90 % interval (km along the route). */
export interface KmInterval {
  median: Km;
  low: Km;
  high: Km;
}

/** Cells of the route's grid (km resolution = the route's length ÷ this, at least 0.25 km). */
const ROUTE_CELLS = 4000;

/**
 * `from` carried `days` days ahead by `movement` (module comment), one interval per day (day 1
 * first), none beyond `routeLengthKm`.
 * @param regime probability of the last day's regime (rest, walk, ride), e.g. the estimator's
 *   `GroupState.regime`; default the law's long-run shares.
 * @example
 * kmAhead({ median: 500, low: 450, high: 550 }, defaultEstimatorMovement(), 4000, 3).map((d) => d.high);
 * // => three high ends, each further ahead than the last
 */
export function kmAhead(
  from: KmInterval,
  movement: MovementModel,
  routeLengthKm: Km,
  days: number,
  regime?: { rest: number; walk: number; ride: number },
): KmInterval[] {
  if (days < 1) return [];
  const end = Math.max(1, routeLengthKm);
  // Cells 0…n-2 are [j·cell, (j+1)·cell); the last cell is the route's end (absorbing).
  const n = Math.max(2, Math.min(ROUTE_CELLS, Math.ceil(end / 0.25))) + 1;
  const cellKm = end / (n - 1);
  const start = startDensity(from, end, cellKm, n);
  const r0 = regime ?? movement.regimes;
  const total = r0.rest + r0.walk + r0.ride;
  const shares = [r0.rest, r0.walk, r0.ride].map((v) => (total > 0 ? v / total : 1 / 3));
  // Each regime's density, mixed into `mixed` and convolved into `next` day by day. The buffers
  // are reused and the loops fused (speed): the same sums in the same order as before, so the
  // held days are unchanged to the bit.
  let byRegime = shares.map((s) => {
    const a = new Float64Array(n);
    for (let j = 0; j < n; j++) a[j] = start[j]! * s;
    return a;
  });
  let next = REGIMES.map(() => new Float64Array(n));
  const mixed = REGIMES.map(() => new Float64Array(n));
  const kernels = dayKernels(movement, cellKm);
  const P = regimeTransitions(movement);
  // The law's transitions into each regime, 0 where there is none (then not added, as before).
  const into = REGIMES.map((_, to) => REGIMES.map((__, r) => P[r]![to]!));
  const out: KmInterval[] = [];
  const diff = new Float64Array(n + 1);
  const sum = new Float64Array(n);
  for (let d = 1; d <= days; d++) {
    // Each target regime's mix, summed over the from-regimes in order (rest, walk, ride).
    const [a0, a1, a2] = byRegime as [Float64Array, Float64Array, Float64Array];
    for (let to = 0; to < 3; to++) {
      const [p0, p1, p2] = into[to] as [number, number, number];
      const m = mixed[to]!;
      for (let j = 0; j < n; j++) {
        let v = 0;
        if (p0 > 0) v += p0 * a0[j]!;
        if (p1 > 0) v += p1 * a1[j]!;
        if (p2 > 0) v += p2 * a2[j]!;
        m[j] = v;
      }
      convolveForward(m, kernels[to]!, next[to]!, diff);
    }
    [byRegime, next] = [next, byRegime];
    const [b0, b1, b2] = byRegime as [Float64Array, Float64Array, Float64Array];
    for (let j = 0; j < n; j++) sum[j] = 0 + b0[j]! + b1[j]! + b2[j]!;
    const q = (p: number) => Math.min(end, gridQuantile(sum, 0, cellKm, p, false, true));
    out.push({ low: q(0.05), median: q(0.5), high: q(0.95) });
  }
  return out;
}

/**
 * The start's cell masses on the route's grid (summing to 1; mass below 0 in the first cell, at
 * or beyond the route's end in the last): the movement module's one start shape through `from`'s
 * 5 %, 50 % and 95 % points (`startShape`, src/movement/ahead.ts: a shifted log-normal, smooth at
 * the median). The forecast's runs start from a split normal by default (ForecastOptions
 * .startShape "split"), not this shape: measured, the log-normal start loses the forecast's leads
 * 1–3 on every simulator (docs/estimation.md "fc27"), so the two start shapes are kept and the
 * forecast's first days run ahead of the held days for skewed intervals (2018, 23 Nov: up to
 * ~130 km, Salvadoran group Nov 18 647 / 776 km).
 */
function startDensity(from: KmInterval, end: Km, cellKm: Km, n: number): Float64Array {
  const { cdf } = startShape(from, end);
  const out = new Float64Array(n);
  let previous = 0;
  for (let j = 0; j < n - 1; j++) {
    const next = j === n - 2 ? cdf(end) : cdf((j + 1) * cellKm);
    out[j] = next - previous;
    previous = next;
  }
  out[n - 1] = 1 - previous;
  return out;
}
