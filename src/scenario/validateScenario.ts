/**
 * Checks a parsed scenario.json and fills in its defaults. Every problem is collected (never
 * thrown) with a JSON pointer to the field and what was expected, so a planner sees them all at once.
 */
import type { Dataset } from "../model/dataset.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import { buildCorridor } from "./corridor.ts";
import type { Corridor } from "./corridor.ts";
import { dayNumber, isoDate } from "./days.ts";
import { DEFAULT_COMPOSITION, FALLBACK_2018, GENERIC_MOVEMENT, SPHERE_2018 } from "./defaults.ts";
import type {
  AttritionRule,
  Composition,
  Movement,
  MovementSegment,
  NumberOrRange,
  PlanningFigures,
  ResolvedWave,
  RouteChoice,
  Scenario,
  ScenarioError,
  ScenarioParameters,
  ShelterCapacity,
  Stop,
} from "./types.ts";

/** What a scenario is checked against. */
export interface ScenarioContext {
  /** Places and routes (the embedded 2018 data or a user's). */
  dataset: Pick<Dataset, "places" | "routes">;
  /** The corridor of `dataset`, when already built (saves rebuilding it). */
  corridor?: Corridor;
  /** Parameters for `"like": "2018"` (from {@link calibrateFromReplay}); default the fallback figures. */
  like2018?: ScenarioParameters;
}

/** The result of {@link validateScenario}: the scenario when usable, and every problem found. */
export interface ScenarioValidation {
  scenario?: Scenario;
  errors: ScenarioError[];
}

const TOP_KEYS = [
  "$schema",
  "name",
  "like",
  "start",
  "horizonDays",
  "runs",
  "seed",
  "waves",
  "route",
  "destination",
  "movement",
  "attrition",
  "destinationLeavePerDay",
  "shelters",
  "planning",
  "presenceRadiusKm",
];
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
const PLANNING_KEYS = Object.keys(SPHERE_2018);
const COMPOSITION_KEYS = Object.keys(DEFAULT_COMPOSITION);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON pointer escaping (RFC 6901). */
const escape = (key: string | number): string =>
  String(key).replace(/~/g, "~0").replace(/\//g, "~1");

class Checker {
  errors: ScenarioError[] = [];
  add(pointer: string, message: string): void {
    this.errors.push({ pointer, message });
  }
  keys(value: Record<string, unknown>, allowed: string[], pointer: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.add(
          `${pointer}/${escape(key)}`,
          `unknown field "${key}"; expected one of ${allowed.join(", ")}`,
        );
      }
    }
  }
  /** A number or {min,max} within [lo, hi]; returns it, or undefined after an error. */
  range(
    value: unknown,
    pointer: string,
    lo: number,
    hi: number,
    what: string,
    integer = false,
  ): NumberOrRange | undefined {
    const check = (v: unknown, p: string): number | undefined => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        this.add(p, `expected ${what}: a number, got ${JSON.stringify(v)}`);
        return undefined;
      }
      if (v < lo || v > hi) {
        const bound = hi === Infinity ? `≥ ${lo}` : `between ${lo} and ${hi}`;
        this.add(p, `${what} must be ${bound}, got ${v}`);
        return undefined;
      }
      if (integer && !Number.isInteger(v)) {
        this.add(p, `${what} must be a whole number, got ${v}`);
        return undefined;
      }
      return v;
    };
    if (isObject(value)) {
      this.keys(value, ["min", "max"], pointer);
      const min = check(value.min, `${pointer}/min`);
      const max = check(value.max, `${pointer}/max`);
      if (min === undefined || max === undefined) return undefined;
      if (min > max) {
        this.add(pointer, `range is reversed: min ${min} is greater than max ${max}`);
        return undefined;
      }
      return { min, max };
    }
    return check(value, pointer);
  }
}

const rangeMax = (r: NumberOrRange): number => (typeof r === "number" ? r : r.max);

/**
 * Validates a parsed scenario.json against the dataset and fills in the defaults: the 2018
 * composition, Sphere 2018 planning figures, and (with `"like": "2018"`) the calibrated 2018
 * movement and attrition, which the file's own fields override (attrition rules by place or
 * stretch, movement field by field).
 *
 * Problems found (all at once, each with a JSON pointer): unknown fields, unknown places (with the
 * closest names), places not on the chosen route, negative or non-numeric people, reversed dates
 * or ranges, shares that do not add up to 1, probabilities outside 0–1.
 *
 * @param json the parsed JSON (anything; nothing is assumed about its shape).
 * @param context the dataset to resolve places and routes in.
 * @returns `{ scenario, errors }`; `scenario` is undefined when there are errors.
 * @example
 * const { scenario, errors } = validateScenario(
 *   { waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 5000 }], like: "2018" },
 *   { dataset: embedded2018() },
 * );
 * errors; // => []
 */
export function validateScenario(json: unknown, context: ScenarioContext): ScenarioValidation {
  const c = new Checker();
  if (!isObject(json)) {
    c.add("", "a scenario must be a JSON object with at least a `waves` list");
    return { errors: c.errors };
  }
  c.keys(json, TOP_KEYS, "");
  const corridor = context.corridor ?? buildCorridor(context.dataset);
  const gazetteer = createGazetteer(context.dataset.places);

  /** Resolves a place name (or id) to a corridor place index. */
  const place = (value: unknown, pointer: string): number | undefined => {
    if (typeof value !== "string" || value.trim() === "") {
      c.add(pointer, `expected a place name, got ${JSON.stringify(value)}`);
      return undefined;
    }
    const found = gazetteer.find(value) ?? gazetteer.findById(value);
    if (!found) {
      const close = gazetteer.suggest(value, 3).map((m) => `"${m.place.name}"`);
      c.add(
        pointer,
        `unknown place "${value}"` + (close.length ? `; did you mean ${close.join(", ")}?` : ""),
      );
      return undefined;
    }
    const index = corridor.indexOf.get(found.placeId);
    if (index === undefined) {
      c.add(pointer, `place "${found.name}" is not on any route of the dataset`);
      return undefined;
    }
    return index;
  };

  const routeIds = [...corridor.routes.keys()];
  const routeChoices = (value: unknown, pointer: string): RouteChoice[] | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === "string") {
      if (corridor.routes.has(value)) return [{ routeId: value, share: 1 }];
      c.add(pointer, `unknown route "${value}"; routes: ${routeIds.join(", ")}`);
      return undefined;
    }
    if (!Array.isArray(value) || value.length === 0) {
      c.add(
        pointer,
        `expected a route id or a list of { routeId, share }; routes: ${routeIds.join(", ")}`,
      );
      return undefined;
    }
    const out: RouteChoice[] = [];
    value.forEach((item: unknown, i) => {
      const p = `${pointer}/${i}`;
      if (!isObject(item)) return c.add(p, "expected { routeId, share }");
      c.keys(item, ["routeId", "share"], p);
      if (typeof item.routeId !== "string" || !corridor.routes.has(item.routeId)) {
        c.add(
          `${p}/routeId`,
          `unknown route ${JSON.stringify(item.routeId)}; routes: ${routeIds.join(", ")}`,
        );
        return;
      }
      const share = c.range(item.share, `${p}/share`, 0, 1, "a route share");
      if (typeof share === "number") out.push({ routeId: item.routeId, share });
      else if (share !== undefined) c.add(`${p}/share`, "a route share is a number, not a range");
    });
    if (out.length !== value.length) return undefined;
    const total = out.reduce((s, r) => s + r.share, 0);
    if (Math.abs(total - 1) > 0.005) {
      c.add(pointer, `route shares must add up to 1, they add up to ${+total.toFixed(4)}`);
      return undefined;
    }
    return out;
  };

  // ── base parameters ──
  let like: "2018" | undefined;
  if (json.like !== undefined) {
    if (json.like === "2018") like = "2018";
    else
      c.add(
        "/like",
        `expected "2018" (the only calibrated replay), got ${JSON.stringify(json.like)}`,
      );
  }
  const base: ScenarioParameters =
    like === "2018"
      ? (context.like2018 ?? FALLBACK_2018)
      : {
          movement: GENERIC_MOVEMENT,
          attrition: [],
          destinationLeavePerDay: 0,
          composition: DEFAULT_COMPOSITION,
          notes: ["generic movement (Flee-like walking speed); no attrition unless given"],
        };

  const integer = (
    value: unknown,
    pointer: string,
    lo: number,
    hi: number,
    fallback: number,
    what: string,
  ) => {
    if (value === undefined) return fallback;
    const v = c.range(value, pointer, lo, hi, what, true);
    if (typeof v === "object") c.add(pointer, `${what} is a number, not a range`);
    return typeof v === "number" ? v : fallback;
  };
  const horizonDays = integer(
    json.horizonDays,
    "/horizonDays",
    1,
    3650,
    120,
    "the horizon in days",
  );
  const runs = integer(json.runs, "/runs", 1, 1_000_000, 1000, "the number of runs");
  const seed = integer(json.seed, "/seed", 0, 2 ** 32 - 1, 1, "the seed");
  const presenceRadiusKm =
    json.presenceRadiusKm === undefined
      ? 10
      : ((c.range(
          json.presenceRadiusKm,
          "/presenceRadiusKm",
          0,
          500,
          "the presence radius (km)",
        ) as number) ?? 10);
  const name = typeof json.name === "string" ? json.name : "scenario";
  if (json.name !== undefined && typeof json.name !== "string") c.add("/name", "expected a text");

  const topRoute = routeChoices(json.route, "/route");
  let topDestination: number | undefined;
  if (json.destination !== undefined) topDestination = place(json.destination, "/destination");

  // ── waves ──
  const waves: (Omit<ResolvedWave, "firstDay" | "lastDay"> & {
    from: number;
    to: number;
    index: number;
  })[] = [];
  if (!Array.isArray(json.waves) || json.waves.length === 0) {
    c.add("/waves", "expected a list of at least one wave ({ origin, date, people })");
  } else {
    json.waves.forEach((wave: unknown, i) => {
      const p = `/waves/${i}`;
      if (!isObject(wave)) return c.add(p, "expected a wave object { origin, date, people }");
      c.keys(wave, WAVE_KEYS, p);
      const origin = place(wave.origin, `${p}/origin`);
      // Dates.
      let from: number | undefined;
      let to: number | undefined;
      if (typeof wave.date === "string") {
        from = to = dayNumber(wave.date);
        if (from === undefined)
          c.add(`${p}/date`, `expected a date YYYY-MM-DD, got "${wave.date}"`);
      } else if (isObject(wave.date)) {
        c.keys(wave.date, ["from", "to"], `${p}/date`);
        from = typeof wave.date.from === "string" ? dayNumber(wave.date.from) : undefined;
        to = typeof wave.date.to === "string" ? dayNumber(wave.date.to) : undefined;
        if (from === undefined)
          c.add(
            `${p}/date/from`,
            `expected a date YYYY-MM-DD, got ${JSON.stringify(wave.date.from)}`,
          );
        if (to === undefined)
          c.add(`${p}/date/to`, `expected a date YYYY-MM-DD, got ${JSON.stringify(wave.date.to)}`);
        if (from !== undefined && to !== undefined && from > to) {
          c.add(
            `${p}/date`,
            `dates are reversed: from ${isoDate(from)} is after to ${isoDate(to)}`,
          );
          from = undefined;
        }
      } else {
        c.add(`${p}/date`, "expected a date YYYY-MM-DD or a range { from, to }");
      }
      const people =
        wave.people === undefined
          ? (c.add(`${p}/people`, "expected the number of people (or { min, max })"), undefined)
          : c.range(wave.people, `${p}/people`, 0, Infinity, "people", true);
      // Composition.
      let composition: Composition = { ...base.composition };
      if (wave.composition !== undefined) {
        if (!isObject(wave.composition)) {
          c.add(`${p}/composition`, `expected shares { ${COMPOSITION_KEYS.join(", ")} }`);
        } else {
          c.keys(wave.composition, COMPOSITION_KEYS, `${p}/composition`);
          let ok = true;
          const shares: Record<string, number> = {};
          for (const key of COMPOSITION_KEYS) {
            const v = wave.composition[key] ?? 0;
            const share = c.range(v, `${p}/composition/${key}`, 0, 1, `the share of ${key}`);
            if (typeof share !== "number") ok = false;
            else shares[key] = share;
          }
          const total = Object.values(shares).reduce((s, v) => s + v, 0);
          if (ok && Math.abs(total - 1) > 0.005) {
            c.add(
              `${p}/composition`,
              `shares must add up to 1 (men + women + children + unaccompaniedChildren), they add up to ${+total.toFixed(4)}`,
            );
            ok = false;
          }
          if (ok) composition = shares as unknown as Composition;
        }
      }
      const groups =
        wave.groups === undefined
          ? undefined
          : integer(wave.groups, `${p}/groups`, 1, 1000, 1, "the number of groups");
      const destination =
        wave.destination !== undefined
          ? place(wave.destination, `${p}/destination`)
          : topDestination;
      let routes = routeChoices(wave.route, `${p}/route`) ?? topRoute;
      const routePointer =
        wave.route !== undefined
          ? `${p}/route`
          : json.route !== undefined
            ? "/route"
            : `${p}/origin`;
      if (origin !== undefined && routes === undefined) {
        // The first route passing the origin (and the destination after it, when given).
        const route = [...corridor.routes.values()].find((r) => {
          const a = r.kmOf[origin]!;
          if (Number.isNaN(a)) return false;
          if (destination === undefined) return true;
          const b = r.kmOf[destination]!;
          return !Number.isNaN(b) && b > a;
        });
        if (route) routes = [{ routeId: route.routeId, share: 1 }];
        else
          c.add(
            routePointer,
            `no route passes ${corridor.places[origin]!.name}` +
              (destination !== undefined ? ` and then ${corridor.places[destination]!.name}` : ""),
          );
      }
      if (origin !== undefined && routes) {
        for (const choice of routes) {
          const r = corridor.routes.get(choice.routeId)!;
          const a = r.kmOf[origin]!;
          if (Number.isNaN(a)) {
            c.add(
              routePointer,
              `route ${choice.routeId} does not pass the origin ${corridor.places[origin]!.name}`,
            );
          } else if (destination !== undefined) {
            const b = r.kmOf[destination]!;
            if (Number.isNaN(b) || b <= a)
              c.add(
                wave.destination !== undefined ? `${p}/destination` : "/destination",
                `route ${choice.routeId} does not reach ${corridor.places[destination]!.name} after ${corridor.places[origin]!.name}`,
              );
          }
        }
      }
      if (
        origin !== undefined &&
        from !== undefined &&
        to !== undefined &&
        people !== undefined &&
        routes
      ) {
        const mean = typeof people === "number" ? people : (people.min + people.max) / 2;
        waves.push({
          label: typeof wave.label === "string" ? wave.label : `wave ${i + 1}`,
          originPlaceId: corridor.places[origin]!.placeId,
          destinationPlaceId:
            destination !== undefined ? corridor.places[destination]!.placeId : undefined,
          people,
          composition,
          routes,
          groups: groups ?? Math.min(24, Math.max(4, Math.ceil(mean / 500))),
          from,
          to,
          index: i,
        });
      }
    });
  }

  // ── start date ──
  let start = waves.length ? Math.min(...waves.map((w) => w.from)) : 0;
  if (json.start !== undefined) {
    const s = typeof json.start === "string" ? dayNumber(json.start) : undefined;
    if (s === undefined)
      c.add("/start", `expected a date YYYY-MM-DD, got ${JSON.stringify(json.start)}`);
    else {
      waves.forEach((w) => {
        if (w.from < s)
          c.add(
            `/waves/${w.index}/date`,
            `the wave leaves before the scenario start ${isoDate(s)}`,
          );
      });
      start = s;
    }
  }
  for (const w of waves) {
    if (w.to >= start + horizonDays) {
      c.add(
        `/waves/${w.index}/date`,
        `the wave leaves on ${isoDate(w.to)}, after the horizon ends on ${isoDate(start + horizonDays - 1)}; raise horizonDays`,
      );
    }
  }

  // ── movement ──
  const movement = checkMovement(c, json.movement, base.movement, place);

  // ── attrition ──
  const attrition = checkAttrition(c, json.attrition, base.attrition, place, corridor);

  // ── destination leave rate, shelters, planning ──
  const destinationLeavePerDay =
    json.destinationLeavePerDay === undefined
      ? base.destinationLeavePerDay
      : (c.range(json.destinationLeavePerDay, "/destinationLeavePerDay", 0, 1, "a daily share") ??
        0);
  const shelters: ShelterCapacity[] = [];
  if (json.shelters !== undefined) {
    if (!Array.isArray(json.shelters)) c.add("/shelters", "expected a list of { place, capacity }");
    else
      json.shelters.forEach((s: unknown, i) => {
        const p = `/shelters/${i}`;
        if (!isObject(s)) return c.add(p, "expected { place, capacity }");
        c.keys(s, ["place", "capacity"], p);
        const at = place(s.place, `${p}/place`);
        const capacity = c.range(
          s.capacity,
          `${p}/capacity`,
          0,
          10_000_000,
          "a capacity (people)",
          true,
        );
        if (typeof capacity === "object")
          c.add(`${p}/capacity`, "a capacity is a number, not a range");
        if (at !== undefined && typeof capacity === "number")
          shelters.push({ place: corridor.places[at]!.placeId, capacity });
      });
  }
  const planning: PlanningFigures = { ...SPHERE_2018 };
  if (json.planning !== undefined) {
    if (!isObject(json.planning)) c.add("/planning", `expected { ${PLANNING_KEYS.join(", ")} }`);
    else {
      c.keys(json.planning, PLANNING_KEYS, "/planning");
      for (const key of PLANNING_KEYS as (keyof PlanningFigures)[]) {
        const v = json.planning[key];
        if (v === undefined) continue;
        const lo = key === "latrineLaterAfterDays" ? 0 : Number.MIN_VALUE;
        const checked = c.range(v, `/planning/${key}`, lo, 1e6, `the planning figure ${key}`);
        if (typeof checked === "object")
          c.add(`/planning/${key}`, "a planning figure is a number, not a range");
        else if (checked !== undefined) planning[key] = checked;
      }
    }
  }

  if (c.errors.length) return { errors: c.errors };
  const scenario: Scenario = {
    name,
    like,
    start: isoDate(start),
    horizonDays,
    runs,
    seed,
    waves: waves.map(({ from, to, index: _index, ...w }) => ({
      ...w,
      firstDay: from - start,
      lastDay: to - start,
    })),
    movement,
    attrition,
    destinationLeavePerDay,
    shelters,
    planning,
    presenceRadiusKm,
    notes: [...base.notes],
  };
  return { scenario, errors: [] };
}

function checkMovement(
  c: Checker,
  value: unknown,
  base: Movement,
  place: (value: unknown, pointer: string) => number | undefined,
): Movement {
  const movement: Movement = { ...base, stops: [...base.stops], segments: [...base.segments] };
  if (value === undefined) return movement;
  if (!isObject(value)) {
    c.add("/movement", `expected { ${MOVEMENT_KEYS.join(", ")} }`);
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
    else if (v !== undefined) c.add("/movement/cohesion", "cohesion is a number, not a range");
  }
  if (value.stopAtShelters !== undefined) {
    if (typeof value.stopAtShelters !== "boolean")
      c.add("/movement/stopAtShelters", "expected true or false");
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
    if (!Array.isArray(value.stops)) c.add("/movement/stops", "expected a list of { place, days }");
    else {
      const stops: Stop[] = [];
      value.stops.forEach((s: unknown, i) => {
        const p = `/movement/stops/${i}`;
        if (!isObject(s)) return c.add(p, "expected { place, days }");
        c.keys(s, ["place", "days"], p);
        const at = place(s.place, `${p}/place`);
        const days = c.range(s.days, `${p}/days`, 1, 365, "a number of days", true);
        if (at !== undefined && days !== undefined) stops.push({ place: s.place as string, days });
      });
      movement.stops = stops;
    }
  }
  if (value.segments !== undefined) {
    if (!Array.isArray(value.segments))
      c.add("/movement/segments", "expected a list of { from, to, … }");
    else {
      const segments: MovementSegment[] = [];
      value.segments.forEach((s: unknown, i) => {
        const p = `/movement/segments/${i}`;
        if (!isObject(s)) return c.add(p, "expected { from, to, restDayProbability, … }");
        c.keys(s, SEGMENT_KEYS, p);
        const segment: MovementSegment = {};
        if (s.from !== undefined && place(s.from, `${p}/from`) !== undefined)
          segment.from = s.from as string;
        if (s.to !== undefined && place(s.to, `${p}/to`) !== undefined) segment.to = s.to as string;
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

function checkAttrition(
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
    c.add("/attrition", "expected a list of { place | from, to, asylumClaim, return, stay }");
    return [...base];
  }
  const rules: AttritionRule[] = [];
  value.forEach((r: unknown, i) => {
    const p = `/attrition/${i}`;
    if (!isObject(r)) return c.add(p, "expected { place, asylumClaim, return, stay }");
    c.keys(r, ATTRITION_KEYS, p);
    const rule: AttritionRule = {};
    let ok = true;
    if (r.place !== undefined) {
      const at = place(r.place, `${p}/place`);
      if (at === undefined) ok = false;
      else rule.place = corridor.places[at]!.placeId;
      if (r.from !== undefined || r.to !== undefined)
        c.add(p, "give either `place` or a stretch `from`–`to`, not both");
    } else if (r.to !== undefined) {
      const to = place(r.to, `${p}/to`);
      const from = r.from !== undefined ? place(r.from, `${p}/from`) : undefined;
      if (to === undefined || (r.from !== undefined && from === undefined)) ok = false;
      else {
        rule.to = corridor.places[to]!.placeId;
        if (from !== undefined) rule.from = corridor.places[from]!.placeId;
      }
    } else {
      c.add(p, "an attrition rule needs a `place`, or a stretch with at least `to`");
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
      c.add(p, `asylumClaim + return + stay must not exceed 1 (they reach ${+sumMax.toFixed(4)})`);
      ok = false;
    }
    if (ok) rules.push(rule);
  });
  const given = new Set(rules.map(resolvedKey));
  return [...base.filter((rule) => !given.has(resolvedKey(rule))), ...rules];
}
