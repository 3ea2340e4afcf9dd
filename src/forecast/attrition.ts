/**
 * Attrition "so far": how fast groups have been losing people, fitted on the estimated size
 * tracks up to the as-of date, as the daily rate the forward model (`stepGroup`) applies.
 */
import { dayNumber } from "../calendar/index.ts";
import type { TrackPoint } from "../model/track.ts";

/** Rates outside this range are clamped: 0 (no joiners modelled) to 5 % a day. */
const MAX_RATE = 0.05;

/**
 * Daily attrition rate fitted on estimated size tracks: the pooled mean fall of log(size) per day
 * over every group's consecutive days with a size, weighted by the days each group contributes,
 * turned into a share (1 − e^−slope) and clamped to [0, 0.05].
 *
 * Why pooled: a single group's size track over a few days is mostly noise from disagreeing
 * sources; the pooled fall over all groups is what the data so far say about attrition (asylum
 * claims, returns). A group's own size stays its own (the nowcast); only the rate is shared.
 *
 * @param tracks estimated tracks (`estimateTracks(…).tracks`); sizes `NaN` (unknown) are skipped.
 * @param fallback rate when no group has two days with a size; default 0.01 (the simulator's).
 * @returns share of the people leaving per day (0–0.05).
 * @example
 * fitAttritionPerDay(estimateTracks(embedded2018(), { asOf: "2018-11-01" }).tracks); // => ≈ 0.02
 */
export function fitAttritionPerDay(tracks: readonly TrackPoint[], fallback = 0.01): number {
  const byGroup = new Map<string, TrackPoint[]>();
  for (const t of tracks) {
    if (!(t.size > 0)) continue;
    const list = byGroup.get(t.group);
    if (list) list.push(t);
    else byGroup.set(t.group, [t]);
  }
  let fall = 0;
  let days = 0;
  for (const list of byGroup.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.date < b.date ? -1 : 1));
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const span = (dayNumber(last.date) ?? NaN) - (dayNumber(first.date) ?? NaN);
    if (!(span > 0)) continue;
    fall += Math.log(first.size) - Math.log(last.size);
    days += span;
  }
  if (days === 0) return fallback;
  const slope = fall / days;
  return Math.min(MAX_RATE, Math.max(0, 1 - Math.exp(-slope)));
}
