/**
 * Second pass of the association of unlabelled reports: tracklets that are one group are joined
 * (global association by least-cost merges, after Zhang, Li and Nevatia 2008, with a birth
 * penalty that a tracklet must beat to stay a group of its own).
 *
 * - A tracklet with too little evidence to be a group (fewer than MIN_TRACK_REPORTS position
 *   reports, or all on one day) is joined to the group whose track it fits best: a misplaced or
 *   stray report stays an outlier of its group instead of starting a track.
 * - Tracklets whose reports fall along another group's track on the days they share are one body
 *   (a vanguard or rear seen apart from the main body, or the same group seen on two routes that
 *   share the road): they are joined, across routes too, and the group takes the route its
 *   reports fit best.
 * - A tracklet much larger than a group (its typical figure over 3× the group's) is never joined
 *   to it: a report of 4,000 is not a group of 300, while a smaller one may be a part of it.
 */
import type { Km } from "../model/units.ts";
import { meanDailyKm } from "../movement/index.ts";
import { runKm } from "./positions.ts";
import { chooseRoute } from "./routeChoice.ts";
import { moveMembers, moveReport, newGroup } from "./workGroup.ts";
import type { PreparedSighting } from "./prepare.ts";
import { reassignReports } from "./reassignReports.ts";
import { mergeTracklets } from "./mergeTracklets.ts";
import type { LinkItem, LinkReport } from "./mergeTracklets.ts";
import { DEFAULT_COST_MODEL, fitSpread } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";
import type { EstimateContext, GroupPosition, WorkGroup } from "./workGroup.ts";

/** Fewest position reports (on at least two days) that make a tracklet a group of its own. */
export const MIN_TRACK_REPORTS = 3;
/** Share of a tracklet's reports that must fall along a group's track for the two to be one. */
const ALONG_SHARE = 0.6;
/** A tracklet whose typical figure is this many times smaller than a group's may be its part. */
const PART_RATIO = 4;
/** Largest median offset (km) of a whole group's reports from its own track. */
const SAME_BODY_KM = 100;
/** Room (km) beyond a track's 90 % interval for a body's head or tail seen apart from it. */
const BODY_ROOM_KM = 150;
/** Cost (see chainCost) at or above which a later tracklet starts a group of its own. */
export const LINK_PENALTY = 3;
/** Longest silence (days) across which a tracklet may continue another. */
const MAX_LINK_GAP_DAYS = 21;
/** Longest silence (days) across which a stray report is still given to a group. */
const STRAY_GAP_DAYS = 10;
/** Largest ratio of typical sizes for which a tracklet may be joined to a smaller group. */
const SIZE_RATIO_MAX = 3;

/** Whether `g` has the evidence of a group: enough position reports, on more than one day. */
export function hasGroupEvidence(g: WorkGroup): boolean {
  if (g.positions.length < MIN_TRACK_REPORTS) return false;
  const days = new Set(g.positions.map((p) => Math.floor(p.s.t)));
  return days.size >= 2;
}

/** False when `from` is a tracklet of figures much larger than the group `into` (not a part). */
function sizesAllow(from: WorkGroup, into: WorkGroup): boolean {
  if (!from.scale || !into.scale) return true;
  return from.scale <= SIZE_RATIO_MAX * into.scale;
}

/**
 * Where report `p` of another tracklet falls against `g`'s smoothed track: its distance (km) past
 * the track's 90 % interval that day (0 inside), the interval widened by the moves possible before
 * or after the track's span. Undefined when the report is off `g`'s route or too long before or
 * after its span.
 */
function distancePast(
  ctx: EstimateContext,
  g: WorkGroup,
  p: GroupPosition,
  maxGap: number,
): Km | undefined {
  if (!g.km) return undefined;
  const q = ctx.projections.get(p.s)?.get(g.routeId);
  if (!q || q.off > ctx.maxOff) return undefined;
  const k = Math.round(p.s.t - (g.day0 + 0.5));
  const outside = k < 0 ? -k : k > g.nDays - 1 ? k - (g.nDays - 1) : 0;
  if (outside > maxGap) return undefined;
  const d = g.km.days[Math.min(g.nDays - 1, Math.max(0, k))];
  const reach = outside * ctx.movement.longRideMaxKm;
  const lo = d.low - (k < 0 ? reach : 0);
  const hi = d.high + (k > g.nDays - 1 ? reach : 0);
  return q.km < lo ? lo - q.km : q.km > hi ? q.km - hi : 0;
}

/**
 * How `from`'s reports on the days of `into`'s track fall against it: the share within
 * BODY_ROOM_KM of its interval, and their median signed offset (km) from its median person.
 * Undefined when fewer than two of them are on those days.
 */
function alongTrack(
  ctx: EstimateContext,
  from: WorkGroup,
  into: WorkGroup,
): { share: number; offset: Km } | undefined {
  let along = 0;
  const offsets: number[] = [];
  for (const p of from.positions) {
    const k = Math.round(p.s.t - (into.day0 + 0.5));
    if (k < 0 || k > into.nDays - 1 || !into.km) continue;
    const d = distancePast(ctx, into, p, 0);
    const q = ctx.projections.get(p.s)?.get(into.routeId);
    offsets.push(q ? q.km - into.km.days[k].median : Infinity);
    if (d !== undefined && d <= BODY_ROOM_KM) along++;
  }
  if (offsets.length < 2) return undefined;
  offsets.sort((a, b) => a - b);
  return { share: along / offsets.length, offset: offsets[Math.floor(offsets.length / 2)] };
}

/**
 * Whether `from` is a part of the body `into` (its reports along `into`'s track): reports of a
 * part (typical figure under a quarter of the group's) may run ahead or behind it; reports of
 * the whole group must straddle its track (median offset within SAME_BODY_KM), else the two
 * are groups travelling close together.
 */
function isPartOf(ctx: EstimateContext, from: WorkGroup, into: WorkGroup): boolean {
  const along = alongTrack(ctx, from, into);
  if (!along || along.share < ALONG_SHARE) return false;
  const part = !!from.scale && !!into.scale && from.scale * PART_RATIO <= into.scale;
  return part || Math.abs(along.offset) <= SAME_BODY_KM;
}

/** Mean km by which a stray tracklet's reports miss `into`'s track (Infinity when they cannot fit). */
function strayMiss(ctx: EstimateContext, from: WorkGroup, into: WorkGroup): number {
  let sum = 0;
  for (const p of from.positions) {
    const d = distancePast(ctx, into, p, STRAY_GAP_DAYS);
    if (d === undefined) return Infinity;
    sum += d;
  }
  return from.positions.length ? sum / from.positions.length : Infinity;
}

/** Moves `from`'s reports into `into`, on the route the joined reports fit best (unlabelled only). */
function join(
  ctx: EstimateContext,
  from: WorkGroup,
  into: WorkGroup,
  describe: (g: WorkGroup) => void,
): void {
  moveMembers(ctx, from, into);
  if (!into.labelled) {
    const routeId = chooseRoute(
      ctx,
      into.members.filter((s) => s.point),
    );
    if (routeId !== into.routeId) reroute(ctx, into, routeId);
  }
  describe(into);
  runKm(ctx, into, { outlierPosteriors: false, coarse: true });
}

/** Puts a group on another route: its position reports projected anew (those off it dropped). */
function reroute(ctx: EstimateContext, g: WorkGroup, routeId: string): void {
  g.routeId = routeId;
  const positions: GroupPosition[] = [];
  for (const s of g.members) {
    if (!s.point || g.sizeOnly.includes(s)) continue;
    const q = ctx.projections.get(s)?.get(routeId);
    if (q && q.off <= ctx.maxOff) positions.push({ s, km: q.km, off: q.off });
  }
  g.positions = positions.sort((x, y) => x.s.t - y.s.t);
}

/** What the linking steps share: the run, the tracklets, the groups still live, those joined away. */
interface Linking {
  ctx: EstimateContext;
  /** The unlabelled tracklets. */
  fresh: readonly WorkGroup[];
  /** Groups with a track and reports, labelled first (recomputed as tracklets are joined). */
  live: () => WorkGroup[];
  merged: Set<WorkGroup>;
  describe: (g: WorkGroup) => void;
  /** Groups the search started (a set of reports no tracklet could take over). */
  born: WorkGroup[];
}

/**
 * Joins tracklets that are one group (see the module comment). `fresh` are the unlabelled
 * tracklets, `groups` the labelled groups (joined into, never away); tracklets already in
 * `merged` are skipped, and those joined here are added to it.
 */
export function linkTracklets(
  ctx: EstimateContext,
  fresh: readonly WorkGroup[],
  groups: readonly WorkGroup[],
  merged: Set<WorkGroup>,
  describe: (g: WorkGroup) => void,
): WorkGroup[] {
  const born: WorkGroup[] = [];
  const live = (): WorkGroup[] => [
    ...groups.filter((g) => g.km && g.positions.length > 0),
    ...[...fresh, ...born].filter((g) => !merged.has(g) && g.km && g.positions.length > 0),
  ];
  const linking: Linking = { ctx, fresh: [...fresh, ...born], live, merged, describe, born };
  if (process.env.ASSOC_OLD) {
    joinBodies(linking);
    joinChains(linking);
    joinBodies(linking);
  } else joinByCost(linking);
  joinStrays({ ...linking, fresh: [...fresh, ...born] });
  return born;
}

/**
 * Cost of `to` continuing `from` after `from`'s last report (Infinity when it cannot: `to`
 * starts before `from` ends, after too long a silence, behind the end of `from`'s track by more
 * than a body's length, ahead by more than rides allow, or much larger in size). The cost grows
 * with the silence and with the km gap against the move expected in that time.
 */
export function chainCost(ctx: EstimateContext, from: WorkGroup, to: WorkGroup): number {
  if (!from.km || to.positions.length === 0 || !sizesAllow(to, from)) return Infinity;
  const last = from.positions[from.positions.length - 1];
  const first = to.positions[0];
  const dt = first.s.t - last.s.t;
  if (dt < -1 || dt > MAX_LINK_GAP_DAYS) return Infinity;
  const q = ctx.projections.get(first.s)?.get(from.routeId);
  if (!q || q.off > ctx.maxOff) return Infinity;
  const end = from.km.days[from.nDays - 1];
  const half = (end.high - end.low) / 2;
  const gap = q.km - end.median;
  const days = Math.max(1, dt);
  if (gap < -(half + BODY_ROOM_KM) || gap > half + BODY_ROOM_KM + days * ctx.movement.longRideMaxKm)
    return Infinity;
  const expected = days * meanDailyKm(ctx.movement);
  const miss = Math.max(0, Math.abs(gap - expected) - half - BODY_ROOM_KM);
  return 0.1 * Math.max(0, dt) + miss / (150 * Math.sqrt(days)) + sizeGap(from, to);
}

/** Size misfit between two tracklets' typical sizes (0 within a factor 2, ln units beyond). */
function sizeGap(a: WorkGroup, b: WorkGroup): number {
  if (!a.scale || !b.scale) return 0;
  return Math.max(0, Math.abs(Math.log(a.scale / b.scale)) - Math.log(2));
}

/**
 * Links tracklet ends to later tracklets' starts, cheapest first while cheaper than
 * LINK_PENALTY (a new group's birth), each with at most one successor and one predecessor: a
 * greedy solution of the min-cost linking. Labelled groups may be continued, never continue.
 */
function joinChains({ ctx, live, merged, describe }: Linking): void {
  const links: { from: WorkGroup; to: WorkGroup; cost: number }[] = [];
  const all = live();
  for (const to of all) {
    if (to.labelled) continue;
    for (const from of all) {
      if (from === to) continue;
      const cost = chainCost(ctx, from, to);
      if (cost < LINK_PENALTY) links.push({ from, to, cost });
    }
  }
  links.sort((x, y) => x.cost - y.cost);
  const hasNext = new Set<WorkGroup>();
  const hasPrev = new Set<WorkGroup>();
  const into = new Map<WorkGroup, WorkGroup>();
  const root = (g: WorkGroup): WorkGroup => {
    let r = g;
    while (into.has(r)) r = into.get(r) as WorkGroup;
    return r;
  };
  for (const { from, to } of links) {
    if (hasNext.has(from) || hasPrev.has(to) || merged.has(to)) continue;
    const target = root(from);
    if (target === to) continue;
    hasNext.add(from);
    hasPrev.add(to);
    into.set(to, target);
    join(ctx, to, target, describe);
    merged.add(to);
  }
}

/** Joins tracklets that run along a larger group's track (largest groups absorb first). */
function joinBodies({ ctx, fresh, live, merged, describe }: Linking): void {
  let changed = true;
  while (changed) {
    changed = false;
    const order = live().sort((a, b) => b.positions.length - a.positions.length);
    for (const from of [...order].reverse()) {
      if (from.labelled || merged.has(from) || !fresh.includes(from)) continue;
      const best = order.find(
        (into) =>
          into !== from &&
          !merged.has(into) &&
          into.positions.length >= from.positions.length &&
          sizesAllow(from, into) &&
          isPartOf(ctx, from, into),
      );
      if (best) {
        join(ctx, from, best, describe);
        merged.add(from);
        changed = true;
        break;
      }
    }
  }
}

/** Joins each tracklet without the evidence of a group to the track it misses by least. */
function joinStrays({ ctx, fresh, live, merged, describe }: Linking): void {
  const strays = fresh
    .filter((g) => !merged.has(g) && !hasGroupEvidence(g))
    .sort((a, b) => a.positions.length - b.positions.length);
  for (const from of strays) {
    let best: WorkGroup | undefined;
    let bestMiss = Infinity;
    for (const into of live()) {
      if (into === from || !hasGroupEvidence(into) || !sizesAllow(from, into)) continue;
      const miss = strayMiss(ctx, from, into);
      if (miss < bestMiss) {
        bestMiss = miss;
        best = into;
      }
    }
    if (best) {
      join(ctx, from, best, describe);
      merged.add(from);
    }
  }
}

/** Birth penalty (nats): what a second group must save in cost to stay apart (mergeTracklets). */
export const BIRTH_NATS = Number(process.env.ASSOC_BIRTH ?? 10);

/** The reports of a group as the linking sees them: km on every route near them, figure, part. */
function linkReports(ctx: EstimateContext, g: WorkGroup): LinkReport[] {
  return g.positions.map(({ s }) => {
    const kmByRoute = new Map<string, number>();
    for (const [id, q] of ctx.projections.get(s) ?? []) if (q.off <= ctx.maxOff) kmByRoute.set(id, q.km);
    const logSize =
      s.logValue ??
      (s.logLow !== undefined && s.logHigh !== undefined ? (s.logLow + s.logHigh) / 2 : undefined);
    const part = g.parts?.get(s.id);
    return { t: s.t, kmByRoute, logSize, part: part === "head" || part === "tail" };
  });
}

/** The cost model of this dataset: the spread of reports about their groups' tracks, fitted. */
function costModel(ctx: EstimateContext, groups: readonly WorkGroup[]): CostModel {
  const base = { ...DEFAULT_COST_MODEL };
  const roadKm = Math.max(...ctx.routeIds.map((id) => ctx.index.lengthKm(id)));
  base.roadKm = Number.isFinite(roadKm) && roadKm > 0 ? roadKm : base.roadKm;
  const spreadKm = process.env.ASSOC_FITSPREAD
    ? fitSpread(
        groups.map((g) => g.positions.map((p) => p.km)),
        base,
      )
    : Number(process.env.ASSOC_SPREAD ?? base.spreadKm);
  if (process.env.ASSOC_DEBUG) console.error(`spread ${spreadKm.toFixed(1)} km`);
  return { ...base, spreadKm };
}

/** Merge-then-reassign rounds of the association search. */
const SEARCH_ROUNDS = 2;

/**
 * The partition of the reports of `all` (lists of indices into the flat list of their position
 * reports) that the search settles on: merges of whole tracklets (mergeTracklets.ts), then moves
 * of single reports (reassignReports.ts), twice.
 */
function searchPartition(
  ctx: EstimateContext,
  all: readonly WorkGroup[],
  reports: readonly LinkReport[],
  owner: readonly number[],
  fixed: readonly boolean[],
  model: CostModel,
): { lists: number[][]; routes: (readonly string[] | undefined)[] } {
  let lists: number[][] = all.map(() => []);
  owner.forEach((g, i) => lists[g].push(i));
  const routeOfList = (list: number[]): readonly string[] | undefined => {
    const lab = list.map((i) => all[owner[i]]).find((g) => g.labelled);
    return lab ? [lab.routeId] : undefined;
  };
  const o = { model, routeIds: ctx.routeIds, birth: BIRTH_NATS, maxGapDays: MAX_LINK_GAP_DAYS };
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    lists = lists.filter((l) => l.length > 0);
    const items: LinkItem[] = lists.map((l) => {
      const routes = routeOfList(l);
      return { labelled: routes !== undefined, routes, reports: l.map((i) => reports[i]) };
    });
    const clusters = mergeTracklets(items, o);
    lists = clusters.map((c) => c.members.flatMap((k) => lists[k]));
    if (process.env.ASSOC_NOREASSIGN) continue;
    lists = reassignReports(reports, lists, fixed, { ...o, routes: lists.map(routeOfList) });
  }
  lists = lists.filter((l) => l.length > 0);
  return { lists, routes: lists.map(routeOfList) };
}

/**
 * Joins tracklets that are one group, and moves reports between them, by the global objective
 * of mergeTracklets.ts: forward-only positions and one size per group, a birth penalty per group.
 */
function joinByCost({ ctx, live, merged, describe, born }: Linking): void {
  const all = live();
  const model = costModel(ctx, all);
  const reports: LinkReport[] = [];
  const owner: number[] = [];
  const sightings: PreparedSighting[] = [];
  all.forEach((g, k) => {
    const list = linkReports(ctx, g);
    list.forEach((r, j) => {
      reports.push(r);
      owner.push(k);
      sightings.push(g.positions[j].s);
    });
  });
  const fixed = sightings.map((s) => s.label !== undefined);
  const { lists } = searchPartition(ctx, all, reports, owner, fixed, model);
  applyPartition(ctx, all, lists, owner, sightings, merged, describe, born);
}

/**
 * Makes the groups what the search found: each list's reports in one group (the labelled group
 * among them, else the tracklet that gave it most reports); tracklets left without position
 * reports pass their other reports (figures off the route, sizes only) to the group most of
 * their reports went to, and are dropped.
 */
function applyPartition(
  ctx: EstimateContext,
  all: readonly WorkGroup[],
  lists: readonly number[][],
  owner: readonly number[],
  sightings: readonly PreparedSighting[],
  merged: Set<WorkGroup>,
  describe: (g: WorkGroup) => void,
  born: WorkGroup[],
): void {
  const targets: WorkGroup[] = [];
  const used = new Set<WorkGroup>();
  for (const list of lists) {
    const counts = new Map<WorkGroup, number>();
    for (const i of list) counts.set(all[owner[i]], (counts.get(all[owner[i]]) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => Number(b[0].labelled) - Number(a[0].labelled) || b[1] - a[1]);
    let target = ranked.find(([g]) => !used.has(g))?.[0];
    if (!target) target = newGroup(`\u0000split-${targets.length}`, false, all[owner[list[0]]].routeId);
    used.add(target);
    targets.push(target);
  }
  const where = new Map<PreparedSighting, WorkGroup>();
  lists.forEach((list, c) => list.forEach((i) => where.set(sightings[i], targets[c])));
  const changed = new Set<WorkGroup>();
  // Majority target of each source group (for its reports without a position).
  const majority = new Map<WorkGroup, WorkGroup>();
  for (const g of all) {
    const counts = new Map<WorkGroup, number>();
    for (const p of g.positions) {
      const t = where.get(p.s);
      if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (best) majority.set(g, best);
  }
  for (const g of all) {
    for (const p of [...g.positions]) {
      const t = where.get(p.s);
      if (t && t !== g) {
        moveReport(ctx, p.s, g, t);
        changed.add(t).add(g);
      }
    }
  }
  for (const g of all) {
    if (used.has(g)) continue;
    const into = majority.get(g);
    if (into && into !== g) moveMembers(ctx, g, into);
    merged.add(g);
  }
  for (const t of targets) if (!all.includes(t)) born.push(t);
  for (const t of targets) {
    if (!changed.has(t) && all.includes(t)) continue;
    if (!t.labelled) reroute(ctx, t, chooseRoute(ctx, t.members.filter((s) => s.point)));
    describe(t);
    runKm(ctx, t, { outlierPosteriors: false, coarse: true });
  }
}
