/**
 * Association: which reports belong to which group.
 *
 * - Labelled reports form their group, on the route their positions fit best (routeChoice).
 * - An unlabelled report joins the group whose smoothed track it fits (gated on km, time — a group
 *   may have ridden hundreds of km or rested for days since it was last seen — and size: a report
 *   of 4,000 is not a group of 300).
 * - The rest are clustered into tracklets (a report joins the tracklet whose last report it can
 *   follow under the movement model), and tracklets that are one group are joined: those whose
 *   tracks run together, then chains linked at least cost (time gap, km gap against the expected
 *   move, size) when that is cheaper than a new group's birth penalty (global association as
 *   min-cost linking of tracklets; Zhang, Li and Nevatia 2008).
 */
import { estimateWarning } from "./warnings.ts";
import type { Km } from "../model/units.ts";
import { hasSize, logSize } from "./prepare.ts";
import type { PreparedSighting } from "./prepare.ts";
import { readPart } from "./partWords.ts";
import { absorbParts } from "./absorbParts.ts";
import { splitParts } from "./splitParts.ts";
import { joinBodies } from "./joinBodies.ts";
import { peopleJoin } from "./peopleJoin.ts";
import { markBodyParts } from "./bodyCharge.ts";
import { costModel, linkTracklets } from "./linkTracklets.ts";
import { runKm } from "./positions.ts";
import { chooseRoute } from "./routeChoice.ts";
import { addMember, newGroup, renameGroup } from "./workGroup.ts";
// Longest silence (days) across which a report can still continue a group's track: the one rule
// the state and forecast read too (src/movement/silence.ts).
import { MAX_SILENCE_DAYS } from "../movement/silence.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/** Cost (in units of a well-fitting link) above which two tracklets are two groups. */
export const BIRTH_PENALTY = 4;
/** Farthest a group is taken to move in one day (km), bus rides included. */
const MAX_DAY_KM = 600;
/** Farthest (km) a report may fall behind the last one of its group: the rear of a long body. */
const BODY_BACK_KM = 250;
/** km behind the last report that cost as much as a poorly fitting move (cost 1). */
const BACK_SCALE_KM = 100;
/** Cost of a bus ride between two reports of a tracklet. */
const RIDE_COST = 1.2;
/**
 * Largest cost at which a report continues a tracklet (else it starts one). Low, so tracklets
 * are short and pure (a ride continues one only after a short silence, a report behind the last
 * only within 60 km): the linking (linkTracklets.ts) joins them, and two groups travelling close
 * together are rarely mixed in one tracklet. (1.5 before the cost-based linking: stress and
 * simulate.ts worlds both mixed groups in tracklets.)
 */
const FOLLOW_MAX_COST = 0.6;

/** Typical size of a group: the upper quartile of its size figures (parts are smaller). */
export function groupScale(members: readonly PreparedSighting[]): number | undefined {
  const v = members
    .map(
      (s) =>
        s.logValue ??
        (s.logLow !== undefined && s.logHigh !== undefined
          ? (s.logLow + s.logHigh) / 2
          : undefined),
    )
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  return Math.exp(v[Math.min(v.length - 1, Math.floor(0.75 * v.length))]);
}

/** Sets a group's typical size and the part each of its reports names. */
export function describeGroup(
  g: WorkGroup,
  notes: (s: PreparedSighting) => [string?, string?],
): void {
  g.scale = groupScale(g.members);
  g.parts = new Map();
  for (const s of g.members) {
    const part = readPart(...notes(s));
    if (part) g.parts.set(s.id, part);
  }
}

/** Splits reports into labelled groups (each on its best route) and unlabelled reports. */
export function labelledGroups(
  ctx: EstimateContext,
  prepared: readonly PreparedSighting[],
): { groups: WorkGroup[]; unlabelled: PreparedSighting[] } {
  const byLabel = new Map<string, PreparedSighting[]>();
  const unlabelled: PreparedSighting[] = [];
  for (const s of prepared) {
    if (s.label === undefined) unlabelled.push(s);
    else {
      let list = byLabel.get(s.label);
      if (!list) byLabel.set(s.label, (list = []));
      list.push(s);
    }
  }
  const groups: WorkGroup[] = [];
  for (const [label, members] of byLabel) {
    const positioned = members.filter((s) => s.point);
    if (positioned.length === 0) {
      for (const s of members) {
        ctx.leftOut.push({
          sightingId: s.id,
          reason: `no sighting of group "${label}" has a place or coordinates, so it has no track`,
        });
      }
      continue;
    }
    const chosen = ctx.destinations?.get(label)?.routeId ?? chooseRoute(ctx, positioned);
    const g = newGroup(label, true, chosen);
    for (const s of members) addMember(ctx, g, s, "label");
    groups.push(g);
  }
  return { groups, unlabelled };
}

/**
 * Size misfit of a report for a group of typical size `scale`: a report much larger than the
 * group cannot be it (Infinity beyond 3×, allowing for overcounts); a smaller one may be a part.
 */
function sizeMisfit(s: PreparedSighting, scale: number | undefined): number {
  const v = logSize(s);
  if (v === undefined || scale === undefined) return 0;
  const ratio = v - Math.log(scale);
  if (ratio > Math.log(3)) return Infinity;
  return Math.max(0, Math.abs(ratio) - Math.log(2));
}

/**
 * The tracked group an unlabelled report fits best, or undefined. Within a track's span the
 * report must fall near its 90 % interval; before or after it, the group may have moved as far
 * as rides allow (MAX_DAY_KM a day) for up to MAX_SILENCE_DAYS.
 */
export function bestGroup(
  ctx: EstimateContext,
  s: PreparedSighting,
  candidates: readonly WorkGroup[],
): WorkGroup | undefined {
  let best: WorkGroup | undefined;
  let bestZ = Infinity;
  const cand = ctx.projections.get(s);
  if (!cand) return undefined;
  for (const g of candidates) {
    const p = cand.get(g.routeId);
    if (!p || p.off > ctx.maxOff || !g.km) continue;
    const k = Math.round(s.t - (g.day0 + 0.5));
    const outside = k < 0 ? -k : k > g.nDays - 1 ? k - (g.nDays - 1) : 0;
    if (outside > MAX_SILENCE_DAYS) continue;
    const d = g.km.days[Math.min(g.nDays - 1, Math.max(0, k))];
    const lo = d.low - (k < 0 ? MAX_DAY_KM * outside : 0) - 15;
    const hi = d.high + (k > g.nDays - 1 ? MAX_DAY_KM * outside : 0) + 15;
    if (p.km < lo || p.km > hi) continue;
    const misfit = sizeMisfit(s, g.scale);
    if (!Number.isFinite(misfit)) continue;
    const half = Math.max(10, (d.high - d.low) / 2);
    // Past the end of a track, ahead is where the group went: measure from the expected move.
    const expected = d.median + (k > g.nDays - 1 ? outside * ctx.movement.walkKm.mean : 0);
    const spread = half + (outside > 0 ? 40 * Math.sqrt(outside) : 0);
    const z = Math.abs(p.km - expected) / spread + 0.1 * outside + misfit;
    if (z < bestZ) {
      bestZ = z;
      best = g;
    }
  }
  return best;
}

/**
 * Cost of the report `s` continuing the tracklet whose last report is `last` (Infinity when the
 * move is impossible: backwards by more than a town's stretch, faster than rides, or after too
 * long a silence).
 */
function followCost(
  ctx: EstimateContext,
  last: { s: PreparedSighting; km: Km },
  s: PreparedSighting,
  km: Km,
  scale: number | undefined,
): number {
  const dt = Math.max(0, s.t - last.s.t);
  if (dt > MAX_SILENCE_DAYS) return Infinity;
  const gap = km - last.km;
  if (gap < -BODY_BACK_KM || gap > 40 + MAX_DAY_KM * Math.max(dt, 0.25)) return Infinity;
  const misfit = sizeMisfit(s, scale);
  // Behind the last report (up to BODY_BACK_KM): the rear of the same body, dearer with distance.
  // Ahead: resting or walking (up to 1.5× the mean walk a day) costs by the km outside that
  // range; a ride costs RIDE_COST whatever its length (bus rides of hundreds of km happen).
  const walkMax = 1.5 * ctx.movement.walkKm.mean * dt;
  const walk = Math.max(0, gap - walkMax) / (25 + 80 * Math.sqrt(dt));
  const move = gap < 0 ? -gap / BACK_SCALE_KM : Math.min(walk, RIDE_COST);
  return move + 0.05 * dt + misfit;
}

/** Associates the unlabelled reports; returns the size-only ones (placed later, assignSizeOnly). */
export function associateUnlabelled(
  ctx: EstimateContext,
  groups: WorkGroup[],
  unlabelled: readonly PreparedSighting[],
  describe: (g: WorkGroup) => void,
): PreparedSighting[] {
  const pool: PreparedSighting[] = [];
  const sizeOnly: PreparedSighting[] = [];
  const tracked = groups.filter((g) => g.km);
  for (const s of [...unlabelled].sort((a, b) => a.t - b.t)) {
    if (!s.point) {
      sizeOnly.push(s);
      continue;
    }
    const best = bestGroup(ctx, s, tracked);
    if (best) addMember(ctx, best, s, "associated");
    else pool.push(s);
  }
  const fresh = clusterTracklets(ctx, pool);
  for (const g of fresh) {
    describe(g);
    runKm(ctx, g, { outlierPosteriors: false, coarse: true });
  }
  const merged = new Set<WorkGroup>();
  const born = linkTracklets(ctx, fresh, groups, merged, describe);
  const whole = [...fresh, ...born].filter((g) => !merged.has(g));
  // Short tracks within another track's body read as its parts (absorbParts.ts; off by default).
  // Both read a head/tail mark one of them inferred as inferred, not as the report's word.
  const inferred = new Set<string>();
  // The body charge's parts marked as the body's head or tail (bodyCharge.ts; off by default).
  if (ctx.bodyCharge) markBodyParts(whole, costModel(ctx), inferred);
  const absorbed = ctx.absorbParts
    ? absorbParts(ctx, whole, whole, inferred)
    : new Set<WorkGroup>();
  // Short tracks whose stretches follow two bodies, split between them as parts (splitParts.ts).
  if (ctx.splitParts) {
    const rest = whole.filter((g) => !absorbed.has(g));
    for (const g of splitParts(ctx, rest, ctx.splitParts, inferred)) absorbed.add(g);
  }
  // Tracks of one long body's head and tail joined (joinBodies.ts; off by default).
  if (ctx.joinBodies)
    for (const g of joinBodies(
      ctx,
      whole.filter((g) => !absorbed.has(g)),
      ctx.joinBodies === "parts",
      inferred,
    ))
      absorbed.add(g);
  // Tracks whose reports fit a larger track's people joined (peopleJoin.ts; off by default).
  if (ctx.peopleJoin)
    for (const g of peopleJoin(
      ctx,
      whole.filter((g) => !absorbed.has(g)),
      inferred,
      ctx.peopleJoin === true ? {} : ctx.peopleJoin,
    ))
      absorbed.add(g);
  const kept = whole
    .filter((g) => !absorbed.has(g))
    .sort((a, b) => a.day0 - b.day0 || a.positions[0].s.t - b.positions[0].s.t);
  groups.push(...kept);
  // Two steps, so that no new name collides with an old one still in use.
  kept.forEach((g, i) => renameGroup(ctx, g, `\u0000renaming-${i}`));
  kept.forEach((g, i) => renameGroup(ctx, g, `unlabelled-${i + 1}`));
  return sizeOnly;
}

/** Greedy clustering of unlabelled reports, in time order, into tracklets. */
function clusterTracklets(ctx: EstimateContext, pool: readonly PreparedSighting[]): WorkGroup[] {
  const fresh: WorkGroup[] = [];
  // Each tracklet's groupScale, by its number of members: a tracklet here only gains members
  // (addMember appends), so one count is one set of members (recomputing it for every candidate
  // of every report was 4 % of the time at 100 unlabelled groups).
  const scales = new Map<WorkGroup, { n: number; scale: number | undefined }>();
  const scaleOf = (g: WorkGroup): number | undefined => {
    let known = scales.get(g);
    if (known?.n !== g.members.length)
      scales.set(g, (known = { n: g.members.length, scale: groupScale(g.members) }));
    return known.scale;
  };
  for (const s of pool) {
    const cand = ctx.projections.get(s);
    if (!cand || cand.size === 0) {
      if (hasSize(s)) ctx.warnings.push(estimateWarning("off_every_route", { sighting: s.id }));
      ctx.leftOut.push({ sightingId: s.id, reason: "no route passes near it" });
      continue;
    }
    let best: WorkGroup | undefined;
    // A report continues a tracklet when the move fits (cost below 1.5), else starts one.
    let bestScore = FOLLOW_MAX_COST;
    for (const g of fresh) {
      const p = cand.get(g.routeId);
      const last = g.positions[g.positions.length - 1];
      if (!p || p.off > ctx.maxOff || !last) continue;
      const score = followCost(ctx, last, s, p.km, scaleOf(g));
      if (score < bestScore) {
        bestScore = score;
        best = g;
      }
    }
    if (!best) {
      let routeId = ctx.routeIds[0];
      let bestOff = Infinity;
      for (const id of ctx.routeIds) {
        const p = cand.get(id);
        if (p && p.off < bestOff - 1e-6) {
          bestOff = p.off;
          routeId = id;
        }
      }
      if (bestOff > ctx.maxOff) {
        ctx.leftOut.push({
          sightingId: s.id,
          reason: `${Math.round(bestOff)} km off the nearest route (${routeId})`,
        });
        continue;
      }
      best = newGroup(`unlabelled-${fresh.length + 1}`, false, routeId);
      fresh.push(best);
    }
    addMember(ctx, best, s, "new_group");
  }
  return fresh;
}

/** Size-only unlabelled reports go to the one group active that day, if exactly one is. */
export function assignSizeOnly(
  ctx: EstimateContext,
  groups: readonly WorkGroup[],
  sizeOnly: readonly PreparedSighting[],
): void {
  for (const s of sizeOnly) {
    const day = Math.floor(s.t);
    const activeThen = groups.filter((g) => g.km && day >= g.day0 - 1 && day <= g.day0 + g.nDays);
    if (activeThen.length === 1) {
      activeThen[0].sizeOnly.push(s);
      activeThen[0].members.push(s);
      ctx.associations.push({ sightingId: s.id, group: activeThen[0].name, how: "size_only" });
    } else {
      ctx.leftOut.push({
        sightingId: s.id,
        reason:
          activeThen.length === 0
            ? "a size without place or caravan_label, and no group is active that day"
            : `a size without place or caravan_label, and ${activeThen.length} groups are active that day`,
      });
    }
  }
}
