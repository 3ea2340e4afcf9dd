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
 * could still make the move. A report off the route of the group's fit is left to the exact
 * re-fit (the group may take another route that shares its road).
 */
import type { FrozenGroup } from "./moveScreen.ts";
import { positionsCostAt } from "./positionsFit.ts";
import type { ReportTable } from "./reportTable.ts";
import { sizeLoss } from "./trackCost.ts";
import type { CostModel, CostReport } from "./trackCost.ts";

/** Reports at a group's end re-fitted by the edge screen. */
export const EDGE_REPORTS = 10;

/**
 * Nats by which the screened change may under-state the exact one. Below the screens the exact
 * change of a join at a group's end fell 2.75 nats at most in 99.99 % of 270,000 candidates
 * (50-group unlabelled speed world); with 3 only two winning candidates of 16,000 were not
 * re-fitted.
 */
export const EDGE_MARGIN_NATS = 3;

const edgeKm = new Float64Array(EDGE_REPORTS + 1);
const edgeWeight = new Float64Array(EDGE_REPORTS + 1);

/** A frozen group's edge costs (without a joining report), computed once per group state. */
const edgeCosts = new WeakMap<FrozenGroup, [number, number]>();

/** Puts the group's on-route reports `from..to` into the edge buffers from `at` on; returns the end. */
function fill(table: ReportTable, g: FrozenGroup, c: number, from: number, to: number, at = 0) {
  let n = at;
  for (let k = from; k < to; k++) {
    edgeKm[n] = table.kmOn(g.on[k], c);
    edgeWeight[n++] = table.weight[g.on[k]];
  }
  return n;
}

/**
 * Screened change (nats) of group `g`'s positions cost when report `i` joins it before its first
 * report (`after`: after its last); undefined when `i` is off the route of `g`'s fit or `g`
 * has none.
 * @example
 * edgeJoin(table, 7, frozen, model, true); // about the change a whole re-fit gives
 */
export function edgeJoin(
  table: ReportTable,
  i: number,
  g: FrozenGroup,
  m: CostModel,
  after: boolean,
): number | undefined {
  if (g.route === undefined || g.on.length === 0) return undefined;
  const c = table.routeIndex.get(g.route);
  if (c === undefined) return undefined;
  const km = table.kmOn(i, c);
  if (Number.isNaN(km)) return undefined;
  const n = g.on.length;
  const from = after ? Math.max(0, n - EDGE_REPORTS) : 0;
  const to = after ? n : Math.min(n, EDGE_REPORTS);
  let costs = edgeCosts.get(g);
  if (!costs) {
    const head = fill(table, g, c, 0, Math.min(n, EDGE_REPORTS));
    const headCost = positionsCostAt(edgeKm, edgeWeight, head, g.spreadKm, m);
    const tail = fill(table, g, c, Math.max(0, n - EDGE_REPORTS), n);
    costs = [headCost, positionsCostAt(edgeKm, edgeWeight, tail, g.spreadKm, m)];
    edgeCosts.set(g, costs);
  }
  // The report ahead of the group's first report, or after its last.
  const at = after ? fill(table, g, c, from, to) : 0;
  edgeKm[at] = km;
  edgeWeight[at] = table.weight[i];
  const len = after ? at + 1 : fill(table, g, c, from, to, 1);
  return positionsCostAt(edgeKm, edgeWeight, len, g.spreadKm, m) - costs[after ? 1 : 0];
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
