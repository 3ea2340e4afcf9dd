/**
 * Movement "like 2018": stops where the track stays at a place, the rest/walk/ride regimes of the
 * day-to-day moves on each stretch (start → border → pivot → end), and, when the track ends
 * before the destination, the stretch after the pivot fitted to the destination's timing.
 */
import { strictDayNumber } from "../calendar/index.ts";
import type { TrackPoint } from "../model/track.ts";
import type { CalibrationFit } from "./calibrate.ts";
import { proportion, rideMatchingSpeed, spread } from "./calibrateMath.ts";
import type { Replay } from "./calibrateReplay.ts";
import type { Movement, Stop } from "./types.ts";

/** Where the track stopped. */
export interface StopFit {
  /** Indices of the points at a stop. */
  atStop: Set<number>;
  fitStops: CalibrationFit["stops"];
  stops: Stop[];
  /** Place index → last point index of its stop. */
  stopEnd: Map<number, number>;
}

/** The place a day of the track is at: its 90 % interval (< 250 km) holds it, ± 10 km. */
function placeOfDay(replay: Replay, p: TrackPoint): number | undefined {
  if (!(p.kmHigh - p.kmLow < 250)) return undefined;
  let best: number | undefined;
  let gap = Infinity;
  for (const stop of replay.route.stops) {
    if (stop.km < p.kmLow - 10 || stop.km > p.kmHigh + 10) continue;
    const d = Math.abs(stop.km - p.km);
    if (d < gap) {
      gap = d;
      best = stop.place;
    }
  }
  return best;
}

/**
 * Stops: the track stays at one place for ≥ `minStopDays` days. A day is at a place when the
 * track's 90 % interval (narrower than 250 km) holds the place, give or take 10 km — the nearest
 * such place to the estimate. The interval, not the estimate: a smoother's estimate drifts ahead
 * while a group waits, and a group walking past a place is near it on the day before and the day
 * after without its interval holding it for 3 days.
 */
export function findStops(replay: Replay, minStopDays: number): StopFit {
  const { points, corridor } = replay;
  const at = points.map((p) => placeOfDay(replay, p));
  const fit: StopFit = { atStop: new Set(), fitStops: [], stops: [], stopEnd: new Map() };
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && at[j + 1] === at[i]) j++;
    const length = j - i + 1;
    if (at[i] !== undefined && length >= minStopDays) {
      for (let k = i; k <= j; k++) fit.atStop.add(k);
      const name = corridor.places[at[i]!]!.name;
      fit.fitStops.push({ place: name, days: length, from: points[i]!.date });
      fit.stops.push({ place: name, days: { min: Math.max(1, length - 1), max: length } });
      fit.stopEnd.set(at[i]!, j);
    }
    i = j + 1;
  }
  return fit;
}

/** A place where the movement changes, at its km on the route. */
export interface Cut {
  place: number;
  km: number;
}

/** The border and the pivot on the route, by km (those on it). */
export function stretchCuts(replay: Replay, border: string, pivot: string): Cut[] {
  return [replay.indexOfName(border), replay.indexOfName(pivot)]
    .map((place) => ({ place, km: replay.kmOfPlace(place) }))
    .filter((c): c is Cut => c.km !== undefined && c.place !== undefined)
    .sort((x, y) => x.km - y.km);
}

/** Day counts and moves of one stretch. */
export interface Tally {
  rest: number;
  walk: number;
  ride: number;
  walkKm: number[];
  rideKm: number[];
  /** Sum of the day's moves (km, rest days included), for the stretch's mean speed. */
  km: number;
}

/** Classifies each day-to-day move (days at stops left out) on the stretch it starts in. */
export function tallyStretches(
  replay: Replay,
  cuts: Cut[],
  atStop: Set<number>,
  restBelow: number,
  rideAbove: number,
): Tally[] {
  const { points } = replay;
  const tallies: Tally[] = [0, ...cuts].map(() => ({
    rest: 0,
    walk: 0,
    ride: 0,
    walkKm: [],
    rideKm: [],
    km: 0,
  }));
  for (let i = 1; i < points.length; i++) {
    if (strictDayNumber(points[i]!.date)! - strictDayNumber(points[i - 1]!.date)! !== 1) continue;
    if (atStop.has(i) && atStop.has(i - 1)) continue;
    const move = points[i]!.km - points[i - 1]!.km;
    let stretch = 0;
    while (stretch < cuts.length && points[i - 1]!.km >= cuts[stretch]!.km - 10) stretch++;
    const tally = tallies[stretch]!;
    tally.km += Math.max(0, move);
    if (move < restBelow) tally.rest++;
    else if (move > rideAbove) {
      tally.ride++;
      tally.rideKm.push(move);
    } else {
      tally.walk++;
      tally.walkKm.push(move);
    }
  }
  return tallies;
}

/** The movement of the first stretch (speeds from the whole track when it has under 3 days). */
export function baseMovement(tallies: Tally[], stops: Stop[]): Movement {
  const b = tallies[0]!;
  const allWalk = tallies.flatMap((t) => t.walkKm);
  const allRide = tallies.flatMap((t) => t.rideKm);
  const rest = proportion(b.rest, b.rest + b.walk + b.ride);
  const walk = spread(b.walkKm.length >= 3 ? b.walkKm : allWalk, { min: 35, max: 50 });
  const ride = spread(b.rideKm.length >= 3 ? b.rideKm : allRide, { min: 150, max: 320 });
  return {
    restDayProbability: rest,
    rideProbability: rideMatchingSpeed(b, rest, walk, ride),
    walkKmPerDay: walk,
    rideKmPerDay: ride,
    cohesion: 0.8,
    stops,
    stopAtShelters: false,
    shelterStopDays: { min: 1, max: 2 },
    segments: [],
  };
}

/** A segment per later stretch with ≥ 5 days of moves (its own speeds with ≥ 3 days of them). */
export function stretchSegments(
  replay: Replay,
  cuts: Cut[],
  tallies: Tally[],
  movement: Movement,
): void {
  const name = (k: number) => replay.corridor.places[cuts[k]!.place]!.name;
  for (let k = 1; k < cuts.length; k++) {
    const t = tallies[k]!;
    const days = t.rest + t.walk + t.ride;
    if (days < 5) continue;
    const rest = proportion(t.rest, days);
    const walk = t.walkKm.length >= 3 ? spread(t.walkKm, movement.walkKmPerDay) : undefined;
    const ride = t.rideKm.length >= 3 ? spread(t.rideKm, movement.rideKmPerDay) : undefined;
    movement.segments.push({
      from: name(k - 1),
      to: name(k),
      restDayProbability: rest,
      rideProbability: rideMatchingSpeed(
        t,
        rest,
        walk ?? movement.walkKmPerDay,
        ride ?? movement.rideKmPerDay,
      ),
      ...(walk ? { walkKmPerDay: walk } : {}),
      ...(ride ? { rideKmPerDay: ride } : {}),
    });
  }
}

/** The note naming each stretch's rest, walking and riding days, and the stops. */
export function movementNotes(
  replay: Replay,
  cuts: Cut[],
  tallies: Tally[],
  fitStops: CalibrationFit["stops"],
): string[] {
  const places = replay.corridor.places;
  const stretchName = (k: number) =>
    k === 0
      ? `before ${places[cuts[0]?.place ?? 0]?.name ?? "the end"}`
      : `from ${places[cuts[k - 1]!.place]!.name}`;
  const notes = [
    `like 2018: movement fitted to the estimated track of "${replay.group}" (${replay.points.length} days); ` +
      tallies
        .map(
          (t, k) => `${stretchName(k)}: ${t.rest} rest, ${t.walk} walking, ${t.ride} riding days`,
        )
        .join("; "),
  ];
  if (fitStops.length)
    notes.push(
      `stops: ${fitStops.map((s) => `${s.place} ${s.days} days from ${s.from}`).join("; ")}`,
    );
  return notes;
}
