/**
 * Movement "like 2018": stops where the track stays at a place, the rest/walk/ride regimes of the
 * day-to-day moves on each stretch (start → border → pivot → end), and, when the track ends
 * before the destination, the stretch after the pivot fitted to the destination's timing.
 */
import { strictDayNumber } from "../calendar/index.ts";
import type { TrackPoint } from "../model/track.ts";
import {
  ANCHORS_2018,
  STOPS_2018,
  addMove,
  defaultMovementModel,
  fitMovement,
  noEvidence,
} from "../movement/index.ts";
import type { FitOptions, MoveEvidence, MovementModel } from "../movement/index.ts";
import type { CalibrationFit } from "./calibrate.ts";
import { meanOvershootKm, round } from "./calibrateMath.ts";
import type { Replay } from "./calibrateReplay.ts";
import type { Movement, Stop } from "./types.ts";
import { SEGMENT_LEAD_KM } from "./compile.ts";
import { bandOfLaw } from "../movement/index.ts";

/** Where the track stopped. */
export interface StopFit {
  /** Indices of the points at a stop. */
  atStop: Set<number>;
  fitStops: CalibrationFit["stops"];
  stops: Stop[];
  /** Place index → last point index of its stop. */
  stopEnd: Map<number, number>;
  /** Point index → km of the place the track is stopped at that day. */
  halts: Map<number, number>;
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
  const fit: StopFit = {
    atStop: new Set(),
    fitStops: [],
    stops: [],
    stopEnd: new Map(),
    halts: new Map(),
  };
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && at[j + 1] === at[i]) j++;
    const length = j - i + 1;
    if (at[i] !== undefined && length >= minStopDays) {
      const km = replay.kmOfPlace(at[i]);
      for (let k = i; k <= j; k++) {
        fit.atStop.add(k);
        if (km !== undefined) fit.halts.set(k, km);
      }
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
  /**
   * When the stretch's last move ends where the track halts (a stop or a hold): km along the
   * route from where its first move starts (the place of a halt, else the track's km) to the
   * place of that halt ({@link stretchLaw}).
   */
  spanKm?: number;
  /** The mean daily move its law was fitted to ({@link stretchLaw}; set when fitted). */
  kmPerDay?: number;
  /** The stretch's moves as the movement model's evidence (src/movement/fit.ts). */
  evidence: MoveEvidence;
}

/**
 * Classifies each day-to-day move (days at stops and holds, `atStop`, left out) on the stretch it
 * starts in (from {@link SEGMENT_LEAD_KM} before the stretch's first place, as the kernel moves), with the
 * movement model's classification (`addMove`: < `restBelow` km rest, > `rideAbove` km ride).
 */
export function tallyStretches(
  replay: Replay,
  cuts: Cut[],
  atStop: Set<number>,
  restBelow: number,
  rideAbove: number,
  halts: ReadonlyMap<number, number> = new Map(),
): Tally[] {
  const { points } = replay;
  const tallies: Tally[] = [0, ...cuts].map(() => ({
    rest: 0,
    walk: 0,
    ride: 0,
    walkKm: [],
    rideKm: [],
    km: 0,
    evidence: noEvidence(),
  }));
  let previous = -1;
  // Per stretch: the point its first move starts from and the point its last move ends at.
  const ends = tallies.map(() => ({ from: -1, to: -1 }));
  for (let i = 1; i < points.length; i++) {
    const gap = strictDayNumber(points[i]!.date)! - strictDayNumber(points[i - 1]!.date)! !== 1;
    if (gap || (atStop.has(i) && atStop.has(i - 1))) {
      previous = -1;
      continue;
    }
    const move = points[i]!.km - points[i - 1]!.km;
    let stretch = 0;
    while (stretch < cuts.length && points[i - 1]!.km >= cuts[stretch]!.km - SEGMENT_LEAD_KM)
      stretch++;
    const tally = tallies[stretch]!;
    if (ends[stretch]!.from < 0) ends[stretch]!.from = i - 1;
    ends[stretch]!.to = i;
    tally.km += Math.max(0, move);
    const classes = { restBelowKm: restBelow, rideAboveKm: rideAbove };
    previous = addMove(tally.evidence, move, previous, classes);
    if (previous === 0) tally.rest++;
    else if (previous === 2) {
      tally.ride++;
      tally.rideKm.push(move);
    } else {
      tally.walk++;
      tally.walkKm.push(move);
    }
  }
  ends.forEach(({ from, to }, k) => {
    const end = halts.get(to);
    if (from < 0 || end === undefined) return;
    const span = end - (halts.get(from) ?? points[from]!.km);
    if (span > 0) tallies[k]!.spanKm = span;
  });
  return tallies;
}

/**
 * A stretch's law whose mean daily move makes the kernel arrive where the stretch ends on the day
 * the track did, on average. `fit` fits the law to a mean daily move. Without `spanKm` (the track does not end
 * the stretch halted): the track's km over its days — a stretch it moves through carries its last
 * move on into the next, as the kernel does. With it: (span + the law's mean overshoot) over the
 * days, a few fixed-point steps ({@link meanOvershootKm}): the track arrives and halts (the hold at
 * the bridge, the stop in Mexico City), while the kernel's day of arrival carries its move past
 * the place. Before, matching the track's km over its days (1,105 km in 16 days
 * from Ciudad Hidalgo, 33 km short of Mexico City where the smoothed track halted) put the
 * calibrating caravan's own replay in Mexico City 2–3 days after its body (7–8 Nov, 2018: 5 Nov).
 */
export function stretchLaw(
  t: Pick<Tally, "km" | "spanKm" | "kmPerDay">,
  days: number,
  fit: (kmPerDay: number) => MovementModel,
): { law: MovementModel; kmPerDay: number } {
  let kmPerDay = t.km / days;
  let law = fit(kmPerDay);
  for (let step = 0; t.spanKm !== undefined && step < 4; step++) {
    kmPerDay = (t.spanKm + meanOvershootKm(law)) / days;
    law = fit(kmPerDay);
  }
  t.kmPerDay = kmPerDay;
  return { law, kmPerDay };
}

/**
 * How "like 2018" fits a stretch: the estimator's routine (`fitMovement`) with the estimator's
 * prior weights (20 pseudo-days on the shares, 10 on the walking speed), the ride range fitted
 * to the stretch's rides, and the ride share set so that the law's mean daily move is the
 * stretch's (km moved over the days counted).
 */
export const STRETCH_FIT: FitOptions = { pseudoDays: 20, fitRide: true };

/** The scenario's movement fields of a fitted stretch law (`bandOfLaw`, src/movement/law.ts). */
function stretchBand(law: MovementModel, evidence: MoveEvidence, pseudoDays: number) {
  const days = evidence.regimeDays;
  return bandOfLaw(law, days[0] + days[1] + days[2] + pseudoDays);
}

/**
 * The movement of the first stretch: the movement law fitted to its moves with `prior` (the
 * estimator's fitted law, or its prior), persistence fitted to the whole track's moves. When the
 * first stretch has under 3 walking (riding) moves, its speeds come from the first `southOf`
 * stretches (default all): the calibration passes the stretches before the pivot, so the long
 * buses north of Mexico City (440–760 km a day in 2018) do not set the rides of Guatemala.
 */
export function baseMovement(
  tallies: Tally[],
  stops: Stop[],
  prior: MovementModel,
  southOf: number = tallies.length,
): { movement: Movement; law: MovementModel } {
  const all = noEvidence();
  const south = noEvidence();
  for (const t of tallies.slice(0, Math.max(1, southOf))) {
    south.walkMoves.push(...t.evidence.walkMoves);
    south.rideMoves.push(...t.evidence.rideMoves);
  }
  for (const t of tallies) {
    for (let r = 0; r < 3; r++) all.regimeDays[r]! += t.evidence.regimeDays[r]!;
    all.walkMoves.push(...t.evidence.walkMoves);
    all.rideMoves.push(...t.evidence.rideMoves);
    all.pairs += t.evidence.pairs;
    all.repeats += t.evidence.repeats;
  }
  // Speeds from the stretches before the pivot when the first has under 3 days of them.
  const first = tallies[0]!.evidence;
  const evidence: MoveEvidence = {
    ...first,
    walkMoves: first.walkMoves.length >= 3 ? first.walkMoves : south.walkMoves,
    rideMoves: first.rideMoves.length >= 3 ? first.rideMoves : south.rideMoves,
  };
  const days = first.regimeDays[0] + first.regimeDays[1] + first.regimeDays[2];
  const law =
    days > 0
      ? stretchLaw(tallies[0]!, days, (kmPerDay) =>
          fitMovement(evidence, prior, { ...STRETCH_FIT, matchMeanKmPerDay: kmPerDay }),
        ).law
      : fitMovement(evidence, prior, STRETCH_FIT);
  law.persistence = fitMovement(all, prior, { ...STRETCH_FIT, fitPersistence: true }).persistence;
  const fitted = evidence.regimeDays;
  return {
    movement: movementOfLaw(
      law,
      stops,
      fitted[0] + fitted[1] + fitted[2] + STRETCH_FIT.pseudoDays!,
    ),
    law,
  };
}

/**
 * A movement law in the scenario's terms: its band (`bandOfLaw`) from `days` (fitted days plus
 * the prior's pseudo-days), its persistence, the stops; cohesion 0.8, no shelter stops, no
 * segments (the caller adds them).
 */
export function movementOfLaw(law: MovementModel, stops: Stop[], days: number): Movement {
  return {
    ...bandOfLaw(law, days),
    cohesion: 0.8,
    persistence: round(law.persistence),
    stops,
    stopAtShelters: false,
    shelterStopDays: { min: 1, max: 2 },
    segments: [],
  };
}

/**
 * "Like 2018" with no replay to fit: the movement model's 2018 anchors in the scenario's terms,
 * read as the calibration reads its prior when a stretch has no moves — the default law
 * (`defaultMovementModel`, src/movement/anchors.ts) banded at the calibration's prior weight
 * ({@link STRETCH_FIT}, 20 pseudo-days); the sourced stays (`STOPS_2018`: Tapachula 1–2 days,
 * Mexico City 4–6 days); north of Mexico City, where groups rode buses and trucks most days, the
 * same law with its mean daily move set to a bus day's (the midpoint of `ANCHORS_2018.rideDay`,
 * 280 km), as the calibration sets a stretch's mean. The speeds are the anchors' own ranges
 * ({@link ANCHORED_SPEEDS}: walking 40–48 km/day, rides 240–320 km/day) and the share of moving
 * days that ride north of Mexico City is at most {@link NORTH_RIDE_SHARE_MAX}. One set of 2018
 * figures: nothing here is read from anywhere but the movement module.
 */
export function anchoredMovement(): Movement {
  const prior = defaultMovementModel();
  const pseudo = STRETCH_FIT.pseudoDays!;
  const stops = Object.values(STOPS_2018).map((s) => ({
    place: s.place,
    days: { min: s.days[0], max: s.days[1] },
  }));
  const movement = movementOfLaw(fitMovement(noEvidence(), prior, STRETCH_FIT), stops, pseudo);
  const [low, high] = ANCHORS_2018.rideDay.km;
  const north = fitMovement(noEvidence(), prior, {
    ...STRETCH_FIT,
    matchMeanKmPerDay: (low + high) / 2,
  });
  const band = bandOfLaw(north, pseudo);
  // The law's bands at 20 pseudo-days are far wider than the sources (walking 19–61 km/day,
  // rides to 602 km/day): the speeds are the anchors' own ranges instead.
  movement.walkKmPerDay = ANCHORED_SPEEDS.walkKmPerDay;
  movement.rideKmPerDay = ANCHORED_SPEEDS.rideKmPerDay;
  const ride = band.rideProbability as { min: number; max: number };
  movement.segments.push({
    from: STOPS_2018.mexicoCity.place,
    restDayProbability: band.restDayProbability,
    rideProbability: {
      min: Math.min(ride.min, NORTH_RIDE_SHARE_MAX),
      max: Math.min(ride.max, NORTH_RIDE_SHARE_MAX),
    },
    rideKmPerDay: ANCHORED_SPEEDS.rideKmPerDay,
  });
  return movement;
}

/**
 * The fallback's daily speeds, read from {@link ANCHORS_2018} alone: a walking day from the
 * Chiapas march (40 km) to the first days' (48 km), a day with buses and trucks 240–320 km.
 */
export const ANCHORED_SPEEDS = Object.freeze({
  walkKmPerDay: Object.freeze({
    min: Math.min(ANCHORS_2018.walkChiapas.km, ANCHORS_2018.walkFirstDays.km),
    max: Math.max(ANCHORS_2018.walkChiapas.km, ANCHORS_2018.walkFirstDays.km),
  }),
  rideKmPerDay: Object.freeze({ min: ANCHORS_2018.rideDay.km[0], max: ANCHORS_2018.rideDay.km[1] }),
});

/**
 * Most of the moving days north of Mexico City that ride, in the fallback (share 0–1): 0.9. The
 * law's band reaches 1 (no day on foot from Mexico City to Tijuana), while the main group left
 * Mexico City on 9 Nov 2018 (`ANCHORS_2018.longRide`) and stopped on the way (Querétaro,
 * Guadalajara, Culiacán) before reaching Tijuana on 20–25 Nov: about 2,800 km at 240–320 km a
 * ride day is 9–12 ride days in 11–16, so some moving days were not rides.
 */
export const NORTH_RIDE_SHARE_MAX = 0.9;

/**
 * A stretch's own movement in the scenario's terms: the movement law fitted to its moves (≥ 5
 * days) with `base` (the first stretch's law) as prior, its speeds only with ≥ 3 days of them.
 */
export function fitStretch(t: Tally, base: MovementModel): Partial<Movement> {
  const days = t.rest + t.walk + t.ride;
  const options = { ...STRETCH_FIT, fitWalk: t.walkKm.length >= 3 };
  const { law } = stretchLaw(t, days, (kmPerDay) =>
    fitMovement(t.evidence, base, { ...options, matchMeanKmPerDay: kmPerDay }),
  );
  const band = stretchBand(law, t.evidence, STRETCH_FIT.pseudoDays!);
  return {
    restDayProbability: band.restDayProbability,
    rideProbability: band.rideProbability,
    ...(t.walkKm.length >= 3 ? { walkKmPerDay: band.walkKmPerDay } : {}),
    ...(t.rideKm.length >= 3 ? { rideKmPerDay: band.rideKmPerDay } : {}),
  };
}

/** A segment per later stretch with ≥ 5 days of moves ({@link fitStretch}). */
export function stretchSegments(
  replay: Replay,
  cuts: Cut[],
  tallies: Tally[],
  movement: Movement,
  base: MovementModel,
): void {
  const name = (k: number) => replay.corridor.places[cuts[k]!.place]!.name;
  for (let k = 1; k < cuts.length; k++) {
    const t = tallies[k]!;
    if (t.rest + t.walk + t.ride < 5) continue;
    movement.segments.push({ from: name(k - 1), to: name(k), ...fitStretch(t, base) });
  }
}

/** The note naming each stretch's rest, walking and riding days, and the stops. */
export function movementNotes(
  replay: Replay,
  cuts: Cut[],
  tallies: Tally[],
  fitStops: CalibrationFit["stops"],
  fitHolds: NonNullable<CalibrationFit["holds"]> = [],
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
  for (const h of fitHolds)
    notes.push(
      `held at ${h.place} ${h.days} days (${h.from} – ${h.to}; ${h.source}): those days are left out of the pace and are not a stop of the scenario (add one under movement.stops where a scenario meets a hold)`,
    );
  return notes;
}
