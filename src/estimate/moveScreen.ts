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
import { fitPositions, groupLogSize, offRouteLoss, positionLoss, sizeLoss } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";
import { positionsCost } from "./positionsFit.ts";
import { bodyLoss, rateLoss } from "./bodyFit.ts";
import type { BodyExtent } from "./bodyFit.ts";

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
  /** Its body about the track (the body reading, bodyFit.ts). */
  body?: BodyExtent;
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
 * same cost and tie rule), computed with less work:
 * - a route is not fitted when a lower bound of its cost (each report off it an outlier, each on
 *   it at the least loss a fit can give, the figures' loss that no route changes) cannot beat the
 *   best so far — most groups lie on one route, and most of their reports off the others;
 * - a route on which the group's reports lie exactly as on a route already fitted (the same
 *   reports on it, at km shifted by one constant: routes that share road, such as two branches
 *   from one origin, or two origins joining one road) costs what that route cost (the forward-
 *   only fit and its losses do not change when every km moves by a constant; the rounding left
 *   is far below the tie rule's 1e-9);
 * - the figures' loss is computed once, the positions' fit on reused buffers (positionsFit.ts).
 * `logSize`, when given, is the list's groupLogSize (known to the caller).
 */
export function listCost(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  routes: readonly string[],
  m: CostModel,
  logSize?: { logN: number | undefined },
): Evaluated {
  if (sorted.length === 0) return { cost: 0 };
  const list = sorted.map((i) => reports[i]);
  const sizes = figureLosses(list, m, logSize ? logSize.logN : groupLogSize(list));
  let figures = 0;
  for (const v of sizes) figures += v;
  const leastOn = positionLoss(0, { ...m, spreadKm: m.floorKm });
  const off = offRouteLoss(m);
  const done: { route: string; cost: number }[] = [];
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
    const same = done.find((d) => shifted(list, d.route, route));
    const cost = same ? same.cost : routeCost(list, route, on, sizes, m);
    done.push({ route, cost });
    if (cost < best.cost - 1e-9) best = { route, cost };
  }
  // The reports' rate (the body reading) does not depend on the route.
  return m.body ? { ...best, cost: best.cost + rateLoss(list, m.body) } : best;
}

/** Largest difference (km) between two routes' shifts of one group's reports to count as one. */
const SHIFT_TOLERANCE_KM = 1e-9;

/** Whether every report of `list` is on `a` exactly when on `b`, at km shifted by one constant. */
function shifted(list: readonly LinkReport[], a: string, b: string): boolean {
  let shift: number | undefined;
  for (const r of list) {
    const x = r.kmByRoute.get(a);
    const y = r.kmByRoute.get(b);
    if (x === undefined || y === undefined) {
      if (x !== y) return false;
      continue;
    }
    shift ??= y - x;
    if (Math.abs(y - x - shift) > SHIFT_TOLERANCE_KM * Math.max(1, Math.abs(y))) return false;
  }
  return true;
}

/** trackCost.ts groupCost of `list` on `route` (`on` of its reports on it; `sizes` its figures' losses; the same sums in the same order). */
function routeCost(
  list: readonly LinkReport[],
  route: string,
  on: number,
  sizes: readonly number[],
  m: CostModel,
): number {
  const km = new Float64Array(on);
  const weight = new Float64Array(on);
  const off = offRouteLoss(m);
  let cost = 0;
  let k = 0;
  for (const r of list) {
    const x = r.kmByRoute.get(route);
    if (x === undefined) cost += off;
    else {
      weight[k] = r.weight ?? 1;
      km[k++] = x;
    }
  }
  cost += positionsCost(km, weight, on, m);
  for (const v of sizes) cost += v;
  return cost;
}

/** Each figure's loss (trackCost.ts groupCost's size term) at log size `logN`, in order. */
function figureLosses(
  list: readonly LinkReport[],
  m: CostModel,
  logN: number | undefined,
): number[] {
  const out: number[] = [];
  if (logN !== undefined)
    for (const r of list)
      if (r.logSize !== undefined) out.push(sizeLoss(r.logSize, !!r.part, logN, m));
  return out;
}

/** The fit of reports `sorted` (in time order) on `route`, frozen for the screen. */
export function freezeGroup(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  route: string | undefined,
  m: CostModel,
): FrozenGroup {
  const on = route === undefined ? [] : sorted.filter((i) => reports[i].kmByRoute.has(route));
  const { fit, spreadKm, body } = fitPositions(
    on.map((i) => reports[i].kmByRoute.get(route as string) as number),
    m,
    on.map((i) => reports[i].weight ?? 1),
  );
  const at = new Map<number, number>();
  on.forEach((i, k) => at.set(i, fit[k]));
  const logN = groupLogSize(sorted.map((i) => reports[i]));
  return { route, t: on.map((i) => reports[i].t), fit, at, spreadKm, body, logN };
}

/** Loss (nats) of a position residual `r` (km) under group `g`'s spread, or its body. */
function frozenLoss(r: number, g: FrozenGroup, m: CostModel): number {
  if (m.body && g.body) return bodyLoss(r, g.body, m, m.body);
  return positionLoss(r, { ...m, spreadKm: g.spreadKm });
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
  // Signed (behind the track < 0): a body need not be symmetric about it.
  const residual = km < from ? km - from : km > to ? km - to : 0;
  const w = r.weight ?? 1;
  return w * frozenLoss(residual, g, m) + figureLoss(r, g.logN, m);
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
      : (r.weight ?? 1) * frozenLoss(km - fitted, g, m);
  return -(position + figureLoss(r, g.logN, m));
}
