/**
 * Checks a parsed scenario.json and fills in its defaults. Every problem is collected (never
 * thrown) with a JSON pointer to the field and what was expected, so a planner sees them all at
 * once. The parts: run settings, shelters and planning (validateSettings), waves (validateWave),
 * movement and attrition (validateMovement), places and routes (validatePlaces).
 */
import { isoDate } from "../calendar/index.ts";
import type { DtmWarning } from "../model/warning.ts";
import type { Dataset } from "../model/dataset.ts";
import { Checker, isObject, rangeMax } from "./checker.ts";
import { buildCorridor } from "./corridor.ts";
import type { Corridor } from "./corridor.ts";
import { DEFAULT_COMPOSITION, FALLBACK_2018, GENERIC_MOVEMENT } from "./defaults.ts";
import { SCENARIO_LIMITS } from "./limits.ts";
import { checkDate } from "./scenarioDate.ts";
import { checkAttrition, checkMovement } from "./validateMovement.ts";
import { placeIndex } from "./compile.ts";
import type { AttritionRule } from "./types.ts";
import type { Resolver } from "./validatePlaces.ts";
import { createResolver } from "./validatePlaces.ts";
import { checkPlanning, checkRunSettings, checkShelters } from "./validateSettings.ts";
import type { CheckedWave } from "./validateWave.ts";
import { checkWave } from "./validateWave.ts";
import type { Scenario, ScenarioError, ScenarioParameters } from "./types.ts";

/** What a scenario is checked against. */
export interface ScenarioContext {
  /** Places and routes (the embedded 2018 data or a user's). */
  dataset: Pick<Dataset, "places" | "routes">;
  /** The corridor of `dataset`, when already built (saves rebuilding it). */
  corridor?: Corridor;
  /** Parameters for `"like": "2018"` (from {@link calibrateFromReplay}); default the fallback figures. */
  like2018?: ScenarioParameters;
}

/**
 * The result of {@link validateScenario}: the scenario when usable, every problem found, and
 * what was read but may not be what was meant (a place name shared by several places, a place
 * written as its P-code or with its state: `code` `place_name_shared`, `place_from_code`,
 * `place_name_qualified`; the message starts with the JSON pointer).
 */
export interface ScenarioValidation {
  scenario?: Scenario;
  errors: ScenarioError[];
  warnings: DtmWarning[];
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

/** The base parameters: "like 2018" (calibrated or fallback) or the generic movement. */
function baseParameters(c: Checker, json: Record<string, unknown>, context: ScenarioContext) {
  let like: "2018" | undefined;
  if (json.like === "2018") like = "2018";
  else if (json.like !== undefined)
    c.add("/like", "like_unknown", { got: String(JSON.stringify(json.like)) });
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
  return { like, base };
}

/** Every wave, checked; and the people of all waves within {@link SCENARIO_LIMITS.maxPeople}. */
function checkWaves(
  c: Checker,
  r: Resolver,
  json: Record<string, unknown>,
  base: ScenarioParameters,
): CheckedWave[] {
  if (!Array.isArray(json.waves) || json.waves.length === 0) {
    c.add("/waves", "expected_waves");
    return [];
  }
  if (json.waves.length > SCENARIO_LIMITS.maxWaves) {
    c.add("/waves", "too_many_waves", { max: SCENARIO_LIMITS.maxWaves, got: json.waves.length });
    return [];
  }
  const defaults = {
    composition: base.composition,
    route: r.routeChoices(json.route, "/route"),
    topRouteGiven: json.route !== undefined,
    destination:
      json.destination !== undefined ? r.place(json.destination, "/destination") : undefined,
  };
  const waves = json.waves
    .map((wave: unknown, i) => checkWave(c, r, wave, i, defaults))
    .filter((w): w is CheckedWave => w !== undefined);
  const people = waves.reduce((sum, w) => sum + rangeMax(w.people), 0);
  if (people > SCENARIO_LIMITS.maxPeople) {
    c.add("/waves", "too_many_people", { people, max: SCENARIO_LIMITS.maxPeople });
  }
  return waves;
}

/** The scenario's first day (default the earliest departure); every wave within the horizon. */
function checkStart(c: Checker, value: unknown, waves: CheckedWave[], horizonDays: number): number {
  let start = waves.length ? Math.min(...waves.map((w) => w.from)) : 0;
  if (value !== undefined) {
    const s = checkDate(c, value, "/start");
    if (s !== undefined) {
      for (const w of waves)
        if (w.from < s) c.add(`/waves/${w.index}/date`, "wave_before_start", { start: isoDate(s) });
      start = s;
    }
  }
  for (const w of waves) {
    if (w.to >= start + horizonDays) {
      c.add(`/waves/${w.index}/date`, "wave_after_horizon", {
        date: isoDate(w.to),
        end: isoDate(start + horizonDays - 1),
      });
    }
  }
  return start;
}

/**
 * Validates a parsed scenario.json against the dataset and fills in the defaults: the 2018
 * composition, Sphere 2018 planning figures, and (with `"like": "2018"`) the calibrated 2018
 * movement and attrition, which the file's own fields override (attrition rules by place or
 * stretch, movement field by field).
 *
 * Places are read as the importer reads them (names with or without accents, aliases, ids,
 * P-codes held by one known place; src/geo/resolvePlace.ts). Dates are ISO 8601 `YYYY-MM-DD`.
 * Problems found (all at once, each with a JSON pointer): unknown fields, unknown places (with the
 * closest names), dates in another form (with the ISO date to write), places not on the chosen route, negative or non-numeric people, reversed dates
 * or ranges, shares that do not add up to 1, probabilities outside 0–1, and anything beyond the
 * stated limits ({@link SCENARIO_LIMITS}: 10,000,000 people per scenario, 10,000 runs, 730 days).
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
    c.add("", "not_an_object");
    return { errors: c.errors, warnings: c.warnings };
  }
  c.keys(json, TOP_KEYS, "");
  const corridor = context.corridor ?? buildCorridor(context.dataset);
  const r = createResolver(c, context.dataset, corridor);
  const { like, base } = baseParameters(c, json, context);
  const { horizonDays, runs, seed, presenceRadiusKm } = checkRunSettings(c, json);
  if (json.name !== undefined && typeof json.name !== "string") c.add("/name", "expected_text");
  const waves = checkWaves(c, r, json, base);
  const start = checkStart(c, json.start, waves, horizonDays);
  const movement = checkMovement(c, json.movement, base.movement, r.place, corridor);
  const attrition = baseRulesOnCorridor(
    c,
    checkAttrition(c, json.attrition, base.attrition, r.place, corridor),
    base.attrition,
    { dataset: context.dataset, corridor, like },
  );
  const destinationLeavePerDay =
    json.destinationLeavePerDay === undefined
      ? base.destinationLeavePerDay
      : (c.range(json.destinationLeavePerDay, "/destinationLeavePerDay", 0, 1, "a daily share") ??
        0);
  const shelters = checkShelters(c, r, json.shelters);
  const planning = checkPlanning(c, json.planning);
  if (c.errors.length) return { errors: c.errors, warnings: c.warnings };
  const scenario: Scenario = {
    name: typeof json.name === "string" ? json.name : "scenario",
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
  return { scenario, errors: [], warnings: c.warnings };
}

/**
 * The calibration's attrition rules ("like": "2018") at places not on the scenario's corridor (a
 * user's own routes and places) are left out with one plain warning naming them, instead of a
 * warning per place that the user never wrote ("Attrition place GT-CHQ is not on the corridor"). The user's own rules are on the corridor (checked above), so they stay.
 */
function baseRulesOnCorridor(
  c: Checker,
  rules: AttritionRule[],
  base: readonly AttritionRule[],
  where: { dataset: Pick<Dataset, "places">; corridor: Corridor; like: Scenario["like"] },
): AttritionRule[] {
  const { dataset, corridor, like } = where;
  const off = (rule: AttritionRule) =>
    [rule.place, rule.from, rule.to].filter(
      (id): id is string => id !== undefined && placeIndex(corridor, id) === undefined,
    );
  const dropped = new Set<string>();
  const kept = rules.filter((rule) => {
    if (!base.includes(rule) || off(rule).length === 0) return true;
    for (const id of off(rule)) dropped.add(id);
    return false;
  });
  if (dropped.size) {
    const named = [...dropped].map((id) => {
      const name = dataset.places.find((p) => p.placeId === id)?.name;
      return name && name !== id ? `${name} (${id})` : id;
    });
    const routes = [...corridor.routes.keys()].join(", ");
    const what = like === "2018" ? "the 2018 calibration's" : "the default";
    c.warn(
      like === "2018" ? "/like" : "/attrition",
      "attrition_place_not_on_corridor",
      `${what} attrition at ${named.join(", ")} is not on your routes (${routes}): not used; give your own \`attrition\` rules for places on them.`,
    );
  }
  return kept;
}
