/**
 * People of an arrived group that no count holds yet: the ledger counts them `remaining` at the
 * place at its route's end ("at destination, not yet counted"), not in transit, so the ledger and
 * the group's status (`groupDayStatus`, src/state/groupStatus.ts, the one rule) say the same
 * (issue 14: on the 2018 replay Honduran caravan 1 had reached Tijuana on 17–18 Nov, before the
 * Tijuana and Mexicali counts attributed to it start on 19 Nov, and was still in transit).
 */
import { areaOf } from "./areaOf.ts";
import type { Part } from "./inTransit.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { isoDate, toLocalTime } from "../calendar/index.ts";
import { haversineKm } from "../geo/distance.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Sighting } from "../model/sighting.ts";
import type { RouteCollection } from "../model/route.ts";
import type { TrackPoint } from "../model/track.ts";
import type { Iso3, Km } from "../model/units.ts";
import type { GroupOnRoad } from "../state/onRoad.ts";
import { ARRIVAL_KM, pointStatusReader } from "../state/groupStatus.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { TrackEndFacts } from "../state/groupStatus.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";

/** People held at an arrived group's route-end place, with their 90 % interval (people). */
export interface HeldPeople {
  value: number;
  low: number;
  high: number;
}

/**
 * How many of an arrived group's people no count holds are held at its route's end: what the
 * reports support, not the estimated size (issue 14: the LGBT group's estimated 1,110 (124–7,507)
 * held at Tijuana, where the one report counted ~80, raised the 2018 people who left on
 * 16–18 Nov by ~1,000). The people the group counted at arrival ({@link countedAtArrival}) when
 * its last sized report is at the place, else its interval's low end, at most its people on the
 * road either way; the interval runs from that up to its high end (a count's own range when the
 * report gives one). The rest of its estimated people are `unknown` until counts there take over.
 * @param counted the people the group's last sized report counted at the place, if it is there.
 */
export function heldAtDestination(
  g: Pick<GroupOnRoad, "onRoad" | "onRoadLow" | "onRoadHigh">,
  counted: HeldPeople | undefined,
): HeldPeople {
  const cap = (n: number) => Math.min(n, g.onRoad);
  if (counted) {
    const value = cap(counted.value);
    return {
      value,
      low: Math.min(cap(counted.low), value),
      high: Math.max(value, Math.min(counted.high, g.onRoadHigh)),
    };
  }
  const low = cap(g.onRoadLow);
  return { value: low, low, high: Math.max(low, g.onRoadHigh) };
}

/**
 * The people a group's reports counted at its route's end: its last report with a size
 * (`sizeBest`, else `sizeMin`; a report of a part of it, `part`, is not the group's count) dated
 * up to the day, when it is within `radiusKm` of the end place. Undefined otherwise: a count on the
 * way, or of a vanguard at the place before the body went on being reported on the road, is not
 * the count at arrival.
 * @param sightings the dataset's sightings (a group is a `caravanLabel`).
 * @example
 * // 2018: LGBT group, 80 at Tijuana on 11 Nov => { value: 80, low: 80, high: 80 } from 12 Nov
 */
export function countedAtArrival(
  sightings: readonly Sighting[],
  radiusKm: Km,
  timeZone: string = DEFAULT_TIME_ZONE,
): (p: TrackPoint, end: EndPlace) => HeldPeople | undefined {
  // Each report with its local day in `timeZone` (the estimator's day of it), by group, in time order.
  const byGroup = new Map<string, { s: Sighting; t: number; date: string }[]>();
  for (const s of sightings) {
    const size = s.sizeBest ?? s.sizeMin;
    if (!s.caravanLabel || s.part || !(typeof size === "number" && size > 0)) continue;
    const local = toLocalTime(s.observedAt, timeZone);
    if (!local) continue;
    const list = byGroup.get(s.caravanLabel) ?? [];
    if (!list.length) byGroup.set(s.caravanLabel, list);
    list.push({ s, t: local.t, date: isoDate(Math.floor(local.t)) });
  }
  for (const list of byGroup.values()) list.sort((a, b) => a.t - b.t);
  return (p, end) => {
    const last = byGroup
      .get(p.group)
      ?.filter((r) => r.date <= p.date)
      .at(-1)?.s;
    if (!last || !nearEnd(last, end, radiusKm)) return undefined;
    const value = (last.sizeBest ?? last.sizeMin)!;
    return { value, low: last.sizeMin ?? value, high: last.sizeMax ?? value };
  };
}

/** Whether a report is within `radiusKm` of the end place (false when either has no position). */
function nearEnd(s: Sighting, end: EndPlace, radiusKm: Km): boolean {
  if (s.lon === undefined || s.lat === undefined || end.lon === undefined || end.lat === undefined)
    return s.placeName !== undefined && s.placeName === end.placeName;
  return haversineKm(s.lon, s.lat, end.lon, end.lat) <= radiusKm;
}

/** Where an arrived group's people are counted: the place at its route's end. */
export interface EndPlace {
  placeName: string;
  country?: Iso3;
  lon?: number;
  lat?: number;
}

/**
 * Takes the people on the road of every arrived group off the road: they are at its route's end
 * place. A group's people counted at places (a count attributed to it, or one where it is) have
 * already left its people on the road (`groupsOnRoad`): once such counts start they take over and
 * only the people beyond them are still the group's uncounted ones — no one is counted twice. The
 * group is returned with no one on the road (`moving` 0) and `atDestination` the people moved.
 * @param arrived whether a group's point of the day has arrived (`groupDayStatus`).
 * @param endOf the place at the end of a point's route (undefined: none known; the group stays).
 * @param readInCount whether a count of the place holds all of the group's people there that day
 *   ({@link countHoldsArrived}): it leaves the road and nothing is added beside the count.
 * @param hold how many of its people no count holds are at the place (`arrivalReader`'s `held`,
 *   {@link heldAtDestination}); default all of its people on the road.
 * @returns the groups, and one `remaining` part per arrived group (add them with
 *   {@link addRemaining}); people beyond `hold` leave the road for `unknown` (the departed total
 *   keeps the group's size, src/ledger/departedTally.ts), so people stay conserved.
 */
export function settleArrived(
  groups: readonly GroupOnRoad[],
  arrived: (p: TrackPoint) => boolean,
  endOf: (p: TrackPoint) => EndPlace | undefined,
  readInCount: (placeName: string, p: TrackPoint) => boolean = () => false,
  hold: (g: GroupOnRoad, end: EndPlace) => HeldPeople = (g) => onRoadPeople(g),
): { groups: GroupOnRoad[]; placed: Part[] } {
  const placed: Part[] = [];
  const out = groups.map((g) => {
    if (!(g.onRoad > 0) || g.unseenSince !== undefined || !arrived(g.point)) return g;
    const end = endOf(g.point);
    if (!end) return g;
    const moved = { ...g, moving: 0, resting: 0, onRoad: 0, onRoadLow: 0, onRoadHigh: 0 };
    if (readInCount(end.placeName, g.point)) return moved;
    const held = hold(g, end);
    placed.push({ category: "remaining", ...end, ...held });
    return { ...moved, atDestination: held.value, atDestinationPlace: end.placeName };
  });
  return { groups: out, placed };
}

/** All of a group's people on the road, with their interval. */
function onRoadPeople(g: GroupOnRoad): HeldPeople {
  return { value: g.onRoad, low: g.onRoadLow, high: g.onRoadHigh };
}

/**
 * Whether the day's count of people remaining at an arrived group's route-end place holds all of
 * the group's people, so none are added beside it (no one counted twice). A count counts everyone
 * at the place: when it names another group (which `groupsOnRoad` then reads it against), the
 * arrived group's people are among its people too; and on a day the group's track is only held
 * (`heldAfterData`: its track ended at the place, its size is no longer estimated) the count is
 * the newer evidence of how many are there. Otherwise (a count naming no group, or the group, on an
 * estimated day) `groupsOnRoad` already read the count first and only the people beyond it stay.
 * @param areas the day's remaining areas (`RemainingArea`: place, people, group named).
 */
export function countHoldsArrived(
  areas: readonly { placeName: string; value: number; group?: string }[],
  placeName: string,
  p: TrackPoint,
): boolean {
  return areas.some(
    (a) =>
      a.placeName === placeName &&
      a.value > 0 &&
      (p.heldAfterData === true || (a.group !== undefined && a.group !== p.group)),
  );
}

/**
 * Adds `placed` people to the day's parts: into the `remaining` part of the same place when there
 * is one (value and the interval's ends add up), else as a part of its own.
 */
export function addRemaining(parts: Part[], placed: readonly Part[]): void {
  for (const p of placed) {
    const same = parts.find((q) => q.category === "remaining" && q.placeName === p.placeName);
    if (!same) {
      parts.push({ ...p });
      continue;
    }
    same.value += p.value;
    same.low += p.low;
    same.high += p.high;
  }
}

/**
 * The arrival test and route-end place of the ledger's groups, from the dataset's routes and places
 * and the estimator's track ends (the same facts the corridor state reads for `status`).
 * @param radiusKm the place at a route's end is the nearest place within it (a shelter folds into
 *   its city, `areaOf`); a route with no place there leaves its arrived groups in transit.
 * @param sightings the dataset's sightings: a group's count at arrival ({@link countedAtArrival})
 *   sets the people held at its route's end (`held`, {@link heldAtDestination}).
 * @param routeIndex an index of `routes` already built (`LedgerInput.routeIndex`); default: built.
 */
export function arrivalReader(
  routes: RouteCollection | undefined,
  trackEnds: readonly TrackEndFacts[],
  gazetteer: Gazetteer,
  radiusKm: Km,
  sightings: readonly Sighting[] = [],
  timeZone: string = DEFAULT_TIME_ZONE,
  routeIndex?: RouteIndex,
): {
  arrived: (p: TrackPoint) => boolean;
  endOf: (p: TrackPoint) => EndPlace | undefined;
  held: (g: GroupOnRoad, end: EndPlace) => HeldPeople;
  reachedEnd: (p: TrackPoint) => string | undefined;
} {
  const index = routes?.features?.length ? (routeIndex ?? createRouteIndex(routes)) : undefined;
  const status = pointStatusReader(routes, trackEnds, index);
  const counted = countedAtArrival(sightings, radiusKm, timeZone);
  const ends = new Map<string, EndPlace | undefined>();
  for (const f of routes?.features ?? []) {
    const c = f.geometry.coordinates[f.geometry.coordinates.length - 1];
    const id = f.properties?.route_id;
    if (!c || c.length < 2 || typeof id !== "string") continue;
    const near = gazetteer.nearest(c[0]!, c[1]!);
    if (!near || near.distanceKm > radiusKm) continue;
    const area = areaOf(near.place, gazetteer.places, radiusKm) ?? near.place;
    ends.set(id, { placeName: area.name, country: area.country, lon: area.lon, lat: area.lat });
  }
  return {
    arrived: (p) => status(p) === "arrived",
    endOf: (p) => ends.get(p.routeId),
    held: (g, end) => heldAtDestination(g, counted(g.point, end)),
    reachedEnd: (p) => {
      const length = index?.routeIds.includes(p.routeId) ? index.lengthKm(p.routeId) : undefined;
      const reached =
        length !== undefined && p.kmHigh >= length - ARRIVAL_KM && status(p) !== "arrived";
      return reached ? ends.get(p.routeId)?.placeName : undefined;
    },
  };
}
