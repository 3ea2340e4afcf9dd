/**
 * Checks the settings of a scenario file around its waves: run settings within the stated limits
 * (`/horizonDays`, `/runs`, `/seed`, `/presenceRadiusKm`), shelter capacities (`/shelters`) and
 * planning figures (`/planning`).
 */
import type { Checker } from "./checker.ts";
import { isObject } from "./checker.ts";
import { SPHERE_2018 } from "./defaults.ts";
import { SCENARIO_LIMITS } from "./limits.ts";
import type { Resolver } from "./validatePlaces.ts";
import type { PlanningFigures, ShelterCapacity } from "./types.ts";

const PLANNING_KEYS = Object.keys(SPHERE_2018);

/** Horizon, runs, seed and presence radius, with their defaults (120 days, 1,000 runs, seed 1, 10 km). */
export function checkRunSettings(c: Checker, json: Record<string, unknown>) {
  const { maxHorizonDays, maxRuns } = SCENARIO_LIMITS;
  if (typeof json.horizonDays === "number" && json.horizonDays > maxHorizonDays) {
    c.add("/horizonDays", "horizon_limit", { max: maxHorizonDays, got: json.horizonDays });
  }
  const horizonDays =
    typeof json.horizonDays === "number" && json.horizonDays > maxHorizonDays
      ? 120
      : c.integer(json.horizonDays, "/horizonDays", 1, maxHorizonDays, 120, "the horizon in days");
  if (typeof json.runs === "number" && json.runs > maxRuns) {
    c.add("/runs", "runs_limit", { max: maxRuns, got: json.runs });
  }
  const runs =
    typeof json.runs === "number" && json.runs > maxRuns
      ? 1000
      : c.integer(json.runs, "/runs", 1, maxRuns, 1000, "the number of runs");
  const seed = c.integer(json.seed, "/seed", 0, 2 ** 32 - 1, 1, "the seed");
  const radius =
    json.presenceRadiusKm === undefined
      ? undefined
      : c.range(json.presenceRadiusKm, "/presenceRadiusKm", 0, 500, "the presence radius (km)");
  const presenceRadiusKm = typeof radius === "number" ? radius : 10;
  if (typeof radius === "object")
    c.add("/presenceRadiusKm", "not_a_range", { what: "the presence radius" });
  return { horizonDays, runs, seed, presenceRadiusKm };
}

/** Shelter capacities by place (people); they replace the dataset's capacity. */
export function checkShelters(c: Checker, r: Resolver, value: unknown): ShelterCapacity[] {
  const shelters: ShelterCapacity[] = [];
  if (value === undefined) return shelters;
  if (!Array.isArray(value)) {
    c.add("/shelters", "expected_list", { shape: "{ place, capacity }" });
    return shelters;
  }
  value.forEach((s: unknown, i) => {
    const p = `/shelters/${i}`;
    if (!isObject(s)) return c.add(p, "expected_shape", { shape: "{ place, capacity }" });
    c.keys(s, ["place", "capacity"], p);
    const at = r.place(s.place, `${p}/place`);
    const capacity = c.range(
      s.capacity,
      `${p}/capacity`,
      0,
      SCENARIO_LIMITS.maxPeople,
      "a capacity (people)",
      true,
    );
    if (typeof capacity === "object") c.add(`${p}/capacity`, "not_a_range", { what: "a capacity" });
    if (at !== undefined && typeof capacity === "number")
      shelters.push({ place: r.corridor.places[at]!.placeId, capacity });
  });
  return shelters;
}

/** Planning figures: Sphere 2018 unless the file gives others. */
export function checkPlanning(c: Checker, value: unknown): PlanningFigures {
  const planning: PlanningFigures = { ...SPHERE_2018 };
  if (value === undefined) return planning;
  if (!isObject(value)) {
    c.add("/planning", "expected_shape", { shape: `{ ${PLANNING_KEYS.join(", ")} }` });
    return planning;
  }
  c.keys(value, PLANNING_KEYS, "/planning");
  for (const key of PLANNING_KEYS as (keyof PlanningFigures)[]) {
    const v = value[key];
    if (v === undefined) continue;
    const lo = key === "latrineLaterAfterDays" ? 0 : Number.MIN_VALUE;
    const checked = c.range(v, `/planning/${key}`, lo, 1e6, `the planning figure ${key}`);
    if (typeof checked === "object")
      c.add(`/planning/${key}`, "not_a_range", { what: "a planning figure" });
    else if (checked !== undefined) planning[key] = checked;
  }
  return planning;
}
