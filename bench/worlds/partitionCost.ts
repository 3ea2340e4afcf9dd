/**
 * The association objective (src/estimate/trackCost.ts plus a birth penalty per group) of a
 * partition of a world's position reports into groups, term by term — for comparing the TRUE
 * partition (the simulator's groups) with the one the estimator found. If the found one costs
 * less, the objective, not the search, prefers it; the terms say why.
 *
 * Reports are read as the association reads them (linkTracklets.ts `linkReports`): local time,
 * km on every route within the off-route limit (60 km), log figure (or the middle of its range),
 * whether a part word names a vanguard or rear, and the weight of its position (placeDay.ts). The cost model is the estimator's (the
 * priors of trackCost.ts, outliers over the longest route).
 */
import { createGazetteer, createRouteIndex } from "../../src/index.ts";
import type { Dataset } from "../../src/index.ts";
import { prepareSightings } from "../../src/estimate/prepare.ts";
import { readPart } from "../../src/estimate/partWords.ts";
import { placeDayWeights } from "../../src/estimate/placeDay.ts";
import { DEFAULT_COST_MODEL, groupCostTerms } from "../../src/estimate/trackCost.ts";
import type { CostModel, CostTerms } from "../../src/estimate/trackCost.ts";
import { BIRTH_NATS } from "../../src/estimate/linkTracklets.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";

/** A position report as the association reads it, with its sighting id. */
export interface IdReport extends LinkReport {
  id: string;
}

/** Off-route limit of the estimator (EstimateOptions.maxOffRouteKm default). */
const MAX_OFF_KM = 60;

/** The position reports of `dataset` as the association reads them (those near some route). */
export function associationReports(dataset: Dataset): {
  reports: IdReport[];
  model: CostModel;
  routeIds: readonly string[];
} {
  const index = createRouteIndex(dataset.routes);
  const gazetteer = createGazetteer(dataset.places);
  const tz = dataset.timeZone ?? "America/Mexico_City";
  const { prepared } = prepareSightings(dataset.sightings, tz, gazetteer, Infinity);
  const reports: IdReport[] = [];
  const placed: { t: number; point?: readonly [number, number] }[] = [];
  for (const s of prepared) {
    if (!s.point) continue;
    const kmByRoute = new Map<string, number>();
    for (const p of index.projectAll(s.point))
      if (p.distanceKm <= MAX_OFF_KM) kmByRoute.set(p.routeId, p.km);
    if (kmByRoute.size === 0) continue;
    const row = dataset.sightings[s.index];
    const part = readPart(row.part, row.notes);
    const logSize =
      s.logValue ??
      (s.logLow !== undefined && s.logHigh !== undefined ? (s.logLow + s.logHigh) / 2 : undefined);
    placed.push(s);
    reports.push({
      id: s.id,
      t: s.t,
      kmByRoute,
      logSize,
      part: part === "head" || part === "tail",
    });
  }
  const roadKm = Math.max(...index.routeIds.map((id) => index.lengthKm(id)));
  const model = { ...DEFAULT_COST_MODEL, roadKm };
  if (model.onePlaceADay) {
    const w = placeDayWeights(placed);
    reports.forEach((r, i) => (r.weight = w[i]));
  }
  return { reports, model, routeIds: index.routeIds };
}

/** Days added to a group's span of reports: a group seen on one day is there for that day. */
const RATE_PAD_DAYS = 1;

/**
 * −log likelihood (nats, up to a constant of the partition) of WHEN a group's `n` reports came,
 * as a Poisson process of constant rate over the group's span (first to last report, plus
 * RATE_PAD_DAYS), the rate at its maximum-likelihood value n / span: `n log(span / n)` (the `− n`
 * sums to the number of reports whatever the partition). Splitting a group into k groups seen
 * over the same days costs n log k more (each one's rate is 1/k as high); cutting it in time
 * costs nothing. Not in the estimator's objective: tried, not kept (docs/estimation.md).
 */
export function reportRateLoss(reports: readonly { t: number }[]): number {
  const n = reports.length;
  if (n === 0) return 0;
  let first = Infinity;
  let last = -Infinity;
  for (const r of reports) {
    first = Math.min(first, r.t);
    last = Math.max(last, r.t);
  }
  return n * Math.log((last - first + RATE_PAD_DAYS) / n);
}

/** One group of a partition: its reports, its best route and its cost by term. */
export interface ScoredGroup {
  key: string;
  n: number;
  route: string;
  terms: CostTerms;
}

/** A partition's objective: the groups' terms summed, plus one birth per group. */
export interface PartitionCost {
  groups: ScoredGroup[];
  positions: number;
  offRoute: number;
  sizes: number;
  births: number;
  /** The groups' rates of reports (reportRateLoss; 0 unless asked for), weighted. */
  rate: number;
  total: number;
}

/** The cheapest route's terms of `reports` (sorted by time) as one group (bestRouteCost's rule). */
function bestTerms(
  reports: readonly LinkReport[],
  routeIds: readonly string[],
  m: CostModel,
): { route: string; terms: CostTerms } {
  let best = {
    route: routeIds[0],
    terms: { positions: 0, offRoute: 0, sizes: 0, total: Infinity } as CostTerms,
  };
  for (const route of routeIds) {
    if (!reports.some((r) => r.kmByRoute.has(route))) continue;
    const terms = groupCostTerms(
      reports.map((r) => ({
        t: r.t,
        km: r.kmByRoute.get(route),
        logSize: r.logSize,
        part: r.part,
      })),
      m,
    );
    if (terms.total < best.terms.total - 1e-9) best = { route, terms };
  }
  return best;
}

/**
 * The objective of the partition `groupOf` (sighting id → group key; reports without one are left
 * out) of `reports`; `rateWeight` > 0 adds the groups' report rates (reportRateLoss) so weighted.
 */
export function partitionCost(
  reports: readonly IdReport[],
  groupOf: (id: string) => string | undefined,
  routeIds: readonly string[],
  m: CostModel,
  birth = BIRTH_NATS,
  rateWeight = 0,
): PartitionCost {
  const lists = new Map<string, IdReport[]>();
  for (const r of reports) {
    const key = groupOf(r.id);
    if (key === undefined) continue;
    let l = lists.get(key);
    if (!l) lists.set(key, (l = []));
    l.push(r);
  }
  const groups: ScoredGroup[] = [];
  for (const [key, l] of lists) {
    const sorted = [...l].sort((a, b) => a.t - b.t);
    const { route, terms } = bestTerms(sorted, routeIds, m);
    groups.push({ key, n: l.length, route, terms });
  }
  const sum = (f: (t: CostTerms) => number): number => groups.reduce((a, g) => a + f(g.terms), 0);
  const births = birth * groups.length;
  const positions = sum((t) => t.positions);
  const offRoute = sum((t) => t.offRoute);
  const sizes = sum((t) => t.sizes);
  let rate = 0;
  if (rateWeight > 0) for (const l of lists.values()) rate += rateWeight * reportRateLoss(l);
  return {
    rate,
    groups,
    positions,
    offRoute,
    sizes,
    births,
    total: positions + offRoute + sizes + rate + births,
  };
}
