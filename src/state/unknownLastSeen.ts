/**
 * Where the people `unknown` on a day were last seen: the corridor state's `unknown` (people who
 * left whom no source places on the day) split by the last place or group that held them. The
 * situation update says it beside "Unknown 10,947" (issue 13: a planner asks where those people
 * likely are; on the 2018 data they are mostly people once counted at Tijuana and Mexicali whose
 * counts fell or aged out, and groups last reported between Mexico City and Querétaro).
 *
 * Method: walk the state's days in order, keeping a pool of unknown people per origin. Each day,
 * every holder that holds fewer people than the day before (a group's people on the road, a
 * place's people present, the returned, the onward) puts the difference into its own pool (dated
 * the day before: last seen then). People who appear on a day beyond the rise of the people who
 * left come out of the pools — first of the holders that rose, then of all pools in proportion;
 * people who left with no holder rising (a departure total, a group's size growing) go to the
 * pool `unplaced` ("never placed"). So the pools add up to the day's `unknown` exactly, every day,
 * and no person is placed anywhere the state did not hold them.
 */
import type { IsoDate, Km, People } from "../model/units.ts";
import type { CorridorDay } from "./types.ts";

/** One origin of the day's unknown people. */
export interface UnknownLastSeen {
  /** `group`: a group's people on the road; `place`: people present at a place; `returned`,
   * `onward`: people once counted so; `unplaced`: people who left whom no source ever placed. */
  kind: "group" | "place" | "returned" | "onward" | "unplaced";
  /** The group or place (a place's name, else a country's ISO 3166 alpha-3 code). */
  name?: string;
  /** People of the day's unknown from this origin (whole people; all add up to `unknown`). */
  people: People;
  /** The last day the origin held more of them than the next day (last seen), ISO date. */
  lastSeen?: IsoDate;
  /** For a group: its route and its median and 90 % km interval on `lastSeen`. */
  routeId?: string;
  km?: Km;
  kmLow?: Km;
  kmHigh?: Km;
  /** For a group: its last report (`unseenSince` of the state), when the state gives it. */
  lastReport?: IsoDate;
  /** For a place: the most people present there on any day up to the day, and that day. */
  peak?: People;
  peakDate?: IsoDate;
  /**
   * For a place: the people present there on the day asked for (0 when none), so that a reader
   * can set the people no longer counted there beside the place's count of the day.
   */
  presentOn?: People;
  /** For a place: the day `presentOn` is of (the day asked for), ISO date. */
  presentDate?: IsoDate;
}

interface Pool {
  people: number;
  lastSeen?: IsoDate;
}

/** The people each holder holds on a day (group, place, returned, onward), keyed. */
function holders(day: CorridorDay): Map<string, number> {
  const out = new Map<string, number>();
  const onRoad = day.groups.reduce((s, g) => s + Math.max(0, g.onRoad), 0);
  // The groups' unrounded people, scaled to the day's whole in-transit total.
  const scale = onRoad > 0 ? day.totals.inTransit / onRoad : 0;
  for (const g of day.groups) if (g.onRoad > 0) out.set(`group:${g.group}`, g.onRoad * scale);
  if (onRoad <= 0 && day.totals.inTransit > 0) out.set("group:", day.totals.inTransit);
  let placed = 0;
  for (const p of day.places) {
    if (!(p.present > 0)) continue;
    const key = `place:${p.placeName ?? p.country ?? ""}`;
    out.set(key, (out.get(key) ?? 0) + p.present);
    placed += p.present;
  }
  const rest = day.totals.presentAtPlaces - placed;
  if (rest > 0) out.set("place:", rest);
  if (day.totals.returned > 0) out.set("returned", day.totals.returned);
  if (day.totals.onward > 0) out.set("onward", day.totals.onward);
  return out;
}

/**
 * Where the people unknown on `asOf` were last seen (module comment), largest first.
 * @param state the corridor state's days (`buildCorridorState`), in date order.
 * @param asOf the day (ISO date); days after it are not read.
 * @returns the origins with people (their `people` add up to the day's `totals.unknown`); empty
 *   when the day is not in the state or no one is unknown.
 * @example
 * unknownLastSeen(replay.state, "2018-12-15")[0]; // => { kind: "place", name: "Tijuana", people: …, lastSeen: "2018-12-…" }
 */
export function unknownLastSeen(state: readonly CorridorDay[], asOf: IsoDate): UnknownLastSeen[] {
  const day = state.find((d) => d.date === asOf);
  if (!day || !(day.totals.unknown > 0)) return [];
  const pools = new Map<string, Pool>();
  const bodies = new Map<string, CorridorDay["groups"][number]>();
  const peaks = new Map<string, { people: number; date: IsoDate }>();
  const reports = new Map<string, IsoDate>();
  let before = new Map<string, number>();
  let departedBefore = 0;
  let previousDate: IsoDate | undefined;
  for (const d of state) {
    if (d.date > asOf) break;
    const now = holders(d);
    const drops = new Map<string, number>();
    const rose = new Map<string, number>();
    for (const [key, was] of before) {
      const drop = was - (now.get(key) ?? 0);
      if (drop > 0) drops.set(key, drop);
    }
    for (const [key, is] of now) {
      const rise = is - (before.get(key) ?? 0);
      if (rise > 0) rose.set(key, rise);
    }
    const dropped = sum(drops.values());
    const risen = sum(rose.values());
    const departed = Math.max(0, d.totals.departed - departedBefore);
    // People placed anew are first people who just left, then people who moved between holders
    // today, then people who were unknown; the rest of the day's drops become unknown.
    const fromDeparted = Math.min(risen, departed);
    const moved = Math.min(risen - fromDeparted, dropped);
    const reappear = risen - fromDeparted - moved;
    const toPools = dropped - moved;
    if (departed > fromDeparted) addTo(pools, "unplaced", departed - fromDeparted, previousDate);
    if (toPools > 0)
      for (const [key, drop] of drops) addTo(pools, key, (drop * toPools) / dropped, previousDate);
    if (reappear > 0) takeOut(pools, rose, reappear);
    for (const g of d.groups) {
      if (g.onRoad > 0) bodies.set(g.group, g);
      if (g.unseenSince !== undefined) reports.set(g.group, g.unseenSince);
    }
    for (const p of d.places) {
      const key = `place:${p.placeName ?? p.country ?? ""}`;
      if (p.present > (peaks.get(key)?.people ?? 0))
        peaks.set(key, { people: p.present, date: d.date });
    }
    before = now;
    departedBefore = d.totals.departed;
    previousDate = d.date;
  }
  return wholePeople(
    [...pools.entries()]
      .filter(([, pool]) => pool.people > 1e-6)
      .map(([key, pool]) => origin(key, pool, bodies, peaks, reports, before, previousDate)),
    day.totals.unknown,
  );
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Adds people to a pool, dated the day they were last seen (the day before they left). */
function addTo(pools: Map<string, Pool>, key: string, people: number, lastSeen?: IsoDate): void {
  const pool = pools.get(key) ?? { people: 0 };
  pool.people += people;
  if (lastSeen !== undefined) pool.lastSeen = lastSeen;
  pools.set(key, pool);
}

/** Takes `people` out of the pools: first of the keys that rose (up to their rise), then in proportion. */
function takeOut(
  pools: Map<string, Pool>,
  rose: ReadonlyMap<string, number>,
  people: number,
): void {
  let left = people;
  for (const [key, rise] of rose) {
    const pool = pools.get(key);
    if (!pool || left <= 0) continue;
    const out = Math.min(pool.people, rise, left);
    pool.people -= out;
    left -= out;
  }
  const total = [...pools.values()].reduce((s, p) => s + Math.max(0, p.people), 0);
  if (left <= 0 || total <= 0) return;
  const share = Math.min(1, left / total);
  for (const pool of pools.values()) pool.people -= Math.max(0, pool.people) * share;
}

/** An origin's facts from its pool key (`present`: the day's holders, by key). */
function origin(
  key: string,
  pool: Pool,
  bodies: ReadonlyMap<string, CorridorDay["groups"][number]>,
  peaks: ReadonlyMap<string, { people: number; date: IsoDate }>,
  reports: ReadonlyMap<string, IsoDate>,
  present: ReadonlyMap<string, number>,
  presentDate: IsoDate | undefined,
): UnknownLastSeen {
  const seen = pool.lastSeen !== undefined ? { lastSeen: pool.lastSeen } : {};
  if (key === "returned" || key === "onward" || key === "unplaced")
    return { kind: key, people: pool.people, ...seen };
  if (key.startsWith("group:")) {
    const name = key.slice("group:".length);
    const g = bodies.get(name);
    return {
      kind: "group",
      ...(name ? { name } : {}),
      people: pool.people,
      ...seen,
      ...(g ? { routeId: g.routeId, km: g.km, kmLow: g.kmLow, kmHigh: g.kmHigh } : {}),
      ...(reports.has(name) ? { lastReport: reports.get(name) } : {}),
    };
  }
  const name = key.slice("place:".length);
  const peak = peaks.get(key);
  return {
    kind: "place",
    ...(name ? { name } : {}),
    people: pool.people,
    ...seen,
    ...(peak ? { peak: peak.people, peakDate: peak.date } : {}),
    presentOn: present.get(key) ?? 0,
    ...(presentDate !== undefined ? { presentDate } : {}),
  };
}

/** Whole people by largest remainder, adding up to `total`; largest first. */
function wholePeople(list: UnknownLastSeen[], total: People): UnknownLastSeen[] {
  const sum = list.reduce((s, x) => s + x.people, 0);
  if (sum <= 0) return [];
  const scaled = list.map((x) => ({ x, v: (x.people * total) / sum }));
  const floors = scaled.map((s) => Math.floor(s.v));
  let rest = total - floors.reduce((s, v) => s + v, 0);
  const order = scaled.map((s, i) => ({ i, r: s.v - floors[i]! })).sort((a, b) => b.r - a.r);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i]! += 1;
    rest -= 1;
  }
  return scaled
    .map((s, i) => ({ ...s.x, people: floors[i]! }))
    .filter((x) => x.people > 0)
    .sort((a, b) => b.people - a.people);
}
