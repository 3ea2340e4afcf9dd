/**
 * What the check needs from an estimate, as a small interface: daily track points with a 90 %
 * interval of the median person's km, and — when the estimator gives them — of the body's head
 * and tail. Reading a track through this interface keeps the check working whether or not the
 * estimator writes head and tail columns.
 */
import type { TrackPoint } from "../model/track.ts";
import type { Km } from "../model/units.ts";
import type { MovementModel } from "../movement/index.ts";
import { trackDayOf } from "../movement/index.ts";
import { isoDateToDay } from "../calendar/index.ts";
import type { BodyPart } from "./reportPart.ts";

/**
 * A track point as the check reads it. `km*` is the median person; `headKm*` / `tailKm*` are read
 * when present and finite, else a head or tail report is predicted from the median's interval.
 * `*Low`/`*High` bound 90 % intervals.
 */
export type BodyTrackPoint = Pick<
  TrackPoint,
  | "group"
  | "date"
  | "routeId"
  | "km"
  | "kmLow"
  | "kmHigh"
  | "size"
  | "sizeLow"
  | "sizeHigh"
  | "headKm"
  | "headKmLow"
  | "headKmHigh"
  | "tailKm"
  | "tailKmLow"
  | "tailKmHigh"
>;

/** A quantity's estimate with its 90 % interval (`low ≤ mid ≤ high`). */
export interface Interval90 {
  mid: number;
  low: number;
  high: number;
}

/** The km interval of a body part on a track point (the median person's when the part is absent). */
export function partInterval(point: BodyTrackPoint, part: BodyPart): Interval90 {
  if (part === "head" && allFinite(point.headKm, point.headKmLow, point.headKmHigh)) {
    return ordered(point.headKm as Km, point.headKmLow as Km, point.headKmHigh as Km);
  }
  if (part === "tail" && allFinite(point.tailKm, point.tailKmLow, point.tailKmHigh)) {
    return ordered(point.tailKm as Km, point.tailKmLow as Km, point.tailKmHigh as Km);
  }
  return ordered(point.km, point.kmLow, point.kmHigh);
}

/** The log-size interval of a track point, or `undefined` when the group has no size. */
export function logSizeInterval(point: BodyTrackPoint): Interval90 | undefined {
  if (!(point.size > 0 && point.sizeLow > 0 && point.sizeHigh > 0)) return undefined;
  return ordered(Math.log(point.size), Math.log(point.sizeLow), Math.log(point.sizeHigh));
}

/** One group's track, sorted by day, with the local day number of each point (12:00 = day + 0.5). */
export interface GroupTrack {
  group: string;
  routeId: string;
  points: BodyTrackPoint[];
  days: number[];
}

/** Splits track points by group, each sorted by date. */
export function groupTracks(points: readonly BodyTrackPoint[]): Map<string, GroupTrack> {
  const out = new Map<string, GroupTrack>();
  for (const p of points) {
    let track = out.get(p.group);
    if (!track)
      out.set(p.group, (track = { group: p.group, routeId: p.routeId, points: [], days: [] }));
    track.points.push(p);
  }
  for (const track of out.values()) {
    track.points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    track.days = track.points.map((p) => isoDateToDay(p.date) ?? NaN);
  }
  return out;
}

/**
 * A quantity of a group at local time `t` (local days): linear between the two daily points
 * around it; outside the track's span, the nearest end moved by the movement model (mean move per
 * day forward in time, backward before the start; the spread of the moves added to the interval).
 * `extrapolate` is undefined for quantities that do not move with the group (sizes).
 */
export function intervalAt(
  track: GroupTrack,
  t: number,
  read: (p: BodyTrackPoint) => Interval90 | undefined,
  extrapolate?: { movement: MovementModel; maxKm: Km },
): Interval90 | undefined {
  // The track's day D is its noon; the report's hour is read by the movement model's within-day
  // timing, as the estimator reads it (src/movement/withinDay.ts).
  const x = trackDayOf(t);
  const { days, points } = track;
  const n = points.length;
  if (n === 0) return undefined;
  if (x <= days[0] || x >= days[n - 1]) {
    const end = x <= days[0] ? 0 : n - 1;
    const at = read(points[end]);
    if (!at || !extrapolate) return at;
    return moved(at, x - days[end], extrapolate.movement, extrapolate.maxKm);
  }
  let k = 1;
  while (days[k] < x) k++;
  const a = read(points[k - 1]);
  const b = read(points[k]);
  if (!a || !b) return a ?? b;
  const w = (x - days[k - 1]) / (days[k] - days[k - 1]);
  const mix = (u: number, v: number): number => u + w * (v - u);
  return { mid: mix(a.mid, b.mid), low: mix(a.low, b.low), high: mix(a.high, b.high) };
}

/** Mean and variance of one day's move (km) under a movement model. */
export function dailyMove(movement: MovementModel): { mean: Km; variance: number } {
  const { rest, walk, ride } = movement.regimes;
  const total = rest + walk + ride;
  const walkSecond = movement.walkKm.mean ** 2 + movement.walkKm.sd ** 2;
  const { min, max } = movement.rideKm;
  const pLong = movement.longRideProb;
  // Uniform moments: mean (a + b) / 2, second moment (a² + ab + b²) / 3.
  const rideMean = (1 - pLong) * ((min + max) / 2) + pLong * ((max + movement.longRideMaxKm) / 2);
  const rideSecond =
    (1 - pLong) * ((min * min + min * max + max * max) / 3) +
    pLong * ((max * max + max * movement.longRideMaxKm + movement.longRideMaxKm ** 2) / 3);
  const mean = (walk * movement.walkKm.mean + ride * rideMean) / total;
  const second = (walk * walkSecond + ride * rideSecond) / total;
  return { mean, variance: Math.max(0, second - mean * mean) };
}

const Z90 = 1.6448536269514722;

function moved(at: Interval90, dt: number, movement: MovementModel, maxKm: Km): Interval90 {
  const { mean, variance } = dailyMove(movement);
  const days = Math.abs(dt);
  const mid = Math.min(maxKm, Math.max(0, at.mid + Math.sign(dt) * mean * days));
  const spread = Z90 * Math.sqrt(variance * days);
  const low = mid - Math.hypot(at.mid - at.low, spread);
  const high = mid + Math.hypot(at.high - at.mid, spread);
  return { mid, low, high };
}

function allFinite(...xs: (number | undefined)[]): boolean {
  return xs.every((x) => x !== undefined && Number.isFinite(x));
}

function ordered(mid: number, low: number, high: number): Interval90 {
  return { mid, low: Math.min(low, mid), high: Math.max(high, mid) };
}
