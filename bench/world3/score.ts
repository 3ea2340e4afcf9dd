/**
 * Scores an estimate of a world3 world against its truth (world.ts states the truth of a split or
 * merged group). Written for world3 alone; bench/worlds/score.ts is not used.
 *
 * - Truth groups: in a labelled world, every label (the people who carry it); in an unlabelled
 *   world, every physical body. Each is evaluated from the first to the last day on which a report
 *   of it (named or not) gives a position, on the days it has people.
 * - Tracks to truth groups: a track named as a label is that label's; any other track goes to the
 *   truth group whose median person it is within 150 km of on most days (none: spurious). On a
 *   day, a group's named track is scored if it has that day, else its other track that follows it
 *   on most days. A day with none is a group-day without an estimate.
 * - An estimate on another route than the truth's is read where it is on the road: its km (and
 *   interval ends) are projected from its route onto the truth's route.
 * - The estimate's head and tail (`headKm`, `tailKm`) are compared with the truth's front and rear
 *   edges (`firstKm`, `lastKm`: the foremost and hindmost people, docs/contracts.md §3.1).
 * - Naive baseline, told the truth of every report: per truth group, its reports' positions
 *   projected on its route and its reported sizes (figure, range midpoint, or bound), each
 *   interpolated linearly in time to noon, the first value before the first report and the last
 *   after the last.
 */
import { createRouteIndex, dayNumber } from "../../src/index.ts";
import type { RouteIndex, Sighting, TrackPoint } from "../../src/index.ts";
import type { World3, World3Group } from "./world.ts";
import { arrivedAtEnd } from "../worlds/arrived.ts";
import { headTruthKm, tailTruthKm } from "../worlds/edges.ts";
import { emptySharpness, tallyInterval } from "../worlds/sharpness.ts";
import type { Sharpness } from "../worlds/sharpness.ts";

export const FOLLOW_KM = 150;

/** Sums over group-days (and worlds); see {@link figures}. */
export interface Sums {
  days: number;
  missing: number;
  /** Days not scored (not in `days`): the group at its route's end after its track's median reached it ({@link arrivedAfter}). */
  arrived: number;
  kmN: number;
  kmAbs: number;
  kmCovered: number;
  pairedKm: number;
  pairedKmAbs: number;
  pairedNaiveKmAbs: number;
  sizeDays: number;
  sizeN: number;
  sizeAbsPct: number;
  sizeCovered: number;
  pairedSize: number;
  pairedSizeAbsPct: number;
  pairedNaiveSizeAbsPct: number;
  headN: number;
  headAbs: number;
  headCovered: number;
  tailN: number;
  tailCovered: number;
}

export function emptySums(): Sums {
  return {
    days: 0,
    missing: 0,
    arrived: 0,
    kmN: 0,
    kmAbs: 0,
    kmCovered: 0,
    pairedKm: 0,
    pairedKmAbs: 0,
    pairedNaiveKmAbs: 0,
    sizeDays: 0,
    sizeN: 0,
    sizeAbsPct: 0,
    sizeCovered: 0,
    pairedSize: 0,
    pairedSizeAbsPct: 0,
    pairedNaiveSizeAbsPct: 0,
    headN: 0,
    headAbs: 0,
    headCovered: 0,
    tailN: 0,
    tailCovered: 0,
  };
}

export function addSums(into: Sums, from: Sums): void {
  for (const k of Object.keys(into) as (keyof Sums)[]) into[k] += from[k];
}

export interface Figures {
  kmMae: number;
  kmRatio: number;
  kmCover: number;
  sizeMape: number;
  sizeRatio: number;
  sizeCover: number;
  headMae: number;
  headCover: number;
  tailCover: number;
  missingShare: number;
  days: number;
  /** Days not scored: at the route's end after the group's track ended there. */
  arrived: number;
}

export function figures(s: Sums): Figures {
  return {
    kmMae: s.kmAbs / s.kmN,
    kmRatio: s.pairedKmAbs / s.pairedNaiveKmAbs,
    kmCover: s.kmCovered / s.kmN,
    sizeMape: s.sizeAbsPct / s.sizeN,
    sizeRatio: s.pairedSizeAbsPct / s.pairedNaiveSizeAbsPct,
    sizeCover: s.sizeCovered / s.sizeDays,
    headMae: s.headAbs / s.headN,
    headCover: s.headCovered / s.headN,
    tailCover: s.tailCovered / s.tailN,
    missingShare: s.missing / s.days,
    days: s.days,
    arrived: s.arrived,
  };
}

export interface WorldScore {
  name: string;
  labelled: boolean;
  trueGroups: number;
  foundGroups: number;
  sums: Sums;
  /** Widths and interval scores of the scored days (../worlds/sharpness.ts). */
  sharp: Sharpness;
}

/** One report of a truth group: local time (days), km on the group's route, size. */
export interface Obs {
  t: number;
  km?: number;
  size?: number;
}

/** Local time of a sighting in days (its date's day number + hours / 24). */
function timeOf(s: Sighting): number {
  const day = dayNumber(s.observedAt) ?? NaN;
  const m = /T(\d\d):(\d\d)/.exec(s.observedAt);
  return day + (m ? (Number(m[1]) + Number(m[2]) / 60) / 24 : 0.5);
}

function sizeOf(s: Sighting): number | undefined {
  if (s.sizeBest !== undefined) return s.sizeBest;
  if (s.sizeMin !== undefined && s.sizeMax !== undefined) return (s.sizeMin + s.sizeMax) / 2;
  return s.sizeMin ?? s.sizeMax;
}

/** Linear interpolation of (t, v) pairs (same t averaged) at `t`, ends carried. */
function interpolate(points: { t: number; v: number }[], t: number): number | undefined {
  if (points.length === 0) return undefined;
  if (t <= points[0].t) return points[0].v;
  const last = points[points.length - 1];
  if (t >= last.t) return last.v;
  let i = 1;
  while (points[i].t < t) i++;
  const a = points[i - 1];
  const b = points[i];
  return b.t === a.t ? b.v : a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
}

function series(obs: Obs[], key: "km" | "size"): { t: number; v: number }[] {
  const by = new Map<number, number[]>();
  for (const o of obs) {
    const v = o[key];
    if (v === undefined) continue;
    by.set(o.t, [...(by.get(o.t) ?? []), v]);
  }
  return [...by]
    .map(([t, vs]) => ({ t, v: vs.reduce((a, x) => a + x, 0) / vs.length }))
    .sort((a, b) => a.t - b.t);
}

/** km on `to` of km `km` on route `from` (where it lies on the road). */
function onRoute(index: RouteIndex, from: string, to: string, km: number): number {
  if (from === to) return km;
  const p = index.along(from, km);
  return index.projectAll(p).find((x) => x.routeId === to)?.km ?? NaN;
}

/** Reports of each truth group (by the hidden key), as (time, km on its route, size). */
export function observations(
  world: World3,
  groups: readonly World3Group[],
  index: RouteIndex,
): Map<string, Obs[]> {
  const route = new Map(groups.map((g) => [g.group, g.routeId]));
  const out = new Map<string, Obs[]>();
  for (const s of world.dataset.sightings) {
    const hidden = world.sightingTruth.get(s.id ?? "");
    if (!hidden) continue;
    const key = world.labelled ? hidden.label : hidden.body;
    const routeId = route.get(key);
    if (!routeId) continue;
    let km: number | undefined;
    if (s.lat !== undefined && s.lon !== undefined) {
      km = index.projectAll([s.lon, s.lat]).find((x) => x.routeId === routeId)?.km;
    }
    const list = out.get(key) ?? [];
    list.push({ t: timeOf(s), km, size: sizeOf(s) });
    out.set(key, list);
  }
  return out;
}

/** Each estimated group's tracks, and the truth group each follows most (or none). */
export function matchTracks(
  groups: readonly World3Group[],
  tracks: readonly TrackPoint[],
  index: RouteIndex,
): Map<string, { points: Map<number, TrackPoint>; follows?: string; followDays: number }> {
  const byName = new Map<string, Map<number, TrackPoint>>();
  for (const p of tracks) {
    const m = byName.get(p.group) ?? new Map<number, TrackPoint>();
    m.set(dayNumber(p.date) ?? NaN, p);
    byName.set(p.group, m);
  }
  const out = new Map<
    string,
    { points: Map<number, TrackPoint>; follows?: string; followDays: number }
  >();
  for (const [name, points] of byName) {
    let best: string | undefined;
    let bestDays = 0;
    for (const g of groups) {
      let n = 0;
      for (const d of g.days) {
        const p = points.get(d.day);
        if (p && Math.abs(onRoute(index, p.routeId, g.routeId, p.km) - d.km) <= FOLLOW_KM) n++;
      }
      if (n > bestDays) {
        best = g.group;
        bestDays = n;
      }
    }
    out.set(name, { points, follows: best, followDays: bestDays });
  }
  return out;
}

/** Scores one world's tracks. */
export function scoreWorld(
  world: World3,
  tracks: readonly TrackPoint[],
  index?: RouteIndex,
): WorldScore {
  const idx = index ?? createRouteIndex(world.dataset.routes);
  const groups = world.labelled ? world.labelTruth : world.bodyTruth;
  const obs = observations(world, groups, idx);
  const matched = matchTracks(groups, tracks, idx);
  const sums = emptySums();
  const sharp = emptySharpness();
  for (const g of groups)
    scoreGroup(g, obs.get(g.group) ?? [], matched, world.labelled, idx, sums, sharp);
  const trueGroups = groups.filter((g) =>
    (obs.get(g.group) ?? []).some((o) => o.km !== undefined),
  ).length;
  return {
    name: world.name,
    labelled: world.labelled,
    trueGroups,
    foundGroups: matched.size,
    sums,
    sharp,
  };
}

/** The latest point of a group's tracks, with its day (undefined without one). */
export function lastPoint(
  tracks: readonly Map<number, TrackPoint>[],
): { day: number; p: TrackPoint } | undefined {
  let out: { day: number; p: TrackPoint } | undefined;
  for (const m of tracks) for (const [day, p] of m) if (!out || day > out.day) out = { day, p };
  return out;
}

/**
 * True when a day without an estimate is the group's arrival: after its tracks' last day, at its
 * route's end, and that day's median person at the end (bench/worlds/arrived.ts, the one rule of
 * both scorers).
 */
export function arrivedAfter(
  d: { day: number; km: number },
  end: { day: number; p: TrackPoint } | undefined,
  routeId: string,
  index: RouteIndex,
): boolean {
  const lastKm = end && onRoute(index, end.p.routeId, routeId, end.p.km);
  return arrivedAtEnd(end !== undefined && d.day > end.day, d.km, lastKm, index.lengthKm(routeId));
}

function scoreGroup(
  g: World3Group,
  obs: Obs[],
  matched: ReturnType<typeof matchTracks>,
  labelled: boolean,
  index: RouteIndex,
  sums: Sums,
  sharp: Sharpness,
): void {
  const kms = series(obs, "km");
  const sizes = series(obs, "size");
  if (kms.length === 0) return;
  const first = Math.floor(kms[0].t);
  const last = Math.floor(kms[kms.length - 1].t);
  const named = labelled ? matched.get(g.group) : undefined;
  const others = [...matched.entries()]
    .filter(([name, m]) => m.follows === g.group && !(labelled && name === g.group))
    .sort((a, b) => b[1].followDays - a[1].followDays)
    .map(([, m]) => m.points);
  const end = lastPoint([...(named ? [named.points] : []), ...others]);
  for (const d of g.days) {
    if (d.day < first || d.day > last) continue;
    const p = named?.points.get(d.day) ?? others.find((m) => m.has(d.day))?.get(d.day);
    if (!p && arrivedAfter(d, end, g.routeId, index)) {
      sums.arrived++;
      continue;
    }
    sums.days++;
    const naiveKm = interpolate(kms, d.day + 0.5);
    const naiveSize = interpolate(sizes, d.day + 0.5);
    if (!p) {
      sums.missing++;
      continue;
    }
    const at = (km: number | undefined): number =>
      km === undefined ? NaN : onRoute(index, p.routeId, g.routeId, km);
    const km = at(p.km);
    const err = Math.abs(km - d.km);
    sums.kmN++;
    sums.kmAbs += err;
    if (at(p.kmLow) <= d.km && d.km <= at(p.kmHigh)) sums.kmCovered++;
    tallyInterval(sharp.km, at(p.kmLow), at(p.kmHigh), d.km);
    if (naiveKm !== undefined && Number.isFinite(err)) {
      sums.pairedKm++;
      sums.pairedKmAbs += err;
      sums.pairedNaiveKmAbs += Math.abs(naiveKm - d.km);
    }
    sums.sizeDays++;
    if (Number.isFinite(p.size) && d.size > 0) {
      const pct = Math.abs(p.size - d.size) / d.size;
      sums.sizeN++;
      sums.sizeAbsPct += pct;
      if (p.sizeLow <= d.size && d.size <= p.sizeHigh) sums.sizeCovered++;
      tallyInterval(sharp.size, p.sizeLow, p.sizeHigh, d.size, true);
      if (naiveSize !== undefined) {
        sums.pairedSize++;
        sums.pairedSizeAbsPct += pct;
        sums.pairedNaiveSizeAbsPct += Math.abs(naiveSize - d.size) / d.size;
      }
    }
    if (p.headKm !== undefined) {
      sums.headN++;
      const head = headTruthKm(d);
      sums.headAbs += Math.abs(at(p.headKm) - head);
      if (at(p.headKmLow) <= head && head <= at(p.headKmHigh)) sums.headCovered++;
      tallyInterval(sharp.head, at(p.headKmLow), at(p.headKmHigh), head);
    }
    if (p.tailKm !== undefined) {
      sums.tailN++;
      const tail = tailTruthKm(d);
      if (at(p.tailKmLow) <= tail && tail <= at(p.tailKmHigh)) sums.tailCovered++;
      tallyInterval(sharp.tail, at(p.tailKmLow), at(p.tailKmHigh), tail);
    }
  }
}
