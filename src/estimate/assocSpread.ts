/**
 * Association spread: the km intervals of tracks built from unlabelled reports carry the doubt of
 * which reports are theirs. Run after the self-calibration (calibrate.ts), on the final tracks.
 *
 * The smoothers' intervals are conditional on the association: they say where the group is if the
 * reports given to its track are its own. Where reports carry no group label, a report near two
 * tracks could be either's, and a track may sit on the wrong group's reports for some days (on the
 * development worlds of bench/intervalMisses.ts, world3 unlabelled: days whose track's reports are
 * mostly another group's are covered 45 % of the time, misses lying a median 4.6 half-widths out).
 *
 * Each positioned report not named by a label, read by the smoother as a report of the body and
 * not as an outlier (posterior outlier probability ≤ OUTLIER_SKIP), is read against every track
 * alive on its day: its chance of being track V's is V's predictive density at the report (normal
 * about V's median, sd √(sd_V² + spread_V² + REPORT_SD_KM²)) over the sum over tracks. spread_V is
 * the body's half-spread that day (positions.ts bodyHalfKm: the fitted 80th percentile of the
 * reports' distances from the median person, else the prior spread for the group's size), used as
 * an sd: it is about 1.28 sd of a normal body, so the predictive is a little wide, never narrow.
 * Reports of the head or tail are left out: they lie ahead or behind their own median person by
 * design and would read as another track's. Where a report given to one track has at least
 * RIVAL_SHARE chance of being another track T's, lies within RIVAL_Z sd of T's median, and T is
 * not labelled, T's median person's 90 % interval on the report's day and the days within
 * REACH_DAYS of it is stretched to hold the report's km on T's route. Where reports are near-tied
 * the two tracks may also have swapped groups: each one's intervals within SWAP_DAYS of the
 * contested report's day are stretched to hold the other's median person (on its own route, or
 * projected onto it where the two routes share road). The head's and tail's intervals are then
 * widened by as much as the median person's on each side (low end down by as much as its low end
 * moved, high end up by as much as its high end), so the head keeps its reach beyond the median
 * person's interval (docs/contracts.md, `unseenHeadReachKm`). A swap is of groups, so it holds
 * sizes too: within SIZE_SWAP_DAYS of the report each track's size interval is stretched to
 * hold the other's median size (sizeSwap). Intervals are only ever widened; labelled groups'
 * tracks are never touched.
 */
import type { Km } from "../model/units.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";
import type { SizeDayEstimate } from "./sizeSmoother.ts";
import { Z90 } from "../util/normal.ts";
import { holdingKm } from "./kmDay.ts";
import { bodyHalfKm, partOf } from "./positions.ts";
import type { EstimateContext, GroupPosition, WorkGroup } from "./workGroup.ts";

/**
 * A report whose chance of being another track's is at least this reaches that track: a
 * component of a mixture with 5 % of the mass or more moves the ends of its 90 % interval.
 */
export const RIVAL_SHARE = 0.05;
/** Days on either side of a contested report's day whose intervals it reaches. */
export const REACH_DAYS = 1;
/** Sd (km) of a report about its group's median person beyond the body's spread (place snapping). */
export const REPORT_SD_KM = 15;
/**
 * A report the smoother read as an outlier with more than this posterior probability contests
 * nothing: it is no group's, and would otherwise stretch the nearest other track by any distance.
 */
export const OUTLIER_SKIP = 0.5;
/** A rival track is one within this many predictive sd of the report (a normal's 99.7 %). */
export const RIVAL_Z = 3;

/** What the association spread did: contested reports and stretched track-days. */
export interface AssociationSpread {
  /**
   * Reports naming no group with a rival: another track built without labels with at least
   * RIVAL_SHARE chance of being theirs.
   */
  contestedReports: number;
  /** Track-days whose median person's km interval was stretched (head- or tail-only not counted). */
  widenedDays: number;
}

/** One track's predictive for a report, by day of the track: median and sd (km). */
interface Predictive {
  g: WorkGroup;
  index: number;
  median: Float64Array;
  sd: Float64Array;
}

function predictive(g: WorkGroup, index: number): Predictive {
  const days = g.km?.days ?? [];
  const median = new Float64Array(days.length);
  const sd = new Float64Array(days.length);
  days.forEach((d, k) => {
    const spread = bodyHalfKm(g, g.day0 + k + 0.5);
    median[k] = d.median;
    sd[k] = Math.sqrt(d.sd * d.sd + spread * spread + REPORT_SD_KM * REPORT_SD_KM);
  });
  return { g, index, median, sd };
}

/** The tracks alive on each local day. */
function aliveByDay(preds: readonly Predictive[]): Map<number, Predictive[]> {
  const out = new Map<number, Predictive[]>();
  for (const v of preds)
    for (let k = 0; k < v.median.length; k++) {
      const list = out.get(v.g.day0 + k);
      if (list) list.push(v);
      else out.set(v.g.day0 + k, [v]);
    }
  return out;
}

/**
 * For each track and local day: the least and greatest value its interval must hold (km for the
 * median person's interval, people for the size's).
 */
type Reach = Map<WorkGroup, Map<number, { lo: number; hi: number }>>;

/** `g`'s interval on local day `day` must hold `km` (or, in a size reach, that many people). */
function hold(reach: Reach, g: WorkGroup, day: number, km: number): void {
  const byDay = reach.get(g) ?? new Map<number, { lo: number; hi: number }>();
  reach.set(g, byDay);
  const r = byDay.get(day);
  if (r) [r.lo, r.hi] = [Math.min(r.lo, km), Math.max(r.hi, km)];
  else byDay.set(day, { lo: km, hi: km });
}

/** Each track's position reports the smoother read as outliers (posterior > OUTLIER_SKIP). */
function outlierReports(ctx: EstimateContext, tracked: readonly WorkGroup[]): Set<string> {
  const names = new Set(tracked.map((g) => g.name));
  const out = new Set<string>();
  for (const a of ctx.associations ?? [])
    if (names.has(a.group) && (a.outlierProb ?? 0) > OUTLIER_SKIP)
      out.add(`${a.sightingId}\u0000${a.group}`);
  return out;
}

/** Whether `p`, a report of `g`, is read against the tracks alive on its day (module comment). */
function readable(g: WorkGroup, p: GroupPosition, outliers: Set<string>): boolean {
  if (p.s.label || outliers.has(`${p.s.id}\u0000${g.name}`)) return false;
  const part = partOf(g, p);
  return part === "body" || part === "partial";
}

/**
 * Each position report not named by a label, read against the tracks alive on its day: the chance
 * of being each one's (module comment). `onRival` hears of every other track, not labelled, with
 * at least RIVAL_SHARE and within RIVAL_Z sd, with the report's km on that track's route.
 */
function eachRival(
  ctx: EstimateContext,
  tracked: readonly WorkGroup[],
  onRival: (owner: Predictive, rival: Predictive, day: number, km: Km) => void,
): number {
  const preds = tracked.map(predictive);
  const alive = aliveByDay(preds);
  const outliers = outlierReports(ctx, tracked);
  let contested = 0;
  for (const owner of preds) {
    for (const p of owner.g.positions) {
      if (!readable(owner.g, p, outliers)) continue;
      const day = Math.floor(p.s.t);
      const proj = ctx.projections.get(p.s);
      const dens: { v: Predictive; km: Km; f: number; z: number }[] = [];
      let total = 0;
      for (const v of alive.get(day) ?? []) {
        const on = v === owner ? { km: p.km, off: 0 } : proj?.get(v.g.routeId);
        if (!on || on.off > ctx.maxOff) continue;
        const k = day - v.g.day0;
        const z = (on.km - v.median[k]) / v.sd[k];
        const f = Math.exp(-0.5 * z * z) / v.sd[k];
        total += f;
        dens.push({ v, km: on.km, f, z });
      }
      if (!(total > 0)) continue;
      let rival = false;
      for (const d of dens) {
        if (d.v === owner || d.v.g.labelled || Math.abs(d.z) > RIVAL_Z) continue;
        if (!(d.f >= RIVAL_SHARE * total)) continue;
        rival = true;
        onRival(owner, d.v, day, d.km);
      }
      if (rival) contested++;
    }
  }
  return contested;
}

/** For each track, the km each of its days' intervals must hold, from the contested reports. */
function contestedKm(
  ctx: EstimateContext,
  tracked: readonly WorkGroup[],
): { reach: Reach; sizeReach: Reach; contested: number } {
  const reach: Reach = new Map();
  const sizeReach: Reach = new Map();
  const swapped = new Set<string>();
  const contested = eachRival(ctx, tracked, (owner, rival, day, km) => {
    for (let k = day - REACH_DAYS; k <= day + REACH_DAYS; k++) hold(reach, rival.g, k, km);
    // The two tracks may have swapped groups here: for SWAP_DAYS on either side, each may stand
    // where the other is (once per unordered pair and day: A's report contested by B and B's by
    // A make the same swap).
    const [i, j] =
      owner.index < rival.index ? [owner.index, rival.index] : [rival.index, owner.index];
    const key = `${i}|${j}|${day}`;
    if (swapped.has(key)) return;
    swapped.add(key);
    swapWith(ctx, rival.g, owner.g, day, reach);
    swapWith(ctx, owner.g, rival.g, day, reach);
    sizeSwap(rival.g, owner.g, day, sizeReach);
    sizeSwap(owner.g, rival.g, day, sizeReach);
  });
  return { reach, sizeReach, contested };
}

/**
 * Days on either side of a contested report on which the two tracks may stand for each other's
 * group (a swap of groups where their reports were near-tied). Chosen on development worlds
 * (bench/intervalMisses.ts, seeds 201–224 of world3, 201–216 of stress and simulate.ts, unlabelled):
 * 0 days left world3 at 75 %, 7 days gave 93–95 % on all three; 3 days 89–92 %.
 */
export const SWAP_DAYS = 3;

/**
 * `g`'s days within SWAP_DAYS of `day` must hold `other`'s median person: on `g`'s route, where
 * the two routes differ, the nearest point of it within ctx.maxOff (routes sharing a stretch,
 * such as 2018's branches); no hold on a day `other` stands off `g`'s route.
 */
function swapWith(
  ctx: EstimateContext,
  g: WorkGroup,
  other: WorkGroup,
  day: number,
  reach: Reach,
): void {
  if (g.labelled) return;
  const days = other.km?.days ?? [];
  for (let k = day - SWAP_DAYS; k <= day + SWAP_DAYS; k++) {
    const d = days[k - other.day0];
    if (!d || k < g.day0 || k >= g.day0 + g.nDays) continue;
    const km = other.routeId === g.routeId ? d.median : onRoute(ctx, other.routeId, d.median, g);
    if (km !== undefined) hold(reach, g, k, km);
  }
}

/**
 * Days on either side of a contested report on which the two tracks' size intervals hold each
 * other's median size. Chosen on development worlds (bench/stress.bench.ts 16 worlds and
 * bench/world3.bench.ts 12 + 12, offsets 200 and 300; unlabelled size cover, main 81.4 % stress,
 * 83.0 % simulate.ts): 0 days 82.6 / 88.7 %, 1 day 84.1 / 91.5 %, 3 days (the km swap's) 84.9 /
 * 93.0 % with the widest intervals, simulate.ts's pooled cover then over 93 %.
 */
export const SIZE_SWAP_DAYS = 1;

/**
 * `g`'s size on the days within SIZE_SWAP_DAYS of `day` must hold `other`'s median size (people):
 * if the two swapped groups, `g`'s track counts the other's people on those days. Labelled tracks
 * hold nothing.
 */
function sizeSwap(g: WorkGroup, other: WorkGroup, day: number, sizeReach: Reach): void {
  if (g.labelled || !g.size || !other.size) return;
  for (let k = day - SIZE_SWAP_DAYS; k <= day + SIZE_SWAP_DAYS; k++) {
    const d = other.size[k - other.day0];
    if (d && g.size[k - g.day0]) hold(sizeReach, g, k, d.median);
  }
}

/**
 * Each track's size days stretched to hold its size reach: the 90 % interval's ends move out to
 * hold the people, the log sd grows to the interval's half-width over Z90; median and log mean
 * kept.
 */
function stretchSizes(sizeReach: Reach): void {
  for (const [g, byDay] of sizeReach) {
    if (!g.size) continue;
    g.size = g.size.map((d: SizeDayEstimate, k): SizeDayEstimate => {
      const r = byDay.get(g.day0 + k);
      if (!r || (r.lo >= d.low && r.hi <= d.high)) return d;
      const [low, high] = [Math.min(d.low, r.lo), Math.max(d.high, r.hi)];
      const logSd = Math.max(d.logSd, Math.log(high / low) / (2 * Z90));
      return { ...d, low, high, logSd };
    });
  }
}

/** km `km` of route `routeId` as a km of `g`'s route, when within ctx.maxOff of it. */
function onRoute(ctx: EstimateContext, routeId: string, km: Km, g: WorkGroup): Km | undefined {
  const point = ctx.index.along(routeId, km);
  return ctx.index.project(point, { routeId: g.routeId, maxDistanceKm: ctx.maxOff })?.km;
}

/** A day's interval stretched to hold `lo`…`hi` (km), kept on the route; sd grown alike. */
function stretch(d: KmDayEstimate, lo: Km, hi: Km, routeLength: Km): KmDayEstimate {
  const { low, high } = holdingKm(d, lo, hi, routeLength);
  if (low >= d.low && high <= d.high) return d;
  const sd = Math.max(d.sd, (high - low) / (2 * Z90));
  return { ...d, low, high, sd };
}

/**
 * Stretches the intervals of tracks built without labels to hold the reports that could be
 * theirs (module comment). Returns what it did, for report.json.
 */
export function spreadAssociation(
  ctx: EstimateContext,
  tracked: readonly WorkGroup[],
): AssociationSpread {
  if (!tracked.some((g) => !g.labelled)) return { contestedReports: 0, widenedDays: 0 };
  const { reach, sizeReach, contested } = contestedKm(ctx, tracked);
  stretchSizes(sizeReach);
  let widenedDays = 0;
  for (const [g, byDay] of reach) {
    if (!g.km) continue;
    const length = ctx.index.lengthKm(g.routeId);
    const days = [...g.km.days];
    const head = g.head ? [...g.head] : undefined;
    const tail = g.tail ? [...g.tail] : undefined;
    for (let k = 0; k < days.length; k++) {
      const r = byDay.get(g.day0 + k);
      const d = days[k];
      if (!r) continue;
      const out = stretch(d, r.lo, r.hi, length);
      if (out === d) continue;
      days[k] = out;
      widenedDays++;
      // The head's and tail's ends move by as much as the median person's did, so the head keeps
      // its reach beyond the median person's interval (the tail its reach behind).
      const [down, up] = [d.low - out.low, out.high - d.high];
      for (const end of [head, tail]) {
        const e = end?.[k];
        if (end && e) end[k] = stretch(e, e.low - down, e.high + up, length);
      }
    }
    g.km = { ...g.km, days };
    g.head = head;
    g.tail = tail;
  }
  return { contestedReports: contested, widenedDays };
}
