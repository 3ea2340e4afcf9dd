/**
 * The destination in a "like 2018" calibration: people present there by day (stock figures),
 * the timing of the stretch after the pivot when the track ends before the destination, and the
 * daily rate at which people leave the destination.
 */
import { isoDate, strictDayNumber } from "../calendar/index.ts";
import type { StockFigure } from "../model/stock.ts";
import type { CalibrationFit } from "./calibrate.ts";
import { mid, round, spread, widen } from "./calibrateMath.ts";
import { fitStretch } from "./calibrateMovement.ts";
import type { Tally, StopFit } from "./calibrateMovement.ts";
import type { MovementModel } from "../movement/index.ts";
import type { Replay } from "./calibrateReplay.ts";
import type { Movement, NumberOrRange } from "./types.ts";

/** The destination, its stock figures and its people present by day. */
export interface Destination {
  index?: number;
  km?: number;
  name?: string;
  /** Stock figures placed at the destination (or its shelters). */
  figures: StockFigure[];
  /** [day number, people present], by day. */
  present: [number, number][];
  /** The day and people of the peak of `present` ([NaN, 0] without figures). */
  peak: [number, number];
}

/** The destination (default the route's last place) and its people present by day. */
export function destinationOf(
  replay: Replay,
  stocks: readonly StockFigure[],
  name: string | undefined,
): Destination {
  const { route, corridor, gazetteer } = replay;
  const index = replay.indexOfName(name) ?? route.stops[route.stops.length - 1]?.place;
  const figures = stocks.filter(
    (s) =>
      s.placeName !== undefined && index !== undefined && replay.indexOfName(s.placeName) === index,
  );
  // Prefer figures for the destination itself over its shelters' (which cover part of it).
  const dated = figures.filter(
    (s) => s.basis === "present" && strictDayNumber(s.date) !== undefined,
  );
  const own = dated.filter(
    (s) => gazetteer.find(s.placeName!)?.placeId === corridor.places[index!]!.placeId,
  );
  const byDay = new Map<number, number>();
  for (const s of own.length >= 2 ? own : dated)
    byDay.set(
      strictDayNumber(s.date)!,
      Math.max(byDay.get(strictDayNumber(s.date)!) ?? 0, s.value),
    );
  const present = [...byDay.entries()].sort((x, y) => x[0] - y[0]);
  const peak = present.reduce((best, e) => (e[1] > best[1] ? e : best), [NaN, 0] as [
    number,
    number,
  ]);
  return {
    index,
    km: replay.kmOfPlace(index),
    name: index !== undefined ? corridor.places[index]!.name : undefined,
    figures,
    present,
    peak,
  };
}

/** Days of the stops after the pivot (mid of each range). */
function stopDaysAfter(replay: Replay, stops: StopFit["stops"], pivotKm: number): number {
  return stops
    .filter((s) => {
      const km = replay.kmOfPlace(replay.indexOfName(s.place));
      return km !== undefined && km > pivotKm + 10;
    })
    .reduce((sum, s) => sum + mid(s.days), 0);
}

/**
 * Ride probability (and, if needed, faster rides) after the pivot such that the mean speed
 * (1 − rest) × (walk + q (ride − walk)) covers pivot → destination in the days between leaving the
 * pivot and the day people present at the destination first reached half their peak.
 */
function timeToDestination(
  segment: Movement["segments"][number],
  previous: Partial<Movement>,
  movement: Movement,
  after: Tally,
  speed: number,
): void {
  segment.restDayProbability ??= previous.restDayProbability ?? movement.restDayProbability;
  const rest = mid(segment.restDayProbability);
  const walk = mid(previous.walkKmPerDay ?? movement.walkKmPerDay);
  let ride = mid(
    after.rideKm.length >= 3
      ? spread(after.rideKm, 0)
      : (previous.rideKmPerDay ?? movement.rideKmPerDay),
  );
  let q = (speed / (1 - rest) - walk) / (ride - walk);
  if (q > 0.95) {
    q = 0.95;
    ride = (speed / (1 - rest) - 0.05 * walk) / 0.95;
    segment.rideKmPerDay = { min: Math.round(ride * 0.6), max: Math.round(ride * 1.4) };
  }
  q = Math.max(0, q);
  segment.rideProbability = { min: round(Math.max(0, q - 0.1)), max: round(Math.min(1, q + 0.1)) };
}

/**
 * The segment after the pivot: its own law with ≥ 5 days of moves (`fitStretch`, the movement
 * model's fit); when the track
 * ends more than 50 km before the destination, timed to the destination's half-peak date.
 */
export function afterPivotSegment(
  replay: Replay,
  pivot: { index: number; km: number },
  after: Tally,
  stops: StopFit,
  destination: Destination,
  movement: Movement,
  fit: CalibrationFit,
  notes: string[],
  base: MovementModel,
): void {
  const { points, corridor } = replay;
  const segment: Movement["segments"][number] = { from: corridor.places[pivot.index]!.name };
  if (after.rest + after.walk + after.ride >= 5) Object.assign(segment, fitStretch(after, base));
  const lastKm = points[points.length - 1]!.km;
  const firstHalf = destination.present.find((e) => e[1] >= destination.peak[1] / 2);
  // Leaving the pivot: the last day of the stop there, else the last day within 50 km past it.
  const stopEnd = stops.stopEnd.get(pivot.index);
  const leftPivot =
    stopEnd !== undefined
      ? points[stopEnd]
      : [...points].reverse().find((p) => p.km <= pivot.km + 50);
  const travelDays =
    firstHalf && leftPivot
      ? firstHalf[0] -
        strictDayNumber(leftPivot.date)! -
        stopDaysAfter(replay, stops.stops, pivot.km)
      : 0;
  if (destination.km !== undefined && lastKm < destination.km - 50 && firstHalf && travelDays > 0) {
    const speed = (destination.km - pivot.km) / travelDays;
    const previous = movement.segments[movement.segments.length - 1] ?? movement;
    timeToDestination(segment, previous, movement, after, speed);
    fit.destinationMedianArrival = isoDate(firstHalf[0]);
    fit.afterPivotKmPerDay = round(speed, 1);
    notes.push(
      `after ${segment.from}: the track ends at km ${Math.round(lastKm)}; ride probability set so that the mean speed (${round(
        speed,
        0,
      )} km/day) reaches ${destination.name} by ${fit.destinationMedianArrival}, when people present there first reached half their peak`,
    );
  }
  if (segment.restDayProbability !== undefined || segment.rideProbability !== undefined)
    movement.segments.push(segment);
}

/** Daily share leaving the destination: the decline of people present after the peak. */
export function destinationLeaveRate(destination: Destination, notes: string[]): NumberOrRange {
  const { peak, present, name } = destination;
  const after = present.filter((e) => e[0] > peak[0]);
  if (!after.length) return { min: 0.005, max: 0.02 };
  const last = after[after.length - 1]!;
  const rate = 1 - Math.pow(Math.max(1, last[1]) / peak[1], 1 / (last[0] - peak[0]));
  if (rate <= 0) return { min: 0.005, max: 0.02 };
  notes.push(
    `leaving ${name}: ${round(rate * 100, 1)} %/day, from ${peak[1]} present at the peak to ${last[1]} ${
      last[0] - peak[0]
    } days later`,
  );
  return widen(rate);
}
