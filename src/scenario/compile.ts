/**
 * Turns a validated scenario into flat arrays the Monte Carlo kernel runs on: routes as sorted
 * stops, groups (cohorts) with their departure day, attrition and stops per route stop, and the
 * movement bands (segments) per route. Everything uncertain stays a range; the kernel samples it.
 */
import type { DtmWarning } from "../model/warning.ts";
import type { Place } from "../model/place.ts";
import type { Corridor } from "../geo/corridor.ts";
import type { AttritionRule, Movement, NumberOrRange, Scenario } from "./types.ts";

/** One route of the scenario, as the kernel sees it. */
export interface CompiledRoute {
  routeId: string;
  /** Place index of each stop, by increasing km: into the corridor while compiling, then into
   * {@link CompiledScenario.places} (-1 for a stop no group reaches). */
  place: Int32Array;
  km: Float64Array;
  /** Days to stay at each stop (undefined: pass through). */
  dwell: (NumberOrRange | undefined)[];
  /** Attrition rules (indices into CompiledScenario.rules) that apply on arrival at each stop. */
  rules: number[][];
  /** Movement bands: the first whose [startKm, endKm) holds the group's km wins; the last is the default. */
  bands: { startKm: number; endKm: number; band: MovementBand }[];
}

/**
 * How far before its `from` place a segment's movement starts, and before its `to` place it ends
 * (km): a group at a place or just short of it (Tecún Umán, 1.4 km before Ciudad Hidalgo across the Suchiate) moves on with the
 * segment's law. The calibration assigns a day's move to a stretch by the same rule
 * (src/scenario/calibrateMovement.ts), so the kernel moves with the law each move was fitted in.
 * (Before, a wave leaving Tecún Umán rode its first day with the faster law of Guatemala.)
 */
export const SEGMENT_LEAD_KM = 10;

/** Movement parameters on a stretch (ranges sampled per run for probabilities, per day for speeds). */
export interface MovementBand {
  restDayProbability: NumberOrRange;
  rideProbability: NumberOrRange;
  walkKmPerDay: NumberOrRange;
  rideKmPerDay: NumberOrRange;
}

/** One group (cohort) of a wave on one route. */
export interface CompiledCohort {
  wave: number;
  route: number;
  /** Share of the wave's people in this group. */
  share: number;
  departDay: number;
  originStop: number;
  destinationStop: number;
}

export interface CompiledScenario {
  /** Places some group can reach, in corridor order; the kernel's place indices refer to these. */
  places: Place[];
  /** Index in the corridor of each of `places`. */
  corridorIndex: Int32Array;
  capacity: (number | undefined)[];
  days: number;
  routes: CompiledRoute[];
  cohorts: CompiledCohort[];
  /** People per wave (sampled per run) and how the wave is split among its groups. */
  wavePeople: NumberOrRange[];
  rules: AttritionRule[];
  cohesion: number;
  /** Probability that a group's day repeats its previous day's regime (the law's persistence). */
  persistence: number;
  destinationLeavePerDay: NumberOrRange;
  presenceRadiusKm: number;
  /** `stop_not_on_corridor`, `attrition_place_not_on_corridor` (`source.module` "scenario"). */
  warnings: DtmWarning<ScenarioWarningCode>[];
}

/** Codes of the scenario's warnings. */
export type ScenarioWarningCode = "stop_not_on_corridor" | "attrition_place_not_on_corridor";

function scenarioWarning(
  code: ScenarioWarningCode,
  message: string,
): DtmWarning<ScenarioWarningCode> {
  return { code, message, source: { module: "scenario" } };
}

/**
 * The corridor index of a place as a scenario names it: its id, else its name or an alias (any
 * case, accents or not; the first place that has it).
 */
export function placeIndex(corridor: Corridor, name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  const direct = corridor.indexOf.get(name);
  if (direct !== undefined) return direct;
  const wanted = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
  const index = corridor.places.findIndex((p) =>
    [p.name, ...(p.aliases ?? [])].some(
      (n) =>
        n
          .normalize("NFD")
          .replace(/\p{Diacritic}/gu, "")
          .toLowerCase()
          .trim() === wanted,
    ),
  );
  return index >= 0 ? index : undefined;
}

/**
 * One route as the kernel sees it: its stops by km, the days to stay at each, the attrition rules
 * that apply on arrival at each, and its movement bands.
 */
function compileRoute(
  routeId: string,
  corridor: Corridor,
  movement: Movement,
  dwellByPlace: Map<number, NumberOrRange>,
  rules: AttritionRule[],
): CompiledRoute {
  const source = corridor.routes.get(routeId)!;
  const stops = source.stops;
  const kmOf = (name: string | undefined): number | undefined => {
    const index = placeIndex(corridor, name);
    if (index === undefined) return undefined;
    const km = source.kmOf[index]!;
    return Number.isNaN(km) ? undefined : km;
  };
  const base: MovementBand = {
    restDayProbability: movement.restDayProbability,
    rideProbability: movement.rideProbability,
    walkKmPerDay: movement.walkKmPerDay,
    rideKmPerDay: movement.rideKmPerDay,
  };
  const bands: CompiledRoute["bands"] = [];
  // Later segments override earlier ones: the kernel takes the first match, so list them reversed.
  for (const segment of [...movement.segments].reverse()) {
    const fromKm = segment.from === undefined ? -Infinity : kmOf(segment.from);
    const startKm = fromKm === undefined ? undefined : fromKm - SEGMENT_LEAD_KM;
    const toKm = segment.to === undefined ? Infinity : kmOf(segment.to);
    const endKm = toKm === undefined ? undefined : toKm - SEGMENT_LEAD_KM;
    if (startKm === undefined || endKm === undefined) continue; // not on this route
    bands.push({
      startKm,
      endKm,
      band: {
        restDayProbability: segment.restDayProbability ?? base.restDayProbability,
        rideProbability: segment.rideProbability ?? base.rideProbability,
        walkKmPerDay: segment.walkKmPerDay ?? base.walkKmPerDay,
        rideKmPerDay: segment.rideKmPerDay ?? base.rideKmPerDay,
      },
    });
  }
  bands.push({ startKm: -Infinity, endKm: Infinity, band: base });
  const ruleLists: number[][] = stops.map(() => []);
  rules.forEach((rule, r) => {
    if (rule.place !== undefined) {
      const index = placeIndex(corridor, rule.place);
      const s = stops.findIndex((stop) => stop.place === index);
      if (s >= 0) ruleLists[s]!.push(r);
      return;
    }
    const to = placeIndex(corridor, rule.to);
    const s = stops.findIndex((stop) => stop.place === to);
    if (s < 0) return;
    if (rule.from !== undefined) {
      const fromKm = kmOf(rule.from);
      if (fromKm === undefined || fromKm >= stops[s]!.km) return;
    }
    ruleLists[s]!.push(r);
  });
  return {
    routeId,
    place: Int32Array.from(stops.map((s) => s.place)),
    km: Float64Array.from(stops.map((s) => s.km)),
    dwell: stops.map((s) => dwellByPlace.get(s.place)),
    rules: ruleLists,
    bands,
  };
}

/**
 * Compiles a validated scenario against its corridor.
 * @param scenario from {@link validateScenario}.
 * @param corridor the corridor the scenario was validated against.
 */
export function compileScenario(scenario: Scenario, corridor: Corridor): CompiledScenario {
  const warnings: DtmWarning<ScenarioWarningCode>[] = [];
  const capacity = [...corridor.capacity];
  for (const shelter of scenario.shelters) {
    const index = placeIndex(corridor, shelter.place);
    if (index !== undefined) capacity[index] = shelter.capacity;
  }
  const movement: Movement = scenario.movement;
  const dwellByPlace = new Map<number, NumberOrRange>();
  if (movement.stopAtShelters) {
    capacity.forEach((cap, index) => {
      if (cap !== undefined) dwellByPlace.set(index, movement.shelterStopDays);
    });
  }
  for (const stop of movement.stops) {
    const index = placeIndex(corridor, stop.place);
    if (index === undefined) {
      warnings.push(
        scenarioWarning(
          "stop_not_on_corridor",
          `Stop "${stop.place}" is not on the corridor; ignored.`,
        ),
      );
    } else dwellByPlace.set(index, stop.days);
  }
  const rules = scenario.attrition;

  const routeIndex = new Map<string, number>();
  const routes: CompiledRoute[] = [];
  const routeOf = (routeId: string): number => {
    const known = routeIndex.get(routeId);
    if (known !== undefined) return known;
    routeIndex.set(routeId, routes.length);
    routes.push(compileRoute(routeId, corridor, movement, dwellByPlace, rules));
    return routes.length - 1;
  };
  for (const rule of rules) {
    for (const name of [rule.place, rule.from, rule.to]) {
      if (name !== undefined && placeIndex(corridor, name) === undefined) {
        warnings.push(
          scenarioWarning(
            "attrition_place_not_on_corridor",
            `Attrition place "${name}" is not on the corridor; rule ignored.`,
          ),
        );
      }
    }
  }

  const cohorts: CompiledCohort[] = [];
  scenario.waves.forEach((wave, w) => {
    const origin = placeIndex(corridor, wave.originPlaceId)!;
    const destination = placeIndex(corridor, wave.destinationPlaceId);
    for (const choice of wave.routes) {
      const r = routeOf(choice.routeId);
      const route = routes[r]!;
      const originStop = route.place.indexOf(origin);
      const destinationStop =
        destination !== undefined ? route.place.indexOf(destination) : route.place.length - 1;
      const groups = Math.max(1, Math.round(wave.groups * choice.share));
      const span = wave.lastDay - wave.firstDay + 1;
      for (let g = 0; g < groups; g++) {
        cohorts.push({
          wave: w,
          route: r,
          share: choice.share / groups,
          departDay: wave.firstDay + Math.floor((g * span) / groups),
          originStop,
          destinationStop,
        });
      }
    }
  });

  // Keep only the places some group can reach (from its origin to its destination), so the
  // per-run tables hold no rows that are always empty; routes are renumbered to those places.
  const reachable = new Set<number>();
  for (const cohort of cohorts) {
    const route = routes[cohort.route]!;
    for (let s = cohort.originStop; s <= cohort.destinationStop; s++)
      reachable.add(route.place[s]!);
  }
  const corridorIndex = Int32Array.from([...reachable].sort((a, b) => a - b));
  const local = new Map<number, number>();
  corridorIndex.forEach((index, k) => local.set(index, k));
  for (const route of routes) {
    route.place = route.place.map((index) => local.get(index) ?? -1);
  }

  return {
    places: Array.from(corridorIndex, (index) => corridor.places[index]!),
    corridorIndex,
    capacity: Array.from(corridorIndex, (index) => capacity[index]),
    days: scenario.horizonDays,
    routes,
    cohorts,
    wavePeople: scenario.waves.map((w) => w.people),
    rules,
    cohesion: movement.cohesion,
    persistence: movement.persistence,
    destinationLeavePerDay: scenario.destinationLeavePerDay,
    presenceRadiusKm: scenario.presenceRadiusKm,
    warnings,
  };
}
