/**
 * Second pass of the association of unlabelled reports: which tracklets (and labelled groups)
 * are one group. Global association as a search on one objective (trackCost.ts — each group's
 * reports explained by one forward-only track along its route and one size — plus a birth
 * penalty BIRTH_NATS per group; the penalised-likelihood form of multiple-target tracking, cf.
 * Zhang, Li and Nevatia 2008, Oh, Russell and Sastry 2009):
 *
 * 1. merges of whole tracklets, best first, while a merge saves more than a birth
 *    (mergeTracklets.ts) — a ride of 400 km in a day or a week in a shelter is no cost, a track
 *    that would have to go back, or a second group's reports, or figures 8× the group's are;
 * 2. moves of single reports to the group whose cost they raise least (reassignReports.ts);
 * 3. twice; then a split test of every group (splitTrack.ts: two groups days apart, or of
 *    different sizes, in one track), and if one split, 1–2 again;
 * 4. a tracklet with too little evidence to be a group (fewer than MIN_TRACK_REPORTS position
 *    reports, or all on one day) is joined to the group whose track it fits best: a misplaced or
 *    stray report stays an outlier of its group instead of starting a track.
 *
 * The reports at one place on one local day share the weight of one report in the positions
 * (placeDay.ts), whatever group they are in.
 *
 * Labelled groups keep their labelled reports and route; they may take tracklets and unlabelled
 * reports. An unlabelled group takes the route its reports fit best (routes that share road).
 */
import type { Km } from "../model/units.ts";
import { runKm } from "./positions.ts";
import { chooseRoute } from "./routeChoice.ts";
import { associationsBySighting, moveMembers, moveReport, newGroup } from "./workGroup.ts";
import type { PreparedSighting } from "./prepare.ts";
import { reassignReports } from "./reassignReports.ts";
import type { FitCache } from "./reassignReports.ts";
import { mergeRows } from "./mergeTracklets.ts";
import { splitTrack } from "./splitTrack.ts";
import { placeDayWeights } from "./placeDay.ts";
import type { PlacedReport } from "./placeDay.ts";
import type { BodyPart } from "./partWords.ts";
import type { LinkReport, RowItem } from "./mergeTracklets.ts";
import { ReportTable } from "./reportTable.ts";
import { DEFAULT_COST_MODEL } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";
import { predictiveLaw } from "./predictiveTrack.ts";
import type { EstimateContext, GroupPosition, WorkGroup } from "./workGroup.ts";

/** Fewest position reports (on at least two days) that make a tracklet a group of its own. */
export const MIN_TRACK_REPORTS = 3;
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

/**
 * Puts a group on another route: its position reports projected anew (those off it dropped). A
 * report with a point that was size-only because it lay off the old route (a report moved in from
 * a group on another branch) becomes a position when it lies on the new one — else a group
 * whose reports all came from another branch would be left without a position.
 */
function reroute(ctx: EstimateContext, g: WorkGroup, routeId: string): void {
  g.routeId = routeId;
  const positions: GroupPosition[] = [];
  const onRoute = new Set<PreparedSighting>();
  for (const s of g.members) {
    if (!s.point) continue;
    const q = ctx.projections.get(s)?.get(routeId);
    if (!q || q.off > ctx.maxOff) continue;
    positions.push({ s, km: q.km, off: q.off });
    onRoute.add(s);
  }
  g.positions = positions.sort((x, y) => x.s.t - y.s.t);
  if (onRoute.size > 0) g.sizeOnly = g.sizeOnly.filter((s) => !onRoute.has(s));
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
  joinByCost(linking);
  joinStrays({ ...linking, fresh: [...fresh, ...born] });
  return born;
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
export const BIRTH_NATS = 55;

/**
 * A position report as the linking sees it: local time, km on every route within `ctx.maxOff`,
 * its log figure (or the middle of its range), whether it names the head or tail (`part`).
 */
export function linkReport(
  ctx: Pick<EstimateContext, "projections" | "maxOff">,
  s: PreparedSighting,
  part: BodyPart | undefined,
): LinkReport {
  const kmByRoute = new Map<string, number>();
  for (const [id, q] of ctx.projections.get(s) ?? [])
    if (q.off <= ctx.maxOff) kmByRoute.set(id, q.km);
  const logSize =
    s.logValue ??
    (s.logLow !== undefined && s.logHigh !== undefined ? (s.logLow + s.logHigh) / 2 : undefined);
  return { t: s.t, kmByRoute, logSize, part: part === "head" || part === "tail" };
}

/** The reports of a group as the linking sees them (linkReport). */
function linkReports(ctx: EstimateContext, g: WorkGroup): LinkReport[] {
  return g.positions.map(({ s }) => linkReport(ctx, s, g.parts?.get(s.id)));
}

/**
 * Gives each report (of `sightings`, index for index) its place-day weight (placeDay.ts) when the
 * model weighs one place a day as one report; else leaves the reports as they are (weight 1).
 */
export function weighPlaceDays(
  reports: readonly LinkReport[],
  sightings: readonly PlacedReport[],
  model: CostModel,
): void {
  if (!model.onePlaceADay) return;
  const w = placeDayWeights(sightings);
  reports.forEach((r, i) => (r.weight = w[i]));
}

/**
 * The cost model of this dataset: the priors of trackCost.ts, outliers uniform over the longest
 * route, one place a day as the run asks (EstimateOptions.onePlaceADay, default false). (Each
 * group fits its own spread about this prior.)
 */
export function costModel(
  ctx: Pick<EstimateContext, "index" | "routeIds" | "onePlaceADay"> &
    Partial<Pick<EstimateContext, "movement" | "predictiveAssociation" | "bodyCharge">>,
): CostModel {
  const base: CostModel = { ...DEFAULT_COST_MODEL, onePlaceADay: ctx.onePlaceADay ?? false };
  if (ctx.predictiveAssociation && ctx.movement) {
    base.predictive = predictiveLaw(
      ctx.movement,
      ctx.predictiveAssociation.spreadKm,
      ctx.predictiveAssociation.spreadsKm,
    );
    base.predictiveAdded = ctx.predictiveAssociation.added ?? false;
    base.partShare = ctx.predictiveAssociation.partShare ?? base.partShare;
    base.sizeSd = ctx.predictiveAssociation.sizeSd ?? base.sizeSd;
    const { daySpanKm, daySpanNats } = ctx.predictiveAssociation;
    if (daySpanKm !== undefined && daySpanNats !== undefined)
      base.daySpan = { km: daySpanKm, nats: daySpanNats };
    base.mergeSizeRatio = ctx.predictiveAssociation.mergeSizeRatio;
  }
  if (ctx.bodyCharge) base.bodyCharge = true;
  const roadKm = Math.max(...ctx.routeIds.map((id) => ctx.index.lengthKm(id)));
  base.roadKm = Number.isFinite(roadKm) && roadKm > 0 ? roadKm : base.roadKm;
  return base;
}

/** Merge-then-reassign rounds of the association search. */
const SEARCH_ROUNDS = 2;

/**
 * Merge-then-reassign rounds of the descent after the split tests (searchPartition): one. The
 * second round there searched every report again (a quarter of the search's CPU at 100 unlabelled
 * groups) and left the development beds' estimates as one round does, byte for byte (47 of 47
 * beds; bench/README.md "speed25 (stop 25)"). The first descent keeps SEARCH_ROUNDS: with one
 * round there the stress development worlds' km error rose (0.711 → 0.730 × naive).
 */
const SPLIT_SEARCH_ROUNDS = 1;

interface Search {
  reports: readonly LinkReport[];
  /** The reports' table (reportTable.ts), made once their weights are set; read by every step. */
  table: ReportTable;
  fixed: readonly boolean[];
  /** The labelled group's route for a list holding its labelled reports. */
  routeOfList: (list: readonly number[]) => readonly string[] | undefined;
  model: CostModel;
  routeIds: readonly string[];
  /** Fits of the groups' states, kept from one search of single reports to the next. */
  cache: FitCache;
  /** Cost (nats) of one more group (BIRTH_NATS unless the run asks otherwise). */
  birth: number;
  /** Moves of single reports re-fit every candidate (reassignReports.ts `exhaustive`). */
  exhaustive: boolean;
  /** The cost model of the merges of whole lists (`model`, or without its predictive reading). */
  mergeModel: CostModel;
  /** Candidates of single reports' moves within reach only (reassignReports.ts `neighbourGate`). */
  neighbourGate: boolean;
}

/** Merges of whole lists (mergeTracklets.ts), then moves of single reports, `rounds` times. */
function descend(search: Search, start: number[][], rounds = SEARCH_ROUNDS): number[][] {
  let lists = start;
  const o = {
    model: search.model,
    routeIds: search.routeIds,
    birth: search.birth,
    maxGapDays: MAX_LINK_GAP_DAYS,
  };
  for (let round = 0; round < rounds; round++) {
    lists = lists.filter((l) => l.length > 0);
    const items: RowItem[] = lists.map((l) => {
      const routes = search.routeOfList(l);
      return { labelled: routes !== undefined, routes, rows: l };
    });
    const clusters = mergeRows(search.table, items, { ...o, model: search.mergeModel });
    lists = clusters.map((c) => c.members.flatMap((k) => lists[k]));
    lists = reassignReports(search.reports, lists, search.fixed, {
      ...o,
      routes: lists.map(search.routeOfList),
      cache: search.cache,
      table: search.table,
      exhaustive: search.exhaustive,
      neighbourGate: search.neighbourGate,
    });
  }
  return lists.filter((l) => l.length > 0);
}

/**
 * The partition of the reports of `all` (lists of indices into the flat list of their position
 * reports) that the search settles on: from the tracklets as they came, merges and moves of
 * single reports (descend), then split tests of every group (splitTrack.ts) and, if any group
 * split, the descent again.
 */
function searchPartition(
  ctx: EstimateContext,
  all: readonly WorkGroup[],
  table: ReportTable,
  owner: readonly number[],
  fixed: readonly boolean[],
  model: CostModel,
): number[][] {
  const routeOfList = (list: readonly number[]): readonly string[] | undefined => {
    const lab = list.map((i) => all[owner[i]]).find((g) => g.labelled);
    return lab ? [lab.routeId] : undefined;
  };
  const reports = table.reports;
  const search: Search = {
    reports,
    table,
    fixed,
    routeOfList,
    model,
    routeIds: ctx.routeIds,
    cache: new Map(),
    birth: ctx.predictiveAssociation?.birthNats ?? BIRTH_NATS,
    exhaustive: ctx.predictiveAssociation?.exhaustive ?? false,
    mergeModel: model,
    neighbourGate: ctx.neighbourGate ?? false,
  };
  // The predictive reading in the moves of single reports only, or in the merges only (the other
  // steps on the forward-only fit).
  const plain: CostModel = { ...model, predictive: undefined, predictiveAdded: undefined };
  if (ctx.predictiveAssociation?.steps === "moves") search.mergeModel = plain;
  if (ctx.predictiveAssociation?.steps === "merges") search.model = plain;
  const given: number[][] = all.map(() => []);
  owner.forEach((g, i) => given[g].push(i));
  let lists = descend(search, given);
  const split: number[][] = [];
  let any = false;
  for (const l of lists) {
    const parts = splitTrack(reports, l, fixed, {
      model: search.mergeModel,
      routes: routeOfList(l) ?? ctx.routeIds,
      routeIds: ctx.routeIds,
      birth: search.birth,
      maxGapDays: MAX_LINK_GAP_DAYS,
      table,
    });
    if (parts) any = true;
    split.push(...(parts ?? [l]));
  }
  if (any) lists = descend(search, split, SPLIT_SEARCH_ROUNDS);
  return lists;
}

/**
 * Joins tracklets that are one group, and moves reports between them, by the global objective
 * of mergeTracklets.ts: forward-only positions and one size per group, a birth penalty per group.
 */
function joinByCost({ ctx, live, merged, describe, born }: Linking): void {
  const all = live();
  const model = costModel(ctx);
  const reports: LinkReport[] = [];
  const owner: number[] = [];
  const sightings: PreparedSighting[] = [];
  all.forEach((g, k) => {
    const list = linkReports(ctx, g);
    list.forEach((r, j) => {
      if (model.bodyCharge && g.labelled) r.labelled = true;
      reports.push(r);
      owner.push(k);
      sightings.push(g.positions[j].s);
    });
  });
  weighPlaceDays(reports, sightings, model);
  // A labelled group's reports stay: its labels, and the unlabelled reports the first pass gave it
  // (they fit its smoothed track, a surer guide than tracklets of the leftovers).
  const fixed = owner.map((k) => all[k].labelled);
  // Nothing to associate (every report labelled or given to a labelled group by the first pass).
  if (fixed.every(Boolean)) return;
  // The table is made here, once the weights are set: every step of the search reads it.
  const lists = searchPartition(ctx, all, new ReportTable(reports), owner, fixed, model);
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
    const ranked = [...counts].sort(
      (a, b) => Number(b[0].labelled) - Number(a[0].labelled) || b[1] - a[1],
    );
    let target = ranked.find(([g]) => !used.has(g))?.[0];
    if (!target)
      target = newGroup(`\u0000split-${targets.length}`, false, all[owner[list[0]]].routeId);
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
  const index = associationsBySighting(ctx);
  for (const g of all) {
    for (const p of [...g.positions]) {
      const t = where.get(p.s);
      if (t && t !== g) {
        moveReport(ctx, p.s, g, t, index);
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
    if (!t.labelled)
      reroute(
        ctx,
        t,
        chooseRoute(
          ctx,
          t.members.filter((s) => s.point),
        ),
      );
    describe(t);
    runKm(ctx, t, { outlierPosteriors: false, coarse: true });
  }
}
