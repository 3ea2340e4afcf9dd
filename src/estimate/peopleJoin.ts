/**
 * Tracks judged against another track's people after the association search (issue 13, the right
 * number of groups without labels). Earlier readings tested a short track against a body's reach
 * (absorbParts.ts, joinBodies.ts: where the body's reports are) or charged its reports as points
 * or widths in the search (bodyCharge.ts); none asked how many people the body holds where a report
 * was made. Here each larger unlabelled track's body is smoothed on each of its days (bodies.ts
 * `smoothBody`: tail, median person and head) and read as a distribution of people
 * (`bodyDistribution`, the track's typical figure as its size). A report at km x of that day then
 * fits the body in one of two ways:
 * - as the whole: its figure is the body's size within WHOLE_RATIO either way (a reporter at the
 *   head or tail of a long body who counts the whole caravan);
 * - as a part: its figure is at most PART_SLACK times the people the body holds within the
 *   report's margin of x (`peopleBetween`): 17 people near the head of a body of 5,000 fit,
 *   4,000 people do not fit a group of 300 anywhere.
 * A report beyond the body's ends (the tail's low end and the head's high end, widened by the
 * report's margin) fits neither. A track joins the body it fits best when at least MIN_SHARED of
 * its reports (and OVERLAP_SHARE of them) fall on the body's days and at most MISS_SHARE of those
 * fit neither way; its reports read as parts that name none are marked the body's head or tail
 * (the side of its median person), so the smoother moves the body's ends with them, not its
 * median person; reports read as the whole stay the body's. Bodies are read from their own reports
 * only, before any join, and a track that has joined is no longer a body; a track that has taken
 * another in is not joined in turn (no chain), and sizes are those before any join.
 *
 * Off by default (EstimateOptions.peopleJoin; bench `--people-join`): measured on the development
 * beds, docs/estimation.md § assoc27.
 */
import { bodyDistribution, smoothBody } from "./bodies.ts";
import type { BodyDistribution } from "./bodies.ts";
import { ownPart, REPORT_MARGIN_KM, sideOf } from "./absorbParts.ts";
import { logSize } from "./prepare.ts";
import { moveMembers, placeStretch } from "./workGroup.ts";
import type { EstimateContext, GroupPosition, WorkGroup } from "./workGroup.ts";
import type { Km } from "../model/units.ts";

/** A figure within this ratio of the body's size either way may be a count of the whole body. */
export const WHOLE_RATIO = 2;
/**
 * A part's figure may exceed the people the body holds about its km by this factor (the body's
 * shape is a piecewise-linear guess and figures overcount).
 */
export const PART_SLACK = 1.5;
/** Reports of the track that must fall on the body's days. */
export const MIN_SHARED = 2;
/** Share of the track's reports that must fall on the body's days. */
export const OVERLAP_SHARE = 0.75;
/** Share of those reports that may fit the body neither way. */
export const MISS_SHARE = 0.1;

/** The rule's shares (bench flags `--people-join-miss`, `--people-join-overlap`). */
export interface PeopleJoinOptions {
  /** Share of the track's reports on the body's days that may fit it neither way (MISS_SHARE). */
  missShare?: number;
  /** Share of the track's reports that must fall on the body's days (OVERLAP_SHARE). */
  overlapShare?: number;
  /**
   * The body's km bounds: "interval" (default) the tail's and head's 90 % interval ends;
   * "estimate" the tail and head estimates themselves (bench `--people-join-tight`; no
   * development track joined).
   */
  extent?: "interval" | "estimate";
  /** A whole-body figure's largest ratio to the body's size either way (WHOLE_RATIO). */
  wholeRatio?: number;
}

/** How a report reads against a body: "whole", "part", or undefined (it does not fit). */
export type PeopleFit = "whole" | "part" | undefined;

/** One day of a body: where its people are, and the km bounds beyond which it holds none. */
export interface BodyDay {
  people: BodyDistribution;
  /** Low end of the tail's 90 % interval (km). */
  lowKm: Km;
  /** High end of the head's 90 % interval (km). */
  highKm: Km;
}

/**
 * How a report of `figure` people (undefined: no figure) at km `x` with margin `marginKm` fits
 * the body of day `d`.
 * @example
 * // a body of 5,000 from km 100 to 300, median person at 200:
 * // peopleFit(day, 295, 17, 50) === "part"; peopleFit(day, 200, 5000, 50) === "whole"
 */
export function peopleFit(
  d: BodyDay,
  x: Km,
  figure: number | undefined,
  marginKm: Km,
  wholeRatio: number = WHOLE_RATIO,
): PeopleFit {
  if (x < d.lowKm - marginKm || x > d.highKm + marginKm) return undefined;
  const size = d.people.size;
  if (figure === undefined || !Number.isFinite(size)) return "whole";
  if (figure <= wholeRatio * size && figure >= size / wholeRatio) return "whole";
  const near = d.people.peopleBetween(x - marginKm, x + marginKm);
  return figure <= PART_SLACK * near ? "part" : undefined;
}

/**
 * Joins unlabelled tracks of `tracks` into the larger track whose people their reports fit
 * (moves their reports, marks the parts' ends); returns the tracks joined (now empty).
 */
export function peopleJoin(
  ctx: EstimateContext,
  tracks: readonly WorkGroup[],
  inferred: Set<string> = new Set(),
  options: PeopleJoinOptions = {},
): Set<WorkGroup> {
  const shares = {
    miss: options.missShare ?? MISS_SHARE,
    overlap: options.overlapShare ?? OVERLAP_SHARE,
    whole: options.wholeRatio ?? WHOLE_RATIO,
  };
  const joined = new Set<WorkGroup>();
  const open = tracks.filter((t) => !t.labelled && t.positions.length > 0 && t.km);
  const bodies = new Map<WorkGroup, Map<number, BodyDay>>();
  for (const b of open) bodies.set(b, bodyDays(ctx, b, options.extent));
  // Sizes as the search left them: a body that takes a track in grows, and must not then read
  // as larger than it was (the order and the guard below use these).
  const size = new Map(open.map((g) => [g, g.positions.length]));
  const sizeOf = (g: WorkGroup) => size.get(g) ?? 0;
  const bySize = [...open].sort((a, b) => sizeOf(a) - sizeOf(b));
  // Tracks that have taken another in: they are bodies now, never joined in turn (no chain: a
  // part's reports would otherwise reach a body two steps away, read through neither).
  const took = new Set<WorkGroup>();
  for (const t of bySize) {
    if (took.has(t)) continue;
    let best: { b: WorkGroup; fits: PeopleFit[]; score: number } | undefined;
    for (const b of open) {
      if (b === t || joined.has(b) || sizeOf(b) < sizeOf(t)) continue;
      const days = bodies.get(b);
      if (!days) continue;
      const read = trackFit(ctx, t, b, days, shares);
      if (read && (!best || read.score < best.score)) best = { b, ...read };
    }
    if (!best) continue;
    joinReports(ctx, t, best.b, best.fits, inferred);
    joined.add(t);
    took.add(best.b);
  }
  return joined;
}

/**
 * The body of track `b` on each of its local days, smoothed from its own reports (the track's
 * fields are put back after: the estimate smooths its final groups again).
 */
export function bodyDays(
  ctx: EstimateContext,
  b: WorkGroup,
  extent: PeopleJoinOptions["extent"] = "interval",
): Map<number, BodyDay> {
  const out = new Map<number, BodyDay>();
  const median = b.km?.days;
  if (!median || b.scale === undefined) return out;
  const kept = { ...b };
  try {
    smoothBody(ctx, b);
    for (let k = 0; k < median.length; k++) {
      const m = median[k];
      const h = b.head?.[k] ?? m;
      const t = b.tail?.[k] ?? m;
      const people = bodyDistribution({
        km: m.median,
        headKm: h.median,
        tailKm: t.median,
        size: b.scale,
      } as Parameters<typeof bodyDistribution>[0]);
      const wide = extent === "interval";
      out.set(b.day0 + k, {
        people,
        lowKm: wide ? Math.min(t.low, m.low) : people.tailKm,
        highKm: wide ? Math.max(h.high, m.high) : people.headKm,
      });
    }
  } finally {
    for (const key of Object.keys(b))
      if (!(key in kept)) delete (b as unknown as Record<string, unknown>)[key];
    Object.assign(b, kept);
  }
  return out;
}

/** A report's km margin on `b`'s route: a town's stretch, else REPORT_MARGIN_KM. */
function marginOf(ctx: EstimateContext, p: GroupPosition, b: WorkGroup, km: Km): Km {
  return p.s.fromPlace
    ? Math.max(REPORT_MARGIN_KM, placeStretch(ctx, b.routeId, km)[1] - km)
    : REPORT_MARGIN_KM;
}

/**
 * How `t`'s reports read against `b`'s body: each report's fit (undefined off `b`'s days) and the
 * share of misses as the score; undefined when the rule's counts are not met.
 */
function trackFit(
  ctx: EstimateContext,
  t: WorkGroup,
  b: WorkGroup,
  days: ReadonlyMap<number, BodyDay>,
  shares: { miss: number; overlap: number; whole: number },
): { fits: PeopleFit[]; score: number } | undefined {
  const fits: PeopleFit[] = [];
  let on = 0;
  let misses = 0;
  let distance = 0;
  for (const p of t.positions) {
    const d = days.get(Math.floor(p.s.t));
    const q = ctx.projections.get(p.s)?.get(b.routeId);
    if (!d || !q || q.off > ctx.maxOff) {
      fits.push(undefined);
      continue;
    }
    on++;
    const v = logSize(p.s);
    const fit = peopleFit(
      d,
      q.km,
      v === undefined ? undefined : Math.exp(v),
      marginOf(ctx, p, b, q.km),
      shares.whole,
    );
    fits.push(fit);
    if (!fit) misses++;
    const half =
      q.km >= d.people.medianKm ? d.highKm - d.people.medianKm : d.people.medianKm - d.lowKm;
    distance += Math.min(2, Math.abs(q.km - d.people.medianKm) / Math.max(half, 1));
  }
  if (on < MIN_SHARED || on < shares.overlap * t.positions.length) return undefined;
  if (misses > shares.miss * on) return undefined;
  return { fits, score: misses / on + distance / on };
}

/**
 * Moves `t`'s reports to `b`: those read as parts that name none are marked `b`'s head or tail
 * (inferred marks), the rest keep their own marks. `b`'s typical figure stays its own.
 */
function joinReports(
  ctx: EstimateContext,
  t: WorkGroup,
  b: WorkGroup,
  fits: readonly PeopleFit[],
  inferred: Set<string>,
): void {
  const parts = new Map(b.parts ?? []);
  t.positions.forEach((p, i) => {
    const own = ownPart(p.s.id, t, inferred);
    if (own !== undefined) parts.set(p.s.id, own);
    else if (fits[i] === "part") {
      inferred.add(p.s.id);
      parts.set(p.s.id, sideOf(ctx, p, b));
    }
  });
  const scale = b.scale;
  moveMembers(ctx, t, b);
  b.parts = parts;
  b.scale = scale;
}
