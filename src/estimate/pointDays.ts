/**
 * Days on which a group's reports of the body show no body: every report of the day agrees with
 * every other within the reports' own noise (a day of one report agrees with itself). On such a
 * day a report of the body is read as a report of the median person with a body half-spread of
 * POINT_HALF_KM (positions.ts `bodyReading`), not the spread fitted from the reports' distances
 * over ±5 days or the size rule's prior (EstimateOptions.agreeingAsPoint; off by default).
 *
 * Why: a report of the body is read with its own noise AND the body's spread; for a group that is
 * one point on the road (simulate.ts's groups) the fitted spread is the reports' noise, wrong
 * positions and rides over the window, not a body, and the model's own 90 % intervals held 95.8 %
 * of its labelled development days (docs/estimation.md § cover23, § cal26). Days whose reports
 * disagree keep the body reading, so a wrong position or a long body still widens its day.
 */
import type { Km } from "../model/units.ts";

/** Body half-spread (km) read on a day whose reports of the body agree as one point's would. */
export const POINT_HALF_KM = 2;

/** Two-sided 90 % normal quantile: reports further apart than this many sds disagree. */
const Z90 = 1.645;

/** One report of the body as pointDays reads it: its day, its km (a town's stretch) and own sd. */
export interface DayReading {
  day: number;
  range: readonly [Km, Km];
  sigmaKm: Km;
}

/**
 * The days on which every pair of reports agrees: their distance (between town stretches, 0 where
 * they overlap) within Z90 × √(σ₁² + σ₂²), σ each report's own sd (the noise it is read with).
 * @example
 * agreeingDays([
 *   { day: 1, range: [100, 100], sigmaKm: 4 }, { day: 1, range: [104, 104], sigmaKm: 4 },
 *   { day: 2, range: [150, 150], sigmaKm: 4 }, { day: 2, range: [190, 190], sigmaKm: 4 },
 *   { day: 3, range: [200, 200], sigmaKm: 4 },
 * ]); // => Set {1, 3}
 */
export function agreeingDays(readings: readonly DayReading[]): Set<number> {
  const byDay = new Map<number, DayReading[]>();
  for (const r of readings) {
    const list = byDay.get(r.day) ?? [];
    list.push(r);
    byDay.set(r.day, list);
  }
  const out = new Set<number>();
  for (const [day, list] of byDay) {
    if (list.every((a, i) => list.slice(i + 1).every((b) => agree(a, b)))) out.add(day);
  }
  return out;
}

function agree(a: DayReading, b: DayReading): boolean {
  const gap = Math.max(0, a.range[0] - b.range[1], b.range[0] - a.range[1]);
  return gap <= Z90 * Math.hypot(a.sigmaKm, b.sigmaKm);
}
