/**
 * The regime a group's latest reports show (rest, walk or ride), for the first day of a forecast.
 *
 * Why: the estimator's regime posterior at the end of a track rests on the evidence about the
 * last day's move alone, so a group whose two latest reports are hundreds of km apart (it is
 * riding now) often starts the forecast walking or resting, and the forecast starts days late at
 * short leads. The speed between the two latest reports — what the constant-speed baseline
 * extrapolates — says when the group is riding now; the movement model's Markov chain then
 * decides how long it stays in it (docs/forecasts.md § What was tried, issue 14 round 2).
 */
import type { Km } from "../model/units.ts";
import type { MovementModel, Regime } from "../movement/index.ts";
import { REGIMES, cachedRegimeTransitions } from "../movement/index.ts";
import type { ReportKm } from "./lastTwoReports.ts";

/** A daily pace below this (km/day) reads as resting: the classification of `groupMovement`. */
export const REST_BELOW_KM_PER_DAY = 15;
/**
 * Shortest time between the two latest reports the speed is taken over (days, 6 hours): reports
 * a few minutes apart from two parts of one long group would otherwise give absurd speeds.
 */
export const MIN_REPORT_GAP_DAYS = 0.25;

/** Regime probabilities (rest, walk, ride), summing to 1. */
export type RegimeShares = Record<Regime, number>;

/**
 * Speed between the two latest report times (reports at the same moment merged into their mean
 * km), over at least {@link MIN_REPORT_GAP_DAYS}; negative when the latest is behind.
 * @returns km/day, or `undefined` with fewer than two report times.
 * @example
 * latestReportSpeed([{ t: 10.5, km: 100 }, { t: 11.5, km: 400 }]); // => 300
 */
export function latestReportSpeed(reports: readonly ReportKm[]): number | undefined {
  const byTime = new Map<number, { km: Km; n: number }>();
  for (const r of reports) {
    if (!Number.isFinite(r.t) || !Number.isFinite(r.km)) continue;
    const m = byTime.get(r.t) ?? { km: 0, n: 0 };
    m.km += r.km;
    m.n++;
    byTime.set(r.t, m);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  if (times.length < 2) return undefined;
  const t1 = times.at(-1)!;
  const t0 = times.at(-2)!;
  const km = (t: number): Km => byTime.get(t)!.km / byTime.get(t)!.n;
  return (km(t1) - km(t0)) / Math.max(t1 - t0, MIN_REPORT_GAP_DAYS);
}

/**
 * The regime of a daily pace: rest below {@link REST_BELOW_KM_PER_DAY}, ride from the movement
 * model's shortest ride (`rideKm.min`, 80 km by default), walk in between.
 * @example
 * regimeOfPace(300, defaultMovementModel()); // => "ride"
 */
export function regimeOfPace(kmPerDay: number, movement: MovementModel): Regime {
  if (kmPerDay < REST_BELOW_KM_PER_DAY) return "rest";
  return kmPerDay < movement.rideKm.min ? "walk" : "ride";
}

/**
 * The start regime of a forecast: the estimator's posterior `estimated`, with the share `weight`
 * (0–1) moved to riding when the latest reports show a ride; `estimated` unchanged otherwise.
 * Only rides: on the development worlds of both simulators, also moving the share to a reported
 * walk or rest did less well (docs/forecasts.md § What was tried (issue 14)).
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
