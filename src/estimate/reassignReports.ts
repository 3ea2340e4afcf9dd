/**
 * Local search on the association objective (trackCost.ts plus a birth penalty per group): each
 * report that no label fixes moves to the group whose cost it raises least, when that lowers the
 * total (the assignment step of hard EM / k-means over tracks; Bar-Shalom, Willett and Tian,
 * *Tracking and Data Fusion*, 2011, ch. 6). Tracklets formed greedily in time order can mix two
 * groups that travel close together; moving single reports lets each group's forward-only track
 * and size pull back what belongs to it. A group left empty is dropped (its birth saved).
 */
import { bestRouteCost, sizesFit } from "./mergeTracklets.ts";
import type { LinkReport } from "./mergeTracklets.ts";
import type { CostModel } from "./trackCost.ts";

/** A group being searched: its reports (by index), its routes, its cost (without the birth). */
interface Searched {
  reports: number[];
  routes: readonly string[];
  cost: number;
}

export interface ReassignOptions {
  model: CostModel;
  routeIds: readonly string[];
  birth: number;
  /** Longest silence (days) between a report and a group's span for it to join the group. */
  maxGapDays: number;
  /** Passes over all reports (default 3). */
  passes?: number;
}

function costOf(
  reports: readonly LinkReport[],
  ix: readonly number[],
  routes: readonly string[],
  m: CostModel,
): number {
  if (ix.length === 0) return 0;
  const list = ix.map((i) => reports[i]).sort((a, b) => a.t - b.t);
  return bestRouteCost(list, routes, m).cost;
}

/**
 * Days and km (on a route both lie near) within which a group's report makes it a candidate:
 * two spreads of the widest body (trackCost.ts caps a group's spread at 150 km).
 */
const NEAR_DAYS = 2;
const NEAR_KM = 300;

/**
 * Whether report `i` lies near one of `list`'s reports (NEAR_DAYS, NEAR_KM): within a group's
 * span, a report far from all its reports of those days cannot join it at a gain (the forward-only
 * track runs between them); skipping it keeps the search linear in practice (100 groups).
 */
function nearAny(reports: readonly LinkReport[], list: readonly number[], i: number): boolean {
  const r = reports[i];
  for (const j of list) {
    const q = reports[j];
    if (Math.abs(q.t - r.t) > NEAR_DAYS) continue;
    for (const [route, km] of r.kmByRoute) {
      const other = q.kmByRoute.get(route);
      if (other !== undefined && Math.abs(other - km) <= NEAR_KM) return true;
    }
  }
  return false;
}

/**
 * Reassigns reports between groups (module comment). `groups` are lists of indices into
 * `reports`; `fixed[i]` reports (labelled) never move; `routes[g]` limits group g's routes
 * (default every route). Returns the new lists (same order; a list may be empty).
 * @example
 * reassignReports(reports, [[0, 1, 4], [2, 3]], [], { model, routeIds: ["main"], birth: 55, maxGapDays: 21 });
 */
export function reassignReports(
  reports: readonly LinkReport[],
  groups: readonly (readonly number[])[],
  fixed: readonly boolean[],
  o: ReassignOptions & { routes?: readonly (readonly string[] | undefined)[] },
): number[][] {
  const s: Searched[] = groups.map((g, k) => {
    const routes = o.routes?.[k] ?? o.routeIds;
    return { reports: [...g], routes, cost: costOf(reports, g, routes, o.model) };
  });
  const span = (g: Searched): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of g.reports) {
      lo = Math.min(lo, reports[i].t);
      hi = Math.max(hi, reports[i].t);
    }
    return [lo, hi];
  };
  for (let pass = 0; pass < (o.passes ?? 3); pass++) {
    let moved = 0;
    const spans = s.map(span);
    for (let a = 0; a < s.length; a++) {
      for (const i of [...s[a].reports]) {
        if (fixed[i]) continue;
        const rest = s[a].reports.filter((x) => x !== i);
        const restCost = costOf(reports, rest, s[a].routes, o.model);
        // Leaving a group empty saves its birth.
        const leave = restCost - s[a].cost - (rest.length === 0 ? o.birth : 0);
        let best = { b: -1, delta: -1e-6, cost: 0 };
        for (let b = 0; b < s.length; b++) {
          if (b === a || s[b].reports.length === 0) continue;
          const [lo, hi] = spans[b];
          if (reports[i].t < lo - o.maxGapDays || reports[i].t > hi + o.maxGapDays) continue;
          if (reports[i].t >= lo && reports[i].t <= hi && !nearAny(reports, s[b].reports, i))
            continue;
          const into = s[b].reports.map((j) => reports[j]);
          if (!sizesFit(into, [reports[i]], [...into, reports[i]])) continue;
          const joined = costOf(reports, [...s[b].reports, i], s[b].routes, o.model);
          const delta = leave + joined - s[b].cost;
          if (delta < best.delta) best = { b, delta, cost: joined };
        }
        if (best.b < 0) continue;
        s[a].reports = rest;
        s[a].cost = restCost;
        s[best.b].reports.push(i);
        s[best.b].cost = best.cost;
        spans[a] = span(s[a]);
        spans[best.b] = span(s[best.b]);
        moved++;
      }
    }
    if (moved === 0) break;
  }
  return s.map((g) => g.reports.sort((x, y) => x - y));
}
