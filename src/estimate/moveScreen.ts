/**
 * A cheap screen of single-report moves for the association search (reassignReports.ts): what
 * a report would cost in a group, read against the group's fit as it stands (its route, its
 * forward-only track, its spread and its size: trackCost.ts), without re-fitting. Re-fitting a
 * whole group for every candidate move made the search grow much faster than the number of
 * reports (100 unlabelled groups did not finish in 10 minutes); the screen costs a binary search
 * per candidate. It only ranks and gates candidates: the moves themselves are decided on the exact
 * costs.
 *
 * - **Joining** a group: between two of the group's reports in time the forward-only track may
 *   pass anywhere from the earlier one's fitted km to the later one's, so the report's residual is
 *   its distance outside that range (before the first report, or after the last, only one side
 *   bounds it); it costs that residual's robust loss at the group's spread, plus its figure's loss
 *   at the group's size. Off the group's route: an outlier.
 * - **Leaving** a group: minus the report's own loss under the group's fit.
 *
 * Both over-state the exact change a little (a re-fit absorbs part of a residual); the exact cost
 * can also be far above a join's screen, when a report before a group's first one drags its fit
 * (the robust fit starts from an unweighted one). tests/estimate/moveScreen.test.ts pins both.
 */
import type { LinkReport } from "./mergeTracklets.ts";
import {
  fitPositions,
  groupCost,
  groupLogSize,
  offRouteLoss,
  positionLoss,
  sizeLoss,
} from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";

/** A group's fit as it stands: what the screen reads a report against. */
export interface FrozenGroup {
  /** The route of its best cost (undefined: none of its reports lies near a route). */
  route?: string;
  /** Times (days) of its reports on that route, in order, and the track's fitted km at each. */
  t: number[];
  fit: number[];
  /** Fitted km at each of its own reports on the route (by report index). */
  at: Map<number, number>;
  /** The group's spread (km) and log size (undefined: no figure). */
  spreadKm: number;
  logN?: number;
}

/** A list's exact cost and best route (trackCost.ts); an empty list costs 0. */
export interface Evaluated {
  cost: number;
  route?: string;
}

/**
 * Exact cost of reports `sorted` (indices into `reports`, in time order) as one group on its best
 * route among `routes`: mergeTracklets.ts bestRouteCost (the same routes in the same order, the
 * same cost and tie rule), except that a route is not fitted when a lower bound of its cost
 * (each report off it an outlier, each on it at the least loss a fit can give, the figures' loss
 * that no route changes) cannot beat the best so far — most groups lie on one route, and most of
 * their reports off the others.
 */
export function listCost(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  routes: readonly string[],
  m: CostModel,
): Evaluated {
  if (sorted.length === 0) return { cost: 0 };
  const list = sorted.map((i) => reports[i]);
  const figures = figuresCost(list, m);
  const leastOn = positionLoss(0, { ...m, spreadKm: m.floorKm });
  const off = offRouteLoss(m);
  let best: Evaluated = { cost: Infinity };
  for (const route of routes) {
    let on = 0;
    let weighed = 0;
    for (const r of list)
      if (r.kmByRoute.has(route)) {
        on++;
        weighed += r.weight ?? 1;
      }
    // Only routes near at least one report can be the group's.
    if (on === 0) continue;
    const bound = (list.length - on) * off + weighed * leastOn + figures;
    if (bound - 1e-6 * Math.abs(bound) >= best.cost - 1e-9) continue;
    const cost = groupCost(
      list.map((r) => ({
        t: r.t,
        km: r.kmByRoute.get(route),
        logSize: r.logSize,
        part: r.part,
        weight: r.weight,
      })),
      m,
    );
    if (cost < best.cost - 1e-9) best = { route, cost };
  }
  return best;
}

/** The figures' part of a group's cost (trackCost.ts groupCost), the same on every route. */
function figuresCost(list: readonly LinkReport[], m: CostModel): number {
  const logN = groupLogSize(list);
  let cost = 0;
  if (logN !== undefined)
    for (const r of list)
      if (r.logSize !== undefined) cost += sizeLoss(r.logSize, !!r.part, logN, m);
  return cost;
}

/** The fit of reports `sorted` (in time order) on `route`, frozen for the screen. */
export function freezeGroup(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  route: string | undefined,
  m: CostModel,
): FrozenGroup {
  const on = route === undefined ? [] : sorted.filter((i) => reports[i].kmByRoute.has(route));
  const { fit, spreadKm } = fitPositions(
    on.map((i) => reports[i].kmByRoute.get(route as string) as number),
    m,
    on.map((i) => reports[i].weight ?? 1),
  );
  const at = new Map<number, number>();
  on.forEach((i, k) => at.set(i, fit[k]));
  const logN = groupLogSize(sorted.map((i) => reports[i]));
  return { route, t: on.map((i) => reports[i].t), fit, at, spreadKm, logN };
}

/** Loss (nats) of report `r`'s figure in a group of log size `logN` (its own size if none). */
function figureLoss(r: LinkReport, logN: number | undefined, m: CostModel): number {
  if (r.logSize === undefined) return 0;
  return sizeLoss(r.logSize, !!r.part, logN ?? r.logSize, m);
}

/**
 * Screened cost (nats) of report `r` joining group `g` (module comment).
 * @example
 * joinScreen({ t: 3, kmByRoute: new Map([["main", 120]]) }, g, DEFAULT_COST_MODEL); // g's track passes 100–150 km between days 2 and 4: the loss of a residual of 0
 */
export function joinScreen(r: LinkReport, g: FrozenGroup, m: CostModel): number {
  const km = g.route === undefined ? undefined : r.kmByRoute.get(g.route);
  if (km === undefined) return offRouteLoss(m) + figureLoss(r, g.logN, m);
  let lo = 0;
  let hi = g.t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (g.t[mid] <= r.t) lo = mid + 1;
    else hi = mid;
  }
  const from = lo > 0 ? g.fit[lo - 1] : -Infinity;
  const to = lo < g.t.length ? g.fit[lo] : Infinity;
  const residual = km < from ? from - km : km > to ? km - to : 0;
  const w = r.weight ?? 1;
  return w * positionLoss(residual, { ...m, spreadKm: g.spreadKm }) + figureLoss(r, g.logN, m);
}

/** Screened change (nats) of group `g`'s cost when its report `i` leaves it: minus its own loss. */
export function leaveScreen(
  reports: readonly LinkReport[],
  i: number,
  g: FrozenGroup,
  m: CostModel,
): number {
  const r = reports[i];
  const fitted = g.at.get(i);
  const km = g.route === undefined ? undefined : r.kmByRoute.get(g.route);
  const position =
    fitted === undefined || km === undefined
      ? offRouteLoss(m)
      : (r.weight ?? 1) * positionLoss(km - fitted, { ...m, spreadKm: g.spreadKm });
  return -(position + figureLoss(r, g.logN, m));
}
