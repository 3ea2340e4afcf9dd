/**
 * Tracks of one long body joined after the association search (issue 13, the right number of
 * groups without labels). A group whose body spans hundreds of km is reported from its head and
 * its tail on the same days; the search's body reading (a median person with a spread set by the
 * size rule) charges the far reports as outliers, so it starts a second track for them, which
 * then runs beside the first for weeks (bench/fragCause.ts: "body", 15 of world3's 25 extra
 * tracks; docs/estimation.md § assoc25b). Here, once the search has produced whole tracks, an
 * unlabelled track is tested against every larger unlabelled track on the days both are seen:
 * on at least MIN_SHARED_DAYS such days, its reports there must lie within the larger track's
 * body reach (absorbParts.ts `bodyReach`: the median person's 90 % interval stretched to the
 * body's own farthest reports within ±3 days; at most MISS_SHARE of them beyond it), it must be seen
 * mostly while the larger one is (at least OVERLAP_SHARE of its reports on the larger track's
 * days), and both must read one group's size (typical figures within SIZE_RATIO of each other:
 * a head or tail reporter counts the whole body). Such a track joins the larger one (its best
 * fit when several pass); a larger track's reach is read from its own reports only (no chain).
 *
 * Off by default (EstimateOptions.joinBodies): measured on the development beds, § assoc25b.
 */
import type { WorkGroup, EstimateContext } from "./workGroup.ts";
import { moveMembers, placeStretch } from "./workGroup.ts";
import { bodyReach, joinAsPart, REPORT_MARGIN_KM } from "./absorbParts.ts";

/** Local days on which both tracks have a position report, at least. */
export const MIN_SHARED_DAYS = 3;
/** Share of the smaller track's reports that must fall within the larger track's days. */
export const OVERLAP_SHARE = 0.5;
/** Largest ratio of the two tracks' typical figures (upper quartiles) read as one group's. */
export const SIZE_RATIO = 2;
/**
 * Share of the smaller track's reports on the larger one's days that may lie beyond its reach.
 * Measured on world3's development worlds: 0.25 (absorbParts.ts MISS_SHARE) joined two groups'
 * tracks in the mixed worlds (unlabelled km 1.47 -> 1.62x); 0.1 kept them apart; 0 joined none.
 */
export const MISS_SHARE = 0.1;

/**
 * Joins unlabelled tracks of `tracks` that lie within a larger one's body on their shared days
 * (moves their reports); returns the tracks joined (now empty).
 */
export function joinBodies(
  ctx: EstimateContext,
  tracks: readonly WorkGroup[],
  asParts = false,
  inferred: Set<string> = new Set(),
): Set<WorkGroup> {
  const joined = new Set<WorkGroup>();
  const moved = new Set<string>();
  const open = tracks.filter((t) => !t.labelled && t.positions.length > 0 && t.km);
  const bySize = [...open].sort((a, b) => a.positions.length - b.positions.length);
  for (const t of bySize) {
    const best = bestBody(ctx, t, open, joined, moved);
    if (!best) continue;
    if (asParts) joinAsPart(ctx, t, best, { moved, inferred });
    else {
      for (const p of t.positions) moved.add(p.s.id);
      moveMembers(ctx, t, best);
    }
    joined.add(t);
  }
  return joined;
}

/** The larger track `t` fits best within, if any passes. */
function bestBody(
  ctx: EstimateContext,
  t: WorkGroup,
  open: readonly WorkGroup[],
  joined: ReadonlySet<WorkGroup>,
  moved: ReadonlySet<string>,
): WorkGroup | undefined {
  let best: WorkGroup | undefined;
  let bestFit = Infinity;
  for (const b of open) {
    if (b === t || joined.has(b) || b.positions.length < t.positions.length) continue;
    if (!oneSize(t, b)) continue;
    const fit = sharedFit(ctx, t, b, moved);
    if (fit < bestFit) {
      bestFit = fit;
      best = b;
    }
  }
  return best;
}

/** Both typical figures known and within SIZE_RATIO of each other. */
function oneSize(t: WorkGroup, b: WorkGroup): boolean {
  if (t.scale === undefined || b.scale === undefined) return false;
  return Math.max(t.scale, b.scale) <= SIZE_RATIO * Math.min(t.scale, b.scale);
}

/**
 * How well `t`'s reports on `b`'s days sit within `b`'s body (mean distance from its median
 * person over the reach on that side, 2 for a miss); Infinity when fewer than MIN_SHARED_DAYS
 * days are shared, under OVERLAP_SHARE of `t`'s reports fall on `b`'s days, or more than
 * MISS_SHARE of those lie beyond the reach.
 */
export function sharedFit(
  ctx: EstimateContext,
  t: WorkGroup,
  b: WorkGroup,
  moved: ReadonlySet<string> = new Set(),
): number {
  const bDays = new Set(b.positions.map((p) => Math.floor(p.s.t)));
  const shared = t.positions.filter((p) => bDays.has(Math.floor(p.s.t)));
  if (new Set(shared.map((p) => Math.floor(p.s.t))).size < MIN_SHARED_DAYS) return Infinity;
  const within = t.positions.filter((p) => bodyReach(b, Math.floor(p.s.t), moved));
  if (within.length < OVERLAP_SHARE * t.positions.length) return Infinity;
  let sum = 0;
  let misses = 0;
  for (const p of within) {
    const d = reachDistance(ctx, p, b, moved);
    if (d > 1) misses++;
    sum += Math.min(d, 2);
  }
  if (misses > MISS_SHARE * within.length) return Infinity;
  return sum / within.length;
}

/**
 * Distance of report `p` from `b`'s median person on its day over the reach on that side, with
 * the report's margin (a town's stretch, else REPORT_MARGIN_KM); Infinity off `b`'s route.
 */
function reachDistance(
  ctx: EstimateContext,
  p: WorkGroup["positions"][number],
  b: WorkGroup,
  moved: ReadonlySet<string>,
): number {
  const q = ctx.projections.get(p.s)?.get(b.routeId);
  const reach = bodyReach(b, Math.floor(p.s.t), moved);
  if (!q || q.off > ctx.maxOff || !reach) return Infinity;
  const margin = p.s.fromPlace ? placeStretch(ctx, b.routeId, q.km)[1] - q.km : REPORT_MARGIN_KM;
  const side = q.km >= reach.median ? reach.head - reach.median : reach.median - reach.tail;
  return Math.max(0, Math.abs(q.km - reach.median) - margin) / Math.max(side, 1);
}
