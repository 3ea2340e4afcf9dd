/**
 * How long a group has stayed at its place, and how long stays last (issue 14): a stay's length
 * with duration dependence (semi-Markov) — the chance to leave on a day falls with the days
 * already stayed when stays of a few days mix with shelter stays of weeks. The stay lengths are
 * fitted on the data's own estimated tracks (Kaplan–Meier over runs of days without a move, the
 * stay still going on at a track's end counting as censored), never on a simulator's settings.
 */
import type { Km } from "../model/units.ts";
import type { TrackPoint } from "../model/track.ts";
import type { ReportKm } from "./lastTwoReports.ts";

/** A day whose median person moves less than this is a day stayed (km; walking days are ~20–60 km). */
export const STAY_MOVE_KM = 15;
/** Reports within this of the place count as at the place (km; a town and its shelters). */
export const STAY_RADIUS_KM = 15;

/**
 * Stay lengths as a survival curve: `survival[d]` = P(a stay lasts more than d days), d = 0…;
 * `survival[0]` = 1. Past the end the curve falls with the last fitted daily hazard `tailHazard`.
 */
export interface StayLaw {
  survival: number[];
  tailHazard: number;
  /** Stays (complete and censored) the curve was fitted on. */
  stays: number;
}

/** P(a stay lasts more than `d` days) under `law`. */
export function staySurvival(law: StayLaw, d: number): number {
  const n = law.survival.length - 1;
  if (d <= n) return law.survival[Math.max(0, d)]!;
  return law.survival[n]! * Math.pow(1 - law.tailHazard, d - n);
}

/** The stays in one group's track (days, in order): runs of days moving < {@link STAY_MOVE_KM}. */
function staysOfTrack(
  track: readonly TrackPoint[],
  moveKm: Km,
): { days: number; censored: boolean }[] {
  const out: { days: number; censored: boolean }[] = [];
  let run = 0;
  for (let i = 1; i < track.length; i++) {
    if (track[i]!.km - track[i - 1]!.km < moveKm) run++;
    else if (run > 0) {
      out.push({ days: run, censored: false });
      run = 0;
    }
  }
  if (run > 0) out.push({ days: run, censored: true });
  return out;
}

/**
 * Kaplan–Meier stay lengths from every group's estimated track (tracks of all groups, any
 * order). A stay that has not ended by its track's end is censored. Days past the longest
 * observed stay follow the mean daily hazard of the curve's last week; with a small sample
 * (`prior` pseudo-stays, default 5) the curve is pulled toward a geometric one with the pooled
 * daily hazard, so a handful of stays does not make every stay end on one day.
 * @example
 * fitStayLaw(estimate.tracks).survival[3]; // => P(stay > 3 days)
 */
export function fitStayLaw(
  tracks: readonly TrackPoint[],
  prior = 5,
  moveKm: Km = STAY_MOVE_KM,
): StayLaw {
  const byGroup = new Map<string, TrackPoint[]>();
  for (const t of tracks) {
    const a = byGroup.get(t.group);
    if (a) a.push(t);
    else byGroup.set(t.group, [t]);
  }
  const stays = [...byGroup.values()].flatMap((g) =>
    staysOfTrack(
      g.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      moveKm,
    ),
  );
  const maxDays = Math.max(1, ...stays.map((s) => s.days));
  // Pooled daily hazard: ends / days at risk.
  const ended = stays.filter((s) => !s.censored).length;
  const atRiskDays = stays.reduce((a, s) => a + s.days, 0);
  const h0 = Math.min(0.9, Math.max(0.02, (ended + 0.5) / (atRiskDays + 1)));
  const survival = [1];
  let s = 1;
  for (let d = 1; d <= maxDays; d++) {
    const atRisk = stays.filter((x) => x.days >= d).length;
    const ends = stays.filter((x) => x.days === d && !x.censored).length;
    const h = (ends + prior * h0) / (atRisk + prior);
    s *= 1 - h;
    survival.push(s);
  }
  const week = Math.min(7, maxDays);
  const tailHazard = 1 - Math.pow(survival[maxDays]! / survival[maxDays - week]!, 1 / week);
  return { survival, tailHazard: Math.min(0.9, Math.max(0.02, tailHazard)), stays: stays.length };
}

/**
 * Whole days the group has stayed at its place by `lastDay` (local day number), 0 when it moved
 * into `lastDay` or the data do not show a stay. The place is where its latest reports put it;
 * the stay began on the earliest report day from which every later report is within
 * {@link STAY_RADIUS_KM} of it — provided the estimated track's `lastDay` km is there too. The
 * track's own count (the days at its end without a move of {@link STAY_MOVE_KM}) is the floor:
 * the reports of a staying body are spread over its parts, so they often do not agree on a place.
 */
export function stayedDays(
  reports: readonly ReportKm[],
  track: readonly TrackPoint[],
  lastDay: number,
  lastKm: Km,
  moveKm: Km = STAY_MOVE_KM,
): number {
  const fromTrack = trailingStay(track, moveKm);
  if (reports.length === 0) return fromTrack;
  const place = reports.at(-1)!.km;
  if (Math.abs(lastKm - place) > STAY_RADIUS_KM) return fromTrack;
  let first = Math.floor(reports.at(-1)!.t);
  for (let i = reports.length - 1; i >= 0; i--) {
    if (Math.abs(reports[i]!.km - place) > STAY_RADIUS_KM) break;
    first = Math.floor(reports[i]!.t);
  }
  const fromReports = Math.max(0, lastDay - first);
  return Math.max(fromReports, fromTrack);
}

/** Days at the end of a group's track (in date order) without a move of {@link STAY_MOVE_KM}. */
function trailingStay(track: readonly TrackPoint[], moveKm: Km): number {
  let n = 0;
  for (let i = track.length - 1; i > 0; i--) {
    if (track[i]!.km - track[i - 1]!.km >= moveKm) break;
    n++;
  }
  return n;
}

/**
 * Draws how many more days a stay of `stayed` days so far goes on (0 = it ends today), from the
 * stay law conditioned on lasting more than `stayed` days; `u` ∈ [0, 1). Capped at `maxDays`.
 */
export function remainingStay(law: StayLaw, stayed: number, u: number, maxDays: number): number {
  // Condition on L ≥ stayed (L = the stay's length in days); the remaining days R = L − stayed
  // are the smallest j with P(R > j) = S(stayed + j) / S(stayed − 1) ≤ u.
  const s0 = staySurvival(law, stayed - 1);
  if (s0 <= 0) return 0;
  for (let j = 0; j < maxDays; j++) if (staySurvival(law, stayed + j) / s0 <= u) return j;
  return maxDays;
}
