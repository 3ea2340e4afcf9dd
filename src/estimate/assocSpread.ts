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
 * Each positioned report not named by a label is read against every track alive on its day: its
 * chance of being track V's is V's predictive density at the report (normal about V's median, sd
 * √(sd_V² + spread_V² + REPORT_SD_KM²), spread_V the fitted half-spread of V's body that day) over
 * the sum over tracks. Where a report given to one track has at least RIVAL_SHARE chance of being
 * another track T's, and T is not labelled, T's 90 % interval on the report's day and the days
 * within REACH_DAYS of it is stretched to hold the report's km on T's route. Where reports are
 * near-tied the two tracks may also have swapped groups: each one's intervals within SWAP_DAYS of
 * the contested report's day are stretched to hold the other's median person (on one route). The
 * head and tail intervals are stretched by the same shift of the body. Intervals are only ever
 * widened; labelled groups' tracks are never touched.
 */
import type { Km } from "../model/units.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";
import { Z90 } from "../util/normal.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/**
 * A report whose chance of being another track's is at least this reaches that track: a
 * component of a mixture with 5 % of the mass or more moves the ends of its 90 % interval.
 */
export const RIVAL_SHARE = 0.05;
/** Days on either side of a contested report's day whose intervals it reaches. */
export const REACH_DAYS = 1;
/** Sd (km) of a report about its group's median person beyond the body's spread (place snapping). */
export const REPORT_SD_KM = 15;

/** What the association spread did: contested reports and stretched track-days. */
export interface AssociationSpread {
  /** Reports with a rival track (at least RIVAL_SHARE chance of being another track's). */
  contestedReports: number;
  /** Track-days whose median-person interval was stretched. */
  widenedDays: number;
}

/** One track's day-by-day predictive for a report: median and sd (km), or undefined off its days. */
interface Predictive {
  g: WorkGroup;
  at: (day: number) => { median: Km; sd: Km } | undefined;
}

function predictive(g: WorkGroup): Predictive {
  const days = g.km?.days ?? [];
  return {
    g,
    at: (day) => {
      const d = days[day - g.day0];
      if (!d) return undefined;
      const spread = g.spreadByDay?.get(day) ?? 0;
      const sd = Math.sqrt(d.sd * d.sd + spread * spread + REPORT_SD_KM * REPORT_SD_KM);
      return { median: d.median, sd };
    },
  };
}

/** For each track and local day: the km its interval must hold. */
type Reach = Map<WorkGroup, Map<number, Km[]>>;

/** The km `g`'s interval on local day `day` must hold (created empty). */
function dayReach(reach: Reach, g: WorkGroup, day: number): Km[] {
  const byDay = reach.get(g) ?? new Map<number, Km[]>();
  reach.set(g, byDay);
  const kms = byDay.get(day) ?? [];
  byDay.set(day, kms);
  return kms;
}

/** For each track, the km each of its days' intervals must hold, from the contested reports. */
function contestedKm(
  ctx: EstimateContext,
  tracked: readonly WorkGroup[],
): { reach: Reach; contested: number } {
  const preds = tracked.map(predictive);
  const reach: Reach = new Map();
  let contested = 0;
  for (const owner of tracked) {
    for (const p of owner.positions) {
      if (p.s.label) continue;
      const day = Math.floor(p.s.t);
      const dens: { g: WorkGroup; km: Km; f: number }[] = [];
      for (const v of preds) {
        const at = v.at(day);
        const km = v.g === owner ? p.km : ctx.projections.get(p.s)?.get(v.g.routeId)?.km;
        const off = ctx.projections.get(p.s)?.get(v.g.routeId)?.off ?? 0;
        if (!at || km === undefined || (v.g !== owner && off > ctx.maxOff)) continue;
        const z = (km - at.median) / at.sd;
        dens.push({ g: v.g, km, f: Math.exp(-0.5 * z * z) / at.sd });
      }
      const total = dens.reduce((a, d) => a + d.f, 0);
      if (!(total > 0)) continue;
      let rival = false;
      for (const d of dens) {
        if (d.g === owner || d.g.labelled || d.f / total < RIVAL_SHARE) continue;
        rival = true;
        for (let k = day - REACH_DAYS; k <= day + REACH_DAYS; k++)
          dayReach(reach, d.g, k).push(d.km);
        // The two tracks may have swapped groups here: for SWAP_DAYS on either side, each may
        // stand where the other is.
        swapWith(d.g, owner, day, reach);
        swapWith(owner, d.g, day, reach);
      }
      if (rival) contested++;
    }
  }
  return { reach, contested };
}

/**
 * Days on either side of a contested report on which the two tracks may stand for each other's
 * group (a swap of groups where their reports were near-tied). Chosen on development worlds
 * (bench/intervalMisses.ts, seeds 201–224 of world3, 201–216 of stress and simulate.ts, unlabelled):
 * 0 days left world3 at 75 %, 7 days gave 93–95 % on all three; 3 days 89–92 %.
 */
export const SWAP_DAYS = 3;

/** `g`'s days within SWAP_DAYS of `day` must hold `other`'s median person (same route). */
function swapWith(g: WorkGroup, other: WorkGroup, day: number, reach: Reach): void {
  if (g.labelled || other.routeId !== g.routeId) return;
  const days = other.km?.days ?? [];
  for (let k = day - SWAP_DAYS; k <= day + SWAP_DAYS; k++) {
    const d = days[k - other.day0];
    if (!d || k < g.day0 || k >= g.day0 + g.nDays) continue;
    dayReach(reach, g, k).push(d.median);
  }
}

/** A day's interval stretched to hold `lo`…`hi` (km), kept on the route; sd grown alike. */
function stretch(d: KmDayEstimate, lo: Km, hi: Km, routeLength: Km): KmDayEstimate {
  const low = Math.max(0, Math.min(d.low, lo));
  const high = Math.min(Math.max(routeLength, d.high), Math.max(d.high, hi));
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
  const { reach, contested } = contestedKm(ctx, tracked);
  let widenedDays = 0;
  for (const [g, byDay] of reach) {
    if (!g.km) continue;
    const length = ctx.index.lengthKm(g.routeId);
    const days = g.km.days.map((d, k) => {
      const kms = byDay.get(g.day0 + k);
      if (!kms || kms.length === 0) return d;
      const out = stretch(d, Math.min(...kms), Math.max(...kms), length);
      if (out !== d) widenedDays++;
      // The head and tail move with the body: shifted by as much as the median's reach.
      const down = d.median - Math.min(d.median, ...kms);
      const up = Math.max(d.median, ...kms) - d.median;
      for (const end of [g.head, g.tail]) {
        const e = end?.[k];
        if (e && end) end[k] = stretch(e, e.median - down, e.median + up, length);
      }
      return out;
    });
    g.km = { ...g.km, days };
  }
  return { contestedReports: contested, widenedDays };
}
