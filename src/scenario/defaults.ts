/**
 * Defaults of an influx scenario: Sphere 2018 planning figures, the 2018 caravan composition, and
 * the fallback "like 2018" parameters used when no estimated replay is available to calibrate on.
 * Every figure names its source; figures marked [assumption] are ours, for planners to override.
 */
import { anchoredMovement } from "./calibrateMovement.ts";
import type { Composition, Movement, PlanningFigures, ScenarioParameters } from "./types.ts";

/**
 * Sphere Handbook 2018 (4th ed.) figures: water 15 l/person/day (water supply standard 2.1),
 * communal toilets 1 per 50 people at the start of a rapid-onset crisis and 1 per 20 medium-term
 * (p. 118), 3.5 m² of covered living space per person (shelter standard 3), one hygiene kit per
 * person per month (250 g bathing + 200 g laundry soap per person per month, Sphere 2011 table,
 * assumed unchanged in 2018). When the later latrine ratio applies is not a Sphere figure: 30 days
 * after the first arrival is our [assumption].
 */
export const SPHERE_2018: Readonly<PlanningFigures> = Object.freeze({
  waterLitresPerPersonPerDay: 15,
  peoplePerLatrineInitial: 50,
  peoplePerLatrineLater: 20,
  latrineLaterAfterDays: 30,
  coveredM2PerPerson: 3.5,
  hygieneKitsPerPersonPerMonth: 1,
});

/**
 * Composition of the 2018 caravan: the Benito Juárez shelter census in Tijuana, 29 Nov 2018
 * (3,877 men, 1,127 women, 542 boys, 516 girls of 6,062). The unaccompanied share of children
 * (16.4 %) is taken from Honduran return figures of 13 Nov 2018 (504 unaccompanied of 3,080
 * minors returned) — a derived figure, since no census of the caravan counted them.
 */
export const DEFAULT_COMPOSITION: Readonly<Composition> = Object.freeze({
  men: 0.6396,
  women: 0.1859,
  children: 0.146,
  unaccompaniedChildren: 0.0285,
});

/** Movement with no calibration at all: Flee's walking speed and default move chance. */
export const GENERIC_MOVEMENT: Readonly<Movement> = Object.freeze({
  restDayProbability: 0.3,
  rideProbability: 0.1,
  walkKmPerDay: { min: 30, max: 40 },
  rideKmPerDay: { min: 200, max: 360 },
  cohesion: 0.8,
  persistence: 0,
  stops: [],
  stopAtShelters: false,
  shelterStopDays: { min: 1, max: 2 },
  segments: [],
});

/**
 * "Like 2018" when the estimated replay is not available. Movement: the movement model's 2018
 * anchors (`ANCHORS_2018`, `STOPS_2018` and `defaultMovementModel` in src/movement/anchors.ts,
 * docs/estimation.md#the-2018-movement-anchors) in the scenario's terms ({@link anchoredMovement}),
 * so the fallback holds no 2018 movement figures of its own. Attrition: ~30 % of those entering
 * Mexico claimed asylum (UNHCR, 15 Nov 2018), about one in five returned (Honduran and IOM
 * figures), and in Baja California about half of the arrivals asked to stay (3,068 of ~6,000).
 * Prefer {@link calibrateFromReplay} on an estimated replay.
 */
export const FALLBACK_2018: Readonly<ScenarioParameters> = Object.freeze({
  movement: anchoredMovement(),
  attrition: [
    { place: "Tapachula", asylumClaim: { min: 0.2, max: 0.3 }, return: { min: 0.08, max: 0.15 } },
    {
      place: "Mexico City",
      asylumClaim: { min: 0.01, max: 0.04 },
      return: { min: 0.01, max: 0.03 },
    },
    { place: "Tijuana", return: { min: 0.1, max: 0.2 }, stay: { min: 0.3, max: 0.5 } },
  ],
  destinationLeavePerDay: { min: 0.01, max: 0.03 },
  composition: DEFAULT_COMPOSITION,
  notes: [
    "like 2018: fallback parameters read from the 2018 accounts (no estimated replay was available)",
  ],
});
