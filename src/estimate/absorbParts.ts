/**
 * Parts absorbed into their body after the association search (issue 13, the right number of
 * groups without labels). A vanguard walking hundreds of km ahead of its body, or stragglers far
 * behind, reported on their own and without a label, form a small track of their own: to the
 * search's cost they are a small group (docs/estimation.md § fragcause, § partjoin). Once the
 * search has produced whole tracks, each short unlabelled track is tested against every other
 * unlabelled track's body on the short track's own days: its reports must lie within that body's
 * reach (the median person's 90 % interval, stretched to the farthest reports of the body itself
 * within REACH_WINDOW_DAYS, widened by the report's own error; at most MISS_SHARE of them beyond
 * it), and its typical figure must be a plausible part of the body (at most PART_SCALE_SHARE of
 * the body's typical figure). Such a track joins the body, and each of its reports that names no
 * part is read as the head (at or ahead of the median person that day) or the tail (behind it):
 * the library's part reading (positions.ts `partOf`, bodies.ts, parts.ts) then lets it move the
 * body's ends, not its median person or size. A body's reach is read from its own reports only
 * (a joined part does not stretch it: no chain), and a mark inferred by an earlier join is read
 * again against the body the reports end in. Two true groups close together are kept apart by
 * the size test: a group over PART_SCALE_SHARE of the other's size is not read as its part; and
 * a track is read as a part only when one of its reports says it is one (names a vanguard or
 * stragglers).
 *
 * Off by default (EstimateOptions.absorbParts): on the development beds it wins the stress
 * worlds' unlabelled figures but joins different groups' tracks on world3 (docs/estimation.md
 * § assoc23).
 */
import type { Km } from "../model/units.ts";
import type { BodyPart } from "./partWords.ts";
import { moveMembers, placeStretch } from "./workGroup.ts";
import type { EstimateContext, GroupPosition, WorkGroup } from "./workGroup.ts";

/** Most position reports a track may have to be read as a part of another. */
export const MAX_PART_REPORTS = 40;
/**
 * Largest typical figure of a part, as a share of its body's typical figure (both the upper
 * quartile of the figures, associate.ts groupScale). Below parts.ts PART_SHARE (0.4), at which a
 * figure is as likely the body as a part: a track read as a part must be a part on most readings.
 * (0.2 measured: fewer stress parts joined, world3's wrong joins kept.)
 */
export const PART_SCALE_SHARE = 0.3;
/** Days either side of a report over which the body's own farthest reports set its reach. */
const REACH_WINDOW_DAYS = 3;
/** km a report with coordinates may lie beyond the body's reach (a town's report: its stretch). */
export const REPORT_MARGIN_KM = 50;
/** Days before or after the body's track a part's report may fall (the body's end day read). */
const OUTSIDE_DAYS = 2;
/** km a day the reach widens on days outside the body's track. */
const OUTSIDE_KM_A_DAY = 60;
/**
 * Share of the part's reports that may lie beyond the reach (moved with it, read as the body's
 * outliers). 0 measured: no stress part track joined (their tracks hold a few other reports).
 */
export const MISS_SHARE = 0.25;

/**
 * Reads short unlabelled tracks (`candidates`) that lie within another unlabelled track's body
 * as parts of it: moves their reports to the body and marks their parts. Returns the tracks
 * absorbed (now empty). `bodies`: the tracks that may hold a part, each with its coarse km pass
 * run; labelled ones are passed over (absorbing into them lost world3's labelled km, § assoc23).
 */
export function absorbParts(
  ctx: EstimateContext,
  candidates: readonly WorkGroup[],
  bodies: readonly WorkGroup[],
  inferred: Set<string> = new Set(),
): Set<WorkGroup> {
  const absorbed = new Set<WorkGroup>();
  const join: Joined = { moved: new Set(), inferred };
  const small = candidates
    .filter((t) => !t.labelled && t.positions.length > 0)
    .filter((t) => t.positions.length <= MAX_PART_REPORTS)
    .filter(namesAPart)
    .sort((a, b) => a.positions.length - b.positions.length);
  for (const t of small) {
    let best: WorkGroup | undefined;
    let bestFit = Infinity;
    for (const b of bodies) {
      if (b === t || b.labelled || absorbed.has(b) || !b.km) continue;
      if (b.positions.length <= t.positions.length || !partSized(t, b)) continue;
      const fit = reachFit(ctx, t, b, join.moved);
      if (fit < bestFit) {
        bestFit = fit;
        best = b;
      }
    }
    if (!best) continue;
    joinAsPart(ctx, t, best, join);
    absorbed.add(t);
  }
  return absorbed;
}

/**
 * At least one of the track's reports names a part (a vanguard or stragglers; partWords.ts). Without
 * this, world3's tracks of one long body took fragments of other groups (docs/estimation.md § assoc23).
 * Read by absorbParts and splitParts.ts.
 */
export function namesAPart(t: WorkGroup): boolean {
  for (const part of t.parts?.values() ?? []) if (part !== "body") return true;
  return false;
}

/** The part's typical figure is at most PART_SCALE_SHARE of the body's (both known). */
function partSized(t: WorkGroup, b: WorkGroup): boolean {
  return t.scale !== undefined && b.scale !== undefined && t.scale <= PART_SCALE_SHARE * b.scale;
}

/**
 * How well `t`'s reports sit within `b`'s body: the mean over its reports of the distance from
 * `b`'s median person on their day over the reach on that side (2 for a report beyond the
 * reach); Infinity when more than MISS_SHARE of them lie beyond it, or one on a day too far
 * from `b`'s track.
 */
export function reachFit(
  ctx: EstimateContext,
  t: WorkGroup,
  b: WorkGroup,
  moved: ReadonlySet<string> = new Set(),
): number {
  let sum = 0;
  let misses = 0;
  const allowed = Math.floor(MISS_SHARE * t.positions.length);
  for (const p of t.positions) {
    const q = ctx.projections.get(p.s)?.get(b.routeId);
    if (!q || q.off > ctx.maxOff) return Infinity;
    const reach = bodyReach(b, Math.floor(p.s.t), moved);
    if (!reach) return Infinity;
    const margin = p.s.fromPlace ? placeStretch(ctx, b.routeId, q.km)[1] - q.km : REPORT_MARGIN_KM;
    if (q.km < reach.tail - margin || q.km > reach.head + margin) {
      if (++misses > allowed) return Infinity;
      sum += 2;
      continue;
    }
    const side = q.km >= reach.median ? reach.head - reach.median : reach.median - reach.tail;
    sum += Math.abs(q.km - reach.median) / Math.max(side, 1);
  }
  return sum / t.positions.length;
}

/**
 * The body's reach on local day `day`: from the low end of the median person's 90 % interval
 * less the farthest report behind the median within REACH_WINDOW_DAYS, to the high end plus the
 * farthest ahead; on days just outside the track, its end day's, widened OUTSIDE_KM_A_DAY a day.
 * Reports `moved` in by an earlier join are not the body's own and do not stretch it (else a
 * part far ahead would join through the reach a nearer part gave: a chain).
 */
export function bodyReach(
  b: WorkGroup,
  day: number,
  moved: ReadonlySet<string>,
): { tail: Km; median: Km; head: Km } | undefined {
  const days = b.km?.days;
  const k0 = day - b.day0;
  if (!days || k0 < -OUTSIDE_DAYS || k0 >= days.length + OUTSIDE_DAYS) return undefined;
  const k = Math.min(days.length - 1, Math.max(0, k0));
  const outside = OUTSIDE_KM_A_DAY * Math.abs(k0 - k);
  let ahead = 0;
  let behind = 0;
  for (const p of b.positions) {
    const kp = Math.floor(p.s.t) - b.day0;
    if (moved.has(p.s.id)) continue;
    if (Math.abs(kp - k) > REACH_WINDOW_DAYS || kp < 0 || kp >= days.length) continue;
    const offset = p.km - days[kp].median;
    ahead = Math.max(ahead, offset);
    behind = Math.max(behind, -offset);
  }
  const d = days[k];
  return { tail: d.low - behind - outside, median: d.median, head: d.high + ahead + outside };
}

/** Reports moved by the joins so far, and those of them whose head/tail mark a join inferred. */
export interface Joined {
  moved: Set<string>;
  inferred: Set<string>;
}

/**
 * The part report `id` of track `from` names itself, if any: its mark in `from`, unless an earlier
 * move inferred that mark (listed in `inferred`: a head/tail read against another track's median
 * person, not the report's word). The one guard of absorbParts and splitParts.ts, which share
 * `inferred` within one estimate (associate.ts).
 */
export function ownPart(
  id: string,
  from: WorkGroup,
  inferred: ReadonlySet<string>,
): BodyPart | undefined {
  return inferred.has(id) ? undefined : from.parts?.get(id);
}

/**
 * Moves `t`'s reports to `b`; each that names no part is read as the head when at or ahead of
 * `b`'s median person that day, else the tail. A mark inferred by an earlier join (against a
 * smaller track's median) is read again against `b`'s. `b`'s typical figure stays its own
 * (parts do not tell the body's size).
 */
export function joinAsPart(ctx: EstimateContext, t: WorkGroup, b: WorkGroup, join: Joined): void {
  const parts = new Map(b.parts ?? []);
  for (const p of t.positions) {
    const own = ownPart(p.s.id, t, join.inferred);
    if (own === undefined) join.inferred.add(p.s.id);
    parts.set(p.s.id, own ?? sideOf(ctx, p, b));
    join.moved.add(p.s.id);
  }
  const scale = b.scale;
  moveMembers(ctx, t, b);
  b.parts = parts;
  b.scale = scale;
}

/** The side of `b`'s median person (its day's, the nearest day of its track) a report lies on. */
export function sideOf(ctx: EstimateContext, p: GroupPosition, b: WorkGroup): "head" | "tail" {
  const q = ctx.projections.get(p.s)?.get(b.routeId);
  const days = b.km?.days ?? [];
  const k = Math.floor(p.s.t) - b.day0;
  const median = days[Math.min(days.length - 1, Math.max(0, k))]?.median;
  return q === undefined || median === undefined || q.km >= median ? "head" : "tail";
}
