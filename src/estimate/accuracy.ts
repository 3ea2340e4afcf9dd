/**
 * Accuracy of estimated tracks against a simulated world's truth, beside a naive baseline:
 * position mean absolute error (km), size mean absolute percentage error, and how often the
 * 90 % intervals cover the truth.
 *
 * The naive baseline is what an analyst does by hand: per caravan label, linear interpolation in
 * time of the raw reports (km of each report projected on the group's true route — the baseline is
 * even told the route; sizes as reported: the figure, a range's midpoint or the bound), constant
 * before the first and after the last report. Its "interval" is the span of the raw reports within
 * a day of the date (at least the interpolated value).
 *
 * Evaluated days: for each true group, every day from its first to its last labelled position
 * report (what both methods are asked to cover).
 */
import type { TrackPoint } from "../model/track.ts";
import type { Km } from "../model/units.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { SimulatedWorld } from "./simulate.ts";
import { toLocalTime } from "./time.ts";

/** Error figures of one method on one or more worlds. */
export interface AccuracyFigures {
  /** Mean absolute error of km (km). */
  positionMaeKm: number;
  /** Mean absolute percentage error of size (0.25 = 25 %). */
  sizeMape: number;
  /** Share of group-days whose true km lies in [km_low, km_high]. */
  kmCoverage: number;
  /** Share of group-days whose true size lies in [size_low, size_high]. */
  sizeCoverage: number;
  /** Group-days evaluated for position / for size. */
  n: number;
  nSize: number;
}

/** Sums that pool over worlds; turn into figures with {@link figures}. */
export interface AccuracySums {
  absKm: number;
  kmCovered: number;
  n: number;
  absPct: number;
  sizeCovered: number;
  nSize: number;
}

/**
 * Zeroed sums, to pool worlds with {@link addSums}.
 * @example
 * figures(addSums(emptySums(), scoreWorld(world, tracks).estimator)).positionMaeKm; // km
 */
export function emptySums(): AccuracySums {
  return { absKm: 0, kmCovered: 0, n: 0, absPct: 0, sizeCovered: 0, nSize: 0 };
}

/**
 * Pools two sets of sums (e.g. two worlds).
 * @example
 * addSums(emptySums(), emptySums()).n; // => 0
 */
export function addSums(a: AccuracySums, b: AccuracySums): AccuracySums {
  return {
    absKm: a.absKm + b.absKm,
    kmCovered: a.kmCovered + b.kmCovered,
    n: a.n + b.n,
    absPct: a.absPct + b.absPct,
    sizeCovered: a.sizeCovered + b.sizeCovered,
    nSize: a.nSize + b.nSize,
  };
}

/**
 * Turns pooled sums into error figures; a figure with nothing to average is `NaN` (unknown).
 * @example
 * figures(emptySums()).positionMaeKm; // => NaN
 */
export function figures(s: AccuracySums): AccuracyFigures {
  return {
    positionMaeKm: s.n ? s.absKm / s.n : NaN,
    sizeMape: s.nSize ? s.absPct / s.nSize : NaN,
    kmCoverage: s.n ? s.kmCovered / s.n : NaN,
    sizeCoverage: s.nSize ? s.sizeCovered / s.nSize : NaN,
    n: s.n,
    nSize: s.nSize,
  };
}

type Estimate = Pick<TrackPoint, "km" | "kmLow" | "kmHigh" | "size" | "sizeLow" | "sizeHigh">;

/**
 * The naive baseline's tracks for a world (see the module comment).
 * @returns estimates keyed by `group|date`.
 * @example
 * naiveBaseline(simulateWorld({ groups: 1 }, mulberry32(1))).get("caravan-1|2018-10-14")?.km; // km
 */
export function naiveBaseline(world: SimulatedWorld): Map<string, Estimate> {
  const { dataset, truth } = world;
  const index = createRouteIndex(dataset.routes);
  const gazetteer = createGazetteer(dataset.places);
  const out = new Map<string, Estimate>();
  for (const g of truth) {
    const kmReports: { t: number; v: number }[] = [];
    const sizeReports: { t: number; v: number }[] = [];
    for (const s of dataset.sightings) {
      if (s.caravanLabel !== g.group) continue;
      const time = toLocalTime(s.observedAt, dataset.timeZone);
      if (!time) continue;
      let point: [number, number] | undefined;
      if (s.lat !== undefined && s.lon !== undefined) point = [s.lon, s.lat];
      else if (s.placeName) {
        const p = gazetteer.find(s.placeName);
        if (p) point = [p.lon, p.lat];
      }
      if (point) {
        const p = index.project(point, { routeId: g.routeId });
        if (p) kmReports.push({ t: time.t, v: p.km });
      }
      const size =
        s.sizeBest ??
        (s.sizeMin !== undefined && s.sizeMax !== undefined
          ? (s.sizeMin + s.sizeMax) / 2
          : (s.sizeMin ?? s.sizeMax));
      if (size !== undefined && size > 0) sizeReports.push({ t: time.t, v: size });
    }
    kmReports.sort((a, b) => a.t - b.t);
    sizeReports.sort((a, b) => a.t - b.t);
    for (const d of g.days) {
      const t = d.day + 0.5;
      const km = interpolate(kmReports, t);
      if (km === undefined) continue;
      const size = interpolate(sizeReports, t);
      const kmNear = kmReports.filter((r) => Math.abs(r.t - t) <= 1).map((r) => r.v);
      const sizeNear = sizeReports.filter((r) => Math.abs(r.t - t) <= 1).map((r) => r.v);
      out.set(`${g.group}|${d.date}`, {
        km,
        kmLow: Math.min(km, ...kmNear),
        kmHigh: Math.max(km, ...kmNear),
        size: size ?? NaN,
        sizeLow: size === undefined ? NaN : Math.min(size, ...sizeNear),
        sizeHigh: size === undefined ? NaN : Math.max(size, ...sizeNear),
      });
    }
  }
  return out;
}

function interpolate(reports: { t: number; v: number }[], t: number): number | undefined {
  if (reports.length === 0) return undefined;
  if (t <= reports[0].t) return reports[0].v;
  const last = reports[reports.length - 1];
  if (t >= last.t) return last.v;
  let i = 1;
  while (reports[i].t < t) i++;
  const a = reports[i - 1];
  const b = reports[i];
  return b.t === a.t ? (a.v + b.v) / 2 : a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
}

/**
 * The group-days a world is evaluated on: first to last labelled position report per group.
 * @example
 * evaluationDays(world).length; // group-days both methods are scored on
 */
export function evaluationDays(
  world: SimulatedWorld,
): { group: string; date: string; km: Km; size: number }[] {
  const span = new Map<string, [number, number]>();
  for (const s of world.dataset.sightings) {
    if (!s.caravanLabel || (s.placeName === undefined && s.lat === undefined)) continue;
    const time = toLocalTime(s.observedAt, world.dataset.timeZone);
    if (!time) continue;
    const day = Math.floor(time.t);
    const cur = span.get(s.caravanLabel);
    span.set(s.caravanLabel, cur ? [Math.min(cur[0], day), Math.max(cur[1], day)] : [day, day]);
  }
  const out: { group: string; date: string; km: Km; size: number }[] = [];
  for (const g of world.truth) {
    const s = span.get(g.group);
    if (!s) continue;
    for (const d of g.days) {
      if (d.day >= s[0] && d.day <= s[1])
        out.push({ group: g.group, date: d.date, km: d.km, size: d.size });
    }
  }
  return out;
}

/**
 * Scores estimated tracks and the naive baseline on one world.
 * @param tracks the estimator's tracks (groups named by caravan label are matched to the truth).
 * @example
 * const world = simulateWorld(worldOfDifficulty(0.5), mulberry32(1));
 * figures(scoreWorld(world, estimateTracks(world.dataset).tracks).estimator).kmCoverage; // ≈ 0.9
 */
export function scoreWorld(
  world: SimulatedWorld,
  tracks: readonly TrackPoint[],
): { estimator: AccuracySums; baseline: AccuracySums; missing: number } {
  const byKey = new Map<string, Estimate>();
  for (const t of tracks) byKey.set(`${t.group}|${t.date}`, t);
  const baseline = naiveBaseline(world);
  const est = emptySums();
  const base = emptySums();
  let missing = 0;
  for (const d of evaluationDays(world)) {
    const key = `${d.group}|${d.date}`;
    const e = byKey.get(key);
    const b = baseline.get(key);
    if (!e) missing++;
    else add(est, e, d);
    if (b) add(base, b, d);
  }
  return { estimator: est, baseline: base, missing };
}

function add(s: AccuracySums, e: Estimate, truth: { km: Km; size: number }): void {
  s.absKm += Math.abs(e.km - truth.km);
  s.kmCovered += truth.km >= e.kmLow - 1e-9 && truth.km <= e.kmHigh + 1e-9 ? 1 : 0;
  s.n++;
  if (Number.isFinite(e.size)) {
    s.absPct += Math.abs(e.size - truth.size) / truth.size;
    s.sizeCovered += truth.size >= e.sizeLow && truth.size <= e.sizeHigh ? 1 : 0;
    s.nSize++;
  }
}
