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
import { meanDailyKm } from "../movement/index.ts";
import { hasSize } from "./prepare.ts";
import type { PreparedSighting } from "./prepare.ts";
import { readPart } from "./parts.ts";
import { runKm } from "./positions.ts";
import { addMember, moveMembers, newGroup, renameGroup } from "./workGroup.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/** Cost (in units of a well-fitting link) above which two tracklets are two groups. */
export const BIRTH_PENALTY = 4;
/** Longest silence (days) across which a report can still continue a group's track. */
export const MAX_GAP_DAYS = 21;
/** Farthest a group is taken to move in one day (km), bus rides included. */
const MAX_DAY_KM = 600;

/**
 * The route a labelled group's positions fit best (least summed distance off it, capped at 200
 * km a report). Ties (shared road) go to the earlier route: a later route must be better by 1 km.
 */
export function chooseRoute(ctx: EstimateContext, positioned: readonly PreparedSighting[]): string {
  let bestId = ctx.routeIds[0];
  let bestCost = Infinity;
  for (const id of ctx.routeIds) {
    let cost = 0;
    for (const s of positioned) cost += Math.min(ctx.projections.get(s)?.get(id)?.off ?? 200, 200);
    if (cost < bestCost - 1) {
      bestCost = cost;
      bestId = id;
    }
  }
  return bestId;
}

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
    const g = newGroup(label, true, chooseRoute(ctx, positioned));
    for (const s of members) addMember(ctx, g, s, "label");
    groups.push(g);
  }
  return { groups, unlabelled };
}

/** log size of a report (its figure, or the middle of its range), if any. */
function logSize(s: PreparedSighting): number | undefined {
  if (s.logValue !== undefined) return s.logValue;
  if (s.logLow !== undefined && s.logHigh !== undefined) return (s.logLow + s.logHigh) / 2;
  return undefined;
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
 * as rides allow (MAX_DAY_KM a day) for up to MAX_GAP_DAYS.
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
    if (outside > MAX_GAP_DAYS) continue;
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

/** Expected daily move (km) under the movement model (`meanDailyKm`, src/movement/law.ts). */
function expectedDailyKm(ctx: EstimateContext): Km {
  return meanDailyKm(ctx.movement);
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
  if (dt > MAX_GAP_DAYS) return Infinity;
  const gap = km - last.km;
  if (gap < -40 || gap > 40 + MAX_DAY_KM * Math.max(dt, 0.25)) return Infinity;
  const misfit = sizeMisfit(s, scale);
  const expected = expectedDailyKm(ctx) * dt;
  return Math.abs(gap - expected) / (25 + 80 * Math.sqrt(dt)) + 0.05 * dt + misfit;
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
  const merged = joinTracklets(ctx, fresh, groups, describe);
  const kept = fresh
    .filter((g) => !merged.has(g))
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
  for (const s of pool) {
    const cand = ctx.projections.get(s);
    if (!cand || cand.size === 0) {
      if (hasSize(s))
        ctx.warnings.push(
          estimateWarning("off_every_route", `${s.id}: off every route; size not used (no group).`),
        );
      ctx.leftOut.push({ sightingId: s.id, reason: "no route passes near it" });
      continue;
    }
    let best: WorkGroup | undefined;
    // A report continues a tracklet when the move fits (cost below 1.5), else starts one.
    let bestScore = 1.5;
    for (const g of fresh) {
      const p = cand.get(g.routeId);
      const last = g.positions[g.positions.length - 1];
      if (!p || p.off > ctx.maxOff || !last) continue;
      const score = followCost(ctx, last, s, p.km, groupScale(g.members));
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

/** True when two groups' smoothed tracks run together (within their intervals) on shared days. */
function tracksRunTogether(a: WorkGroup, b: WorkGroup): boolean {
  if (!a.km || !b.km) return false;
  const from = Math.max(a.day0, b.day0);
  const to = Math.min(a.day0 + a.nDays, b.day0 + b.nDays) - 1;
  if (to < from) return false;
  let diff = 0;
  let tolerance = 0;
  for (let day = from; day <= to; day++) {
    const da = a.km.days[day - a.day0];
    const db = b.km.days[day - b.day0];
    diff += Math.abs(da.median - db.median);
    tolerance += (da.high - da.low) / 2 + (db.high - db.low) / 2 + 20;
  }
  return diff < tolerance;
}

/**
 * Joins tracklets that are one group: first those whose tracks run together, then links of a
 * tracklet's end to a later tracklet's start (or to an earlier group's track) in order of
 * increasing cost while cheaper than BIRTH_PENALTY, each tracklet with at most one successor and
 * one predecessor (a greedy solution of the min-cost linking). Returns the tracklets merged away.
 */
function joinTracklets(
  ctx: EstimateContext,
  fresh: WorkGroup[],
  groups: readonly WorkGroup[],
  describe: (g: WorkGroup) => void,
): Set<WorkGroup> {
  const merged = new Set<WorkGroup>();
  const bySize = [...fresh].sort((a, b) => b.positions.length - a.positions.length);
  const absorb = (from: WorkGroup, into: WorkGroup): void => {
    moveMembers(ctx, from, into);
    merged.add(from);
    describe(into);
    runKm(ctx, into, { outlierPosteriors: false, coarse: true });
  };
  for (let i = 0; i < bySize.length; i++) {
    const a = bySize[i];
    if (merged.has(a)) continue;
    for (let j = i + 1; j < bySize.length; j++) {
      const b = bySize[j];
      if (merged.has(b) || b.routeId !== a.routeId || !tracksRunTogether(a, b)) continue;
      absorb(b, a);
    }
  }
  // Links end → start, cheapest first.
  const links: { from: WorkGroup; to: WorkGroup; cost: number }[] = [];
  const live = (): WorkGroup[] => [
    ...groups.filter((g) => g.km && g.positions.length > 0),
    ...fresh.filter((g) => !merged.has(g)),
  ];
  for (const to of fresh) {
    if (merged.has(to)) continue;
    const first = to.positions[0];
    for (const from of live()) {
      if (from === to) continue;
      const last = from.positions[from.positions.length - 1];
      if (!last || last.s.t > first.s.t + 0.5) continue;
      const q = ctx.projections.get(first.s)?.get(from.routeId);
      if (!q || q.off > ctx.maxOff) continue;
      const cost = followCost(ctx, last, first.s, q.km, from.scale) + sizeGap(from, to);
      if (cost < BIRTH_PENALTY) links.push({ from, to, cost });
    }
  }
  links.sort((x, y) => x.cost - y.cost);
  const hasNext = new Set<WorkGroup>();
  const hasPrev = new Set<WorkGroup>();
  const target = new Map<WorkGroup, WorkGroup>();
  const root = (g: WorkGroup): WorkGroup => {
    let r = g;
    while (target.has(r)) r = target.get(r) as WorkGroup;
    return r;
  };
  for (const { from, to, cost } of links) {
    if (hasNext.has(from) || hasPrev.has(to) || merged.has(to) || cost >= BIRTH_PENALTY) continue;
    const into = root(from);
    if (into === to) continue;
    hasNext.add(from);
    hasPrev.add(to);
    target.set(to, into);
    absorb(to, into);
  }
  // A lone report left between other tracks' reports joins the track it fits, if any.
  for (const g of fresh) {
    if (merged.has(g) || g.positions.length !== 1 || g.sizeOnly.length > 0) continue;
    const others = live().filter((x) => x !== g && x.positions.length > 1);
    const into = bestGroup(ctx, g.positions[0].s, others);
    if (into) absorb(g, into);
  }
  return merged;
}

/** Size misfit between two tracklets' typical sizes (0 within a factor 2). */
function sizeGap(a: WorkGroup, b: WorkGroup): number {
  if (!a.scale || !b.scale) return 0;
  return Math.max(0, Math.abs(Math.log(a.scale / b.scale)) - Math.log(2));
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
