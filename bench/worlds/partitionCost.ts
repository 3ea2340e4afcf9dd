/**
 * The association objective (src/estimate/trackCost.ts plus a birth penalty per group) of a
 * partition of a world's position reports into groups, term by term — for comparing the TRUE
 * partition (the simulator's groups) with the one the estimator found. If the found one costs
 * less, the objective, not the search, prefers it; the terms say why.
 *
 * Reports are read as the association reads them, by the estimator's own functions
 * (linkTracklets.ts `linkReport`, `costModel`, `weighPlaceDays`): local time in the dataset's time
 * zone, km on every route within the default off-route limit (DEFAULT_MAX_OFF_ROUTE_KM), log
 * figure (or the middle of its range), whether a part word names a vanguard or rear, and the
 * weight of its position when one place a day is asked for (placeDay.ts). A group's route is the
 * estimator's choice (mergeTracklets.ts `bestRouteCost`).
 */
import { DEFAULT_TIME_ZONE, createGazetteer, createRouteIndex } from "../../src/index.ts";
import type { CostModel, CostTerms, Dataset } from "../../src/index.ts";
import { groupCostTerms } from "../../src/index.ts";
import { prepareSightings } from "../../src/estimate/prepare.ts";
import { readPart } from "../../src/estimate/partWords.ts";
import { DEFAULT_MAX_OFF_ROUTE_KM, projectSightings } from "../../src/estimate/estimateTracks.ts";
import {
  BIRTH_NATS,
  costModel,
  linkReport,
  weighPlaceDays,
} from "../../src/estimate/linkTracklets.ts";
import { daySpanOutside } from "../../src/estimate/predictiveTrack.ts";
import { bestRouteCost } from "../../src/estimate/mergeTracklets.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { fillTerms, sharedRateCost } from "./fillReading.ts";
import type { FillModel } from "./fillReading.ts";
import { figureDaysCost } from "./figureReading.ts";
import type { FigureModel } from "./figureReading.ts";
import { fitPositions, goodShare, groupLogSize } from "../../src/estimate/trackCost.ts";
import { predictiveCost } from "./prequential.ts";
import type { PredictiveModel } from "./prequential.ts";

/**
 * How a partition is read besides main's objective: `fill` reads each group's positions day by
 * day (bench/worlds/fillReading.ts `fillTerms`: the day's window and its centre's track) instead of
 * trackCost.ts's normal spread; `sharedRate` adds ONE report rate shared by all groups
 * (`sharedRateCost`; "day": one rate a day).
 */
export interface PartitionReading {
  fill?: FillModel;
  sharedRate?: "world" | "day";
  /** Figures as evidence of how many groups (bench/worlds/figureReading.ts), added to the sizes. */
  figures?: FigureModel;
  /**
   * A birth ahead of a group on the road (forkBirthCost): nats more for each group whose first
   * day's median lies more than `aheadKm` ahead of another group's median that day (or within
   * 2 days), on the later group's route — a piece that rode off, not a group setting out.
   */
  forkBirth?: { nats: number; aheadKm: number };
  /**
   * Rides charged (rideCost): `nats` for each step of a group's robust forward-only fit larger
   * than `km` plus RIDE_WALK_KM a day between two reports — a ride is rare, while a track that
   * hands off from one group to another group hundreds of km ahead rides for free under the
   * isotonic fit.
   */
  rides?: { nats: number; km: number };
  /**
   * Reports left to a rival charged (rivalCost): `nats` for each report its group's fit reads as
   * an outlier while another group's fit, within its span, holds it (within 2 of that group's
   * spreads) — a track that hands off from one group to another leaves the first's reports to the
   * rival's track; a stale or misplaced report of a group alone on the road is charged nothing.
   */
  rival?: { nats: number };
  /**
   * Returns charged (returnCost): `nats` for each time a group's day median, read in time order,
   * falls more than `km` behind the furthest day median it reached before (its high-water) — a
   * track that handed off to a group ahead and GOES BACK to the first group's reports; a real ride
   * goes forward and stays. `perDay`: each day behind charged, not each return; `confirm`: the
   * high-water and a return each need two following seen days.
   */
  returns?: { nats: number; km: number; perDay?: boolean; confirm?: boolean };
  /** Jumps followed by a wait charged (waitCost; WaitReading). */
  waits?: WaitReading;
  /**
   * Positions read predictively (bench/worlds/prequential.ts `predictiveCost`: each report by its
   * one-step-ahead density from the group's earlier reports through the movement law) instead of
   * trackCost.ts's maximum-likelihood fit; the route is still the estimator's choice.
   */
  predictive?: PredictiveModel;
}

/**
 * A jump then a wait (waitCost): a hand-off track steps forward onto another group and stalls
 * there until its first group catches up, while another track holds the first group's reports.
 * A real group's stays follow walking, not a jump.
 */
export interface WaitReading {
  /** Nats for each jump followed by a wait. */
  nats: number;
  /** A jump: the day median moves more than this (km) between two seen days at most 2 days apart. */
  jumpKm: number;
  /** A wait: the group is seen again at least this many days after landing (days)… */
  days: number;
  /** …and every day median until then lies within this many km of the landing point. */
  nearKm: number;
  /**
   * Also needs ANOTHER group of the partition behind the landing point during the wait (its day
   * median more than `nearKm` behind) and closing in (its later median in the wait nearer).
   */
  behind?: boolean;
}

/** A group's robust forward-only fit on its route: times, fitted km, its spread. */
interface GroupFit {
  route: string;
  t: number[];
  fit: number[];
  spreadKm: number;
}

function groupFit(reports: readonly LinkReport[], route: string, m: CostModel): GroupFit {
  const on = reports.filter((r) => r.kmByRoute.has(route));
  const f = fitPositions(
    on.map((r) => r.kmByRoute.get(route) as number),
    m,
    on.map((r) => r.weight ?? 1),
  );
  return { route, t: on.map((r) => r.t), fit: f.fit, spreadKm: f.spreadKm };
}

/** `g`'s fitted km at time `t` (its report nearest in time), undefined outside its span. */
function fitAt(g: GroupFit, t: number): number | undefined {
  const n = g.t.length;
  if (n === 0 || t < g.t[0] - 0.5 || t > g.t[n - 1] + 0.5) return undefined;
  let best = 0;
  for (let i = 1; i < n; i++) if (Math.abs(g.t[i] - t) < Math.abs(g.t[best] - t)) best = i;
  return g.fit[best];
}

/** PartitionReading.rival's nats over the groups (`lists`, each with its route). */
export function rivalCost(
  lists: readonly { reports: readonly LinkReport[]; route: string }[],
  m: CostModel,
  f: { nats: number },
): number {
  const fits = lists.map((g) => groupFit(g.reports, g.route, m));
  let n = 0;
  lists.forEach((g, k) => {
    const own = fits[k];
    const mm = { ...m, spreadKm: own.spreadKm };
    let j = 0;
    for (const r of g.reports) {
      const km = r.kmByRoute.get(g.route);
      if (km === undefined) continue;
      const out = goodShare(km - own.fit[j++], mm) < 0.5;
      if (!out) continue;
      const held = fits.some((o, i) => {
        if (i === k) return false;
        const x = r.kmByRoute.get(o.route);
        const at = fitAt(o, r.t);
        return x !== undefined && at !== undefined && Math.abs(x - at) <= 2 * o.spreadKm;
      });
      if (held) n++;
    }
  });
  return n * f.nats;
}

/** km a day a group may walk between two reports without the step counting as a ride. */
const RIDE_WALK_KM = 40;

/** PartitionReading.rides' nats for one group's reports (in time order) on `route`. */
export function rideCost(
  reports: readonly LinkReport[],
  route: string,
  m: CostModel,
  f: { nats: number; km: number },
): number {
  const on = reports.filter((r) => r.kmByRoute.has(route));
  const { fit } = fitPositions(
    on.map((r) => r.kmByRoute.get(route) as number),
    m,
    on.map((r) => r.weight ?? 1),
  );
  let n = 0;
  for (let i = 1; i < on.length; i++) {
    const dt = Math.max(0, on[i].t - on[i - 1].t);
    if (fit[i] - fit[i - 1] > f.km + RIDE_WALK_KM * dt) n++;
  }
  return n * f.nats;
}

/**
 * PartitionReading.returns' nats for one group's reports on `route`: its day medians in day order;
 * a day is behind when its median lies more than `f.km` below the highest median of the days
 * before; each run of days behind (or, with `f.perDay`, each day behind) costs `f.nats`.
 * `f.confirm`: see PartitionReading.returns.
 */
export function returnCost(
  reports: readonly LinkReport[],
  route: string,
  f: { nats: number; km: number; perDay?: boolean; confirm?: boolean },
): number {
  const days = [...dayMedians(reports, route)].sort((a, b) => a[0] - b[0]);
  let high = -Infinity;
  let wasBehind = false;
  let prev = -Infinity;
  let prevBehind = false;
  let n = 0;
  for (const [, km] of days) {
    const lone = km < high - f.km;
    // With `confirm`, a day is behind only after another day behind, and the high-water is a
    // level two following seen days both reached: one stale or misplaced day moves neither.
    const behind = f.confirm ? lone && prevBehind : lone;
    if (behind && (f.perDay || !wasBehind)) n++;
    wasBehind = behind;
    prevBehind = lone;
    high = Math.max(high, f.confirm ? Math.min(prev, km) : km);
    prev = km;
  }
  return n * f.nats;
}

/** Seen days after `d1` up to `d1 + f.days` all within `f.nearKm` of `landing`, and one at the end. */
function stalls(days: readonly (readonly [number, number])[], i: number, f: WaitReading): boolean {
  const [d1, landing] = days[i];
  let last = d1;
  for (let j = i + 1; j < days.length && days[j][0] <= d1 + f.days; j++) {
    if (Math.abs(days[j][1] - landing) > f.nearKm) return false;
    last = days[j][0];
  }
  return last >= d1 + f.days;
}

/** Another group's day medians on the wait's days: behind the landing point and closing in. */
function closingBehind(
  other: ReadonlyMap<number, number>,
  d1: number,
  landing: number,
  f: WaitReading,
): boolean {
  const seen: number[] = [];
  for (let d = d1 - 1; d <= d1 + f.days; d++) {
    const km = other.get(d);
    if (km !== undefined && km < landing - f.nearKm) seen.push(km);
  }
  return seen.length >= 2 && seen[seen.length - 1] > seen[0];
}

/**
 * The jumps followed by a wait (WaitReading) of each group of `lists` (each with its route), in
 * the order of `lists`.
 */
export function waitCounts(
  lists: readonly { reports: readonly LinkReport[]; route: string }[],
  f: WaitReading,
): number[] {
  return lists.map((g) => {
    const days = [...dayMedians(g.reports, g.route)].sort((a, b) => a[0] - b[0]);
    let n = 0;
    for (let i = 1; i < days.length; i++) {
      const jump = days[i][1] - days[i - 1][1] > f.jumpKm && days[i][0] - days[i - 1][0] <= 2;
      if (!jump || !stalls(days, i, f)) continue;
      const [d1, landing] = days[i];
      const rival =
        !f.behind ||
        lists.some((o) => o !== g && closingBehind(dayMedians(o.reports, g.route), d1, landing, f));
      if (rival) n++;
    }
    return n;
  });
}

/** PartitionReading.waits' nats over the groups (`lists`, each with its route). */
export function waitCost(
  lists: readonly { reports: readonly LinkReport[]; route: string }[],
  f: WaitReading,
): number {
  return waitCounts(lists, f).reduce((a, b) => a + b, 0) * f.nats;
}

/** The median km of `l` on each local day on `route`. */
export function dayMedians(l: readonly LinkReport[], route: string): Map<number, number> {
  const days = new Map<number, number[]>();
  for (const r of l) {
    const km = r.kmByRoute.get(route);
    if (km === undefined) continue;
    const d = Math.floor(r.t);
    days.set(d, [...(days.get(d) ?? []), km]);
  }
  const out = new Map<number, number>();
  for (const [d, v] of days) out.set(d, v.sort((x, y) => x - y)[v.length >> 1]);
  return out;
}

/** PartitionReading.forkBirth's nats over the groups (`lists`, each with its route). */
export function forkBirthCost(
  lists: readonly { reports: readonly LinkReport[]; route: string }[],
  f: { nats: number; aheadKm: number },
): number {
  let cost = 0;
  for (const g of lists) {
    const own = dayMedians(g.reports, g.route);
    if (own.size === 0) continue;
    const d = Math.min(...own.keys());
    const at = own.get(d) as number;
    const ahead = lists.some((o) => {
      if (o === g) return false;
      const m = dayMedians(o.reports, g.route);
      if (m.size === 0 || Math.min(...m.keys()) >= d) return false;
      let ref: number | undefined;
      for (const k of [0, -1, 1, -2, 2]) ref ??= m.get(d + k);
      return ref !== undefined && at - ref > f.aheadKm;
    });
    if (ahead) cost += f.nats;
  }
  return cost;
}

/** A position report as the association reads it, with its sighting id. */
export interface IdReport extends LinkReport {
  id: string;
}

/**
 * The position reports of `dataset` as the association reads them (those near some route);
 * `onePlaceADay` as EstimateOptions.onePlaceADay (default false).
 */
export function associationReports(
  dataset: Dataset,
  onePlaceADay = false,
): {
  reports: IdReport[];
  model: CostModel;
  routeIds: readonly string[];
} {
  const index = createRouteIndex(dataset.routes);
  const gazetteer = createGazetteer(dataset.places);
  const tz = dataset.timeZone ?? DEFAULT_TIME_ZONE;
  const { prepared } = prepareSightings(dataset.sightings, tz, gazetteer, Infinity);
  const ctx = { projections: projectSightings(index, prepared), maxOff: DEFAULT_MAX_OFF_ROUTE_KM };
  const reports: IdReport[] = [];
  const placed: { t: number; point?: readonly [number, number] }[] = [];
  for (const s of prepared) {
    if (!s.point) continue;
    const row = dataset.sightings[s.index];
    const report = linkReport(ctx, s, readPart(row.part, row.notes));
    if (report.kmByRoute.size === 0) continue;
    placed.push(s);
    reports.push({ id: s.id, ...report });
  }
  const model = costModel({ index, routeIds: index.routeIds, onePlaceADay });
  weighPlaceDays(reports, placed, model);
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

/** The terms of `reports` (sorted by time) as one group on the route the estimator chooses. */
function bestTerms(
  reports: readonly LinkReport[],
  routeIds: readonly string[],
  m: CostModel,
  fill?: FillModel,
  figures?: FigureModel,
  predictive?: PredictiveModel,
): { route: string; terms: CostTerms } {
  const { route, cost } = bestRouteCost(reports, routeIds, m);
  if (!Number.isFinite(cost))
    return { route, terms: { positions: 0, offRoute: 0, sizes: 0, total: Infinity } };
  const read = reports.map((r) => ({
    t: r.t,
    km: r.kmByRoute.get(route),
    logSize: r.logSize,
    part: r.part,
    weight: r.weight,
  }));
  let terms = groupCostTerms(read, m);
  if (figures) {
    const extra = figureDaysCost(read, groupLogSize(read), m, figures);
    terms = { ...terms, sizes: terms.sizes + extra, total: terms.total + extra };
  }
  if (predictive) {
    const all = predictiveCost(
      read.map((r) => r.t),
      read.map((r) => r.km),
      m,
      predictive,
    );
    const on = read.filter((r) => r.km !== undefined);
    const span = m.daySpan
      ? m.daySpan.nats *
        daySpanOutside(
          on.map((r) => r.t),
          on.map((r) => r.km as number),
          on.length,
          m.daySpan.km,
        )
      : 0;
    const positions = all - terms.offRoute + span;
    return {
      route,
      terms: { ...terms, positions, total: terms.total - terms.positions + positions },
    };
  }
  if (!fill) return { route, terms };
  const on = reports.filter((r) => r.kmByRoute.has(route));
  const f = fillTerms(
    on.map((r) => ({ t: r.t, km: r.kmByRoute.get(route) as number, weight: r.weight })),
    m,
    fill,
  );
  const positions = f.windows + f.track + f.lengths;
  return {
    route,
    terms: { ...terms, positions, total: terms.total - terms.positions + positions },
  };
}

/**
 * The objective of the partition `groupOf` (sighting id → group key; reports without one are left
 * out) of `reports`; `rateWeight` > 0 adds the groups' report rates (reportRateLoss) so weighted;
 * `reading` as PartitionReading.
 */
export function partitionCost(
  reports: readonly IdReport[],
  groupOf: (id: string) => string | undefined,
  routeIds: readonly string[],
  m: CostModel,
  birth = BIRTH_NATS,
  rateWeight = 0,
  reading: PartitionReading = {},
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
  const routed: { reports: readonly LinkReport[]; route: string }[] = [];
  for (const [key, l] of lists) {
    const sorted = [...l].sort((a, b) => a.t - b.t);
    const { route, terms } = bestTerms(
      sorted,
      routeIds,
      m,
      reading.fill,
      reading.figures,
      reading.predictive,
    );
    groups.push({ key, n: l.length, route, terms });
    routed.push({ reports: sorted, route });
  }
  const sum = (f: (t: CostTerms) => number): number => groups.reduce((a, g) => a + f(g.terms), 0);
  const rides = reading.rides;
  const returns = reading.returns;
  const births =
    birth * groups.length +
    (reading.forkBirth ? forkBirthCost(routed, reading.forkBirth) : 0) +
    (rides ? routed.reduce((a, g) => a + rideCost(g.reports, g.route, m, rides), 0) : 0) +
    (reading.rival ? rivalCost(routed, m, reading.rival) : 0) +
    (returns ? routed.reduce((a, g) => a + returnCost(g.reports, g.route, returns), 0) : 0) +
    (reading.waits ? waitCost(routed, reading.waits) : 0);
  const positions = sum((t) => t.positions);
  const offRoute = sum((t) => t.offRoute);
  const sizes = sum((t) => t.sizes);
  let rate = 0;
  if (rateWeight > 0) for (const l of lists.values()) rate += rateWeight * reportRateLoss(l);
  if (reading.sharedRate) rate += sharedRateCost([...lists.values()], reading.sharedRate === "day");
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
