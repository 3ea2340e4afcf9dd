/**
 * A second screen of the association search (reassignReports.ts) for a report that would join a
 * group before its first report or after its last. There the first screen (moveScreen.ts
 * joinScreen) reads the report against a fit that does not move, and over- or under-states the
 * exact change by many nats (a report ahead of a group's start drags its fit), so every such
 * candidate used to be re-fitted whole — three in four of the search's re-fits at 50 groups, and
 * only one in 400 of them the move made (bench/README.md "Speed without labels: the edge screen").
 *
 * This screen re-fits only the group's EDGE_REPORTS reports at that end, with and without the
 * report, at the group's fitted spread (positionsFit.ts positionsCostAt), and adds the exact change
 * of the figures' losses (the group's size read again with the report's figure). The search takes
 * the lower of the two screens and re-fits a candidate only when that, less EDGE_MARGIN_NATS,
 * could still make the move. The margin is measured, not a bound (the exact fit depends on the
 * path its reweighting takes, and a join can even lower a group's cost), so the cases where the
 * screen was seen to over-state the exact change by more than the margin are left to the exact
 * re-fit: a report off the route of the group's fit, and an end whose reports include one more
 * than FAR_SPREADS spreads from the group's fit (an outlier there changes how the re-fit
 * reweights). The re-fit may also switch the group to another of its routes where routes share
 * road: edgeRival gives a true lower bound of the change on each other route (tableCost's bound:
 * every report at the least loss a fit can give, those off the route as outliers), and the search
 * re-fits when that bound could still make the move.
 */
import { SHIFT_TOLERANCE_KM, figureLossAt, shiftOf } from "./moveScreen.ts";
import type { FrozenGroup } from "./moveScreen.ts";
import { positionsCostAt } from "./positionsFit.ts";
import type { ReportTable } from "./reportTable.ts";
import { offRouteLoss, positionLoss, sizeLoss } from "./trackCost.ts";
import type { CostModel, CostReport } from "./trackCost.ts";

/** Reports at a group's end re-fitted by the edge screen. */
export const EDGE_REPORTS = 10;

/**
 * Nats by which the screened change may OVER-state the exact one and the candidate still be
 * re-fitted: an empirical margin, not a bound. With 3, the exact change of a join at a group's
 * end lay at most 2.75 nats below the lower screen in 99.99 % of 270,000 candidates of the
 * 50-group unlabelled speed world, and two winning candidates of 16,000 were not re-fitted —
 * figures from a counter added by hand to reassignReports.ts and removed before commit c942cac
 * (no command reproduces them; that was before the fall-backs above).
 */
export const EDGE_MARGIN_NATS = 3;

/** A report at a group's end this many of its spreads from its fit sends that end to the re-fit. */
export const FAR_SPREADS = 3;

/**
 * Buffers of the window being re-fitted: km on the fit's route and place-day weights of at most
 * EDGE_REPORTS reports and the joining one.
 */
const edgeKm = new Float64Array(EDGE_REPORTS + 1);
const edgeWeight = new Float64Array(EDGE_REPORTS + 1);

/** What the edge screen reads of one group state, once (reassignReports.ts StateFits). */
export interface EdgeState {
  /** Table column of the route of the group's fit. */
  c: number;
  /**
   * Positions cost (nats) of the group's first (head) and last (tail) EDGE_REPORTS on-route
   * reports at its spread; NaN: that end holds a report FAR_SPREADS from the fit (no screen).
   */
  head: number;
  tail: number;
  /**
   * Each other route of the group (table column `c`): the one km shift of all its reports onto it
   * (NaN: none), and `least`, tableCost's lower bound of the group's cost on it less the group's
   * cost (nats; figures left out: they are the same on every route).
   */
  rivals: { c: number; shift: number; least: number }[];
  /** The model's loss of a report off the route, and least loss of one on it (nats). */
  off: number;
  leastOn: number;
}

/** Puts the group's on-route reports `from..to` into the edge buffers from `at` on; returns the end. */
function fill(table: ReportTable, g: FrozenGroup, c: number, from: number, to: number, at = 0) {
  let n = at;
  for (let k = from; k < to; k++) {
    edgeKm[n] = table.kmOn(g.on[k], c);
    edgeWeight[n++] = table.weight[g.on[k]];
  }
  return n;
}

/** Whether one of the group's on-route reports `from..to` lies FAR_SPREADS from its fit. */
function farFrom(table: ReportTable, g: FrozenGroup, c: number, from: number, to: number) {
  for (let k = from; k < to; k++) {
    const fitted = g.at.get(g.on[k]);
    if (fitted === undefined) continue;
    if (Math.abs(table.kmOn(g.on[k], c) - fitted) > FAR_SPREADS * g.spreadKm) return true;
  }
  return false;
}

/** Sum of the figures' losses (nats) of reports `sorted` at log size `logN` (trackCost.ts groupCost). */
function figuresCost(
  table: ReportTable,
  sorted: readonly number[],
  logN: number | undefined,
  m: CostModel,
) {
  let sum = 0;
  if (logN === undefined) return 0;
  for (const i of sorted) {
    const r = table.reports[i];
    if (r.logSize !== undefined) sum += sizeLoss(r.logSize, !!r.part, logN, m);
  }
  return sum;
}

/** The other routes' shifts and bounds (EdgeState rivals) of a group of exact cost `cost` on column `c`. */
function rivalsOf(
  table: ReportTable,
  g: FrozenGroup,
  sorted: readonly number[],
  { routes, cost, c }: { routes: readonly string[]; cost: number; c: number },
  m: CostModel,
): EdgeState["rivals"] {
  const off = offRouteLoss(m);
  const leastOn = positionLoss(0, { ...m, spreadKm: m.floorKm });
  const positions = cost - figuresCost(table, sorted, g.logN, m);
  const rivals: EdgeState["rivals"] = [];
  for (const route of routes) {
    const other = table.routeIndex.get(route);
    if (other === undefined || other === c) continue;
    let least = 0;
    for (const i of sorted) {
      const km = table.kmOn(i, other);
      least += Number.isNaN(km) ? off : table.weight[i] * leastOn;
    }
    rivals.push({ c: other, shift: shiftOf(table, sorted, c, other), least: least - positions });
  }
  return rivals;
}

/**
 * The edge screen's reading of a group state: `g` its frozen fit, `sorted` all its reports in
 * time order, `routes` the routes it may take, `cost` its exact cost (undefined: no fit on a
 * route, no screen).
 * @example
 * const e = edgeState(table, frozen, sorted, { routes: ["main"], cost }, model);
 */
export function edgeState(
  table: ReportTable,
  g: FrozenGroup,
  sorted: readonly number[],
  { routes, cost }: { routes: readonly string[]; cost: number },
  m: CostModel,
): EdgeState | undefined {
  if (g.route === undefined || g.on.length === 0) return undefined;
  const c = table.routeIndex.get(g.route);
  if (c === undefined) return undefined;
  const n = g.on.length;
  const headTo = Math.min(n, EDGE_REPORTS);
  const tailFrom = Math.max(0, n - EDGE_REPORTS);
  const head = farFrom(table, g, c, 0, headTo)
    ? NaN
    : positionsCostAt(edgeKm, edgeWeight, fill(table, g, c, 0, headTo), g.spreadKm, m);
  const tail = farFrom(table, g, c, tailFrom, n)
    ? NaN
    : positionsCostAt(edgeKm, edgeWeight, fill(table, g, c, tailFrom, n), g.spreadKm, m);
  const rivals = rivalsOf(table, g, sorted, { routes, cost, c }, m);
  return {
    c,
    head,
    tail,
    rivals,
    off: offRouteLoss(m),
    leastOn: positionLoss(0, { ...m, spreadKm: m.floorKm }),
  };
}

/**
 * Least change (nats; figures left out) of the group's cost when report `i` joins it and the group
 * takes another of its routes than its fit's (`e` its edgeState; Infinity: none other). A route
 * that shifts every report of the group and `i` by one km costs what the fit's route costs, so it
 * is left to the edge screen; a route that shifts the group's reports but not `i`'s position (off
 * it) costs its loss as an outlier more, exactly; any other, tableCost's lower bound.
 * @example
 * edgeRival(table, 7, e); // Infinity for a group on one route
 */
export function edgeRival(table: ReportTable, i: number, e: EdgeState): number {
  let least = Infinity;
  const km = table.kmOn(i, e.c);
  for (const { c, shift, least: base } of e.rivals) {
    const y = table.kmOn(i, c);
    if (!Number.isNaN(shift)) {
      if (Number.isNaN(y)) least = Math.min(least, e.off);
      else if (!(Math.abs(y - km - shift) <= SHIFT_TOLERANCE_KM * Math.max(1, Math.abs(y))))
        least = Math.min(least, base + table.weight[i] * e.leastOn);
    } else least = Math.min(least, base + (Number.isNaN(y) ? e.off : table.weight[i] * e.leastOn));
  }
  return least;
}

/**
 * Screened change (nats) of group `g`'s positions cost when report `i` joins it before its first
 * report (`after`: after its last) on the route of its fit, `e` its edgeState; undefined when
 * the exact re-fit must decide (module comment: off the fit's route, an outlier at that end).
 * @example
 * edgeJoin(table, 7, frozen, edgeState(table, frozen, sorted, ["main"], model)!, model, true);
 */
export function edgeJoin(
  table: ReportTable,
  i: number,
  g: FrozenGroup,
  e: EdgeState,
  m: CostModel,
  after: boolean,
): number | undefined {
  const without = after ? e.tail : e.head;
  const km = table.kmOn(i, e.c);
  if (Number.isNaN(km) || Number.isNaN(without)) return undefined;
  const n = g.on.length;
  const from = after ? Math.max(0, n - EDGE_REPORTS) : 0;
  const to = after ? n : Math.min(n, EDGE_REPORTS);
  // The report ahead of the group's first report, or after its last.
  const at = after ? fill(table, g, e.c, from, to) : 0;
  edgeKm[at] = km;
  edgeWeight[at] = table.weight[i];
  const len = after ? at + 1 : fill(table, g, e.c, from, to, 1);
  return positionsCostAt(edgeKm, edgeWeight, len, g.spreadKm, m) - without;
}

/**
 * Change (nats) of a group's figures' losses when report `r` joins it (trackCost.ts groupCost's
 * size term; equal to it but for rounding): `before` and `after` its log size without and with the
 * report (groupFigures.ts logSizeAfter), `members` its reports (indices into `reports`).
 * @example
 * figuresJoin(reports[7], reports, [1, 2, 3], Math.log(400), Math.log(420), model);
 */
export function figuresJoin(
  r: CostReport,
  reports: readonly CostReport[],
  members: readonly number[],
  before: number | undefined,
  after: number | undefined,
  m: CostModel,
): number {
  if (r.logSize === undefined || after === undefined) return 0;
  let d = sizeLoss(r.logSize, !!r.part, after, m);
  if (after === before || before === undefined) return d;
  for (const k of members) {
    const x = reports[k];
    if (x.logSize !== undefined)
      d += sizeLoss(x.logSize, !!x.part, after, m) - sizeLoss(x.logSize, !!x.part, before, m);
  }
  return d;
}

/**
 * figuresJoin of row `i` of `table` joining the group of rows `members`, each figure's loss read
 * from the table's figure memo (moveScreen.ts figureLossAt): the same number, the same sums in the
 * same order. The search reads it for every join at a group's end the edge screen weighs, and the
 * two losses of every member figure were most of that screen's exps (stop 27).
 * @example
 * figuresJoinAt(table, 7, [1, 2, 3], Math.log(400), Math.log(420), model); // === figuresJoin(table.reports[7], table.reports, [1, 2, 3], ...)
 */
export function figuresJoinAt(
  table: ReportTable,
  i: number,
  members: readonly number[],
  before: number | undefined,
  after: number | undefined,
  m: CostModel,
): number {
  if (table.sized[i] === 0 || after === undefined) return 0;
  let d = figureLossAt(table, i, after, m);
  if (after === before || before === undefined) return d;
  const { sized } = table;
  for (const k of members)
    if (sized[k] === 1) d += figureLossAt(table, k, after, m) - figureLossAt(table, k, before, m);
  return d;
}
