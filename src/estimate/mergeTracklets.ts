/**
 * Global linking of tracklets into groups: agglomerative merging under one objective, the
 * reports' cost as groups (trackCost.ts: forward-only positions, one size per group) plus a birth
 * penalty per group. Two tracklets are one group when explaining their reports as one costs less
 * than the birth of a second group: a new track starts only when the evidence demands it.
 *
 * The pair whose merge lowers the objective most is merged first, then the pairs of the merged
 * group are re-scored (the greedy descent of agglomerative clustering with a penalised
 * likelihood; cf. the birth/death moves of multiple-target tracking, Oh, Russell and Sastry 2009).
 * Labelled groups may absorb tracklets but are never merged with each other; a tracklet may
 * continue on another route that shares the road (the merged group takes the route its reports fit
 * best).
 */
import { tableCost } from "./moveScreen.ts";
import { ReportTable } from "./reportTable.ts";
import { positionsOutliers } from "./positionsFit.ts";
import { groupFigures, joinFigures, logSizeAfter, oversizedAfter } from "./groupFigures.ts";
import type { GroupFigures } from "./groupFigures.ts";
import { oversized } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";

/** A report of a tracklet: its time, its km on each route it lies near, its figure. */
export interface LinkReport {
  t: number;
  /** km on each route within the off-route limit (routes not listed: off that route). */
  kmByRoute: ReadonlyMap<string, number>;
  logSize?: number;
  part?: boolean;
  /** Weight of its position (default 1): 1 / the reports at its place that day (placeDay.ts). */
  weight?: number;
  /**
   * A labelled group's report (set with CostModel.bodyCharge only): a list holding one is costed
   * without the body charge (bodyCharge.ts), so labelled groups' costs stay as they were.
   */
  labelled?: boolean;
}

export interface LinkItem {
  labelled: boolean;
  /** Routes the group may be on (labelled: its own); default every route. */
  routes?: readonly string[];
  reports: readonly LinkReport[];
}

/** A tracklet or group as mergeRows sees it: its reports as rows of one ReportTable. */
export interface RowItem {
  labelled: boolean;
  /** Routes the group may be on (labelled: its own); default every route. */
  routes?: readonly string[];
  /** Its reports' indices in the table. */
  rows: readonly number[];
}

export interface MergeOptions {
  model: CostModel;
  routeIds: readonly string[];
  /** Cost (nats) of one more group. */
  birth: number;
  /** Longest silence (days) between two tracklets' spans across which they may be one group. */
  maxGapDays: number;
}

interface Cluster {
  members: number[];
  labelled: boolean;
  routes: readonly string[];
  /** Its reports' rows in the table, in time order (a stable sort), and the reports themselves. */
  rows: number[];
  reports: LinkReport[];
  first: number;
  last: number;
  cost: number;
  route: string;
  /**
   * Its reports' outliers on its route (outliersOn: from the fit of its cost when that fit was of
   * the route itself, else once read) and their oversized count, once read: a cluster is scored
   * against every other, and these depend on it alone.
   */
  outliers?: number;
  oversized?: number;
  /** Its figures, sorted (groupFigures.ts), once read. */
  figures?: GroupFigures;
}

/**
 * Whether two sets of reports may be one group by their figures: the union must not hold more
 * figures far above its size (oversized) than the two held apart — a report of 4,000 does not join
 * a group of 300, while small figures may join a large group as its parts.
 */
export function sizesFit(
  a: readonly LinkReport[],
  b: readonly LinkReport[],
  union: readonly LinkReport[],
): boolean {
  return oversized(union) <= oversized(a) + oversized(b);
}

/** Share of the smaller tracklet's reports a merge may turn into outliers. */
const NEW_OUTLIER_SHARE = 0.25;

/** Reports of `reports` (in time order) that are outliers (or off) on `route`'s fitted track. */
function outliersOn(reports: readonly LinkReport[], route: string, model: CostModel): number {
  // trackCost.ts inliers' count, on reused buffers (positionsFit.ts).
  const km: number[] = [];
  const weight: number[] = [];
  let weighed = false;
  for (const r of reports) {
    const x = r.kmByRoute.get(route);
    if (x === undefined) continue;
    km.push(x);
    weight.push(r.weight ?? 1);
    if (r.weight !== undefined) weighed = true;
  }
  const out = positionsOutliers(km, km.length, model, weighed ? weight : undefined);
  return reports.length - km.length + out;
}

/**
 * Whether a merge keeps the outliers few: the merged track may read at most a quarter of the
 * smaller tracklet's reports as outliers beyond those the two tracks had apart (`merged`: the
 * union's outliersOn its route). However cheaply robust outliers cost, they are stale or
 * misplaced reports, a minority — a tracklet of its own is not absorbed as the outliers of another
 * group's track.
 */
function fewNewOutliers(a: Cluster, b: Cluster, merged: number, model: CostModel): boolean {
  a.outliers ??= outliersOn(a.reports, a.route, model);
  b.outliers ??= outliersOn(b.reports, b.route, model);
  const before = a.outliers + b.outliers;
  const allowed = Math.max(1, NEW_OUTLIER_SHARE * Math.min(a.reports.length, b.reports.length));
  return merged - before <= allowed;
}

/** Days and km (on a route both lie near) within which two reports may be of one group. */
const NEAR_DAYS = 3;
const NEAR_KM = 600;

/**
 * Whether some report of cluster `a` lies within NEAR_DAYS and NEAR_KM (on a route both lie near)
 * of some report of cluster `b` (their rows of `table`, each in time order): two tracklets seen at
 * the same time only ever far apart are two groups, and need no scoring (which keeps 100 groups
 * fast). Read from the table's times and km (a report's map of routes was read for every pair
 * before: 2 % of the time at 100 unlabelled groups).
 */
function seenNearRows(table: ReportTable, a: readonly number[], b: readonly number[]): boolean {
  const times = table.times;
  let start = 0;
  for (const i of a) {
    const t = times[i];
    while (start < b.length && times[b[start]] < t - NEAR_DAYS) start++;
    for (let j = start; j < b.length && times[b[j]] <= t + NEAR_DAYS; j++)
      if (table.near(i, b[j], NEAR_KM)) return true;
  }
  return false;
}

/**
 * The best route and cost of reports (sorted by time) as one group: each route near a report
 * scored by trackCost.ts groupCost, the first of the least (moveScreen.ts listCost computes it
 * with less work). For a plain list: it makes a table of the list; the search reads its own
 * (rowsRouteCost).
 */
export function bestRouteCost(
  reports: readonly LinkReport[],
  routes: readonly string[],
  model: CostModel,
): { route: string; cost: number } {
  return rowsRouteCost(
    new ReportTable(reports),
    reports.map((_, i) => i),
    routes,
    model,
  );
}

/**
 * bestRouteCost of the reports at rows `sorted` (in time order) of `table`; with `counted`, also
 * their outliersOn the route when the route's own fit gave them (moveScreen.ts tableCost);
 * `logSize`, when given, their groupLogSize (known to the caller).
 */
export function rowsRouteCost(
  table: ReportTable,
  sorted: readonly number[],
  routes: readonly string[],
  model: CostModel,
  counted = false,
  logSize?: { logN: number | undefined },
): { route: string; cost: number; outliers?: number } {
  const { route, cost, outliers } = tableCost(
    table,
    sorted,
    routes,
    model,
    logSize,
    undefined,
    counted,
  );
  return { route: route ?? routes[0], cost, outliers };
}

/** Rows `a` and `b` (each in time order) in one time order: a stable sort of `[...a, ...b]`. */
function mergeByTime(
  reports: readonly LinkReport[],
  a: readonly number[],
  b: readonly number[],
): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && reports[b[j]].t < reports[x].t) out.push(b[j++]);
    out.push(x);
  }
  while (j < b.length) out.push(b[j++]);
  return out;
}

function cluster(
  table: ReportTable,
  items: readonly RowItem[],
  i: number,
  o: MergeOptions,
): Cluster {
  const rows = [...items[i].rows].sort((a, b) => table.reports[a].t - table.reports[b].t);
  const routes = items[i].routes ?? o.routeIds;
  const { route, cost, outliers } = rowsRouteCost(table, rows, routes, o.model, true);
  const reports = rows.map((r) => table.reports[r]);
  return {
    members: [i],
    labelled: items[i].labelled,
    routes,
    rows,
    reports,
    first: reports[0]?.t ?? 0,
    last: reports.at(-1)?.t ?? 0,
    cost,
    route,
    outliers,
  };
}

/** Whole-group figures each side needs before sizesApart reads it (one figure is too noisy). */
const SIZES_APART_MIN_FIGURES = 2;

/**
 * Whether two tracklets' sizes (trackCost.ts groupLogSize of each: the upper quartile of its
 * whole-group figures) differ by more than `ratio` times, each side with at least
 * SIZES_APART_MIN_FIGURES such figures (CostModel.mergeSizeRatio).
 */
export function sizesApart(a: GroupFigures, b: GroupFigures, ratio: number): boolean {
  if (a.whole.length < SIZES_APART_MIN_FIGURES || b.whole.length < SIZES_APART_MIN_FIGURES)
    return false;
  const la = logSizeAfter(a, { change: 0 }) as number;
  const lb = logSizeAfter(b, { change: 0 }) as number;
  return Math.abs(la - lb) > Math.log(ratio);
}

function union(table: ReportTable, a: Cluster, b: Cluster, o: MergeOptions): Cluster | undefined {
  if (a.labelled && b.labelled) return undefined;
  const gap = Math.max(a.first, b.first) - Math.min(a.last, b.last);
  if (gap > o.maxGapDays) return undefined;
  // Overlapping in time, one group must have been seen near the other on some day.
  if (gap < 0 && !seenNearRows(table, a.rows, b.rows)) return undefined;
  const routes = a.labelled ? a.routes : b.labelled ? b.routes : a.routes;
  // sizesFit, each side's count read once, the union's from the two sides' sorted figures
  // (groupFigures.ts: the same values as oversized and groupLogSize of the union's reports).
  a.figures ??= groupFigures(a.reports);
  b.figures ??= groupFigures(b.reports);
  a.oversized ??= oversizedAfter(a.figures, { change: 0 });
  b.oversized ??= oversizedAfter(b.figures, { change: 0 });
  const figures = joinFigures(a.figures, b.figures);
  if (oversizedAfter(figures, { change: 0 }) > a.oversized + b.oversized) return undefined;
  if (
    o.model.mergeSizeRatio !== undefined &&
    sizesApart(a.figures, b.figures, o.model.mergeSizeRatio)
  )
    return undefined;
  const rows = mergeByTime(table.reports, a.rows, b.rows);
  const reports = rows.map((r) => table.reports[r]);
  const logSize = { logN: logSizeAfter(figures, { change: 0 }) };
  const { route, cost, outliers } = rowsRouteCost(table, rows, routes, o.model, true, logSize);
  if (!Number.isFinite(cost)) return undefined;
  const merged = outliers ?? outliersOn(reports, route, o.model);
  if (!fewNewOutliers(a, b, merged, o.model)) return undefined;
  return {
    members: [...a.members, ...b.members],
    labelled: a.labelled || b.labelled,
    routes,
    rows,
    reports,
    first: Math.min(a.first, b.first),
    last: Math.max(a.last, b.last),
    cost,
    route,
    outliers: merged,
    figures,
  };
}

/**
 * Merges tracklets into groups (module comment). Returns the groups as lists of item indices
 * (each item in exactly one, in order of their first item) with the route each fits best.
 * @example
 * mergeTracklets(items, { model: DEFAULT_COST_MODEL, routeIds: ["main"], birth: 10, maxGapDays: 21 });
 * // => [{ members: [0, 2], route: "main" }, { members: [1], route: "main" }]
 */
export function mergeTracklets(
  items: readonly LinkItem[],
  o: MergeOptions,
): { members: number[]; route: string }[] {
  let next = 0;
  const rows = items.map(({ labelled, routes, reports }) => ({
    labelled,
    routes,
    rows: reports.map(() => next++),
  }));
  return mergeRows(new ReportTable(items.flatMap((item) => item.reports)), rows, o);
}

/**
 * mergeTracklets of items whose reports are rows of one table (the association search's, made
 * once: linkTracklets.ts), read without copying them into a table per candidate merge.
 */
export function mergeRows(
  table: ReportTable,
  items: readonly RowItem[],
  o: MergeOptions,
): { members: number[]; route: string }[] {
  const live: (Cluster | undefined)[] = items.map((_, i) => cluster(table, items, i, o));
  // Gain of each pair (cost saved by merging, birth included), recomputed for merged clusters.
  const gain = new Map<string, { a: number; b: number; merged: Cluster; gain: number }>();
  const score = (a: number, b: number): void => {
    const ca = live[a];
    const cb = live[b];
    if (!ca || !cb) return;
    const merged = union(table, ca, cb, o);
    if (!merged) return;
    const g = ca.cost + cb.cost + o.birth - merged.cost;
    if (g > 0) gain.set(`${a},${b}`, { a, b, merged, gain: g });
  };
  for (let a = 0; a < live.length; a++) for (let b = a + 1; b < live.length; b++) score(a, b);
  for (;;) {
    let best: { a: number; b: number; merged: Cluster; gain: number } | undefined;
    for (const v of gain.values()) if (!best || v.gain > best.gain) best = v;
    if (!best) break;
    const { a, b, merged } = best;
    live[a] = merged;
    live[b] = undefined;
    for (const key of [...gain.keys()]) {
      const [x, y] = key.split(",").map(Number);
      if (x === a || y === a || x === b || y === b) gain.delete(key);
    }
    for (let c = 0; c < live.length; c++)
      if (c !== a && live[c]) score(Math.min(a, c), Math.max(a, c));
  }
  return live
    .filter((c): c is Cluster => !!c)
    .map((c) => ({ members: [...c.members].sort((x, y) => x - y), route: c.route }))
    .sort((x, y) => x.members[0] - y.members[0]);
}
