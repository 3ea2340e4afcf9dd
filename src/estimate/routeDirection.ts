/**
 * Is a route drawn against the direction of travel? Routes are drawn from where groups start to
 * where they go (docs/contracts.md §1.5), and the movement law only moves people forward along
 * them. A line digitised from the border back to the start (a common slip) would put a group that
 * walked 2,000 km at the line's far end from its first report on, with no report looking wrong.
 * This check reads the dated reports of each group on each route: when most groups' reports go
 * backwards along the line (later reports at lower km), the route is named in a warning. The
 * estimate is not changed (the line is not reversed silently: the analyst decides).
 */
import type { Km } from "../model/units.ts";
import type { PreparedSighting } from "./prepare.ts";
import type { EstimateWarningParamsByCode } from "./warningText.ts";

/** A group's dated positions on one route: local time (days) and km along the route. */
export interface RouteReports {
  routeId: string;
  /** The group's label, or undefined for the unlabelled reports of a route taken together. */
  group?: string;
  reports: readonly { t: number; km: Km }[];
}

/** A route whose groups' reports go backwards along it. */
export interface BackwardRoute {
  routeId: string;
  /** Groups (labels) whose reports go backwards. */
  groups: string[];
  /** True when the route's unlabelled reports, taken together, go backwards too. */
  unlabelled: boolean;
  /** Reports of those groups, and the km of their first and last report (by date). */
  reports: number;
  firstKm: Km;
  lastKm: Km;
}

/** Two reports at least this far apart in time (days) are compared: same-day reports say little. */
const MIN_DT_DAYS = 0.5;
/** ... and at least this far apart along the route (km): a town's reports are not a movement. */
const MIN_DKM = 10;
/** A group's reports go one way when at least this share of the compared pairs do. */
const ONE_WAY_SHARE = 0.75;
/** A group needs at least this many compared pairs (three reports at three places, or more). */
const MIN_PAIRS = 3;

/**
 * At most this many reports of a set are compared pairwise (evenly spaced in date order): the
 * direction of 10,000 unlabelled reports is as clear from 300 of them, at 45,000 pairs.
 */
const MAX_COMPARED = 300;

/** Up to `max` of the reports, evenly spaced in date order (all of them when fewer). */
function evenSample<T extends { t: number }>(reports: readonly T[], max: number): readonly T[] {
  if (reports.length <= max) return reports;
  const sorted = [...reports].sort((a, b) => a.t - b.t);
  const step = (sorted.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => sorted[Math.round(k * step)]!);
}

/**
 * The direction of one group's reports: +1 forwards, −1 backwards, 0 unclear (too few pairs or
 * mixed directions).
 * @example
 * direction([{ t: 0, km: 900 }, { t: 2, km: 500 }, { t: 4, km: 100 }]); // => -1
 */
export function direction(all: readonly { t: number; km: Km }[]): -1 | 0 | 1 {
  const reports = evenSample(all, MAX_COMPARED);
  let forward = 0;
  let backward = 0;
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const a = reports[i]!;
      const b = reports[j]!;
      const dt = b.t - a.t;
      const dkm = b.km - a.km;
      if (Math.abs(dt) < MIN_DT_DAYS || Math.abs(dkm) < MIN_DKM) continue;
      if (dt * dkm > 0) forward++;
      else backward++;
    }
  }
  const pairs = forward + backward;
  if (pairs < MIN_PAIRS) return 0;
  if (backward >= ONE_WAY_SHARE * pairs) return -1;
  if (forward >= ONE_WAY_SHARE * pairs) return 1;
  return 0;
}

/**
 * The routes most of whose groups (with a clear direction) move backwards along them.
 * @example
 * backwardRoutes([{ routeId: "r", group: "C1", reports: [{ t: 0, km: 900 }, { t: 2, km: 500 }, { t: 4, km: 100 }] }]);
 * // => [{ routeId: "r", groups: ["C1"], reports: 3, firstKm: 900, lastKm: 100 }]
 */
export function backwardRoutes(sets: readonly RouteReports[]): BackwardRoute[] {
  const byRoute = new Map<string, { back: RouteReports[]; forward: number }>();
  for (const set of sets) {
    const d = direction(set.reports);
    if (d === 0) continue;
    let entry = byRoute.get(set.routeId);
    if (!entry) byRoute.set(set.routeId, (entry = { back: [], forward: 0 }));
    if (d < 0) entry.back.push(set);
    else entry.forward++;
  }
  const out: BackwardRoute[] = [];
  for (const [routeId, { back, forward }] of byRoute) {
    if (back.length <= forward) continue;
    const all = back.flatMap((s) => s.reports).sort((a, b) => a.t - b.t);
    out.push({
      routeId,
      groups: back.flatMap((s) => (s.group !== undefined ? [s.group] : [])),
      unlabelled: back.some((s) => s.group === undefined),
      reports: all.length,
      firstKm: all[0]!.km,
      lastKm: all[all.length - 1]!.km,
    });
  }
  return out.sort((a, b) => (a.routeId < b.routeId ? -1 : a.routeId > b.routeId ? 1 : 0));
}

/**
 * The unlabelled reports of each route taken together (one set per route: the route nearest to
 * each report, within `maxOff` km), for a route no labelled group is on.
 */
export function unlabelledSets(
  unlabelled: readonly PreparedSighting[],
  projections: ReadonlyMap<PreparedSighting, ReadonlyMap<string, { km: Km; off: Km }>>,
  maxOff: Km,
  labelledRoutes: ReadonlySet<string>,
): RouteReports[] {
  const byRoute = new Map<string, { t: number; km: Km }[]>();
  for (const s of unlabelled) {
    const proj = projections.get(s);
    if (!proj) continue;
    let best: { routeId: string; km: Km; off: Km } | undefined;
    for (const [routeId, p] of proj) if (!best || p.off < best.off) best = { routeId, ...p };
    if (!best || best.off > maxOff || labelledRoutes.has(best.routeId)) continue;
    let list = byRoute.get(best.routeId);
    if (!list) byRoute.set(best.routeId, (list = []));
    list.push({ t: s.t, km: best.km });
  }
  return [...byRoute].map(([routeId, reports]) => ({ routeId, reports }));
}

/**
 * The params of the `route_backwards` warning for one backward route (its sentences:
 * warningText.ts), km rounded.
 * @example
 * backwardRouteParams({ routeId: "piedras", groups: ["C1"], unlabelled: false, reports: 7, firstKm: 2134.4, lastKm: 0 });
 * // => { route: "piedras", groups: ["C1"], unlabelled: false, reports: 7, firstKm: 2134, lastKm: 0 }
 */
export function backwardRouteParams(
  b: BackwardRoute,
): EstimateWarningParamsByCode["route_backwards"] {
  return {
    route: b.routeId,
    groups: b.groups,
    unlabelled: b.unlabelled,
    reports: b.reports,
    firstKm: Math.round(b.firstKm),
    lastKm: Math.round(b.lastKm),
  };
}
