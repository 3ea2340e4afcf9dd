/**
 * Joins whole groups the association found when the FILL reading (bodyFill.ts) prefers them as
 * one: after the search (linkTracklets.ts, under trackCost.ts's normal spread), each group's
 * objective is read again with its positions day by day — each day's reports in one window of the
 * body, the windows' centres on a forward-only track — plus its figures and reports off the route
 * as trackCost.ts reads them, and a birth per group. The pair of groups whose join lowers that
 * objective most is joined first (greedy agglomeration, as mergeTracklets.ts), until no join
 * lowers it. Reports never move between groups here: only whole groups join.
 *
 * Off by default (EstimateOptions.fillJoin); read only when no group of the dataset is labelled.
 */
import { fillTerms } from "./bodyFill.ts";
import type { FillModel } from "./bodyFill.ts";
import { bestRouteCost, sizesFit } from "./mergeTracklets.ts";
import type { LinkReport } from "./mergeTracklets.ts";
import { groupCostTerms } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";

/** What the join reads. */
export interface FillJoinOptions {
  model: CostModel;
  fill: FillModel;
  routeIds: readonly string[];
  /** Cost (nats) of one more group. */
  birth: number;
  /** Longest silence (days) between two groups' spans across which they may be one. */
  maxGapDays: number;
}

interface Joined {
  rows: number[];
  first: number;
  last: number;
  cost: number;
}

/**
 * The fill objective (nats) of `reports` (time order) as one group: figures and reports off the
 * route as trackCost.ts, positions by the fill reading, on the route trackCost.ts prefers.
 */
export function fillGroupCost(reports: readonly LinkReport[], o: FillJoinOptions): number {
  if (reports.length === 0) return 0;
  const { route, cost } = bestRouteCost(reports, o.routeIds, o.model);
  if (!Number.isFinite(cost)) return Infinity;
  const terms = groupCostTerms(
    reports.map((r) => ({
      t: r.t,
      km: r.kmByRoute.get(route),
      logSize: r.logSize,
      part: r.part,
      weight: r.weight,
    })),
    o.model,
  );
  const on = reports.filter((r) => r.kmByRoute.has(route));
  const f = fillTerms(
    on.map((r) => ({ t: r.t, km: r.kmByRoute.get(route) as number, weight: r.weight })),
    o.model,
    o.fill,
  );
  return terms.offRoute + terms.sizes + f.windows + f.track + f.lengths;
}

/** The reports at `rows`, in time order (a stable sort). */
function sortedRows(reports: readonly LinkReport[], rows: readonly number[]): number[] {
  return [...rows].sort((a, b) => reports[a].t - reports[b].t || a - b);
}

function joined(reports: readonly LinkReport[], rows: number[], o: FillJoinOptions): Joined {
  const sorted = sortedRows(reports, rows);
  const list = sorted.map((i) => reports[i]);
  return {
    rows: sorted,
    first: list[0].t,
    last: list[list.length - 1].t,
    cost: fillGroupCost(list, o),
  };
}

/** Gain (nats) of joining `a` and `b`, and the joined group; null when they may not be one. */
function tryJoin(
  reports: readonly LinkReport[],
  a: Joined,
  b: Joined,
  o: FillJoinOptions,
): { gain: number; union: Joined } | null {
  const gap = Math.max(a.first, b.first) - Math.min(a.last, b.last);
  if (gap > o.maxGapDays || -gap > o.fill.maxOverlapDays) return null;
  const ra = a.rows.map((i) => reports[i]);
  const rb = b.rows.map((i) => reports[i]);
  const union = joined(reports, [...a.rows, ...b.rows], o);
  if (!sizesFit(ra, rb, union.rows.map((i) => reports[i]))) return null;
  const gain = a.cost + b.cost + o.birth - o.fill.joinMargin - union.cost;
  return Number.isFinite(gain) ? { gain, union } : null;
}

/**
 * The groups `lists` (indices into `reports`) with those the fill reading prefers as one joined
 * (module comment). Empty lists are dropped.
 */
export function joinByFill(
  reports: readonly LinkReport[],
  lists: readonly (readonly number[])[],
  o: FillJoinOptions,
): number[][] {
  const groups: (Joined | null)[] = lists
    .filter((l) => l.length > 0)
    .map((l) => joined(reports, [...l], o));
  const pairs = new Map<string, { gain: number; union: Joined }>();
  const score = (i: number, j: number): void => {
    const a = groups[i];
    const b = groups[j];
    if (!a || !b) return;
    const t = tryJoin(reports, a, b, o);
    if (t && t.gain > 0) pairs.set(`${i},${j}`, t);
  };
  for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) score(i, j);
  for (;;) {
    let best: { key: string; gain: number; union: Joined } | undefined;
    for (const [key, p] of pairs) if (!best || p.gain > best.gain) best = { key, ...p };
    if (!best) break;
    const [i, j] = best.key.split(",").map(Number);
    groups[i] = best.union;
    groups[j] = null;
    for (const key of [...pairs.keys()]) {
      const [a, b] = key.split(",").map(Number);
      if (a === i || b === i || a === j || b === j) pairs.delete(key);
    }
    for (let k = 0; k < groups.length; k++)
      if (k !== i) score(Math.min(i, k), Math.max(i, k));
  }
  return groups.filter((g): g is Joined => g !== null).map((g) => g.rows);
}
