/**
 * The scorers' one "arrived" rule (bench/worlds/score.ts `arrivedAfterTrack`, bench/world3/score.ts
 * `arrivedAfter`, and the missing-day lists beside them): a true group-day without an estimate is
 * the group's arrival, not a day without an estimate, when
 *
 * - the day comes after the last day of the group's tracks,
 * - the group stands within 1 km of its route's end that day, and
 * - on the tracks' last day the MEDIAN person stood within 1 km of the end: the estimator's own
 *   destination test (src/estimate/trackEnds.ts, "its median person reached the end of route";
 *   tracks.csv rounds km to 0.1 km, hence the 0.05 km allowance).
 *
 * An interval that only reaches the end is not enough (review20a #8): a track ended
 * `accounted_for` with a wide interval after its last report, or an unlabelled track handed off to
 * a group that arrived, never said the group arrived.
 */
import type { Km } from "../../src/index.ts";

/** 1 km: the estimator's destination test, less tracks.csv's rounding to 0.1 km. */
const AT_END_KM = 1 + 0.05;

/**
 * True when a day without an estimate is the group's arrival (module comment).
 * @param after the day comes after the last day of the group's tracks
 * @param km the group's true km that day (median person), on its own route
 * @param lastKm the median km of the tracks' last day, on the group's route (undefined: no track)
 * @param routeLengthKm the group's route's length
 * @example
 * arrivedAtEnd(true, 4522, 4521.8, 4522.3); // => true
 * arrivedAtEnd(true, 4522, 4300, 4522.3); // => false (the track never put the median at the end)
 */
export function arrivedAtEnd(
  after: boolean,
  km: Km,
  lastKm: Km | undefined,
  routeLengthKm: Km,
): boolean {
  return (
    after && lastKm !== undefined && km >= routeLengthKm - 1 && lastKm >= routeLengthKm - AT_END_KM
  );
}
