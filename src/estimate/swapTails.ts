/**
 * Pair moves on the association objective (trackCost.ts): where two groups' tracks come close,
 * swap their tails. Two groups whose tracks cross (one overtakes the other, or both wait in one
 * town) can leave the greedy tracklets and the linking with the wrong continuation for each:
 * group A's reports up to the crossing and group B's after it in one track, and the other way
 * round. Moving single reports cannot undo that (each report alone fits the track it is in
 * better than the other half-track), but swapping everything after the crossing between the two
 * does: the move is kept when the two tracks so formed cost less than the two before (the
 * pair-swap move of multiple-target tracking's Markov-chain data association; Oh, Russell and
 * Sastry 2009, "switch" move).
 *
 * Only groups with no labelled report are swapped (a labelled group's reports stay together).
 */
import { bestRouteCost } from "./mergeTracklets.ts";
import type { LinkReport } from "./mergeTracklets.ts";
import { oversized } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";

export interface SwapOptions {
  model: CostModel;
  routeIds: readonly string[];
  /** Passes over all pairs (default 3); a pass with no swap ends the search. */
  passes?: number;
}

/** Days and km within which two groups' reports make a day a place where their tracks meet. */
const MEET_DAYS = 1;
const MEET_KM = 150;
/** Smallest saving (nats) for which a swap is kept (guards against swapping back and forth). */
const MIN_GAIN_NATS = 1;

function costOf(
  reports: readonly LinkReport[],
  list: readonly number[],
  routeIds: readonly string[],
  m: CostModel,
): number {
  if (list.length === 0) return 0;
  return bestRouteCost(
    list.map((i) => reports[i]),
    routeIds,
    m,
  ).cost;
}

/** Figures of `list` far above its group's size (trackCost.ts `oversized`). */
function oversizedIn(reports: readonly LinkReport[], list: readonly number[]): number {
  return oversized(
    list.map((i) => ({ t: reports[i].t, logSize: reports[i].logSize, part: reports[i].part })),
  );
}

/**
 * The cut times at which `a`'s and `b`'s reports (sorted by time) meet: the start of each day on
 * which a report of one lies within MEET_DAYS and MEET_KM (on a route both lie near) of a report
 * of the other, and on which both have reports before and after (a cut that moves nothing, or
 * everything, is no swap).
 */
function meetings(
  reports: readonly LinkReport[],
  a: readonly number[],
  b: readonly number[],
): number[] {
  const lo = Math.max(reports[a[0]].t, reports[b[0]].t);
  const hi = Math.min(reports[a[a.length - 1]].t, reports[b[b.length - 1]].t);
  if (hi <= lo) return [];
  const days = new Set<number>();
  let start = 0;
  for (const i of a) {
    const r = reports[i];
    if (r.t < lo - MEET_DAYS || r.t > hi + MEET_DAYS) continue;
    while (start < b.length && reports[b[start]].t < r.t - MEET_DAYS) start++;
    for (let k = start; k < b.length && reports[b[k]].t <= r.t + MEET_DAYS; k++) {
      const q = reports[b[k]];
      let near = false;
      for (const [route, km] of r.kmByRoute) {
        const other = q.kmByRoute.get(route);
        if (other !== undefined && Math.abs(other - km) <= MEET_KM) near = true;
      }
      if (!near) continue;
      // Cut at the start of the later of the two days (the tails are what follows the meeting).
      const day = Math.floor(Math.max(r.t, q.t));
      if (day > lo && day <= hi) days.add(day);
    }
  }
  return [...days].sort((x, y) => x - y);
}

/** The best swap of `a`'s and `b`'s tails (lists sorted by time), if it saves MIN_GAIN_NATS. */
function bestSwap(
  reports: readonly LinkReport[],
  a: readonly number[],
  b: readonly number[],
  costA: number,
  costB: number,
  o: SwapOptions,
): { a: number[]; b: number[]; costA: number; costB: number } | undefined {
  let best: { a: number[]; b: number[]; costA: number; costB: number } | undefined;
  let bestTotal = costA + costB - MIN_GAIN_NATS;
  const oversizedBefore = oversizedIn(reports, a) + oversizedIn(reports, b);
  for (const cut of meetings(reports, a, b)) {
    const headA = a.filter((i) => reports[i].t < cut);
    const tailA = a.filter((i) => reports[i].t >= cut);
    const headB = b.filter((i) => reports[i].t < cut);
    const tailB = b.filter((i) => reports[i].t >= cut);
    if (headA.length === 0 || tailA.length === 0 || headB.length === 0 || tailB.length === 0)
      continue;
    const newA = [...headA, ...tailB];
    const newB = [...headB, ...tailA];
    // No more figures far above a group's size than before (a report of 4,000 is not of 300).
    if (oversizedIn(reports, newA) + oversizedIn(reports, newB) > oversizedBefore) continue;
    const cA = costOf(reports, newA, o.routeIds, o.model);
    const cB = costOf(reports, newB, o.routeIds, o.model);
    if (cA + cB < bestTotal) {
      bestTotal = cA + cB;
      best = { a: newA, b: newB, costA: cA, costB: cB };
    }
  }
  return best;
}

/**
 * Swaps the tails of pairs of groups where their tracks meet, while that lowers the objective
 * (module comment). `groups` are lists of indices into `reports`; groups holding a `fixed`
 * (labelled) report are left as they are. Returns the new lists (same order) and the number of
 * swaps made.
 * @example
 * swapTails(reports, [[0, 1, 4, 5], [2, 3, 6, 7]], [], { model, routeIds: ["main"] });
 */
export function swapTails(
  reports: readonly LinkReport[],
  groups: readonly (readonly number[])[],
  fixed: readonly boolean[],
  o: SwapOptions,
): { groups: number[][]; swaps: number } {
  const byTime = (l: readonly number[]): number[] =>
    [...l].sort((x, y) => reports[x].t - reports[y].t || x - y);
  const lists = groups.map(byTime);
  const free = lists.map((l) => l.length > 0 && l.every((i) => !fixed[i]));
  const cost = lists.map((l, k) => (free[k] ? costOf(reports, l, o.routeIds, o.model) : 0));
  let swaps = 0;
  for (let pass = 0; pass < (o.passes ?? 3); pass++) {
    let swapped = 0;
    for (let a = 0; a < lists.length; a++) {
      if (!free[a]) continue;
      for (let b = a + 1; b < lists.length; b++) {
        if (!free[b]) continue;
        const s = bestSwap(reports, lists[a], lists[b], cost[a], cost[b], o);
        if (!s) continue;
        lists[a] = byTime(s.a);
        lists[b] = byTime(s.b);
        cost[a] = s.costA;
        cost[b] = s.costB;
        swapped++;
      }
    }
    swaps += swapped;
    if (swapped === 0) break;
  }
  return { groups: lists.map((l) => [...l].sort((x, y) => x - y)), swaps };
}
