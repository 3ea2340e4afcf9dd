/**
 * The one reading of the movement law after a group's last estimated day (issue 14, one movement
 * model): the law and start regime that carry a group past its track's end. The estimator's held
 * days after the data (src/state/onRoad.ts `carryTracks`, by src/estimate/kmAhead.ts) and the
 * forecast's runs (src/forecast/nowcast.ts, jointRuns.ts) both take them from {@link lawAhead}, so
 * the state on a day after the data and the forecast's positions of that day are one computation
 * of one law from one start.
 *
 * Until stop 27 the law was read two ways there: the held days pushed the last day's distribution
 * through the group's OWN fitted law (the estimator's per-group regime shares and walking pace)
 * from the estimator's last-day regime, the forecast's runs through the POOLED law from that
 * regime with a reported ride. Measured on every forecast bed (docs/estimation.md "fc27"), the
 * pooled law with the reported ride is the reading kept: the group's own shares are fitted on its
 * estimated track so far, and refitting on the track made forecasts worse before (docs/forecasts.md
 * § What we tried).
 */
import { REGIMES, cachedRegimeTransitions } from "./law.ts";
import type { MovementModel, Regime } from "./law.ts";
import type { Km } from "../model/units.ts";
import { normalCdf, Z90 } from "../util/normal.ts";

/** Regime probabilities (rest, walk, ride), summing to 1. */
export type RegimeShares = Record<Regime, number>;

/**
 * The start regime of a forecast: the estimator's posterior `estimated`, with the share `weight`
 * (0–1) moved to riding when the latest reports show a ride; `estimated` unchanged otherwise.
 * Only rides: on the development worlds of both simulators, also moving the share to a reported
 * walk or rest did less well (docs/forecasts.md § What was tried (issue 14)).
 * @param riding the regime shares a ride seen by the reports has aged to ({@link ridingAfter}).
 * @example
 * startRegime({ rest: 0.5, walk: 0.5, ride: 0 }, "ride", 1); // => { rest: 0, walk: 0, ride: 1 }
 * startRegime({ rest: 0.5, walk: 0.5, ride: 0 }, "walk", 1); // => { rest: 0.5, walk: 0.5, ride: 0 }
 */
export function startRegime(
  estimated: RegimeShares,
  reported: Regime | undefined,
  weight: number,
  riding: RegimeShares = { rest: 0, walk: 0, ride: 1 },
): RegimeShares {
  if (reported !== "ride" || !(weight > 0)) return { ...estimated };
  const w = Math.min(1, weight);
  const share = (r: Regime): number => (1 - w) * estimated[r] + w * riding[r];
  return { rest: share("rest"), walk: share("walk"), ride: share("ride") };
}

/**
 * The regime shares `days` whole days after a group was seen riding, under the movement model's
 * regime chain: riding for certain at 0 days, towards the chain's long-run shares after. Why: the
 * reports show a ride on their own day; a forecast starts on the state's day, which for a group not
 * reported since is days later (Honduran caravan 2 as of 25 Nov 2018: reports a ride apart on
 * 12–13 Nov, state on 22 Nov). Held to "riding" on that day it rode on at ~260 km/day where the
 * estimator's own state, from the same data, moves ~100 (tryout 21, finding 3).
 * @example
 * ridingAfter(defaultMovementModel(), 0); // => { rest: 0, walk: 0, ride: 1 }
 */
export function ridingAfter(movement: MovementModel, days: number): RegimeShares {
  const P = cachedRegimeTransitions(movement);
  // All of it riding on the reports' day, in the order of REGIMES (the transitions' order).
  let v: number[] = REGIMES.map((r) => (r === "ride" ? 1 : 0));
  for (let d = 0; d < Math.max(0, Math.floor(days)); d++) {
    v = REGIMES.map((_, j) => v.reduce((sum, x, i) => sum + x * P[i]![j]!, 0));
  }
  const at = (r: Regime) => v[REGIMES.indexOf(r)]!;
  return { rest: at("rest"), walk: at("walk"), ride: at("ride") };
}

/** What {@link lawAhead} reads of one group at the end of its track. */
export interface GroupAtTrackEnd {
  /** Local day number of the track's last day (the day the law carries the group on from). */
  lastDay: number;
  /** The estimator's regime posterior on that day (`GroupState.regime`). */
  regime: RegimeShares;
  /**
   * The regime the group's two latest position reports show (by their speed, `regimeOfPace`)
   * and the local day of the latest of them; undefined with fewer than two report times.
   */
  reported?: { regime: Regime; day: number };
}

/** Options of {@link lawAhead}. */
export interface LawAheadOptions {
  /**
   * Share of the start regime moved to riding when the reports show a ride ({@link startRegime});
   * default 1 (0 = the estimator's posterior alone).
   */
  reportedRideWeight?: number;
  /**
   * The law to read in place of the pooled one (development: a group's own refitted law,
   * `NowcastOptions.paceWindowDays`); default the pooled law.
   */
  law?: MovementModel;
}

/** The law a group moves by after its track's last day and its regime on that day. */
export interface LawAhead {
  movement: MovementModel;
  regime: RegimeShares;
}

/**
 * The law and the start regime that carry `group` past its track's last day (module comment): the
 * pooled law `pooled`, and the estimator's last-day posterior with a reported ride moved in, that
 * ride aged by the law's regime chain from the reports' day to the track's last day. The held days
 * push the last day's km distribution through them (kmAhead), the forecast's runs start from them
 * (aged on to the start day, stateDay.ts).
 * @example
 * lawAhead(pooled, { lastDay: 17855, regime: { rest: 0.5, walk: 0.5, ride: 0 }, reported: { regime: "ride", day: 17855 } }).regime;
 * // => { rest: 0, walk: 0, ride: 1 }
 */
export function lawAhead(
  pooled: MovementModel,
  group: GroupAtTrackEnd,
  options: LawAheadOptions = {},
): LawAhead {
  const movement = options.law ?? pooled;
  const days = group.lastDay - (group.reported?.day ?? group.lastDay);
  const regime = startRegime(
    group.regime,
    group.reported?.regime,
    options.reportedRideWeight ?? 1,
    ridingAfter(movement, days),
  );
  return { movement, regime };
}

/** A day's km distribution as a median and 90 % interval (km along the route). */
export interface KmSpread {
  median: Km;
  low: Km;
  high: Km;
}

/** Least sd of a side of a start (km): a point start is a narrow bump, not a spike. */
export const MIN_START_SD_KM = 0.5;

/**
 * The held days' shape of a day's km distribution that the law carries on past the data (the
 * forecast's runs start from a split normal by default instead: the log-normal start loses their
 * leads 1–3, docs/estimation.md "fc27"; two start shapes, by measurement): a
 * three-parameter (shifted) log-normal through its 5 %, 50 % and 95 % points, km = median +
 * c·(e^(λz) − 1)/λ for a standard normal z, with e^(λ·Z90) = (high − median) ÷ (median − low)
 * (λ = 0: the normal); each side at least {@link MIN_START_SD_KM} sd. Unlike a split normal (one
 * sd each side) its density is smooth at the median: a split normal's density drops at the median
 * by the ratio of its sides, and the law's first step then moves a skewed median much further than
 * the smoother's own step on its last days (Honduran caravan 2 as of 25 Nov 2018: +159 against
 * +96 km). The held days (kmAhead's start density, by {@link StartShape.cdf}) and, with
 * `startShape: "lognormal"`, the forecast's runs (their start draws, by {@link StartShape.kmAt})
 * read it.
 * @param cap the median is held in [0, cap] (the route's end).
 */
export function startShape(from: KmSpread, cap: Km = Infinity): StartShape {
  const median = Math.min(cap, Math.max(0, from.median));
  const down = Math.max(MIN_START_SD_KM * Z90, median - Math.min(from.low, median));
  const up = Math.max(MIN_START_SD_KM * Z90, Math.max(from.high, median) - median);
  const lambda = Math.log(up / down) / Z90;
  const flat = Math.abs(lambda) < 1e-9;
  const c = flat ? up / Z90 : (up * lambda) / Math.expm1(lambda * Z90);
  return {
    cdf(x) {
      const u = (x - median) / c;
      if (flat) return normalCdf(u);
      const arg = 1 + lambda * u;
      if (arg <= 0) return lambda > 0 ? 0 : 1;
      return normalCdf(Math.log(arg) / lambda);
    },
    kmAt(z) {
      return flat ? median + c * z : median + (c * Math.expm1(lambda * z)) / lambda;
    },
  };
}

/** The distribution of {@link startShape}: its cdf and its km at a standard normal z. */
export interface StartShape {
  /** P(km < x). */
  cdf(x: Km): number;
  /** The km at the standard normal `z` (z = ±Z90 the interval's ends, 0 the median). */
  kmAt(z: number): Km;
}
