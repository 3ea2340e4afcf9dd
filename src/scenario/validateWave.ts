/**
 * Checks one wave of a scenario file (`/waves/i`): origin, dates, people (within the stated
 * limit), composition, groups, destination and routes.
 */
import { isoDate } from "../calendar/index.ts";
import type { Checker } from "./checker.ts";
import { isObject } from "./checker.ts";
import { DEFAULT_COMPOSITION } from "./defaults.ts";
import { SCENARIO_LIMITS } from "./limits.ts";
import { checkDate } from "./scenarioDate.ts";
import type { Resolver } from "./validatePlaces.ts";
import type { Composition, NumberOrRange, ResolvedWave, RouteChoice } from "./types.ts";

const WAVE_KEYS = [
  "label",
  "origin",
  "date",
  "people",
  "composition",
  "route",
  "destination",
  "groups",
];
const COMPOSITION_KEYS = Object.keys(DEFAULT_COMPOSITION);

/** A wave checked, with its departure days still as day numbers. */
export type CheckedWave = Omit<ResolvedWave, "firstDay" | "lastDay"> & {
  from: number;
  to: number;
  index: number;
};

/** What a wave inherits from the top of the file. */
export interface WaveDefaults {
  composition: Composition;
  route?: RouteChoice[];
  /** Whether the file gives a top-level `route` (errors then point at it). */
  topRouteGiven: boolean;
  destination?: number;
}

/** The departure day(s) of a wave: `[from, to]`, or undefined after an error. */
function checkDates(c: Checker, date: unknown, p: string): [number, number] | undefined {
  if (typeof date === "string") {
    const day = checkDate(c, date, `${p}/date`);
    return day === undefined ? undefined : [day, day];
  }
  if (!isObject(date)) {
    c.add(`${p}/date`, "expected_date_or_range");
    return undefined;
  }
  c.keys(date, ["from", "to"], `${p}/date`);
  const day = (key: "from" | "to") => checkDate(c, date[key], `${p}/date/${key}`);
  const from = day("from");
  const to = day("to");
  if (from === undefined || to === undefined) return undefined;
  if (from > to) {
    c.add(`${p}/date`, "dates_reversed", { from: isoDate(from), to: isoDate(to) });
    return undefined;
  }
  return [from, to];
}

/** The shares of men, women, children and unaccompanied children; they must add up to 1. */
function checkComposition(c: Checker, value: unknown, p: string, base: Composition): Composition {
  if (value === undefined) return { ...base };
  if (!isObject(value)) {
    c.add(p, "expected_shape", { shape: `shares { ${COMPOSITION_KEYS.join(", ")} }` });
    return { ...base };
  }
  c.keys(value, COMPOSITION_KEYS, p);
  let ok = true;
  const shares: Record<string, number> = {};
  for (const key of COMPOSITION_KEYS) {
    const share = c.range(value[key] ?? 0, `${p}/${key}`, 0, 1, `the share of ${key}`);
    if (typeof share !== "number") ok = false;
    else shares[key] = share;
  }
  const total = Object.values(shares).reduce((s, v) => s + v, 0);
  if (ok && Math.abs(total - 1) > 0.005) {
    c.add(p, "composition_sum", { total: +total.toFixed(4) });
    ok = false;
  }
  return ok ? (shares as unknown as Composition) : { ...base };
}

/** The wave's routes: given, inherited, or the first route passing origin (then destination). */
function checkRoutes(
  c: Checker,
  r: Resolver,
  wave: Record<string, unknown>,
  p: string,
  defaults: WaveDefaults,
  given: RouteChoice[] | undefined,
  origin: number,
  destination: number | undefined,
): RouteChoice[] | undefined {
  const { corridor } = r;
  let routes = given ?? defaults.route;
  const routePointer =
    wave.route !== undefined ? `${p}/route` : defaults.topRouteGiven ? "/route" : `${p}/origin`;
  const name = (index: number) => corridor.places[index]!.name;
  if (routes === undefined) {
    const route = [...corridor.routes.values()].find((route) => {
      const a = route.kmOf[origin]!;
      if (Number.isNaN(a)) return false;
      if (destination === undefined) return true;
      const b = route.kmOf[destination]!;
      return !Number.isNaN(b) && b > a;
    });
    if (!route) {
      c.add(routePointer, "no_route_passes", {
        origin: name(origin),
        ...(destination !== undefined ? { destination: name(destination) } : {}),
      });
      return undefined;
    }
    routes = [{ routeId: route.routeId, share: 1 }];
  }
  for (const choice of routes) {
    const route = corridor.routes.get(choice.routeId)!;
    const a = route.kmOf[origin]!;
    if (Number.isNaN(a)) {
      c.add(routePointer, "route_misses_origin", { route: choice.routeId, origin: name(origin) });
    } else if (destination !== undefined) {
      const b = route.kmOf[destination]!;
      if (Number.isNaN(b) || b <= a)
        c.add(
          wave.destination !== undefined ? `${p}/destination` : "/destination",
          "route_misses_destination",
          { route: choice.routeId, destination: name(destination), origin: name(origin) },
        );
    }
  }
  return routes;
}

/** The people of a wave: a whole number or range within 0…{@link SCENARIO_LIMITS.maxPeople}. */
function checkPeople(c: Checker, value: unknown, p: string): NumberOrRange | undefined {
  if (value === undefined) {
    c.add(`${p}/people`, "expected_people");
    return undefined;
  }
  return c.range(value, `${p}/people`, 0, SCENARIO_LIMITS.maxPeople, "people", true);
}

/** Checks wave `i`; returns it when usable (its problems are in `c` either way). */
export function checkWave(
  c: Checker,
  r: Resolver,
  wave: unknown,
  i: number,
  defaults: WaveDefaults,
): CheckedWave | undefined {
  const p = `/waves/${i}`;
  if (!isObject(wave)) return void c.add(p, "expected_wave");
  c.keys(wave, WAVE_KEYS, p);
  const origin = r.place(wave.origin, `${p}/origin`);
  const dates = checkDates(c, wave.date, p);
  const people = checkPeople(c, wave.people, p);
  const composition = checkComposition(
    c,
    wave.composition,
    `${p}/composition`,
    defaults.composition,
  );
  const groups =
    wave.groups === undefined
      ? undefined
      : c.integer(
          wave.groups,
          `${p}/groups`,
          1,
          SCENARIO_LIMITS.maxGroups,
          1,
          "the number of groups",
        );
  const destination =
    wave.destination !== undefined
      ? r.place(wave.destination, `${p}/destination`)
      : defaults.destination;
  const given = r.routeChoices(wave.route, `${p}/route`);
  if (origin === undefined) return undefined;
  const routes = checkRoutes(c, r, wave, p, defaults, given, origin, destination);
  if (!dates || people === undefined || !routes) return undefined;
  const mean = typeof people === "number" ? people : (people.min + people.max) / 2;
  return {
    label: typeof wave.label === "string" ? wave.label : `wave ${i + 1}`,
    originPlaceId: r.corridor.places[origin]!.placeId,
    destinationPlaceId:
      destination !== undefined ? r.corridor.places[destination]!.placeId : undefined,
    people,
    composition,
    routes,
    groups: groups ?? Math.min(24, Math.max(4, Math.ceil(mean / 500))),
    from: dates[0],
    to: dates[1],
    index: i,
  };
}
