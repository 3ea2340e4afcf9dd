/**
 * Scores an estimator's tracks on a simulated world against its truth, beside a naive baseline.
 *
 * Evaluated group-days: for each true group, every day from the first to the last day on which
 * any report of it (labelled or not) gives a position — the days the group is known to exist.
 * The days after its last report until the data end are scored apart (`carried`): there the
 * track runs on without reports (src/estimate/trackEnds.ts), and its intervals must still hold.
 *
 * An estimate on another route than the truth's is compared where it is on the road (see
 * {@link rebaser}); an upper bound written at a route's end (rounded down to 0.1 km) reaches it.
 *
 * Matching tracks to true groups: a track whose name is a true group's label belongs to it; any
 * other track belongs to the true group it follows most closely (most days within
 * `MATCH_KM` km of the true median person; none: a spurious track). On a day a true group
 * has several tracks, the one that follows it on most days is scored. A day with none is a
 * group-day without an estimate.
 *
 * Figures (per group-day, pooled over worlds):
 * - median-person km: mean absolute error; coverage of the true km by [kmLow, kmHigh];
 *   interval width (km);
 * - size: mean absolute percentage error (MAPE, the figure of the goal, as in
 *   src/estimate/accuracy.ts) and mean |ln(estimate / truth)|; coverage of [sizeLow, sizeHigh]
 *   (a day whose estimate has no size counts as not covered); width as the geometric mean of
 *   sizeHigh / sizeLow;
 * - head and tail km, when the truth has a body and the estimate has
 *   `headKm`/`headKmLow`/`headKmHigh` and `tailKm`/… fields (skipped otherwise): the head against
 *   the truth's front edge (`firstKm`: the foremost 1 % of people, at least 20 — ./edges.ts, what
 *   docs/contracts.md §3.1 says `head_km` is), the tail against its rear edge (`lastKm`);
 * - groups found: distinct estimated groups vs true groups with reports.
 *
 * Naive baseline, told the true labels: per true group, its reports' km (projected on its true
 * route) linearly interpolated in time between reports, the first value before the first report
 * and the last value carried after the last (reports at the same time averaged); sizes as reported
 * (figure, range midpoint or bound) likewise.
 */
import { createGazetteer, createRouteIndex, isoDate, toLocalTime } from "../../src/index.ts";
import type { Dataset, Km, Sighting, TrackPoint } from "../../src/index.ts";
import type { ScorableWorld, TruthDay, TruthGroup } from "./truth.ts";
import { arrivedAtEnd } from "./arrived.ts";
import { headTruthKm, tailTruthKm } from "./edges.ts";
import { emptySharpness, tallyInterval } from "./sharpness.ts";
import type { Sharpness } from "./sharpness.ts";

const HIGH_FIELDS = ["kmHigh", "headKmHigh", "tailKmHigh", "head_km_high", "tail_km_high"];

/**
 * Track files write km to 0.1 km with a route's end rounded down (docs/contracts.md §3.1: never
 * 4521.531598…), so an upper bound at the written end reaches the route's end: a group that has
 * arrived is inside it, not 0.03 km past it.
 */
function reachingEnd(t: TrackPoint, routeLengthKm: Km): TrackPoint {
  const written = Math.floor(routeLengthKm * 10) / 10;
  const r = t as unknown as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const f of HIGH_FIELDS) {
    const v = r[f];
    if (typeof v === "number" && v >= written - 1e-9 && v < routeLengthKm)
      (out ??= { ...r })[f] = routeLengthKm;
  }
  return (out ?? r) as unknown as TrackPoint;
}

/** A track within this distance of a true group's median person on a day follows it (km). */
export const MATCH_KM = 150;

/** Sums pooled over group-days and worlds; see {@link summarizeScores} for the figures. */
export interface ScoreSums {
  days: number;
  missing: number;
  /**
   * Days not scored (not in `days`, nor in `carried`): the group stands at its route's end after
   * its tracks' last day, whose median person stood at the end — its track ended at its
   * destination, as tracks do (src/estimate/trackEnds.ts; {@link arrivedAfterTrack}).
   */
  arrived: number;
  kmN: number;
  kmAbs: number;
  kmCovered: number;
  kmWidth: number;
  naiveKmN: number;
  naiveKmAbs: number;
  /** Days both the estimator and naive have a km: the number, and each one's abs error. */
  pairedKmN: number;
  pairedKmAbs: number;
  pairedNaiveKmAbs: number;
  sizeN: number;
  sizeAbsPct: number;
  sizeAbsLog: number;
  sizeCovered: number;
  sizeDays: number;
  sizeLogWidth: number;
  naiveSizeN: number;
  naiveSizeAbsPct: number;
  pairedSizeN: number;
  pairedSizeAbsPct: number;
  pairedNaiveSizeAbsPct: number;
  headN: number;
  headAbs: number;
  headCovered: number;
  tailN: number;
  tailAbs: number;
  tailCovered: number;
  /** Days the truth lies above the 90 % interval (the estimate too low / behind). */
  kmAbove: number;
  sizeAbove: number;
  headAbove: number;
  tailAbove: number;
}

export interface WorldScore {
  name: string;
  labelled: boolean;
  trueGroups: number;
  foundGroups: number;
  sums: ScoreSums;
  /**
   * The days after a group's last report until the data end (not in `sums`): the track carried
   * on without reports. A group at its route's end without an estimate is not counted (its track
   * ended at its destination); `missing` counts the days a group still on the road had none.
   */
  carried: ScoreSums;
  /** Widths and interval scores of the scored days (`sums`' days; ./sharpness.ts). */
  sharp: Sharpness;
}

/** Zeroed sums. */
export function emptyScoreSums(): ScoreSums {
  return {
    days: 0,
    missing: 0,
    arrived: 0,
    kmN: 0,
    kmAbs: 0,
    kmCovered: 0,
    kmWidth: 0,
    naiveKmN: 0,
    naiveKmAbs: 0,
    pairedKmN: 0,
    pairedKmAbs: 0,
    pairedNaiveKmAbs: 0,
    sizeN: 0,
    sizeAbsPct: 0,
    sizeAbsLog: 0,
    sizeCovered: 0,
    sizeDays: 0,
    sizeLogWidth: 0,
    naiveSizeN: 0,
    naiveSizeAbsPct: 0,
    pairedSizeN: 0,
    pairedSizeAbsPct: 0,
    pairedNaiveSizeAbsPct: 0,
    headN: 0,
    headAbs: 0,
    headCovered: 0,
    tailN: 0,
    tailAbs: 0,
    tailCovered: 0,
    kmAbove: 0,
    sizeAbove: 0,
    headAbove: 0,
    tailAbove: 0,
  };
}

/** Adds `b` into `a` (returns `a`). */
export function addScoreSums(a: ScoreSums, b: ScoreSums): ScoreSums {
  for (const k of Object.keys(a) as (keyof ScoreSums)[]) a[k] += b[k];
  return a;
}

/** Local day number of each sighting's observation, or undefined. */
function localDay(s: Sighting, timeZone: string): number | undefined {
  const t = toLocalTime(s.observedAt, timeZone);
  return t ? Math.floor(t.t) : undefined;
}

const hasPosition = (s: Sighting): boolean =>
  (s.lat !== undefined && s.lon !== undefined) || s.placeName !== undefined;

/** The evaluated days of each true group (see module comment), as ISO dates. */
export function evaluatedDays(world: ScorableWorld): Map<string, Set<string>> {
  const span = new Map<string, [number, number]>();
  for (const s of world.dataset.sightings) {
    const g = world.sightingGroup[s.id ?? ""];
    const day = localDay(s, world.dataset.timeZone);
    if (g === undefined || day === undefined || !hasPosition(s)) continue;
    const cur = span.get(g);
    span.set(g, cur ? [Math.min(cur[0], day), Math.max(cur[1], day)] : [day, day]);
  }
  const out = new Map<string, Set<string>>();
  for (const g of world.truth) {
    const s = span.get(g.group);
    if (!s) continue;
    const first = isoDate(s[0]);
    const last = isoDate(s[1]);
    out.set(
      g.group,
      new Set(g.days.filter((d) => d.date >= first && d.date <= last).map((d) => d.date)),
    );
  }
  return out;
}

/**
 * The value at time `t` on the line through the reports around it (sorted by time); before the
 * first report its value, after the last the last value carried.
 */
function interpolate(reports: { t: number; v: number }[], t: number): number | undefined {
  const next = reports.findIndex((r) => r.t >= t);
  if (next < 0) return reports.at(-1)?.v;
  if (next === 0) return reports[0].v;
  const [a, b] = [reports[next - 1], reports[next]];
  // a.t < t ≤ b.t, so the span is positive.
  return a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
}

/** Reports sorted by time, those at the same time merged into their mean (e.g. date-only ones). */
function byTime(reports: { t: number; v: number }[]): { t: number; v: number }[] {
  const out: { t: number; v: number; n: number }[] = [];
  for (const r of [...reports].sort((a, b) => a.t - b.t)) {
    const last = out.at(-1);
    if (last && last.t === r.t) {
      last.v = (last.v * last.n + r.v) / (last.n + 1);
      last.n++;
    } else out.push({ ...r, n: 1 });
  }
  return out;
}

function reportedSize(s: Sighting): number | undefined {
  const v =
    s.sizeBest ??
    (s.sizeMin !== undefined && s.sizeMax !== undefined
      ? (s.sizeMin + s.sizeMax) / 2
      : (s.sizeMin ?? s.sizeMax));
  return v !== undefined && v > 0 ? v : undefined;
}

/**
 * The naive baseline (module comment): km and size per true group and ISO date.
 * @example
 * naiveEstimates(world).get("G1")?.get("2018-10-20")?.km; // km
 */
export function naiveEstimates(
  world: ScorableWorld,
): Map<string, Map<string, { km?: Km; size?: number }>> {
  const { dataset } = world;
  const index = createRouteIndex(dataset.routes);
  const gazetteer = createGazetteer(dataset.places);
  const kmReports = new Map<string, { t: number; v: number }[]>();
  const sizeReports = new Map<string, { t: number; v: number }[]>();
  const routeOf = new Map(world.truth.map((g) => [g.group, g.routeId]));
  for (const s of dataset.sightings) {
    const g = world.sightingGroup[s.id ?? ""];
    const time = toLocalTime(s.observedAt, dataset.timeZone);
    if (g === undefined || !time || !routeOf.has(g)) continue;
    const point = positionOf(s, gazetteer);
    const p = point ? index.project(point, { routeId: routeOf.get(g) }) : undefined;
    if (p) push(kmReports, g, { t: time.t, v: p.km });
    const size = reportedSize(s);
    if (size !== undefined) push(sizeReports, g, { t: time.t, v: size });
  }
  const out = new Map<string, Map<string, { km?: Km; size?: number }>>();
  for (const g of world.truth) {
    const km = byTime(kmReports.get(g.group) ?? []);
    const size = byTime(sizeReports.get(g.group) ?? []);
    const days = new Map<string, { km?: Km; size?: number }>();
    for (const d of g.days) {
      const t = (localDay({ observedAt: d.date }, dataset.timeZone) ?? 0) + 0.5;
      days.set(d.date, { km: interpolate(km, t), size: interpolate(size, t) });
    }
    out.set(g.group, days);
  }
  return out;
}

function positionOf(
  s: Sighting,
  gazetteer: ReturnType<typeof createGazetteer>,
): [number, number] | undefined {
  if (s.lat !== undefined && s.lon !== undefined) return [s.lon, s.lat];
  if (s.placeName) {
    const p = gazetteer.find(s.placeName);
    if (p) return [p.lon, p.lat];
  }
  return undefined;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** Tracks by estimated group, each by date. */
function tracksByGroup(tracks: readonly TrackPoint[]): Map<string, Map<string, TrackPoint>> {
  const out = new Map<string, Map<string, TrackPoint>>();
  for (const t of tracks) {
    let m = out.get(t.group);
    if (!m) out.set(t.group, (m = new Map()));
    m.set(t.date, t);
  }
  return out;
}

/**
 * Which true group each estimated group belongs to (module comment), with the number of days it
 * follows it (a label match counts as following it every day it has).
 */
export function matchTracks(
  truth: readonly TruthGroup[],
  byGroup: Map<string, Map<string, TrackPoint>>,
  rebase: Rebase = (t) => t,
): Map<string, { group: string; days: number }> {
  const out = new Map<string, { group: string; days: number }>();
  const labels = new Set(truth.map((g) => g.group));
  for (const [name, days] of byGroup) {
    if (labels.has(name)) {
      out.set(name, { group: name, days: days.size + 1e6 });
      continue;
    }
    let best: { group: string; days: number } | undefined;
    for (const g of truth) {
      let n = 0;
      for (const d of g.days) {
        const t = days.get(d.date);
        if (t && Math.abs(rebase(t, g.routeId).km - d.km) <= MATCH_KM) n++;
      }
      if (n > 0 && (!best || n > best.days)) best = { group: g.group, days: n };
    }
    if (best) out.set(name, best);
  }
  return out;
}

/** A track point with its km fields on another route (the identity when it is on that one). */
export type Rebase = (t: TrackPoint, routeId: string) => TrackPoint;

const KM_FIELDS = [
  "km",
  "kmLow",
  "kmHigh",
  "headKm",
  "headKmLow",
  "headKmHigh",
  "tailKm",
  "tailKmLow",
  "tailKmHigh",
  "head_km",
  "head_km_low",
  "head_km_high",
  "tail_km",
  "tail_km_low",
  "tail_km_high",
];

/**
 * Routes share road but count km from different origins (2018: `salvador` km 218.8 is `main` km
 * 521.4), so an estimate on another route than the truth's is compared where it is on the road:
 * each km field is placed on its own route and projected onto the truth's.
 */
export function rebaser(world: ScorableWorld): Rebase {
  const index = createRouteIndex(world.dataset.routes);
  const cache = new WeakMap<TrackPoint, Map<string, TrackPoint>>();
  return (t, routeId) => {
    if (t.routeId === routeId || !index.routeIds.includes(t.routeId)) return t;
    let byRoute = cache.get(t);
    if (!byRoute) cache.set(t, (byRoute = new Map()));
    const hit = byRoute.get(routeId);
    if (hit) return hit;
    const r = { ...t, routeId } as unknown as Record<string, unknown>;
    for (const f of KM_FIELDS) {
      const v = r[f];
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      r[f] = index.project(index.along(t.routeId, v), { routeId })?.km ?? v;
    }
    const out = r as unknown as TrackPoint;
    byRoute.set(routeId, out);
    return out;
  };
}

/** A numeric field of a track point by any of its names (the estimate may or may not have it). */
function field(t: TrackPoint, names: string[]): number | undefined {
  const r = t as unknown as Record<string, unknown>;
  for (const n of names)
    if (typeof r[n] === "number" && Number.isFinite(r[n])) return r[n] as number;
  return undefined;
}

const HEAD = {
  v: ["headKm", "head_km"],
  lo: ["headKmLow", "head_km_low"],
  hi: ["headKmHigh", "head_km_high"],
};
const TAIL = {
  v: ["tailKm", "tail_km"],
  lo: ["tailKmLow", "tail_km_low"],
  hi: ["tailKmHigh", "tail_km_high"],
};

function scoreBody(s: ScoreSums, sh: Sharpness, e: TrackPoint, d: TruthDay): void {
  for (const [which, names, truth] of [
    // The one head and tail every bench scores (./edges.ts); a truth without a body is not scored.
    ["head", HEAD, d.firstKm === undefined ? undefined : headTruthKm(d)],
    ["tail", TAIL, d.lastKm === undefined ? undefined : tailTruthKm(d)],
  ] as const) {
    const v = field(e, names.v);
    if (truth === undefined || v === undefined) continue;
    const lo = field(e, names.lo) ?? v;
    const hi = field(e, names.hi) ?? v;
    const covered = truth >= lo - 1e-9 && truth <= hi + 1e-9 ? 1 : 0;
    const above = truth > hi + 1e-9 ? 1 : 0;
    tallyInterval(sh[which], lo, hi, truth);
    if (which === "head") {
      s.headN++;
      s.headAbs += Math.abs(v - truth);
      s.headCovered += covered;
      s.headAbove += above;
    } else {
      s.tailN++;
      s.tailAbs += Math.abs(v - truth);
      s.tailCovered += covered;
      s.tailAbove += above;
    }
  }
}

function scoreDay(
  s: ScoreSums,
  sh: Sharpness,
  e: TrackPoint | undefined,
  d: TruthDay,
  naive: { km?: Km; size?: number } | undefined,
): void {
  s.days++;
  if (naive?.km !== undefined) {
    s.naiveKmN++;
    s.naiveKmAbs += Math.abs(naive.km - d.km);
  }
  if (naive?.size !== undefined) {
    s.naiveSizeN++;
    s.naiveSizeAbsPct += Math.abs(naive.size - d.size) / d.size;
  }
  if (!e) {
    s.missing++;
    return;
  }
  s.kmN++;
  s.kmAbs += Math.abs(e.km - d.km);
  if (naive?.km !== undefined) {
    s.pairedKmN++;
    s.pairedKmAbs += Math.abs(e.km - d.km);
    s.pairedNaiveKmAbs += Math.abs(naive.km - d.km);
  }
  s.kmCovered += d.km >= e.kmLow - 1e-9 && d.km <= e.kmHigh + 1e-9 ? 1 : 0;
  s.kmAbove += d.km > e.kmHigh + 1e-9 ? 1 : 0;
  s.kmWidth += e.kmHigh - e.kmLow;
  tallyInterval(sh.km, e.kmLow, e.kmHigh, d.km);
  s.sizeDays++;
  if (Number.isFinite(e.size) && e.size > 0) {
    s.sizeN++;
    s.sizeAbsPct += Math.abs(e.size - d.size) / d.size;
    s.sizeAbsLog += Math.abs(Math.log(e.size / d.size));
    if (naive?.size !== undefined) {
      s.pairedSizeN++;
      s.pairedSizeAbsPct += Math.abs(e.size - d.size) / d.size;
      s.pairedNaiveSizeAbsPct += Math.abs(naive.size - d.size) / d.size;
    }
    s.sizeCovered += d.size >= e.sizeLow - 1e-9 && d.size <= e.sizeHigh + 1e-9 ? 1 : 0;
    s.sizeAbove += d.size > e.sizeHigh + 1e-9 ? 1 : 0;
    tallyInterval(sh.size, e.sizeLow, e.sizeHigh, d.size, true);
    if (e.sizeLow > 0 && Number.isFinite(e.sizeHigh))
      s.sizeLogWidth += Math.log(e.sizeHigh / e.sizeLow);
  }
  scoreBody(s, sh, e, d);
}

/**
 * Scores `tracks` (the estimator's output for `world.dataset`) on the world.
 * @example
 * scoreTracks(world, estimateTracks(world.dataset).tracks).sums.kmCovered; // group-days covered
 */
export function scoreTracks(world: ScorableWorld, tracks: readonly TrackPoint[]): WorldScore {
  const byGroup = tracksByGroup(tracks);
  const rebase = rebaser(world);
  const match = matchTracks(world.truth, byGroup, rebase);
  const naive = naiveEstimates(world);
  const evaluated = evaluatedDays(world);
  const index = createRouteIndex(world.dataset.routes);
  const end = isoDate(dataEndDay(world));
  const sums = emptyScoreSums();
  const carried = emptyScoreSums();
  const sharp = emptySharpness();
  const carriedSharp = emptySharpness();
  for (const g of world.truth) {
    const days = evaluated.get(g.group);
    if (!days) continue;
    const lastReport = [...days].sort().at(-1) ?? "";
    const mine = [...match]
      .filter(([, m]) => m.group === g.group)
      .sort((a, b) => b[1].days - a[1].days);
    const len = index.routeIds.includes(g.routeId) ? index.lengthKm(g.routeId) : Infinity;
    const last = lastTrackPoint(mine.map(([name]) => byGroup.get(name)));
    for (const d of g.days) {
      const isCarried = d.date > lastReport && d.date <= end;
      if (!days.has(d.date) && !isCarried) continue;
      let e: TrackPoint | undefined;
      for (const [name] of mine) if ((e = byGroup.get(name)?.get(d.date))) break;
      if (!e && arrivedAfterTrack(d, last && rebase(last, g.routeId), len)) {
        sums.arrived++;
        continue;
      }
      scoreDay(
        isCarried ? carried : sums,
        isCarried ? carriedSharp : sharp,
        e && reachingEnd(rebase(e, g.routeId), len),
        d,
        naive.get(g.group)?.get(d.date),
      );
    }
  }
  return {
    name: world.name,
    labelled: world.labelled,
    trueGroups: evaluated.size,
    foundGroups: byGroup.size,
    sums,
    carried,
    sharp,
  };
}

/** The latest point of a group's tracks (undefined without one). */
function lastTrackPoint(
  tracks: readonly (Map<string, TrackPoint> | undefined)[],
): TrackPoint | undefined {
  let last: TrackPoint | undefined;
  for (const m of tracks)
    for (const t of m?.values() ?? []) if (!last || t.date > last.date) last = t;
  return last;
}

/**
 * True when a day without an estimate is the group's arrival: after its tracks' last day `last`,
 * at its route's end, and `last`'s median person at the end (bench/worlds/arrived.ts, the one rule
 * of both scorers; it applies to every day, the carried ones too).
 */
export function arrivedAfterTrack(
  d: { date: string; km: Km },
  last: TrackPoint | undefined,
  routeLengthKm: Km,
): boolean {
  return arrivedAtEnd(last !== undefined && d.date > last.date, d.km, last?.km, routeLengthKm);
}

/** Last local day of a world's reports (sightings; border counts tell of no group): the data end. */
function dataEndDay(world: ScorableWorld): number {
  let end = -Infinity;
  for (const s of world.dataset.sightings) {
    const day = localDay(s, world.dataset.timeZone);
    if (day !== undefined) end = Math.max(end, day);
  }
  return end;
}

/** Figures from pooled sums (NaN where nothing was scored). */
export interface ScoreFigures {
  kmMae: number;
  naiveKmMae: number;
  /** Estimator MAE / naive MAE on the days both have an estimate (sizeRatio likewise, MAPE). */
  kmRatio: number;
  sizeMape: number;
  sizeMeanAbsLog: number;
  naiveSizeMape: number;
  sizeRatio: number;
  kmCoverage: number;
  sizeCoverage: number;
  kmWidth: number;
  /** Geometric mean of sizeHigh / sizeLow. */
  sizeWidthRatio: number;
  missingShare: number;
  headMae: number;
  headCoverage: number;
  tailMae: number;
  tailCoverage: number;
  /** Share of scored days whose truth lies above the 90 % interval (misses on the high side). */
  kmAboveShare: number;
  sizeAboveShare: number;
  headAboveShare: number;
  tailAboveShare: number;
  days: number;
}

/**
 * Turns sums into figures.
 * @example
 * summarizeScores(emptyScoreSums()).kmMae; // => NaN
 */
export function summarizeScores(s: ScoreSums): ScoreFigures {
  const div = (a: number, b: number): number => (b > 0 ? a / b : NaN);
  return {
    kmMae: div(s.kmAbs, s.kmN),
    naiveKmMae: div(s.naiveKmAbs, s.naiveKmN),
    kmRatio: div(s.pairedKmAbs, s.pairedNaiveKmAbs),
    sizeMape: div(s.sizeAbsPct, s.sizeN),
    sizeMeanAbsLog: div(s.sizeAbsLog, s.sizeN),
    naiveSizeMape: div(s.naiveSizeAbsPct, s.naiveSizeN),
    sizeRatio: div(s.pairedSizeAbsPct, s.pairedNaiveSizeAbsPct),
    kmCoverage: div(s.kmCovered, s.kmN),
    sizeCoverage: div(s.sizeCovered, s.sizeDays),
    kmWidth: div(s.kmWidth, s.kmN),
    sizeWidthRatio: Math.exp(div(s.sizeLogWidth, s.sizeN)),
    missingShare: div(s.missing, s.days),
    headMae: div(s.headAbs, s.headN),
    headCoverage: div(s.headCovered, s.headN),
    tailMae: div(s.tailAbs, s.tailN),
    tailCoverage: div(s.tailCovered, s.tailN),
    kmAboveShare: div(s.kmAbove, s.kmN),
    sizeAboveShare: div(s.sizeAbove, s.sizeDays),
    headAboveShare: div(s.headAbove, s.headN),
    tailAboveShare: div(s.tailAbove, s.tailN),
    days: s.days,
  };
}

/** A dataset's sightings carry no label at all. */
export function isUnlabelled(dataset: Dataset): boolean {
  return dataset.sightings.every((s) => !s.caravanLabel);
}
