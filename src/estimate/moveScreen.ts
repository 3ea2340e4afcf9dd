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
import { groupLogSize, offRouteLoss, positionLossAt, sizeLoss } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";
import { positionsCost, positionsCostCounted, positionsFitted } from "./positionsFit.ts";
import { leastPositionLoss } from "./leastLoss.ts";
import { daySpanOutside, predictivePositions } from "./predictiveTrack.ts";
import { ReportTable } from "./reportTable.ts";
import type { Move } from "./stateCosts.ts";
import { PositionsMemo } from "./positionsMemo.ts";
import { bodyReports } from "./bodyCharge.ts";

/** A group's fit as it stands: what the screen reads a report against. */
export interface FrozenGroup {
  /** The route of its best cost (undefined: none of its reports lies near a route). */
  route?: string;
  /** Times (days) of its reports on that route, in order, and the track's fitted km at each. */
  t: number[];
  fit: number[];
  /** Its reports on the route (indices), in time order. */
  on: number[];
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
  /**
   * When asked for (tableCost `counted`) and the best route was fitted as itself (not read off a
   * shifted route or the likely route): how many of the reports are outliers or off that route —
   * mergeTracklets.ts outliersOn of the list on it, from the same fit.
   */
  outliers?: number;
}

/**
 * Exact cost of reports `sorted` (indices into `reports`, in time order) as one group on its best
 * route among `routes`: mergeTracklets.ts bestRouteCost (the same routes in the same order, the
 * same cost and tie rule), computed with less work (tableCost). `logSize`, when given, is the
 * list's groupLogSize (known to the caller). It makes a table of the list for each call: for a
 * plain list read once; the association search calls tableCost on its own table, made once.
 */
export function listCost(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  routes: readonly string[],
  m: CostModel,
  logSize?: { logN: number | undefined },
): Evaluated {
  const list = sorted.map((i) => reports[i]);
  return tableCost(
    new ReportTable(list),
    list.map((_, k) => k),
    routes,
    m,
    logSize,
  );
}

/**
 * tableCost's working space, one per table (scratchOf), reused between its calls and grown as
 * needed: tableCost runs hundreds of thousands of times per search, and allocating its arrays per
 * call showed in its time. It carries no state from one call to the next: each call writes the
 * entries it reads (km, weight and time by routeCost, size by figureLosses, the routes done by
 * tableCost) before reading them, and the two answers a helper gives besides its number (onRoute's
 * weight, routeCost's outliers) are read right after the call that wrote them.
 */
class CostScratch {
  /** The km, weight and time of the reports on the route being fitted, in time order. */
  km = new Float64Array(64);
  weight = new Float64Array(64);
  time = new Float64Array(64);
  /** The figures' losses at the list's log size (figureLosses). */
  size = new Float64Array(64);
  /** The routes done (route columns) and their costs (tableCost's shifted-route reuse). */
  doneCol = new Int32Array(8);
  doneCost = new Float64Array(8);
  /** onRoute's summed weight of the reports on the route (its return value is their count). */
  weighed = 0;
  /** The outliers of routeCost's last counted fit (positionsCostCounted). */
  outliers = 0;
  /** The list's log size (tableCost's), read by the body charge (CostModel.bodyCharge). */
  logN: number | undefined = undefined;
  /** The report index of each report on the route (with CostModel.bodyCharge only). */
  row = new Int32Array(64);

  /** Room for `n` reports and `routes` routes. */
  reserve(n: number, routes: number): void {
    if (n > this.km.length) {
      const cap = Math.max(n, 2 * this.km.length);
      this.km = new Float64Array(cap);
      this.weight = new Float64Array(cap);
      this.time = new Float64Array(cap);
      this.size = new Float64Array(cap);
      this.row = new Int32Array(cap);
    }
    if (routes > this.doneCol.length) {
      this.doneCol = new Int32Array(2 * routes);
      this.doneCost = new Float64Array(2 * routes);
    }
  }
}

const scratches = new WeakMap<ReportTable, CostScratch>();

/** The working space of tableCost on `table` (made on its first call). */
function scratchOf(table: ReportTable): CostScratch {
  let scratch = scratches.get(table);
  if (scratch === undefined) {
    scratch = new CostScratch();
    scratches.set(table, scratch);
  }
  return scratch;
}

/**
 * listCost of reports `sorted` (indices into `table`, in time order), read from the table:
 * - a route is not fitted when a lower bound of its cost (each report off it an outlier, each on
 *   it at the least loss a fit can give, the figures' loss that no route changes) cannot beat the
 *   best so far — most groups lie on one route, and most of their reports off the others;
 * - a route on which the group's reports lie exactly as on a route already fitted (the same
 *   reports on it, at km shifted by one constant: routes that share road, such as two branches
 *   from one origin, or two origins joining one road) costs what that route cost (the forward-
 *   only fit and its losses do not change when every km moves by a constant; the rounding left
 *   is far below the tie rule's 1e-9);
 * - the figures' loss is computed once, the positions' fit on reused buffers (positionsFit.ts);
 * - `likely` (a route the caller expects to be best) is fitted first, and a route whose lower
 *   bound is surely above its cost is not fitted (the same route and cost as without it; not with
 *   the predictive reading, m.predictive, whose loss the bound does not hold for);
 * - `moved`, when `sorted` is a group state's list with one report more or less (stateCosts.ts):
 *   on a route that report is off, the positions cost is the state's, computed once.
 */
export function tableCost(
  table: ReportTable,
  sorted: readonly number[],
  routes: readonly string[],
  m: CostModel,
  logSize?: { logN: number | undefined },
  likely?: string,
  counted = false,
  moved?: Move,
): Evaluated {
  if (sorted.length === 0) return { cost: 0 };
  const scratch = scratchOf(table);
  scratch.reserve(sorted.length, routes.length);
  const logN = logSize ? logSize.logN : groupLogSize(sorted.map((i) => table.reports[i]));
  const nSizes = figureLosses(table, sorted, m, logN, scratch.size);
  scratch.logN = logN;
  let figures = 0;
  const sizes = scratch.size;
  for (let k = 0; k < nSizes; k++) figures += sizes[k];
  const off = offRouteLoss(m);
  // (The likely route's cost, the routes done and the best so far in locals and reused arrays,
  // not an object each: tableCost runs for every candidate fit.)
  const firstCost = likelyCost(table, sorted, routes, likely, nSizes, m, scratch, moved);
  const first = !Number.isNaN(firstCost);
  const dc = scratch.doneCol;
  const dcost = scratch.doneCost;
  let nDone = 0;
  let bestRoute: string | undefined;
  let bestCost = Infinity;
  let bestOutliers: number | undefined;
  for (const route of routes) {
    const c = table.routeIndex.get(route);
    if (c === undefined) continue;
    const on = onRoute(table, sorted, c, scratch);
    const weighed = scratch.weighed;
    // Only routes near at least one report can be the group's.
    if (on === 0) continue;
    // Each report on it at least the loss of a residual of 0 at the least spread (leastLoss.ts).
    // The bound is the forward fit's: with the predictive reading (m.predictive, an experiment off
    // by default) no route is skipped on it, since nothing shows the one-step-ahead loss is above
    // it for every spread — every route near a report is fitted.
    if (!m.predictive && !m.bodyCharge) {
      const bound = (sorted.length - on) * off + weighed * leastPositionLoss(weighed, m) + figures;
      const least = bound - 1e-6 * Math.abs(bound);
      if (least >= bestCost - 1e-9) continue;
      // A route that costs surely more than the likely one can neither win nor tie.
      if (first && route !== likely && least > firstCost + LIKELY_MARGIN) continue;
    }
    // The first route done on which the reports lie as on this one, shifted.
    let same = -1;
    for (let d = 0; d < nDone; d++)
      if (shifted(table, sorted, dc[d], c)) {
        same = d;
        break;
      }
    const fitted = same < 0 && !(first && route === likely);
    const cost =
      same >= 0
        ? dcost[same]
        : fitted
          ? routeCost(table, sorted, c, on, nSizes, m, scratch, counted, moved)
          : firstCost;
    dc[nDone] = c;
    dcost[nDone++] = cost;
    if (cost < bestCost - 1e-9) {
      bestRoute = route;
      bestCost = cost;
      bestOutliers = counted && fitted ? sorted.length - on + scratch.outliers : undefined;
    }
  }
  if (bestRoute === undefined) return { cost: Infinity };
  return bestOutliers === undefined
    ? { route: bestRoute, cost: bestCost }
    : { route: bestRoute, cost: bestCost, outliers: bestOutliers };
}

/**
 * Nats by which a route's lower bound must exceed the likely route's cost for tableCost to skip
 * it: far above the tie rule's 1e-9, so a route skipped could not have won or tied.
 */
const LIKELY_MARGIN = 1e-6;

/** How many of `sorted` lie on route column `c`; their summed weight into `scratch.weighed`. */
function onRoute(
  table: ReportTable,
  sorted: readonly number[],
  c: number,
  scratch: CostScratch,
): number {
  let on = 0;
  let weighed = 0;
  const { km, width, weight } = table;
  for (const i of sorted)
    if (!Number.isNaN(km[i * width + c])) {
      on++;
      weighed += weight[i];
    }
  scratch.weighed = weighed;
  return on;
}

/**
 * The cost of `sorted` on route `likely` (one of `routes`, near one of its reports; else NaN:
 * none), fitted first so that tableCost skips routes that cost surely more: a group that
 * gains or loses one report nearly always keeps its route (reassignReports.ts passes the route
 * of its fit). The same number routeCost gives in tableCost's loop.
 */
function likelyCost(
  table: ReportTable,
  sorted: readonly number[],
  routes: readonly string[],
  likely: string | undefined,
  nSizes: number,
  m: CostModel,
  scratch: CostScratch,
  moved?: Move,
): number {
  if (likely === undefined || !routes.includes(likely)) return NaN;
  const c = table.routeIndex.get(likely);
  if (c === undefined) return NaN;
  const on = onRoute(table, sorted, c, scratch);
  if (on === 0) return NaN;
  return routeCost(table, sorted, c, on, nSizes, m, scratch, false, moved);
}

/** Largest difference (km) between two routes' shifts of one group's reports to count as one. */
export const SHIFT_TOLERANCE_KM = 1e-9;

/** Whether every report of `sorted` is on column `a` exactly when on `b`, at km shifted by one constant. */
function shifted(table: ReportTable, sorted: readonly number[], a: number, b: number): boolean {
  return !Number.isNaN(shiftOf(table, sorted, a, b));
}

/**
 * The one km shift (b − a) of every report of `sorted` that is on column `a` exactly when on `b`
 * (0: none on either; NaN: no one shift).
 * @example
 * shiftOf(table, [0, 1, 2], 0, 1); // 40 when route 1 runs 40 km ahead of route 0 on their road
 */
export function shiftOf(
  table: ReportTable,
  sorted: readonly number[],
  a: number,
  b: number,
): number {
  let shift: number | undefined;
  for (const i of sorted) {
    const x = table.kmOn(i, a);
    const y = table.kmOn(i, b);
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (Number.isNaN(x) !== Number.isNaN(y)) return NaN;
      continue;
    }
    shift ??= y - x;
    if (Math.abs(y - x - shift) > SHIFT_TOLERANCE_KM * Math.max(1, Math.abs(y))) return NaN;
  }
  return shift ?? 0;
}

/**
 * trackCost.ts groupCost of `sorted` on route column `c` (`on` of its reports on it; its figures'
 * `nSizes` losses in `scratch.size`; the same sums in the same order). A counted fit's outliers go
 * to `scratch.outliers`. `moved`: a state's list with one report more or less (tableCost); when
 * that report is off the route, the positions cost is the state's (stateCosts.ts), read back or
 * computed and remembered.
 */
function routeCost(
  table: ReportTable,
  sorted: readonly number[],
  c: number,
  on: number,
  nSizes: number,
  m: CostModel,
  scratch: CostScratch,
  counted = false,
  moved?: Move,
): number {
  const off = offRouteLoss(m);
  // The state's own reports on this route (the moved report is off it): their cost, if known.
  const same =
    moved !== undefined &&
    !counted &&
    !m.predictive &&
    !m.bodyCharge &&
    Number.isNaN(table.km[moved.i * table.width + c]);
  const known = same ? moved.state.at(c, m) : NaN;
  if (!Number.isNaN(known))
    return offAndSizes(sorted.length - on, off, known, nSizes, scratch.size);
  let cost = 0;
  let k = 0;
  // (The scratch's buffers and the table's arrays through locals, read once: positionsFit.ts.)
  const kms = scratch.km;
  const weights = scratch.weight;
  const times = scratch.time;
  const { km, width, weight } = table;
  const t = table.times;
  // The reports' rows are read only by the body charge (off by default): the loop writes them
  // only then, so the default search does no work for it.
  const rows = m.bodyCharge ? scratch.row : undefined;
  for (const i of sorted) {
    const x = km[i * width + c];
    if (Number.isNaN(x)) cost += off;
    else {
      if (rows !== undefined) rows[k] = i;
      weights[k] = weight[i];
      times[k] = t[i];
      kms[k++] = x;
    }
  }
  if (m.predictive) {
    // The predictive reading (predictiveTrack.ts; CostModel.predictive): the same buffers; added
    // to the fit's cost (predictiveAdded), or in its place.
    const fit = predictivePositions(times, kms, on, m, m.predictive, weights);
    cost += fit.cost;
    scratch.outliers = fit.outliers;
    if (m.daySpan) cost += m.daySpan.nats * daySpanOutside(times, kms, on, m.daySpan.km);
    if (m.predictiveAdded) {
      const ml = positionsCostCounted(kms, weights, on, m);
      cost += ml.cost;
      scratch.outliers = ml.outliers;
    }
  } else if (m.bodyCharge && !sorted.some((i) => table.reports[i].labelled)) {
    // The body charge (bodyCharge.ts): the body's strung-out reports read as its parts, the rest
    // fitted again without them, every figure read at the whole's size from the rest.
    const { fit: fitted, spreadKm } = positionsFitted(kms, weights, on, m);
    const row = scratch.row;
    const wholeLogN = (mask: Uint8Array): number | undefined => {
      const parts = new Set<number>();
      for (let k = 0; k < on; k++) if (mask[k] === 1) parts.add(row[k]);
      const rest = sorted.filter((i) => !parts.has(i)).map((i) => table.reports[i]);
      return groupLogSize(rest) ?? scratch.logN;
    };
    const body = bodyReports(
      times,
      kms,
      weights,
      on,
      fitted,
      spreadKm,
      m,
      (k) => table.reports[row[k]],
      wholeLogN,
    );
    if (body.bodied === 0) {
      const fit = positionsCostCounted(kms, weights, on, m);
      cost += fit.cost;
      scratch.outliers = fit.outliers;
    } else {
      const rest = on - body.bodied;
      const km2 = new Float64Array(rest);
      const w2 = new Float64Array(rest);
      const parts = new Set<number>();
      for (let k = 0, j = 0; k < on; k++)
        if (body.mask[k] === 0) {
          km2[j] = kms[k];
          w2[j++] = weights[k];
        } else parts.add(row[k]);
      const fit = positionsCostCounted(km2, w2, rest, m);
      cost += fit.cost + body.charge;
      scratch.outliers = fit.outliers;
      // The figures read again: the parts' as parts', all at the whole's size from the rest.
      if (body.logN !== undefined) {
        for (let j = 0; j < nSizes; j++) cost -= scratch.size[j];
        for (const i of sorted) {
          const r = table.reports[i];
          if (r.logSize !== undefined)
            cost += sizeLoss(r.logSize, parts.has(i) || !!r.part, body.logN, m);
        }
      }
    }
  } else if (counted || m.bodyCharge) {
    const fit = positionsCostCounted(kms, weights, on, m);
    cost += fit.cost;
    scratch.outliers = fit.outliers;
  } else {
    // A moved list's positions are often a list fitted before (positionsMemo.ts).
    const positions = moved
      ? positionsMemoOf(table).cost(kms, weights, on, m)
      : positionsCost(kms, weights, on, m);
    if (same) moved.state.set(c, m, positions);
    cost += positions;
  }
  const sizes = scratch.size;
  for (let j = 0; j < nSizes; j++) cost += sizes[j];
  return cost;
}

/** The positions memo of the search reading `table` (made on first use, dropped with the table). */
const positionsMemos = new WeakMap<ReportTable, PositionsMemo>();
function positionsMemoOf(table: ReportTable): PositionsMemo {
  let memo = positionsMemos.get(table);
  if (!memo) {
    memo = new PositionsMemo();
    positionsMemos.set(table, memo);
  }
  return memo;
}

/**
 * routeCost's sum when the positions cost is known: `offCount` reports off the route at `off`
 * each, the positions cost, then the `nSizes` figure losses in `sizes` — the same additions
 * in the same order (the off-route losses, one value summed from 0, are the same whichever of the
 * reports are off).
 */
function offAndSizes(
  offCount: number,
  off: number,
  positions: number,
  nSizes: number,
  sizes: Float64Array,
): number {
  let cost = 0;
  for (let j = 0; j < offCount; j++) cost += off;
  cost += positions;
  for (let j = 0; j < nSizes; j++) cost += sizes[j];
  return cost;
}

/**
 * Each row's latest figure losses, at up to FIGURE_SLOTS log sizes (sizeLoss is a pure function
 * of the row's figure, the log size and the model, so a value read back is the one a new call
 * gives: no result depends on what was asked before). A group's log size is the upper quartile of
 * its figures, so the fits of one group's moves read its rows at a few log sizes only (as it
 * stands, with a figure more, with one less): one slot a row missed whenever they alternated. The
 * exp and log of sizeLoss for every figure of every candidate fit were 6 % of the time at 100
 * unlabelled groups; with one slot, figureLosses was still 4 %.
 */
interface FigureMemo {
  model: CostModel;
  /** By row, then slot: the log size (NaN: empty) and its loss. */
  logN: Float64Array;
  loss: Float64Array;
  /** By row: the slot the next miss writes (round robin). */
  next: Uint8Array;
}
/** Log sizes remembered per row. */
const FIGURE_SLOTS = 4;
const figureMemos = new WeakMap<ReportTable, FigureMemo>();

function figureMemo(table: ReportTable, m: CostModel): FigureMemo {
  let memo = figureMemos.get(table);
  if (memo?.model !== m) {
    const n = table.reports.length * FIGURE_SLOTS;
    memo = {
      model: m,
      logN: new Float64Array(n).fill(NaN),
      loss: new Float64Array(n),
      next: new Uint8Array(table.reports.length),
    };
    figureMemos.set(table, memo);
  }
  return memo;
}

/** Each figure's loss (trackCost.ts groupCost's size term) at log size `logN`, in order, into `sizes`; returns how many. */
function figureLosses(
  table: ReportTable,
  sorted: readonly number[],
  m: CostModel,
  logN: number | undefined,
  sizes: Float64Array,
): number {
  if (logN === undefined) return 0;
  // (The figures from the table's arrays: the reports' own values.)
  const { sized } = table;
  const memo = figureMemo(table, m);
  let n = 0;
  for (const i of sorted) {
    if (sized[i] === 0) continue;
    sizes[n++] = memoLoss(table, memo, i, logN, m);
  }
  return n;
}

/** Row `i`'s figure loss at log size `logN` (it has a figure), read back from `memo` or computed into it. */
function memoLoss(
  table: ReportTable,
  memo: FigureMemo,
  i: number,
  logN: number,
  m: CostModel,
): number {
  const memoLogN = memo.logN;
  const base = i * FIGURE_SLOTS;
  let at = base;
  while (at < base + FIGURE_SLOTS && memoLogN[at] !== logN) at++;
  if (at === base + FIGURE_SLOTS) {
    at = base + memo.next[i];
    memo.next[i] = (memo.next[i] + 1) % FIGURE_SLOTS;
    memo.loss[at] = sizeLoss(table.logSize[i], table.part[i] === 1, logN, m);
    memoLogN[at] = logN;
  }
  return memo.loss[at];
}

/**
 * trackCost.ts sizeLoss of row `i`'s figure (it must have one: `table.sized[i]` 1) at log size
 * `logN`, read from the table's figure memo (figureLosses'): the same number, without the exps
 * and logs when the row was read at that size before.
 * @example
 * figureLossAt(table, 3, Math.log(400), m); // === sizeLoss(table.logSize[3], table.part[3] === 1, Math.log(400), m)
 */
export function figureLossAt(table: ReportTable, i: number, logN: number, m: CostModel): number {
  return memoLoss(table, figureMemo(table, m), i, logN, m);
}

/** The fit of reports `sorted` (in time order) on `route`, frozen for the screen. */
export function freezeGroup(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  route: string | undefined,
  m: CostModel,
): FrozenGroup {
  const on = route === undefined ? [] : sorted.filter((i) => reports[i].kmByRoute.has(route));
  // (fitPositions' fit and spread, on the reused buffers: positionsFit.ts positionsFitted.)
  const { fit, spreadKm } = positionsFitted(
    on.map((i) => reports[i].kmByRoute.get(route as string) as number),
    on.map((i) => reports[i].weight ?? 1),
    on.length,
    m,
  );
  const at = new Map<number, number>();
  on.forEach((i, k) => at.set(i, fit[k]));
  const logN = groupLogSize(sorted.map((i) => reports[i]));
  return { route, t: on.map((i) => reports[i].t), fit, at, spreadKm, logN, on };
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
  return screenOnRoute(r, km, r.weight ?? 1, g, m);
}

/**
 * joinScreen of report `i` of `table`, its km read from the table's column `col` (the group's
 * route's; -1: the group has none) rather than the report's map: the same number. The search
 * screens ~35 candidates a report at 100 unlabelled groups (stop 27).
 * @example
 * joinScreenAt(table, 4, g, table.routeIndex.get(g.route as string) ?? -1, m); // === joinScreen(table.reports[4], g, m)
 */
export function joinScreenAt(
  table: ReportTable,
  i: number,
  g: FrozenGroup,
  col: number,
  m: CostModel,
): number {
  const r = table.reports[i];
  // (NaN in the table: off that route, as a km missing from the report's map.)
  const km = col < 0 ? NaN : table.km[i * table.width + col];
  if (Number.isNaN(km)) return offRouteLoss(m) + figureLoss(r, g.logN, m);
  return screenOnRoute(r, km, table.weight[i], g, m);
}

/** joinScreen's cost of report `r` at `km` on the group's route, its position weighing `w`. */
function screenOnRoute(r: LinkReport, km: number, w: number, g: FrozenGroup, m: CostModel): number {
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
  return w * positionLossAt(residual, g.spreadKm, m) + figureLoss(r, g.logN, m);
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
      : (r.weight ?? 1) * positionLossAt(km - fitted, g.spreadKm, m);
  return -(position + figureLoss(r, g.logN, m));
}
