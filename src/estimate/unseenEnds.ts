/**
 * The head's (tail's) far end: honest about the vanguard (the rear) running ahead of (behind) what
 * was reported.
 *
 * Without a recent report of its head, a group's head is smoothed from its reports of the body,
 * each a weak bound "the head is ahead of this report by at most the body's spread" (positions.ts
 * `forEnd`); for a group whose vanguard was never reported that spread is the prior for a walking
 * body of its size, tens of km. But caravans string out: a vanguard on buses hundreds of km ahead
 * of the body (2018: Tijuana a week before the body). And a report of the vanguard tells where
 * some of the vanguard were, not the foremost people: the first few dozen ride on ahead of the
 * vanguard the reporters meet. So on every day the head interval's far end reaches at least as far
 * beyond the median person's interval as this group's vanguard has been seen from its median
 * person (the END_REACH_QUANTILE of those distances, positions.ts `reachDistancesKm`), or, when it
 * has fewer than two such reports, as far as the vanguards of the dataset's groups together have
 * been seen (the same quantile of all their distances): a group whose vanguard went unseen is
 * taken to reach as far as the vanguards of the same movement. The tail likewise, behind, on the
 * days no report of the rear speaks for (a rear report is of the hindmost: stragglers are met
 * last, and a rear seen is a rear). The estimate does not move, and the interval never narrows.
 *
 * Why every day for the head: on world3's development worlds the front edge lay a median 217 km
 * ahead of the day's foremost report when the head interval missed it, on days with a vanguard
 * report as on days without (docs/estimation.md "Honest on a third simulator").
 */
import type { Km } from "../model/units.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";
import { holdingKm } from "./kmDay.ts";
import { endReportDays, reachDistancesKm, readReports } from "./positions.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/** Fewest reports of an end from which a group's own reach replaces the dataset's. */
const OWN_REACH_REPORTS = 2;

/**
 * Share of an end's seen distances from the median person within its interval's reach: the far
 * end of a 90 % interval is a 95th percentile. 0.9 measured: head cover on world3's labelled
 * development worlds 78.5 % at 0.8 (the body bound's REACH_QUANTILE, positions.ts), 82.7 % at 0.9,
 * 87.4 % at 0.95 with the stress worlds' head cover then over 93 % (docs/estimation.md "Honest on
 * a third simulator").
 */
export const END_REACH_QUANTILE = 0.9;

/** The END_REACH_QUANTILE of `xs` (0 with fewer than OWN_REACH_REPORTS). */
function reachOf(xs: readonly Km[]): Km {
  if (xs.length < OWN_REACH_REPORTS) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(END_REACH_QUANTILE * (sorted.length - 1))];
}

/** The reach (km) of the dataset's heads and tails, pooled over groups (module comment). */
export interface UnseenEndReach {
  headKm: Km;
  tailKm: Km;
}

/**
 * Widens every group's head interval, and its tail interval on the days no report of its tail
 * speaks for (module comment); run on the final median, head and tail days. `medianDays`: the
 * median person's intervals the ends reach from (default the group's own). Returns the pooled
 * reaches.
 */
export function widenUnseenEnds(
  ctx: EstimateContext,
  tracked: readonly WorkGroup[],
  medianDays: readonly (readonly KmDayEstimate[] | undefined)[] = tracked.map((g) => g.km?.days),
): UnseenEndReach {
  // Stale repeats (repeats.ts) say nothing of where an end is now: left out, as in positions.ts.
  const readings = tracked.map((g) => readReports(ctx, g));
  const own = (end: "head" | "tail"): Km[][] =>
    tracked.map((g, i) => reachDistancesKm(g, end, readings[i]));
  const head = own("head");
  const tail = own("tail");
  const pooled = { headKm: reachOf(head.flat()), tailKm: reachOf(tail.flat()) };
  tracked.forEach((g, i) => {
    const median = medianDays[i];
    if (!median) return;
    const length = ctx.index.lengthKm(g.routeId);
    const reach = (xs: Km[], all: Km): Km => (xs.length >= OWN_REACH_REPORTS ? reachOf(xs) : all);
    const headReach = reach(head[i], pooled.headKm);
    const tailReach = reach(tail[i], pooled.tailKm);
    const seenTail = endReportDays(g, "tail", readings[i]);
    g.head = g.head?.map((d, k) =>
      !median[k] ? d : reachAhead(d, median[k].high + headReach, length),
    );
    g.tail = g.tail?.map((d, k) =>
      seenTail.has(k) || !median[k] ? d : reachBehind(d, median[k].low - tailReach),
    );
  });
  return pooled;
}

/** `d` with its high end at least `km` (kept on the route). */
function reachAhead(d: KmDayEstimate, km: Km, routeLength: Km): KmDayEstimate {
  const { high } = holdingKm(d, d.low, km, routeLength);
  return high > d.high ? { ...d, high } : d;
}

/** `d` with its low end at most `km` (kept on the route). */
function reachBehind(d: KmDayEstimate, km: Km): KmDayEstimate {
  const { low } = holdingKm(d, km, d.high, d.high);
  return low < d.low ? { ...d, low } : d;
}
