/**
 * EXPERIMENT (branch prequential): after the association search, join pairs of its groups while
 * the PREDICTIVE objective (predictive.ts: each report by its one-step-ahead density through the
 * movement law, plus trackCost.ts's sizes and a birth per group) falls. Greedy: the best join
 * first, until none gains.
 */
import { predictiveCost } from "./predictive.ts";
import { groupCostTerms, oversized } from "./trackCost.ts";
import type { CostModel, CostReport } from "./trackCost.ts";
import type { LinkReport } from "./mergeTracklets.ts";
import { bestRouteCost } from "./mergeTracklets.ts";

/** Birth (nats) of a group under the predictive objective (PREQ_BIRTH to try others). */
const BIRTH =
  typeof process !== "undefined" && process.env.PREQ_BIRTH ? Number(process.env.PREQ_BIRTH) : 40;
/** Longest silence (days) between two groups' spans that may be joined. */
const GAP_DAYS = 21;

interface Scored {
  list: number[];
  cost: number;
  first: number;
  last: number;
  fixed: boolean;
  oversized: number;
}

/** The predictive cost of the reports at `list` as one group on its best route. */
function score(
  reports: readonly LinkReport[],
  list: readonly number[],
  routes: readonly string[],
  m: CostModel,
  fixed: boolean,
): Scored {
  const sorted = [...list].sort((a, b) => reports[a].t - reports[b].t);
  const rs = sorted.map((i) => reports[i]);
  const { route } = bestRouteCost(rs, routes, m);
  const read: CostReport[] = rs.map((r) => ({
    t: r.t,
    km: r.kmByRoute.get(route),
    logSize: r.logSize,
    part: r.part,
  }));
  const sizes = groupCostTerms(read, m).sizes;
  const pos = predictiveCost(
    read.map((r) => r.t),
    read.map((r) => r.km),
    m,
  );
  return {
    list: sorted,
    cost: pos + sizes + BIRTH,
    first: rs[0]?.t ?? 0,
    last: rs[rs.length - 1]?.t ?? 0,
    fixed,
    oversized: oversized(read),
  };
}

/**
 * `lists` with pairs joined while the predictive objective falls; a list holding `fixed` reports
 * (a labelled group's) keeps its route (`routeOf`) and is never joined to another such list.
 */
export function predictiveMerge(
  reports: readonly LinkReport[],
  lists: readonly number[][],
  fixed: readonly boolean[],
  routeOf: (list: readonly number[]) => readonly string[] | undefined,
  routeIds: readonly string[],
  m: CostModel,
): number[][] {
  const groups = lists
    .filter((l) => l.length > 0)
    .map((l) => score(reports, l, routeOf(l) ?? routeIds, m, l.some((i) => fixed[i])));
  const gains = new Map<string, { gain: number; joined: Scored }>();
  const key = (a: Scored, b: Scored) => `${groups.indexOf(a)}|${groups.indexOf(b)}`;
  const pair = (a: Scored, b: Scored) => {
    if (a.fixed && b.fixed) return undefined;
    if (Math.max(a.first, b.first) - Math.min(a.last, b.last) > GAP_DAYS) return undefined;
    const list = [...a.list, ...b.list];
    const joined = score(reports, list, routeOf(list) ?? routeIds, m, a.fixed || b.fixed);
    if (joined.oversized > a.oversized + b.oversized) return undefined;
    return { gain: a.cost + b.cost - joined.cost, joined };
  };
  for (;;) {
    let best: { a: Scored; b: Scored; gain: number; joined: Scored } | undefined;
    for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++) {
        const [a, b] = [groups[i], groups[j]];
        const k = key(a, b);
        if (!gains.has(k)) {
          const p = pair(a, b);
          gains.set(k, p ?? { gain: -Infinity, joined: a });
        }
        const g = gains.get(k) as { gain: number; joined: Scored };
        if (g.gain > 0 && (!best || g.gain > best.gain)) best = { a, b, ...g };
      }
    if (!best) break;
    const { a, b, joined } = best;
    // Keys are by index: rebuild them after the join.
    const keep = groups.filter((g) => g !== a && g !== b);
    const old = new Map<Scored, number>(groups.map((g, i) => [g, i]));
    const next = [...keep, joined];
    const moved = new Map<string, { gain: number; joined: Scored }>();
    for (let i = 0; i < keep.length; i++)
      for (let j = i + 1; j < keep.length; j++) {
        const v = gains.get(`${old.get(keep[i])}|${old.get(keep[j])}`);
        if (v) moved.set(`${i}|${j}`, v);
      }
    groups.length = 0;
    groups.push(...next);
    gains.clear();
    for (const [k, v] of moved) gains.set(k, v);
  }
  return groups.map((g) => g.list);
}
