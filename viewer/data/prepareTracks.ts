/**
 * The library's tracks as the viewer's per-group frames. Nothing is estimated here: each frame is
 * one TrackPoint (the library's numbers for that day) plus pieces of the library's route geometry
 * (`sliceRoute`) to draw it with: its position interval. Between days the map moves along the
 * route by the library's km per vertex (`ReplayData.routeKm`).
 */
import { sliceRoute } from "../../src/index.ts";
import type { CorridorDay, GroupBody, IsoDate, RouteIndex, TrackPoint } from "../../src/index.ts";
import { daysSince } from "./replay.ts";
import type { TrackFrame } from "./replay.ts";

/** The state's facts of a group-day a frame carries (read, never derived here). */
export type FrameStateFacts = Pick<
  GroupBody,
  | "onRoad"
  | "unseenSince"
  | "status"
  | "atDestination"
  | "arrivedOn"
  | "atPlace"
  | "atDestinationPlace"
>;

/**
 * One frame per track point; head and tail default to the median person's km.
 * @param body the state's `GroupBody` of the day, if known: people on the road, "not seen since",
 *   status, and for an arrived group the people held at its destination and since when it arrived.
 */
export function frameOf(
  p: TrackPoint,
  start: IsoDate,
  routes: RouteIndex,
  body?: Partial<FrameStateFacts>,
): TrackFrame {
  const known = routes.routeIds.includes(p.routeId);
  return {
    t: daysSince(start, p.date),
    date: p.date.slice(0, 10),
    lon: p.lon,
    lat: p.lat,
    routeId: p.routeId,
    km: p.km,
    kmLow: p.kmLow,
    kmHigh: p.kmHigh,
    tailKm: p.tailKm ?? p.km,
    headKm: p.headKm ?? p.km,
    size: p.size,
    sizeLow: p.sizeLow,
    sizeHigh: p.sizeHigh,
    ...stateFacts(body),
    band: known ? sliceRoute(routes, p.routeId, p.kmLow, p.kmHigh) : [[p.lon, p.lat]],
  };
}

/** The defined state facts of a frame (an absent fact stays absent: structured-clone-able). */
function stateFacts(body: Partial<FrameStateFacts> | undefined): Partial<FrameStateFacts> {
  if (!body) return {};
  const out: Partial<FrameStateFacts> = {};
  if (body.onRoad !== undefined) out.onRoad = body.onRoad;
  if (body.unseenSince !== undefined) out.unseenSince = body.unseenSince;
  if (body.status !== undefined) out.status = body.status;
  if (body.atDestination !== undefined) out.atDestination = body.atDestination;
  if (body.arrivedOn !== undefined) out.arrivedOn = body.arrivedOn;
  if (body.atPlace !== undefined) out.atPlace = body.atPlace;
  if (body.atDestinationPlace !== undefined) out.atDestinationPlace = body.atDestinationPlace;
  return out;
}

/**
 * Frames per group from the library's tracks, sorted by time, each with the group's people on the
 * road that day (and, for a group not seen for long, since when) from the library's state of the
 * corridor when given.
 */
export function framesByGroup(
  tracks: readonly TrackPoint[],
  start: IsoDate,
  routes: RouteIndex,
  state?: readonly CorridorDay[],
): Map<string, TrackFrame[]> {
  const bodies = new Map<string, FrameStateFacts>();
  for (const day of state ?? [])
    for (const g of day.groups) bodies.set(`${day.date}\u0000${g.group}`, g);
  const out = new Map<string, TrackFrame[]>();
  for (const p of tracks) {
    const list = out.get(p.group) ?? [];
    const body = bodies.get(`${p.date.slice(0, 10)}\u0000${p.group}`);
    list.push(frameOf(p, start, routes, body));
    out.set(p.group, list);
  }
  for (const frames of out.values()) frames.sort((a, b) => a.t - b.t);
  return out;
}

/** km of every vertex of every route (the library's cumulative km), for drawing bodies. */
export function routeKmOf(routes: RouteIndex): Record<string, number[]> {
  return Object.fromEntries(routes.routeIds.map((id) => [id, [...routes.cumulativeKm(id)]]));
}
