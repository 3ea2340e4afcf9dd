/**
 * Split test: is one track two groups? A track that holds two groups (days apart on one road, or
 * close together with different sizes) fits the reports of one of them and reads the other's as
 * outliers. The test proposes the split along that line — the reports the track's robust
 * forward-only fit holds to be outliers (trackCost.ts) start the second group — lets single
 * reports move between the two (reassignReports.ts), and keeps the split when the two groups'
 * cost plus one more birth penalty is below the one track's.
 */
import { rowsRouteCost } from "./mergeTracklets.ts";
import type { LinkReport } from "./mergeTracklets.ts";
import { reassignReports } from "./reassignReports.ts";
import { ReportTable } from "./reportTable.ts";
import { fitTrack } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";

export interface SplitOptions {
  model: CostModel;
  /** Routes the track may be on. */
  routes: readonly string[];
  routeIds: readonly string[];
  birth: number;
  maxGapDays: number;
  /** The reports' table (reassignReports.ts ReassignOptions.table; default: one made for this call). */
  table?: ReportTable;
}

/** Fewest reports the second group must hold for a split to be tried. */
const MIN_SPLIT_REPORTS = 3;

/**
 * Two lists of report indices when `list` is better read as two groups (module comment), else
 * undefined. `fixed` reports (labelled) stay in the first.
 * @example
 * splitTrack(reports, [0, 1, 2, 3, 4, 5], [], { model, routes: ["main"], routeIds: ["main"], birth: 55, maxGapDays: 21 });
 */
export function splitTrack(
  reports: readonly LinkReport[],
  list: readonly number[],
  fixed: readonly boolean[],
  o: SplitOptions,
): [number[], number[]] | undefined {
  if (list.length < 2 * MIN_SPLIT_REPORTS) return undefined;
  const sorted = [...list].sort((a, b) => reports[a].t - reports[b].t);
  const table = ReportTable.for(reports, o.table);
  const whole = rowsRouteCost(table, sorted, o.routes, o.model);
  if (!Number.isFinite(whole.cost)) return undefined;
  const on = sorted.filter((i) => reports[i].kmByRoute.has(whole.route));
  const km = on.map((i) => reports[i].kmByRoute.get(whole.route) as number);
  const { fit, good } = fitTrack(
    km,
    o.model,
    on.map((i) => reports[i].weight ?? 1),
  );
  const free = (i: number): boolean => !fixed[i];
  // Proposals for the second group: the fit's outliers; the reports ahead of the fit (two groups
  // side by side: the fit runs between them); the larger figures (two groups of different sizes).
  const proposals = [
    on.filter((i, k) => free(i) && good(km[k] - fit[k]) < 0.5),
    on.filter((i, k) => free(i) && km[k] > fit[k]),
    bySize(reports, sorted).filter(free),
  ];
  let best: { parts: [number[], number[]]; cost: number } | undefined;
  for (const out of proposals) {
    const second = new Set(out);
    if (second.size < MIN_SPLIT_REPORTS || second.size > sorted.length - 1) continue;
    const parts = reassignReports(
      reports,
      [sorted.filter((i) => !second.has(i)), [...second]],
      fixed,
      {
        model: o.model,
        routeIds: o.routeIds,
        birth: o.birth,
        maxGapDays: o.maxGapDays,
        routes: [o.routes, o.routeIds],
        table,
      },
    );
    const [a, b] = parts;
    if (a.length === 0 || b.length < MIN_SPLIT_REPORTS) continue;
    const cost = costOn(table, a, o.routes, o.model) + costOn(table, b, o.routeIds, o.model);
    if (!best || cost < best.cost) best = { parts: [a, b], cost };
  }
  return best && best.cost + o.birth < whole.cost ? best.parts : undefined;
}

/** The reports whose figures are above the median figure of the track (none without figures). */
function bySize(reports: readonly LinkReport[], list: readonly number[]): number[] {
  const sized = list.filter((i) => reports[i].logSize !== undefined && !reports[i].part);
  if (sized.length < 2 * MIN_SPLIT_REPORTS) return [];
  const v = sized.map((i) => reports[i].logSize as number).sort((x, y) => x - y);
  const median = v[Math.floor(v.length / 2)];
  return sized.filter((i) => (reports[i].logSize as number) > median);
}

/** Cost of a list of reports (rows of `table`) as one group on its best route among `routes`. */
function costOn(
  table: ReportTable,
  list: readonly number[],
  routes: readonly string[],
  model: CostModel,
): number {
  const { reports } = table;
  const sorted = [...list].sort((x, y) => reports[x].t - reports[y].t);
  return rowsRouteCost(table, sorted, routes, model).cost;
}
