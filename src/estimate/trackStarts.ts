/**
 * Where a track starts. A group lives from its first report: a report of its size alone (a named
 * group counted with no place) starts its track before its first position (positions.ts
 * `setSpan`). On those days nothing places it but its later positions, and groups ride buses: the
 * movement model, read backwards, would keep it near its first position. So the low end of the
 * 90 % intervals (median person, head and tail) on day k before the first position day f is at
 * most low(f) − (f − k) × the longest ride of one day (`MovementModel.longRideMaxKm`), and never
 * below the route's origin: "somewhere behind its first position", as far back as it could have
 * come from. The high end stays the smoother's (a group moves forward).
 *
 * For a group the file names, "first position" is its first position report that NAMES it: reports
 * without a name given to it before then are often another group's (on the simulate.ts development
 * worlds its intervals held the truth on 61 % of those days before this rule, 98 % after).
 */
import type { KmDayEstimate } from "./kmSmoother.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/**
 * Days of a group's track before its first position — for a labelled group its first position
 * that names it, when it has one (0 when such a position starts the track).
 */
export function daysBeforeFirstPosition(g: WorkGroup): number {
  let first = Infinity;
  for (const p of g.positions)
    if (!g.labelled || p.s.label === g.name) first = Math.min(first, Math.floor(p.s.t));
  if (!Number.isFinite(first))
    for (const p of g.positions) first = Math.min(first, Math.floor(p.s.t));
  return Number.isFinite(first) ? Math.max(0, first - g.day0) : 0;
}

/**
 * Widens the low ends of a group's intervals on the days before its first position (module
 * comment); returns the number of days widened.
 * @example
 * widenBeforeFirstPosition(ctx, g); // => 3 (a size report three days before its first position)
 */
export function widenBeforeFirstPosition(ctx: EstimateContext, g: WorkGroup): number {
  const f = daysBeforeFirstPosition(g);
  if (f === 0 || !g.km) return 0;
  const rideKm = ctx.movement.longRideMaxKm;
  for (const days of [g.km.days, g.head, g.tail]) {
    const anchor = days?.[f];
    if (!days || !anchor) continue;
    for (let k = 0; k < f; k++) {
      const floor = Math.max(0, anchor.low - (f - k) * rideKm);
      days[k] = widened(days[k], floor);
    }
  }
  return f;
}

function widened(d: KmDayEstimate, low: number): KmDayEstimate {
  return low < d.low ? { ...d, low } : d;
}
