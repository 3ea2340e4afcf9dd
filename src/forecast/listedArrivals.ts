/**
 * Which of a group's arrivals a front end lists, and in which order — one rule for the CLI's
 * summary and the viewer's panel, so that they name the same places.
 *
 * A forecast lists every place of the route ahead of the group's track end, and some behind most
 * of the group (`mostPassed`, still listed because more than one run in ten had not reached them).
 * A reader needs: the place the group has just passed (the nearest one behind, not the farthest —
 * "most already past Guadalajara" says little when most are past Guasave), the places ahead, and
 * the route's end (where the group is going), whatever its chance within the horizon.
 */
import type { ArrivalForecast } from "./forecast.ts";

/** The fields the rule reads; the library's {@link ArrivalForecast} and front-end copies have them. */
export type ListableArrival = Pick<
  ArrivalForecast,
  "group" | "km" | "mostPassed" | "positionUnknown"
>;

export interface ListedArrivalsOptions<A extends ListableArrival> {
  /**
   * Least chance of arriving within the horizon (0–1) for a place to be listed (default 0: all).
   * Never applied to the route's end, which is always listed.
   */
  minProb?: number;
  /** The chance within the horizon of an arrival (needed with `minProb` > 0). */
  probOf?: (a: A) => number;
  /** Places ahead listed before the route's end (default: all). */
  ahead?: number;
  /** Most rows in all (default: all); the route's end is kept when the rows are cut. */
  maxRows?: number;
}

/**
 * The arrivals of `group` to list, by km: the nearest place behind most of the group (the last
 * `mostPassed`), then the places ahead nearest first, then the route's end (the group's
 * highest-km arrival), each once. None for a group whose position is unknown (an arrival with
 * `positionUnknown`, the state's rule, src/state/positionUnknown.ts): its runs name no place.
 * @example listedArrivals(forecast.arrivals, "HND-1", { ahead: 1 }) // just passed, next, end
 */
export function listedArrivals<A extends ListableArrival>(
  arrivals: readonly A[],
  group: string,
  options: ListedArrivalsOptions<A> = {},
): A[] {
  const rows = arrivals.filter((a) => a.group === group).sort((a, b) => a.km - b.km);
  if (rows.some((a) => a.positionUnknown)) return [];
  const end = rows[rows.length - 1];
  if (end === undefined) return [];
  const minProb = options.minProb ?? 0;
  if (minProb > 0 && options.probOf === undefined) {
    throw new Error("listedArrivals: minProb needs probOf");
  }
  const likely = (a: A) => minProb <= 0 || options.probOf!(a) >= minProb;
  const passed = rows.filter((a) => a.mostPassed && a !== end);
  const behind = passed[passed.length - 1];
  const ahead = rows
    .filter((a) => !a.mostPassed && a !== end && likely(a))
    .slice(0, options.ahead ?? Infinity);
  const listed = [...(behind && likely(behind) ? [behind] : []), ...ahead];
  const room = Math.max(0, (options.maxRows ?? Infinity) - 1);
  return [...listed.slice(0, room), end];
}
