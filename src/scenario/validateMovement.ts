/**
 * Checks the movement (`/movement`) and attrition (`/attrition`) of a scenario file, over the
 * base parameters (generic, or "like 2018"): the file's fields override them, movement field by
 * field and attrition rules by the place or stretch they resolve to.
 */
import type { Checker } from "./checker.ts";
import { isObject, rangeMax } from "./checker.ts";
import type { Corridor } from "../geo/corridor.ts";
import { placeIndex } from "./compile.ts";
import { GENERIC_MOVEMENT } from "./defaults.ts";
import type { AttritionRule, Movement, MovementSegment, Stop } from "./types.ts";

const MOVEMENT_KEYS = Object.keys(GENERIC_MOVEMENT);
const SEGMENT_KEYS = [
  "from",
  "to",
  "restDayProbability",
  "rideProbability",
  "walkKmPerDay",
  "rideKmPerDay",
];
const ATTRITION_KEYS = ["place", "from", "to", "asylumClaim", "return", "stay"];

/**
 * Movement over `base`, the file's fields overriding it. A stop's place is written as the name of
 * the corridor place it resolves to (`corridor`, when given): a place folded into a city (the
 * Suchiate bridge into Ciudad Hidalgo) stops there, where before it was ignored at compile time.
 */
export function checkMovement(
  c: Checker,
  value: unknown,
  base: Movement,
  place: (value: unknown, pointer: string) => number | undefined,
  corridor?: Corridor,
): Movement {
  const movement: Movement = { ...base, stops: [...base.stops], segments: [...base.segments] };
  if (value === undefined) return movement;
  if (!isObject(value)) {
    c.add("/movement", "expected_shape", { shape: `{ ${MOVEMENT_KEYS.join(", ")} }` });
    return movement;
  }
  c.keys(value, MOVEMENT_KEYS, "/movement");
  const prob = (key: "restDayProbability" | "rideProbability") => {
    if (value[key] === undefined) return;
    const v = c.range(value[key], `/movement/${key}`, 0, 1, "a probability");
    if (v !== undefined) movement[key] = v;
  };
  const speed = (key: "walkKmPerDay" | "rideKmPerDay") => {
    if (value[key] === undefined) return;
    const v = c.range(value[key], `/movement/${key}`, 0, 5000, "a distance per day (km)");
    if (v !== undefined) movement[key] = v;
  };
  prob("restDayProbability");
  prob("rideProbability");
  speed("walkKmPerDay");
  speed("rideKmPerDay");
  if (value.cohesion !== undefined) {
    const v = c.range(value.cohesion, "/movement/cohesion", 0, 1, "a probability");
    if (typeof v === "number") movement.cohesion = v;
    else if (v !== undefined) c.add("/movement/cohesion", "not_a_range", { what: "cohesion" });
  }
  if (value.persistence !== undefined) {
    const v = c.range(value.persistence, "/movement/persistence", 0, 0.95, "a probability");
    if (typeof v === "number") movement.persistence = v;
    else if (v !== undefined)
      c.add("/movement/persistence", "not_a_range", { what: "persistence" });
  }
  if (value.stopAtShelters !== undefined) {
    if (typeof value.stopAtShelters !== "boolean")
      c.add("/movement/stopAtShelters", "expected_boolean");
    else movement.stopAtShelters = value.stopAtShelters;
  }
  if (value.shelterStopDays !== undefined) {
    const v = c.range(
      value.shelterStopDays,
      "/movement/shelterStopDays",
      1,
      365,
      "a number of days",
      true,
    );
    if (v !== undefined) movement.shelterStopDays = v;
  }
  if (value.stops !== undefined) {
    if (!Array.isArray(value.stops))
      c.add("/movement/stops", "expected_list", { shape: "{ place, days }" });
    else {
      const stops: Stop[] = [];
      value.stops.forEach((s: unknown, i) => {
        const p = `/movement/stops/${i}`;
        if (!isObject(s)) return c.add(p, "expected_shape", { shape: "{ place, days }" });
        c.keys(s, ["place", "days"], p);
        const at = place(s.place, `${p}/place`);
        const days = c.range(s.days, `${p}/days`, 1, 365, "a number of days", true);
        if (at !== undefined && days !== undefined)
          stops.push({ place: placeRef(corridor, at) ?? (s.place as string), days });
      });
      movement.stops = stops;
    }
  }
  if (value.segments !== undefined) {
    if (!Array.isArray(value.segments))
      c.add("/movement/segments", "expected_list", { shape: "{ from, to, … }" });
    else {
      const segments: MovementSegment[] = [];
      value.segments.forEach((s: unknown, i) => {
        const p = `/movement/segments/${i}`;
        if (!isObject(s))
          return c.add(p, "expected_shape", { shape: "{ from, to, restDayProbability, … }" });
        c.keys(s, SEGMENT_KEYS, p);
        const segment: MovementSegment = {};
        // Kept as the matched place (placeRef), not as written: a P-code or a qualified name
        // would not be found again when the scenario is compiled.
        const named = (key: "from" | "to") => {
          const at = s[key] === undefined ? undefined : place(s[key], `${p}/${key}`);
          if (at !== undefined) segment[key] = placeRef(corridor, at) ?? (s[key] as string);
        };
        named("from");
        named("to");
        for (const key of ["restDayProbability", "rideProbability"] as const) {
          if (s[key] !== undefined)
            segment[key] = c.range(s[key], `${p}/${key}`, 0, 1, "a probability");
        }
        for (const key of ["walkKmPerDay", "rideKmPerDay"] as const) {
          if (s[key] !== undefined)
            segment[key] = c.range(s[key], `${p}/${key}`, 0, 5000, "a distance per day (km)");
        }
        segments.push(segment);
      });
      movement.segments = segments;
    }
  }
  return movement;
}

/** Attrition rules: the base rules, less those the file gives again for the same place or stretch, plus the file's. */
export function checkAttrition(
  c: Checker,
  value: unknown,
  base: AttritionRule[],
  place: (value: unknown, pointer: string) => number | undefined,
  corridor: Corridor,
): AttritionRule[] {
  // Base rules are keyed by the place they resolve to, so "Mexico City" and "CDMX" override each other.
  const resolvedKey = (rule: AttritionRule): string => {
    const id = (name: string | undefined) => {
      if (name === undefined) return "";
      const p = corridor.places.find((pl) => pl.placeId === name || pl.name === name);
      return p?.placeId ?? name;
    };
    return rule.place !== undefined
      ? `place:${id(rule.place)}`
      : `from:${id(rule.from)}→${id(rule.to)}`;
  };
  if (value === undefined) return [...base];
  if (!Array.isArray(value)) {
    c.add("/attrition", "expected_list", {
      shape: "{ place | from, to, asylumClaim, return, stay }",
    });
    return [...base];
  }
  const rules: AttritionRule[] = [];
  value.forEach((r: unknown, i) => {
    const p = `/attrition/${i}`;
    if (!isObject(r))
      return c.add(p, "expected_shape", { shape: "{ place, asylumClaim, return, stay }" });
    c.keys(r, ATTRITION_KEYS, p);
    const rule: AttritionRule = {};
    let ok = true;
    if (r.place !== undefined) {
      const at = place(r.place, `${p}/place`);
      if (at === undefined) ok = false;
      else rule.place = corridor.places[at]!.placeId;
      if (r.from !== undefined || r.to !== undefined) c.add(p, "attrition_place_and_stretch");
    } else if (r.to !== undefined) {
      const to = place(r.to, `${p}/to`);
      const from = r.from !== undefined ? place(r.from, `${p}/from`) : undefined;
      if (to === undefined || (r.from !== undefined && from === undefined)) ok = false;
      else {
        rule.to = corridor.places[to]!.placeId;
        if (from !== undefined) rule.from = corridor.places[from]!.placeId;
      }
    } else {
      c.add(p, "attrition_needs_place");
      ok = false;
    }
    let sumMax = 0;
    for (const key of ["asylumClaim", "return", "stay"] as const) {
      if (r[key] === undefined) continue;
      const v = c.range(r[key], `${p}/${key}`, 0, 1, "a share of the people arriving");
      if (v === undefined) ok = false;
      else {
        rule[key] = v;
        sumMax += rangeMax(v);
      }
    }
    if (sumMax > 1 + 1e-9) {
      c.add(p, "attrition_sum", { total: +sumMax.toFixed(4) });
      ok = false;
    }
    if (ok) rules.push(rule);
  });
  const given = new Set(rules.map(resolvedKey));
  return [...base.filter((rule) => !given.has(resolvedKey(rule))), ...rules];
}

/**
 * How a stop or a stretch keeps the place it was matched to: its name, as the calibration and
 * readers name places, unless the compiled scenario would find another place by that name (a
 * `--places` file with two places of one name) — then its id, which compiles to it exactly.
 */
function placeRef(corridor: Corridor | undefined, at: number): string | undefined {
  const place = corridor?.places[at];
  if (!corridor || !place) return undefined;
  return placeIndex(corridor, place.name) === at ? place.name : place.placeId;
}
