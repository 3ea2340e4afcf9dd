/** A group's body (head, median person, tail) from its track point. */
import type { TrackPoint } from "../model/track.ts";
import type { GroupBody } from "./types.ts";

/**
 * The body of a group on one day. Tracks made by the estimator carry the head and tail (each
 * with a 90 % interval); other tracks (fixtures, user files) have only `km`, which then stands for
 * the head and tail too.
 * Its `status` is the state's (buildState.ts, `groupDayStatus`).
 * @param onRoad people of the group on the road that day (see `groupsOnRoad`); default all of it.
 * @example
 * groupBody({ group: "A", km: 100, kmLow: 90, kmHigh: 110, ... }).headKm; // => 100
 */
export function groupBody(
  p: TrackPoint,
  onRoad: Pick<GroupBody, "onRoad" | "onRoadLow" | "onRoadHigh" | "atPlace" | "unseenSince"> = {
    onRoad: Number.isFinite(p.size) ? p.size : 0,
    onRoadLow: Number.isFinite(p.sizeLow) ? p.sizeLow : 0,
    onRoadHigh: Number.isFinite(p.sizeHigh) ? p.sizeHigh : 0,
  },
): Omit<GroupBody, "status"> {
  const headKm = p.headKm ?? p.km;
  const tailKm = p.tailKm ?? p.km;
  return {
    group: p.group,
    routeId: p.routeId,
    km: p.km,
    kmLow: p.kmLow,
    kmHigh: p.kmHigh,
    headKm,
    headKmLow: p.headKmLow ?? (p.headKm === undefined ? p.kmLow : headKm),
    headKmHigh: p.headKmHigh ?? (p.headKm === undefined ? p.kmHigh : headKm),
    tailKm,
    tailKmLow: p.tailKmLow ?? (p.tailKm === undefined ? p.kmLow : tailKm),
    tailKmHigh: p.tailKmHigh ?? (p.tailKm === undefined ? p.kmHigh : tailKm),
    lon: p.lon,
    lat: p.lat,
    size: p.size,
    sizeLow: p.sizeLow,
    sizeHigh: p.sizeHigh,
    ...onRoad,
  };
}
