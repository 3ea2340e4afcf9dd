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
import type { ReportKm } from "./lastTwoReports.ts";

/** A daily pace below this (km/day) reads as resting: the classification of `groupMovement`. */
export const REST_BELOW_KM_PER_DAY = 15;
/**
 * Shortest time between the two latest reports the speed is taken over (days, 6 hours): reports
 * a few minutes apart from two parts of one long group would otherwise give absurd speeds.
 */
export const MIN_REPORT_GAP_DAYS = 0.25;

/** Regime probabilities (rest, walk, ride), summing to 1 (src/movement/ahead.ts). */
export type { RegimeShares } from "../movement/index.ts";
// The start regime and a reported ride's ageing are the movement module's one reading of the law
// after the data (src/movement/ahead.ts); re-exported here, where the forecast reads them.
export { ridingAfter, startRegime } from "../movement/index.ts";

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
