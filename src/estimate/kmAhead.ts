/**
 * A km interval carried ahead through days without reports by the movement law. The held days
 * after the data's end (src/state/onRoad.ts `holdUntilUnseen`) read it, so that they widen as the
 * days without a report inside a track do, by the one movement law (src/movement/law.ts).
 *
 * The law's move in `n` days is computed on a grid by the smoother's own forward step
 * (kmSmoother.ts `convolveForward` with the law's day kernels and its Markov regimes, from the
 * group's last-day regime), with no report to weigh it. Day `n` ahead, the low end of the interval
 * moves by the move's 5 % point, the median by its median and the high end by its 95 % point:
 * the interval widens each day by the spread of the law's `n`-day move, never falls back (the law
 * moves forward only) and stops at the route's end (which absorbs, as in the smoother). Each end
 * is carried on its own: the day's interval already holds the self-calibration's widening
 * (calibrate.ts), which a re-read of the interval as one distribution would not keep (such a
 * re-read, tried first, narrowed the first held day and moved its median by half a day's ride).
 */
import type { Km } from "../model/units.ts";
import { dayKernels, REGIMES, regimeTransitions } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import { convolveForward, gridQuantile } from "./kmSmoother.ts";

/** A km interval of one day: its median and 90 % interval (km along the route). */
export interface KmInterval {
  median: Km;
  low: Km;
  high: Km;
}

/** Most cells of the grid of moves (km resolution = the longest move ÷ this, at least 0.5 km). */
const MAX_CELLS = 900;

/**
 * The law's move (km) in 1…`days` days: its 5 %, 50 % and 95 % points per day (day 1 first),
 * moves longer than `maxKm` counted at `maxKm`.
 * @param regime probability of the last day's regime (rest, walk, ride), e.g. the estimator's
 *   `GroupState.regime`; default the law's long-run shares.
 * @example
 * lawMoves(defaultEstimatorMovement(), 3, 4000).map((d) => d.high); // => growing day by day
 */
export function lawMoves(
  movement: MovementModel,
  days: number,
  maxKm: Km,
  regime?: { rest: number; walk: number; ride: number },
): KmInterval[] {
  if (days < 1) return [];
  const span = Math.max(
    1,
    Math.min(maxKm, days * Math.max(movement.longRideMaxKm, movement.rideKm.max, 1)),
  );
  const cellKm = Math.max(0.5, span / MAX_CELLS);
  const n = Math.max(2, Math.ceil(span / cellKm));
  const kernels = dayKernels(movement, cellKm);
  const P = regimeTransitions(movement);
  const r0 = regime ?? movement.regimes;
  const total = r0.rest + r0.walk + r0.ride;
  let byRegime = [r0.rest, r0.walk, r0.ride].map((v) => {
    const a = new Float64Array(n);
    a[0] = total > 0 ? v / total : 1 / 3;
    return a;
  });
  const out: KmInterval[] = [];
  const conv = new Float64Array(n);
  const diff = new Float64Array(n + 1);
  for (let d = 1; d <= days; d++) {
    byRegime = REGIMES.map((_, to) => {
      const mixed = new Float64Array(n);
      byRegime.forEach((a, r) => {
        const p = P[r]![to]!;
        for (let j = 0; j < n; j++) mixed[j] += p * a[j]!;
      });
      convolveForward(mixed, kernels[to]!, conv, diff);
      return Float64Array.from(conv);
    });
    const sum = new Float64Array(n);
    for (const a of byRegime) for (let j = 0; j < n; j++) sum[j] += a[j]!;
    // The first cell is a point at 0 (no move), the last the longest move counted.
    const q = (p: number) => Math.min(span, gridQuantile(sum, 0, cellKm, p, true, true));
    out.push({ low: q(0.05), median: q(0.5), high: q(0.95) });
  }
  return out;
}

/**
 * `from` carried `days` days ahead by `movement` (module comment), one interval per day (day 1
 * first), none beyond `routeLengthKm`.
 * @param regime as in {@link lawMoves}.
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
  return carryBy(from, lawMoves(movement, days, Math.max(1, routeLengthKm), regime), routeLengthKm);
}

/**
 * `from` moved by each of `moves` (the law's moves of {@link lawMoves}): its low end by the move's
 * 5 % point, its median by its median, its high end by its 95 % point, within [0, routeLengthKm].
 */
export function carryBy(
  from: KmInterval,
  moves: readonly KmInterval[],
  routeLengthKm: Km,
): KmInterval[] {
  const end = Math.max(1, routeLengthKm);
  const cap = (km: Km) => Math.min(end, Math.max(0, km));
  const low = cap(Math.min(from.low, from.median));
  const high = cap(Math.max(from.high, from.median));
  const median = Math.min(high, Math.max(low, cap(from.median)));
  return moves.map((m) => ({
    low: cap(low + m.low),
    median: cap(median + m.median),
    high: cap(high + m.high),
  }));
}
