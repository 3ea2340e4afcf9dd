/**
 * Influx scenarios: the input (`scenario.json`, documented by schema/scenario.schema.json) and the
 * result of the Monte Carlo engine. Units are in the names: km, days, people, litres, m².
 * A range `{ min, max }` is sampled uniformly, once per run (so it carries the uncertainty of a
 * planning assumption into the p10–p90 bands).
 */
import type { DtmWarning } from "../model/warning.ts";
import type { IsoDate, Iso3 } from "../model/units.ts";
import type { ScenarioErrorCode, ScenarioErrorParams } from "./errorSentences.ts";

/** A planning quantity that is either known (`5000`) or a range (`{ min: 4000, max: 7000 }`). */
export type NumberOrRange = number | { min: number; max: number };

/** Shares of the people in a wave; the four add up to 1. Unaccompanied children are not in `children`. */
export interface Composition {
  men: number;
  women: number;
  /** Children travelling with family. */
  children: number;
  /** Unaccompanied and separated children. */
  unaccompaniedChildren: number;
}

/** One route a wave follows, with the share of its people that takes it. */
export interface RouteChoice {
  /** `route_id` of a route in the dataset (complete origin→destination path). */
  routeId: string;
  /** Share of the wave (0–1); the shares of a wave add up to 1. */
  share: number;
}

/** People who set off from one place on one date (or spread over a date range). */
export interface Wave {
  /** Label shown in reports; default `wave 1`, `wave 2`, … */
  label?: string;
  /** Place or border point where they start (a gazetteer name, alias or place id). */
  origin: string;
  /** Departure date, or a range over which departures spread evenly (inclusive). */
  date: IsoDate | { from: IsoDate; to: IsoDate };
  /** People departing (a number, or a range sampled per run). */
  people: NumberOrRange;
  /** Default: the 2018 composition (see {@link DEFAULT_COMPOSITION}). */
  composition?: Composition;
  /** Route(s); default the scenario's `route`, else the first route passing origin and destination. */
  route?: string | RouteChoice[];
  /** Where the journey ends; default the scenario's `destination`, else the route's last place. */
  destination?: string;
  /** Sub-groups the wave moves as (a caravan fragments); default 1 per 500 people, 4–24. */
  groups?: number;
}

/** A stretch of the route (between two places) with its own movement parameters. */
export interface MovementSegment {
  /**
   * Place where the stretch starts (inclusive); default the start of the route. Its law applies
   * from `SEGMENT_LEAD_KM` (10 km) before the place (src/scenario/compile.ts).
   */
  from?: string;
  /** Place where the stretch ends (exclusive, from 10 km before it); default the end of the route. */
  to?: string;
  restDayProbability?: NumberOrRange;
  rideProbability?: NumberOrRange;
  walkKmPerDay?: NumberOrRange;
  rideKmPerDay?: NumberOrRange;
}

/** A place where groups stop and stay a number of days (a shelter, a city that hosts them). */
export interface Stop {
  place: string;
  /** Days spent there, including the day of arrival: an integer or a range. */
  days: NumberOrRange;
}

/**
 * Daily movement: each day a group rests (probability `restDayProbability`), or moves — by vehicle
 * with probability `rideProbability`, else on foot — the day's distance drawn from the regime's
 * speed range. `cohesion` is the probability that a group follows the wave's common choice that
 * day instead of its own (1 = the wave moves as one body; 0 = groups independent).
 * `persistence` is the probability that a day repeats the previous day's regime (rest, walk or
 * ride) — of the wave's chain for the groups following it, of a group's own otherwise — the
 * Markov persistence of the movement law (src/movement/law.ts); 0 = each day drawn afresh. The
 * first day after departure or after a stop has no previous day. Walking distances are normal with the range's mean and variance, rides uniform on
 * the range (the one movement law; docs/movement.md).
 */
export interface Movement {
  restDayProbability: NumberOrRange;
  rideProbability: NumberOrRange;
  walkKmPerDay: NumberOrRange;
  rideKmPerDay: NumberOrRange;
  cohesion: number;
  persistence: number;
  stops: Stop[];
  /** Stop at every place with a shelter capacity for `shelterStopDays`; default false. */
  stopAtShelters: boolean;
  shelterStopDays: NumberOrRange;
  segments: MovementSegment[];
}

/**
 * People leaving the movement at a place (`place`) or on a stretch (`from`→`to`, counted on
 * arrival at `to`). Rates are shares of the people arriving there (conditional), 0–1, and
 * `asylumClaim + return + stay ≤ 1`.
 */
export interface AttritionRule {
  place?: string;
  from?: string;
  to?: string;
  /** Lodge an asylum (refugee) claim there and leave the movement. */
  asylumClaim?: NumberOrRange;
  /** Go back (assisted or not). */
  return?: NumberOrRange;
  /** Stay there with a humanitarian visa, work permit or other status (regularisation). */
  stay?: NumberOrRange;
}

/** A shelter capacity (people) at a place; overrides the dataset's capacity. */
export interface ShelterCapacity {
  place: string;
  capacity: number;
}

/**
 * Planning figures used to turn people present into needs. Defaults: Sphere Handbook 2018
 * (see {@link SPHERE_2018}). Every figure is written beside the results.
 */
export interface PlanningFigures {
  /** Litres of water per person per day (drinking + domestic hygiene); Sphere 15. */
  waterLitresPerPersonPerDay: number;
  /** People per communal latrine at the start of a response; Sphere 50. */
  peoplePerLatrineInitial: number;
  /** People per latrine once the response is established; Sphere 20. */
  peoplePerLatrineLater: number;
  /** Days after the first arrival at a place when the later latrine ratio applies; default 30 [assumption]. */
  latrineLaterAfterDays: number;
  /** Covered living space per person, m²; Sphere 3.5 (4.5–5.5 in cold climates or cities). */
  coveredM2PerPerson: number;
  /** Hygiene kits per person per month (soap 250 g bathing + 200 g laundry in Sphere 2011); default 1. */
  hygieneKitsPerPersonPerMonth: number;
}

/** A scenario as written in scenario.json (optional fields may be left out). */
export interface ScenarioInput {
  name?: string;
  /** `"2018"`: start from the parameters calibrated on the 2018 replay; fields given here override them. */
  like?: "2018";
  /** First day of the simulation; default the earliest departure. */
  start?: IsoDate;
  horizonDays?: number;
  runs?: number;
  seed?: number;
  waves: Wave[];
  route?: string | RouteChoice[];
  destination?: string;
  movement?: Partial<Movement>;
  attrition?: AttritionRule[];
  /** Share of the people at their destination who leave it each day (cross, disperse); default 0. */
  destinationLeavePerDay?: NumberOrRange;
  shelters?: ShelterCapacity[];
  planning?: Partial<PlanningFigures>;
  /** A group within this distance (km) past a place counts as present there; default 10. */
  presenceRadiusKm?: number;
}

/** Movement and attrition "like" a replay: what {@link calibrateFromReplay} returns. */
export interface ScenarioParameters {
  movement: Movement;
  attrition: AttritionRule[];
  destinationLeavePerDay: NumberOrRange;
  composition: Composition;
  /** How each figure was obtained (for the report). */
  notes: string[];
}

/** A scenario after validation: every default filled in, every place resolved. */
export interface Scenario {
  name: string;
  like?: "2018";
  start: IsoDate;
  horizonDays: number;
  runs: number;
  seed: number;
  waves: ResolvedWave[];
  movement: Movement;
  attrition: AttritionRule[];
  destinationLeavePerDay: NumberOrRange;
  shelters: ShelterCapacity[];
  planning: PlanningFigures;
  presenceRadiusKm: number;
  /** Notes on where the parameters came from (calibration, defaults). */
  notes: string[];
}

/** A wave with its places resolved to place ids and its routes chosen. */
export interface ResolvedWave {
  label: string;
  originPlaceId: string;
  destinationPlaceId?: string;
  /** Departure window as day offsets from the scenario start (inclusive). */
  firstDay: number;
  lastDay: number;
  people: NumberOrRange;
  composition: Composition;
  routes: RouteChoice[];
  groups: number;
}

/** One validation problem: where (JSON pointer into scenario.json) and what was expected. */
export interface ScenarioError {
  pointer: string;
  /** Stable code of the problem (src/scenario/errorSentences.ts). */
  code: ScenarioErrorCode;
  /** The values its sentence is made of, from which it is said in English or Spanish. */
  params: ScenarioErrorParams;
  /** The English sentence. */
  message: string;
}

/** p10/p50/p90 of a quantity over the Monte Carlo runs, one value per day. */
export interface QuantileSeries {
  p10: number[];
  p50: number[];
  p90: number[];
}

/** p10/p50/p90 of a date (undefined when fewer runs than the quantile reach it within the horizon). */
export interface DateInterval {
  p10?: IsoDate;
  p50?: IsoDate;
  p90?: IsoDate;
  /** Share of runs in which it happens within the horizon (0–1). */
  probability: number;
}

/** Needs implied by people present, one value per day. */
export interface NeedsSeries {
  waterM3PerDay: number[];
  latrines: number[];
  coveredM2: number[];
  hygieneKitsPerMonth: number[];
}

/** Everything the scenario says about one place. */
export interface PlaceResult {
  placeId: string;
  name: string;
  /** The place's Spanish name when the gazetteer has one (`Place.nameEs`), for front ends in es. */
  nameEs?: string;
  country?: Iso3;
  /** km along the first route (of the scenario's) that passes the place. */
  km: number;
  routeIds: string[];
  /** Shelter capacity (people), from the scenario or the dataset; undefined when unknown. */
  capacity?: number;
  arrivals: QuantileSeries;
  /**
   * People present: groups travelling through or halted there (within `presenceRadiusKm`), people
   * at their destination, asylum claimants waiting there and people regularised there.
   */
  present: QuantileSeries;
  /** Cumulative people who left the movement at this place, by outcome. */
  asylumClaims: QuantileSeries;
  returns: QuantileSeries;
  regularized: QuantileSeries;
  /** Share of runs in which people present exceed the capacity, per day (all 0 without a capacity). */
  overCapacityProbability: number[];
  /** Share of runs in which people present exceed the capacity on at least one day. */
  overCapacityAnyDayProbability: number;
  firstArrival: DateInterval;
  /**
   * Date of each run's peak of people present, p10/p50/p90 among the runs with anyone present
   * there (`probability`, their share); and each run's peak itself, over all the runs (0 in a run
   * nobody stops in). Quantiles of the runs' peaks, not the peak of each day's p50.
   */
  peakDate: DateInterval;
  peakPeople: { p10: number; p50: number; p90: number };
  /** Days on which the median of people present exceeds the capacity. */
  daysOverCapacityP50: IsoDate[];
  /** Days on which the p90 of people present exceeds the capacity (plan for these). */
  daysOverCapacityP90: IsoDate[];
  /** Needs from the median and from the p90 of people present. */
  needsP50: NeedsSeries;
  needsP90: NeedsSeries;
}

/**
 * Totals over the whole movement, per day, each the p10/p50/p90 over the runs of that quantity
 * alone. They are independent quantiles: the p50s of different totals may come from different
 * runs, so they need not add up. For totals that add up, see {@link ScenarioResult.medianRun}.
 */
export interface ScenarioTotals {
  /** People who have set off, cumulative. */
  departed: QuantileSeries;
  /** Travelling: on the road or halted at a place on the way. */
  inTransit: QuantileSeries;
  /** Travelling and present at no place (on the road between places). */
  onRoad: QuantileSeries;
  /** Present at some place: travellers there, at their destination, claimants waiting, staying. */
  presentAtPlaces: QuantileSeries;
  atDestination: QuantileSeries;
  /** Asylum claims, cumulative: the claimants, who wait at the place of their claim. */
  asylumClaims: QuantileSeries;
  returns: QuantileSeries;
  /** Regularised (visa, permit), cumulative: they stay at that place. */
  regularized: QuantileSeries;
  /** Left the destination (crossed, dispersed; onward): see `destinationLeavePerDay`. */
  leftDestination: QuantileSeries;
}

/** The name of one of the {@link ScenarioTotals}. */
export type TotalName = keyof ScenarioTotals;

/**
 * One whole run, so that its totals add up on every day: departed = onRoad + presentAtPlaces +
 * returns + leftDestination, and presentAtPlaces = (inTransit − onRoad) + atDestination +
 * asylumClaims + regularized. The run is the median run by person-days present at places over
 * the horizon (what the needs scale with), the lower median for an even number of runs, ties
 * going to the earlier run.
 */
export interface MedianRun {
  /** Index of the run (0-based) and its seed: `runSeed(scenario.seed, run)` unless a source was given. */
  run: number;
  seed: number;
  /** Person-days present at places over the horizon, the quantity runs are ranked by. */
  personDaysPresent: number;
  /** The run's totals per day (whole people). */
  totals: Record<TotalName, number[]>;
}

/** The outcome of {@link runScenario}. */
export interface ScenarioResult {
  scenario: Scenario;
  dates: IsoDate[];
  places: PlaceResult[];
  /** Independent p10/p50/p90 of each total per day (they need not add up). */
  totals: ScenarioTotals;
  /** A consistent run whose totals add up: the median run by person-days present at places. */
  medianRun: MedianRun;
  /**
   * Composition of all the people, the waves' compositions weighted by their (mean) people: an
   * approximation at any one place, where waves of different composition may mix unevenly.
   */
  composition: Composition;
  /** The largest conservation error seen in any run and day (people); 0 when people are conserved. */
  conservationError: number;
  /**
   * How the quantiles were computed: `exact` when the runs fit the block held exactly (32–128 runs), else `histogram`
   * (streaming, within about 1 % of each cell's range; see {@link StreamingQuantiles}).
   */
  quantileMethod: "exact" | "histogram";
  /** What was ignored, as DtmWarnings (`source.module` "scenario"; docs/warnings.md). */
  warnings: DtmWarning[];
}
