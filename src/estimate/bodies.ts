/**
 * A group is a body, not a point: each day its people are strung along the road from its tail
 * (the rear, stragglers) through its median person to its head (the vanguard). The median person
 * is smoothed from the reports of the body (positions.ts); the head and the tail are smoothed the
 * same way from the reports of those parts, with each report of the body saying the head is
 * ahead of it (the tail behind it) by at most the body's spread (bodySpreadKm).
 *
 * The people along the body (`bodyDistribution`): a piecewise-linear cumulative share through
 * (tail, e), (median, ½), (head, 1 − e), where e is the edge share of bodyEdges.ts (the foremost
 * 1 %, at least 20 people, at most 5 %: what `head_km` means, docs/contracts.md §3.1) — half the
 * group on each side of the median person, spread evenly; the foremost e lie ahead of the head at
 * the density of the front half, the hindmost e behind the tail likewise. It is the simplest
 * distribution that honours the three estimates and the one definition of the edges;
 * `peopleBetween` gives the people in any km range. A half of no length (head = median, as on
 * many 2018 days whose reports name no head) holds its half of the group at the median km.
 */
import type { TrackPoint } from "../model/track.ts";
import type { Km, People } from "../model/units.ts";
import type { KmDayEstimate, KmSmootherResult } from "./kmSmoother.ts";
import { edgeShare } from "./bodyEdges.ts";

type LooScores = KmSmootherResult["loo"];
import { partOf, runKm } from "./positions.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/**
 * Smooths the head and the tail of a group (sets `g.head`, `g.tail`) over the span of its median
 * track, which must have been run (`g.km`) and keeps its place.
 */
export function smoothBody(ctx: EstimateContext, g: WorkGroup): void {
  const median = g.km;
  if (!median) return;
  const day0 = g.day0;
  const endDay = g.day0 + g.nDays - 1;
  const loo = { head: [] as LooScores, tail: [] as LooScores };
  const run = (target: "head" | "tail"): KmDayEstimate[] => {
    runKm(ctx, g, { target, endDay, outlierPosteriors: true });
    const days = g.km?.days ?? [];
    // The scores of the reports of this end itself, not of the body's bounds on it.
    loo[target] = (g.km?.loo ?? []).filter((_, i) => {
      const p = g.positions[g.obsPosition?.[i] ?? -1];
      return p !== undefined && partOf(g, p) !== "body";
    });
    g.km = median;
    g.day0 = day0;
    g.nDays = endDay - day0 + 1;
    return days;
  };
  // Reports of unknown part are read against the median track (positions.ts forEnd): runKm's
  // setSpan may move day0 only when the head/tail runs use fewer reports, so align by day.
  const head = run("head");
  const tail = run("tail");
  const moving = tailWithoutStays(ctx, g, endDay);
  g.endLoo = loo;
  g.head = [];
  g.tail = [];
  for (let k = 0; k < g.nDays; k++) {
    const m = median.days[k];
    g.head.push(ahead(head[k] ?? m, m));
    const t = tail[k] ?? m;
    g.tail.push(behind(union(t, moving?.(day0 + k) ?? t), m));
  }
}

/**
 * The tail smoothed without the counts of people at one place (countScope "place": a shelter's
 * occupancy, people waiting at the border bridge for their papers; prepare.ts), by local day; or
 * undefined when the group has none. Such people may be the group's rear, or may have stopped
 * while the body moved on (left to wait, to claim, to stay): a month of counts at the bridge
 * holds the tail there while the rear that still travels is hundreds of km ahead. Which of the two
 * the reports cannot tell, so the tail's interval holds both readings (`union`).
 */
function tailWithoutStays(
  ctx: EstimateContext,
  g: WorkGroup,
  endDay: number,
): ((day: number) => KmDayEstimate | undefined) | undefined {
  const all = g.positions;
  const moving = all.filter((p) => p.s.countScope !== "place");
  if (moving.length === all.length || moving.length === 0) return undefined;
  // The run moves the group's span and track to its own (fewer) reports: all are put back.
  const kept = { km: g.km, day0: g.day0, nDays: g.nDays, last: g.lastReportDay };
  g.positions = moving;
  let days: KmDayEstimate[] = [];
  let from = g.day0;
  try {
    runKm(ctx, g, { target: "tail", endDay, outlierPosteriors: false });
    days = g.km?.days ?? [];
    from = g.day0;
  } finally {
    g.positions = all;
    g.km = kept.km;
    g.day0 = kept.day0;
    g.nDays = kept.nDays;
    g.lastReportDay = kept.last;
  }
  return (day) => days[day - from];
}

/** The wider of two days' intervals about the first's estimate. */
function union(a: KmDayEstimate, b: KmDayEstimate): KmDayEstimate {
  return { ...a, low: Math.min(a.low, b.low), high: Math.max(a.high, b.high) };
}

/** The head: never behind the median person, its interval never behind the median's. */
function ahead(h: KmDayEstimate, m: KmDayEstimate): KmDayEstimate {
  const median = Math.max(h.median, m.median);
  return {
    median,
    low: Math.min(median, Math.max(h.low, m.low)),
    high: Math.max(median, h.high, m.high),
    mean: Math.max(h.mean, m.mean),
    sd: h.sd,
  };
}

/** The tail: never ahead of the median person, its interval never ahead of the median's. */
function behind(t: KmDayEstimate, m: KmDayEstimate): KmDayEstimate {
  const median = Math.min(t.median, m.median);
  return {
    median,
    low: Math.min(median, t.low, m.low),
    high: Math.max(median, Math.min(t.high, m.high)),
    mean: Math.min(t.mean, m.mean),
    sd: t.sd,
  };
}

/**
 * Keeps a group's end intervals ordered with its median person's after every widening (sets
 * `g.head`, `g.tail`): the head's interval reaches from no further back than the median person's
 * low end (kept at most the head's estimate) to no less far than its high end; the tail's from no
 * further back than the median person's low end to no further ahead than its high end (kept at
 * least the tail's estimate). The estimates do not move.
 *
 * Why: the foremost people are never behind the median person, so the head lies below the median
 * person's low end only when the median person does, and above its high end whenever the median
 * person does; the tail likewise. The self-calibration widens the three by their own factors
 * (calibrate.ts) and could leave the head's low end hundreds of km behind the median person's
 * (a third of the group-days of the stress and world3 development worlds before this rule) or its
 * high end short of it (docs/estimation.md "headcover").
 * @example
 * // head 100 (20–300), median 90 (60–150): the head's interval becomes 60–300.
 */
export function orderEnds(g: WorkGroup): void {
  const median = g.km?.days;
  if (!median) return;
  g.head = g.head?.map((h, k) => {
    const m = median[k];
    if (!m) return h;
    const low = Math.min(h.median, Math.max(h.low, m.low));
    const high = Math.max(h.high, m.high);
    return low === h.low && high === h.high ? h : { ...h, low, high };
  });
  g.tail = g.tail?.map((t, k) => {
    const m = median[k];
    if (!m) return t;
    const low = Math.min(t.low, m.low);
    const high = Math.max(t.median, Math.min(t.high, m.high));
    return low === t.low && high === t.high ? t : { ...t, low, high };
  });
}

/** A group's body on one day: where its people are along its route. */
export interface BodyDistribution {
  tailKm: Km;
  medianKm: Km;
  headKm: Km;
  /** People in the group (NaN when no source gave a size). */
  size: People;
  /** Share of the group at or behind km `x` (0–1). */
  shareBehind(x: Km): number;
  /** Km behind which a share `q` (0–1) of the group is. */
  quantileKm(q: number): Km;
  /** People between two km (NaN when the size is unknown). */
  peopleBetween(fromKm: Km, toKm: Km): People;
}

/**
 * The body of a group on one day from its track point (head and tail default to the median
 * person when the point has none). The edge share e = edgeShare(size) (bodyEdges.ts; 1 % when
 * the size is unknown) lies beyond each end (module comment).
 * @example
 * const b = bodyDistribution({ ...point, km: 100, headKm: 120, tailKm: 90, size: 1000 });
 * b.shareBehind(120); // => 0.98 (the foremost 2 %, 20 people, are ahead of the head)
 * b.peopleBetween(100, 120); // => 480
 */
export function bodyDistribution(t: TrackPoint): BodyDistribution {
  const medianKm = t.km;
  const headKm = Math.max(medianKm, t.headKm ?? medianKm);
  const tailKm = Math.min(medianKm, t.tailKm ?? medianKm);
  const e = edgeShare(t.size);
  // Beyond each end the edge share e at the density of that half: (½ − e) over the half's length.
  const stretch = e / (0.5 - e);
  const frontKm = headKm + (headKm - medianKm) * stretch;
  const rearKm = tailKm - (medianKm - tailKm) * stretch;
  const shareBehind = (x: Km): number => {
    if (x < rearKm) return 0;
    if (x >= frontKm) return 1;
    if (x < medianKm) return (0.5 * (x - rearKm)) / (medianKm - rearKm);
    // x ≥ median: a front half of no length holds its people at the median km.
    if (frontKm === medianKm) return 1;
    return 0.5 + (0.5 * (x - medianKm)) / (frontKm - medianKm);
  };
  const quantileKm = (q: number): Km => {
    const p = Math.min(1, Math.max(0, q));
    if (p <= 0.5) return rearKm + (medianKm - rearKm) * (p / 0.5);
    return medianKm + (frontKm - medianKm) * ((p - 0.5) / 0.5);
  };
  return {
    tailKm,
    medianKm,
    headKm,
    size: t.size,
    shareBehind,
    quantileKm,
    peopleBetween(fromKm: Km, toKm: Km): People {
      const [a, b] = fromKm <= toKm ? [fromKm, toKm] : [toKm, fromKm];
      // A body of no length (head = tail): all its people are at one km, counted when inside.
      if (headKm === tailKm) return a <= medianKm && medianKm <= b ? t.size : 0;
      const below = a <= rearKm ? 0 : shareBehind(a - 1e-9);
      return t.size * (shareBehind(b) - below);
    },
  };
}
