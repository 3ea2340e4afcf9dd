/**
 * The tables of an influx scenario's result (docs/contracts.md §3.3), shared by `dtm-flow scenario` and
 * the viewer's scenario panel so that both write the same files:
 *  - per place and day: arrivals and people present (p10/p50/p90), the people present who are
 *    women, children and unaccompanied children (p50, from the composition), the share of runs
 *    over capacity, cumulative outcomes, the needs from the p50 and p90 of people present, and the
 *    planning figures used — repeated on every row so a spreadsheet holding only this file still
 *    says how the needs were computed;
 *  - per place: first arrival, peak, days over capacity, needs at the p90 peak;
 *  - per day: the totals of the median run, which add up (see {@link scenarioTotalRows}).
 * Units: people; water in m³ per day; covered space in m²; kits per month. Blank (undefined) is
 * unknown — e.g. the capacity of a place no source gives one for — never 0.
 *
 * People are whole in these tables: a p10/p50/p90 over runs falls between two runs' whole numbers
 * (type-7 quantiles, e.g. 928.3), so it is rounded up ({@link wholePeople}) — the number the needs
 * on the same row are computed from. The result itself (scenario-report.json) keeps the quantiles
 * as computed.
 */
import { firstArrivalShown } from "../scenario/firstArrivalShown.ts";
import { peakNoteText } from "../scenario/peakNote.ts";
import { placeNeeds, wholePeople } from "../scenario/needs.ts";
import type { PlaceResult, ScenarioResult } from "../scenario/types.ts";

/** Columns of {@link scenarioPlaceDayRows}, in order. */
export const SCENARIO_PLACE_DAY_COLUMNS = [
  "scenario",
  "place_id",
  "place",
  "country",
  "date",
  "capacity",
  "km",
  "arrivals_p10",
  "arrivals_p50",
  "arrivals_p90",
  "present_p10",
  "present_p50",
  "present_p90",
  "present_women_p50",
  "present_children_p50",
  "present_unaccompanied_children_p50",
  "over_capacity_share_of_runs",
  "asylum_claims_p10",
  "asylum_claims_p50",
  "asylum_claims_p90",
  "returns_p10",
  "returns_p50",
  "returns_p90",
  "regularized_p10",
  "regularized_p50",
  "regularized_p90",
  "water_m3_day_p50",
  "water_m3_day_p90",
  "latrines_p50",
  "latrines_p90",
  "covered_m2_p50",
  "covered_m2_p90",
  "hygiene_kits_month_p50",
  "hygiene_kits_month_p90",
  "water_litres_per_person_day",
  "people_per_latrine_initial",
  "people_per_latrine_later",
  "latrine_later_after_days",
  "covered_m2_per_person",
  "hygiene_kits_per_person_month",
] as const;

/** Whole people of a quantile (rounded up); blank stays blank. */
const whole = (people: number | undefined) =>
  people === undefined ? undefined : wholePeople(people);

/** The part of the (whole) people present who are women, children, … */
const share = (people: number | undefined, part: number) =>
  people === undefined ? undefined : Math.round(wholePeople(people) * part);

/**
 * One row per place and day of a scenario result, every day of the horizon (a day on which nothing
 * happens at a place is a row of zeros, so each place's series is complete).
 * @example
 * formatCsv(scenarioPlaceDayRows(result), { columns: [...SCENARIO_PLACE_DAY_COLUMNS] });
 */
export function scenarioPlaceDayRows(result: ScenarioResult): Record<string, unknown>[] {
  const figures = result.scenario.planning;
  const composition = result.composition;
  const rows: Record<string, unknown>[] = [];
  for (const place of result.places) {
    const hasCapacity = place.capacity !== undefined;
    result.dates.forEach((date, day) => {
      rows.push({
        scenario: result.scenario.name,
        place_id: place.placeId,
        place: place.name,
        country: place.country,
        date,
        capacity: place.capacity,
        km: place.km,
        arrivals_p10: whole(place.arrivals.p10[day]),
        arrivals_p50: whole(place.arrivals.p50[day]),
        arrivals_p90: whole(place.arrivals.p90[day]),
        present_p10: whole(place.present.p10[day]),
        present_p50: whole(place.present.p50[day]),
        present_p90: whole(place.present.p90[day]),
        present_women_p50: share(place.present.p50[day], composition.women),
        present_children_p50: share(place.present.p50[day], composition.children),
        present_unaccompanied_children_p50: share(
          place.present.p50[day],
          composition.unaccompaniedChildren,
        ),
        over_capacity_share_of_runs: hasCapacity ? place.overCapacityProbability[day] : undefined,
        asylum_claims_p10: whole(place.asylumClaims.p10[day]),
        asylum_claims_p50: whole(place.asylumClaims.p50[day]),
        asylum_claims_p90: whole(place.asylumClaims.p90[day]),
        returns_p10: whole(place.returns.p10[day]),
        returns_p50: whole(place.returns.p50[day]),
        returns_p90: whole(place.returns.p90[day]),
        regularized_p10: whole(place.regularized.p10[day]),
        regularized_p50: whole(place.regularized.p50[day]),
        regularized_p90: whole(place.regularized.p90[day]),
        water_m3_day_p50: place.needsP50.waterM3PerDay[day],
        water_m3_day_p90: place.needsP90.waterM3PerDay[day],
        latrines_p50: place.needsP50.latrines[day],
        latrines_p90: place.needsP90.latrines[day],
        covered_m2_p50: place.needsP50.coveredM2[day],
        covered_m2_p90: place.needsP90.coveredM2[day],
        hygiene_kits_month_p50: place.needsP50.hygieneKitsPerMonth[day],
        hygiene_kits_month_p90: place.needsP90.hygieneKitsPerMonth[day],
        water_litres_per_person_day: figures.waterLitresPerPersonPerDay,
        people_per_latrine_initial: figures.peoplePerLatrineInitial,
        people_per_latrine_later: figures.peoplePerLatrineLater,
        latrine_later_after_days: figures.latrineLaterAfterDays,
        covered_m2_per_person: figures.coveredM2PerPerson,
        hygiene_kits_per_person_month: figures.hygieneKitsPerPersonPerMonth,
      });
    });
  }
  return rows;
}

/**
 * Needs for the p90 of a place's peak of people present, with the initial latrine ratio (the
 * figure to have ready when the peak arrives). Each series holds one value.
 */
export const scenarioPeakNeeds = (place: PlaceResult, result: ScenarioResult) =>
  placeNeeds([place.peakPeople.p90], result.scenario.planning, 0);

/**
 * The places planners ask about first, in route order, which `dtm-flow scenario` prints from
 * scenario-summary.csv (whose rows are every place): every wave's origin and destination, the
 * movement's stops, places with a shelter capacity, and places with asylum claims (p50) at the
 * horizon. Every origin, not the first place only: a second wave leaves from its own place.
 */
export function scenarioKeyPlaces(result: ScenarioResult): PlaceResult[] {
  const s = result.scenario;
  const stops = new Set(s.movement.stops.map((stop) => stop.place));
  const waveEnds = new Set(
    s.waves.flatMap((w) => [
      w.originPlaceId,
      ...(w.destinationPlaceId ? [w.destinationPlaceId] : []),
    ]),
  );
  const last = result.dates.length - 1;
  return result.places.filter(
    (p) =>
      waveEnds.has(p.placeId) ||
      p.capacity !== undefined ||
      stops.has(p.name) ||
      p.asylumClaims.p50[last]! > 0,
  );
}

/** Columns of scenario-summary.csv ({@link scenarioSummaryRows}), in order. */
export const SCENARIO_SUMMARY_COLUMNS = [
  "place_id",
  "place",
  "country",
  "km",
  "capacity",
  "reach_probability",
  "first_arrival_p10",
  "first_arrival_p50",
  "first_arrival_p90",
  "peak_date_p10",
  "peak_date_p50",
  "peak_date_p90",
  "peak_present_p10",
  "peak_present_p50",
  "peak_present_p90",
  "over_capacity_run_probability",
  "days_over_capacity_p50",
  "first_day_over_capacity_p50",
  "days_over_capacity_p90",
  "first_day_over_capacity_p90",
  "asylum_claims_p50",
  "returns_p50",
  "regularized_p50",
  "water_m3_day_peak_p90",
  "latrines_peak_p90",
  "covered_m2_peak_p90",
  "hygiene_kits_month_peak_p90",
  "peak_note",
] as const;

export type ScenarioSummaryColumn = (typeof SCENARIO_SUMMARY_COLUMNS)[number];

/**
 * A place's first-arrival cells: empty where the median run's peak of people present is 0 (the
 * library's `firstArrivalShown`), as the viewer's and the command's "none in the median run".
 */
function firstArrivalCells(place: PlaceResult) {
  const shown = firstArrivalShown(place.peakPeople);
  return {
    first_arrival_p10: shown ? place.firstArrival.p10 : undefined,
    first_arrival_p50: shown ? place.firstArrival.p50 : undefined,
    first_arrival_p90: shown ? place.firstArrival.p90 : undefined,
  };
}

/**
 * One row per place: first arrival (empty when the median run's peak is 0), peak date and people, days over capacity, needs at the p90
 * peak. Every row has exactly {@link SCENARIO_SUMMARY_COLUMNS} (the type checks it); write it with
 * those columns for their order.
 */
export function scenarioSummaryRows(
  result: ScenarioResult,
): Record<ScenarioSummaryColumn, unknown>[] {
  const last = result.dates.length - 1;
  return result.places.map((place): Record<ScenarioSummaryColumn, unknown> => {
    const hasCapacity = place.capacity !== undefined;
    const needs = scenarioPeakNeeds(place, result);
    return {
      place_id: place.placeId,
      place: place.name,
      country: place.country,
      km: place.km,
      capacity: place.capacity,
      reach_probability: place.firstArrival.probability,
      ...firstArrivalCells(place),
      peak_date_p10: place.peakDate.p10,
      peak_date_p50: place.peakDate.p50,
      peak_date_p90: place.peakDate.p90,
      peak_present_p10: place.peakPeople.p10,
      peak_present_p50: place.peakPeople.p50,
      peak_present_p90: place.peakPeople.p90,
      over_capacity_run_probability: hasCapacity ? place.overCapacityAnyDayProbability : undefined,
      days_over_capacity_p50: hasCapacity ? place.daysOverCapacityP50.length : undefined,
      first_day_over_capacity_p50: place.daysOverCapacityP50[0],
      days_over_capacity_p90: hasCapacity ? place.daysOverCapacityP90.length : undefined,
      first_day_over_capacity_p90: place.daysOverCapacityP90[0],
      asylum_claims_p50: whole(place.asylumClaims.p50[last]),
      returns_p50: whole(place.returns.p50[last]),
      regularized_p50: whole(place.regularized.p50[last]),
      water_m3_day_peak_p90: needs.waterM3PerDay[0],
      latrines_peak_p90: needs.latrines[0],
      covered_m2_peak_p90: needs.coveredM2[0],
      hygiene_kits_month_peak_p90: needs.hygieneKitsPerMonth[0],
      // A two-moded peak (people present in 35–65 % of runs): plan with the p90 (peakNote.ts).
      peak_note: peakNoteText(place, "en") ?? "",
    };
  });
}

/** Columns of {@link scenarioTotalRows}, in order. */
export const SCENARIO_TOTAL_COLUMNS = [
  "date",
  "run",
  "entered",
  "on_road",
  "present_at_places",
  "travelling_at_places",
  "at_destination",
  "asylum_claimants_waiting",
  "regularized_staying",
  "returned",
  "onward",
  "in_transit",
] as const;

/**
 * One row per day of one consistent run — the median run by person-days present at places
 * ({@link ScenarioResult.medianRun}) — so that the columns add up on every row:
 * entered = on_road + present_at_places + returned + onward, and present_at_places =
 * travelling_at_places + at_destination + asylum_claimants_waiting + regularized_staying
 * (in_transit = on_road + travelling_at_places). Whole people. The independent p10/p50/p90 of
 * each total are in scenario-report.json (`totals`); they need not add up.
 */
export function scenarioTotalRows(result: ScenarioResult): Record<string, unknown>[] {
  const { run, totals: t } = result.medianRun;
  return result.dates.map((date, day) => ({
    date,
    run: run + 1,
    entered: t.departed[day],
    on_road: t.onRoad[day],
    present_at_places: t.presentAtPlaces[day],
    travelling_at_places: t.inTransit[day]! - t.onRoad[day]!,
    at_destination: t.atDestination[day],
    asylum_claimants_waiting: t.asylumClaims[day],
    regularized_staying: t.regularized[day],
    returned: t.returns[day],
    onward: t.leftDestination[day],
    in_transit: t.inTransit[day],
  }));
}
