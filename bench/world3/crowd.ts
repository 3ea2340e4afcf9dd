/**
 * The people of a world3 world: families (1–7 people) that each decide every day whether to walk,
 * rest, board a truck, queue at the border, claim asylum or go home, and the caravans (the
 * collectives whose assemblies set a day's plan: march to a town, rest, stay at a shelter, wait at
 * the border). Positions are main-equivalent road km (geography.ts) at the end of a local day.
 *
 * Grounded in the 2018 sources (bench/README.md § world3 lists them): walking 40–55 km a day in
 * Honduras and Guatemala, trucks and buses offered in bursts in Mexico (150–200 mi on some days;
 * >1,500 km in under 24 h in the north), thousands held at the Suchiate bridge with some entering
 * the formal asylum process and waiting there, returns by bus in the first days and from the
 * border, asylum claims in Tapachula and Mexico City, people joining in the first days.
 */
import type { Random } from "../../src/index.ts";
import { randomNormal } from "../../src/index.ts";
import {
  BORDER_PLACE,
  fromMainKm,
  road,
  stopAhead,
  stopAtOrBefore,
  stopOf,
  toMainKm,
} from "./geography.ts";

export type Status = "moving" | "queue" | "claimed" | "returned" | "dispersed";

export interface Family {
  id: number;
  people: number;
  children: number;
  /** Route the family travels (its caravan's at departure; a splinter's after a split). */
  routeId: string;
  /** Main-equivalent km at the end of the current day, and of the day before. */
  km: number;
  prevKm: number;
  /** Walking pace when rested (km/day). */
  pace: number;
  /** 0 rested … 1 exhausted. */
  fatigue: number;
  /** 0 … 1: how keen to push ahead (boards trucks first, walks with the vanguard). */
  eagerness: number;
  /** Index of the caravan (collective) it travels with. */
  caravan: number;
  /** Labels it carries (its caravan's, a splinter's, a merged caravan's). */
  labels: string[];
  /** Physical group it belongs to (the truth of unlabelled worlds). */
  body: string;
  status: Status;
  queueUntil: number;
  /** Has passed the border post / Tapachula / Mexico City (one-off decisions there). */
  passed: number;
}

export type Mode = "march" | "rest" | "stay" | "held";

export interface Caravan {
  label: string;
  body: string;
  routeId: string;
  departDay: number;
  /** Main-equivalent km of its start. */
  originKm: number;
  mode: Mode;
  modeUntil: number;
  /** Main-equivalent km of the town the assembly marches to. */
  target: number;
  stayed: Set<string>;
  /** Multiplies the chance of a truck burst (splinters ride more). */
  rideBias: number;
  /** Share of families that queue at the border for the formal process. */
  queueShare: number;
  /** Returns per family-day in the first week, and later. */
  earlyReturn: number;
  lateReturn: number;
  /** Joiners per day in the first week (share of the current size). */
  joinRate: number;
  active: boolean;
  /** Shelter town (place id) where it waits for another caravan, and which, up to a day. */
  waitAt?: string;
  waitFor?: number;
  waitUntil?: number;
}

/** Bits of `Family.passed`. */
export const PASSED_BORDER = 1;
const PASSED_TAP = 2;
const PASSED_CMX = 4;

const BORDER_KM = stopOf("main", BORDER_PLACE)?.km ?? 699;
const TAP_KM = stopOf("main", "MX-TAP")?.km ?? 739;
const CMX_KM = stopOf("main", "MX-CMX")?.km ?? 1837;

/** Main-equivalent km of the end of a route. */
export function routeEnd(routeId: string): number {
  return toMainKm(routeId, road().lengthKm(routeId));
}

/** Main-equivalent km of a place on a route (undefined when the route does not pass it). */
export function placeKm(routeId: string, placeId: string): number | undefined {
  const s = stopOf(routeId, placeId);
  return s ? toMainKm(routeId, s.km) : undefined;
}

/**
 * A new family at `km`: 45 % travel alone (the 2018 Saltillo count: 2,622 men, 2,234 women,
 * 2,377 children of 7,233), others 2–7 people with children; families with children walk slower.
 */
export function newFamily(id: number, km: number, c: Caravan, ci: number, random: Random): Family {
  const alone = random() < 0.45;
  const people = alone ? 1 : 2 + Math.floor(random() * random() * 6);
  const children = alone ? 0 : Math.min(people - 1, Math.floor(random() * people));
  const pace = Math.max(18, (38 + 9 * randomNormal(random)) * (children > 0 ? 0.8 : 1.1));
  return {
    id,
    people,
    children,
    routeId: c.routeId,
    km,
    prevKm: km,
    pace,
    fatigue: 0.1 * random(),
    eagerness: Math.min(1, Math.max(0, (children > 0 ? 0.35 : 0.6) + 0.25 * randomNormal(random))),
    caravan: ci,
    labels: [c.label],
    body: c.body,
    status: "moving",
    queueUntil: -1,
    passed: 0,
  };
}

/** Share of the people-weighted km distribution of moving families at `q` (0…1). */
export function quantileKm(families: readonly Family[], q: number): number {
  const xs = families.map((f) => ({ km: f.km, w: f.people })).sort((a, b) => a.km - b.km);
  const total = xs.reduce((a, x) => a + x.w, 0);
  let acc = 0;
  for (const x of xs) {
    acc += x.w;
    if (acc >= q * total) return x.km;
  }
  return xs.length ? xs[xs.length - 1].km : NaN;
}

/** The assembly's plan when the current one has run out (median = people-weighted median km). */
export function decidePlan(
  c: Caravan,
  median: number,
  front75: number,
  fatigue: number,
  day: number,
  random: Random,
): void {
  if (day < c.modeUntil) return;
  const own = fromMainKm(c.routeId, median);
  const end = routeEnd(c.routeId);
  if (median >= end - 5) {
    c.mode = "stay";
    c.modeUntil = day + 1;
    return;
  }
  const near = road()
    .stops.get(c.routeId)
    ?.find((s) => Math.abs(s.km - own) < 15);
  // Waiting for another caravan at a shelter town (up to three weeks).
  if (near && c.waitAt === near.placeId) {
    c.waitUntil ??= day + 21;
    if (day < c.waitUntil) {
      c.stayed.add(near.placeId);
      c.mode = "stay";
      c.modeUntil = day + 1;
      return;
    }
  }
  const town = near && !c.stayed.has(near.placeId) ? near : undefined;
  if (town && isShelterTown(town.placeId)) {
    c.stayed.add(town.placeId);
    // 2018: a day in Tapachula, two in Juchitán, five or six in Mexico City; some towns passed.
    const cmx = town.placeId === "MX-CMX";
    if (cmx || random() < 0.6) {
      c.mode = "stay";
      c.modeUntil = day + (cmx ? 4 + Math.floor(random() * 4) : 1 + Math.floor(random() * 3));
      return;
    }
  }
  if (Math.abs(median - BORDER_KM) < 12 && !c.stayed.has(BORDER_PLACE)) {
    c.stayed.add(BORDER_PLACE);
    c.mode = "held";
    c.modeUntil = day + 1 + Math.floor(random() * 4);
    return;
  }
  if (random() < 0.05 + 0.3 * fatigue) {
    c.mode = "rest";
    c.modeUntil = day + 1;
    return;
  }
  c.mode = "march";
  c.modeUntil = day + 1;
  // The assembly names the next town beyond where its front quarter slept.
  const front = fromMainKm(c.routeId, Math.max(median, front75));
  c.target = toMainKm(c.routeId, stopAhead(c.routeId, front, 30 + 40 * random()).km);
}

function isShelterTown(placeId: string): boolean {
  return ["GT-GUA", "MX-TAP", "MX-JUC", "MX-CMX", "MX-GDL"].includes(placeId);
}

/** One family's walk (or wait) on a day of its caravan's plan; returns the km walked. */
export function walkFamily(f: Family, c: Caravan, median: number, random: Random): number {
  const end = routeEnd(f.routeId);
  if (f.km >= end) return 0;
  // Exhausted families rest whatever the assembly says.
  if (f.fatigue > 0.7 && random() < f.fatigue - 0.35) return 0;
  const stride = f.pace * (1 - 0.45 * f.fatigue) * Math.exp(0.15 * randomNormal(random));
  let goal: number;
  if (c.mode === "march") {
    goal = c.target;
    // Keen families ahead of the target walk on with the vanguard now and then.
    if (f.km >= c.target - 1 && f.eagerness > 0.7 && random() < 0.3) goal = f.km + stride;
  } else {
    // Rest, stay, held: those behind catch up with the body; the others wait.
    goal = median;
  }
  if (c.mode === "held" && f.km < BORDER_KM) goal = Math.min(goal, BORDER_KM - 1);
  // Stragglers far behind take a bus to the body now and then (2018: "rezagados" rejoining).
  if (median - f.km > 60 && random() < 0.4) {
    const stop = stopAtOrBefore(f.routeId, fromMainKm(f.routeId, median));
    if (stop && c.mode !== "held") {
      const before = f.km;
      f.km = Math.max(f.km, toMainKm(f.routeId, stop.km));
      return f.km > before ? 5 : 0;
    }
  }
  const walked = Math.max(0, Math.min(stride, goal - f.km, end - f.km));
  f.km += walked;
  // A lift on a pickup now and then (2018: "dispersing into buses/trucks" in Guatemala).
  // Far behind the town the caravan regroups at, people look harder for a lift.
  const behind = c.mode === "march" ? c.target - f.km : 0;
  const chance = Math.min(0.8, hitchChance(f.km) + Math.max(0, behind - 60) / 300);
  if (c.mode === "march" && walked > 5 && random() < chance) hitch(f, stride, random);
  return walked;
}

function hitchChance(km: number): number {
  return km < BORDER_KM ? 0.4 : km < CMX_KM ? 0.4 : 0.45;
}

/** A lift of 1.5–4 strides, to the town at or before where it drops the family. */
function hitch(f: Family, stride: number, random: Random): void {
  const to = fromMainKm(
    f.routeId,
    Math.min(f.km + stride * (1.5 + 2.5 * random()), routeEnd(f.routeId)),
  );
  const stop = stopAtOrBefore(f.routeId, to);
  if (stop) f.km = Math.max(f.km, toMainKm(f.routeId, stop.km));
}

/** Chance of a burst of trucks on a march day, by region (main-equivalent km). */
function rideChance(km: number): number {
  if (km < BORDER_KM) return 0.35;
  if (km < CMX_KM) return 0.6;
  return 0.75;
}

/**
 * A burst of trucks (south) or organised buses (north of Mexico City) offered at one point: seats
 * fill with the families near it, keenest first; all ride the same distance to a town ahead.
 * @returns people who rode.
 */
export function rideBurst(families: readonly Family[], c: Caravan, random: Random): number {
  if (c.mode !== "march" || families.length === 0) return 0;
  const at = families[Math.floor(random() * families.length)].km;
  if (random() > rideChance(at) * c.rideBias) return 0;
  const north = at >= CMX_KM;
  // Seats for 5–40 % of the caravan's people (10–50 % on the organised buses of the north).
  const people = families.reduce((n, f) => n + f.people, 0);
  let seats = Math.round(people * (north ? 0.1 + 0.4 * random() : 0.05 + 0.35 * random()));
  const distance = north ? 300 + random() * 1200 : 60 + random() * 290;
  const end = routeEnd(c.routeId);
  const own = fromMainKm(c.routeId, Math.min(at + distance, end));
  const dropStop = stopAtOrBefore(c.routeId, own);
  const drop = dropStop ? toMainKm(c.routeId, dropStop.km) : at;
  if (drop <= at + 20) return 0;
  const near = families
    .filter((f) => Math.abs(f.km - at) < 40 && f.km < drop)
    .sort((a, b) => b.eagerness - a.eagerness);
  let rode = 0;
  for (const f of near) {
    if (seats < f.people) continue;
    if (random() > 0.45 + 0.5 * f.eagerness) continue;
    seats -= f.people;
    rode += f.people;
    f.km = Math.min(drop, routeEnd(f.routeId));
    f.fatigue = Math.max(0, f.fatigue - 0.1);
  }
  return rode;
}

/**
 * The one-off decisions at places (queue at the border, claim asylum in Tapachula or Mexico City)
 * and the daily chance of going home. Changes `f.status`.
 */
export function decideStay(f: Family, c: Caravan, day: number, random: Random): void {
  const sinceStart = day - c.departDay;
  const hazard = sinceStart < 7 ? c.earlyReturn : c.lateReturn;
  const end = routeEnd(f.routeId);
  if (f.km >= end) {
    // At the border city: claims in the US queue, returns, people crossing on their own.
    if (random() < 0.025) f.status = random() < 0.5 ? "claimed" : "dispersed";
    return;
  }
  if (random() < hazard) {
    f.status = "returned";
    return;
  }
  if (!(f.passed & PASSED_BORDER) && f.km >= BORDER_KM - 2) {
    f.passed |= PASSED_BORDER;
    if (random() < c.queueShare) {
      f.status = "queue";
      f.km = Math.max(f.km, BORDER_KM);
      f.queueUntil = day + 10 + Math.floor(random() * 31);
      return;
    }
    // Buses home offered at the border (2018: "buses with ~500 more en route").
    if (random() < 0.05) f.status = "returned";
    return;
  }
  if (!(f.passed & PASSED_TAP) && f.km >= TAP_KM) {
    f.passed |= PASSED_TAP;
    if (random() < 0.05) f.status = "claimed";
    return;
  }
  if (!(f.passed & PASSED_CMX) && f.km >= CMX_KM) {
    f.passed |= PASSED_CMX;
    if (random() < 0.04) f.status = "claimed";
  }
}

/** A family whose wait in the border queue ends: asylum (65 %), home (20 %), on alone (15 %). */
export function leaveQueue(f: Family, day: number, random: Random): void {
  if (f.status !== "queue" || day < f.queueUntil) return;
  const r = random();
  f.status = r < 0.65 ? "claimed" : r < 0.85 ? "returned" : "dispersed";
}

/** Fatigue after a day: walking tires, a day without walking rests. */
export function tire(f: Family, walked: number): void {
  f.fatigue = Math.min(1, Math.max(0, f.fatigue + walked / 200 - (walked < 5 ? 0.3 : 0.05)));
}
