/** Needs implied by people present, with the planning figures (Sphere 2018 by default). */
import type { NeedsSeries, PlanningFigures } from "./types.ts";

/**
 * Whole people from a quantile over runs, which falls between two runs' whole numbers (type 7):
 * rounded up — the number the needs are computed from, so that a table showing both agrees —
 * never below 0; a value within 1e-9 above a whole number is that number (float noise).
 * @example
 * wholePeople(928.2); // => 929
 */
export const wholePeople = (people: number): number => Math.max(0, Math.ceil(people - 1e-9));

/**
 * Decimals each need is rounded to ({@link placeNeeds}): water to the litre (0.001 m³), covered
 * space to 0.1 m², latrines and hygiene kits whole. The one precision of the needs: the CSVs
 * write the values as they are, and the front ends (CLI summary, viewer panel) print them to
 * these decimals, so that a figure on screen is the figure in scenario-summary.csv.
 */
export const NEEDS_DECIMALS = {
  waterM3PerDay: 3,
  latrines: 0,
  coveredM2: 1,
  hygieneKitsPerMonth: 0,
} as const satisfies Record<keyof NeedsSeries, number>;

/**
 * Decimals the front ends show each need to (the CLI's summary, the viewer's needs table, the
 * influx notebook): water to 0.1 m³ (100 L), covered space to the whole m², latrines and kits
 * whole — "21.675 m³ water/day, 5,057.5 m² covered space" read as a precision no plan has. The
 * CSVs keep the figures at {@link NEEDS_DECIMALS}; a shown figure is {@link shownNeed}.
 */
export const NEEDS_SHOWN_DECIMALS = {
  waterM3PerDay: 1,
  latrines: 0,
  coveredM2: 0,
  hygieneKitsPerMonth: 0,
} as const satisfies Record<keyof NeedsSeries, number>;

/**
 * A need as the front ends show it: rounded UP to {@link NEEDS_SHOWN_DECIMALS} — it is what to
 * have ready, so never less than the figure in the CSV (float noise within 1e-9 is not a step).
 * @example
 * shownNeed("waterM3PerDay", 21.675); // => 21.7
 * shownNeed("coveredM2", 5057.5);     // => 5058
 */
export function shownNeed(key: keyof NeedsSeries, value: number): number {
  const scale = 10 ** NEEDS_SHOWN_DECIMALS[key];
  // Never below 0 (nor -0, which prints as "-0": a place no one stops at needs nothing).
  return Math.max(0, Math.ceil(value * scale - 1e-9) / scale);
}

/** 10 ** NEEDS_DECIMALS.coveredM2: covered space is rounded to 1 / AREA_SCALE m². */
const AREA_SCALE = 10 ** NEEDS_DECIMALS.coveredM2;

/**
 * Daily needs at one place from the people present there each day.
 *
 * - water (m³/day) = people × litres per person per day ÷ 1000;
 * - latrines = ⌈people ÷ people per latrine⌉, with the initial ratio (Sphere: 1 per 50) until
 *   `latrineLaterAfterDays` after `firstArrivalDay`, then the later one (1 per 20);
 * - covered space (m²) = people × m² per person;
 * - hygiene kits per month = ⌈people × kits per person per month⌉.
 *
 * @param present people present per day (may be fractional quantiles; blank days are 0 people).
 * @param figures the planning figures.
 * @param firstArrivalDay day index of the first arrival at the place (undefined: never).
 * @example
 * placeNeeds([5000], SPHERE_2018, 0).waterM3PerDay; // => [75]
 */
export function placeNeeds(
  present: ArrayLike<number>,
  figures: PlanningFigures,
  firstArrivalDay: number | undefined,
): NeedsSeries {
  const n = present.length;
  const needs: NeedsSeries = {
    waterM3PerDay: new Array<number>(n),
    latrines: new Array<number>(n),
    coveredM2: new Array<number>(n),
    hygieneKitsPerMonth: new Array<number>(n),
  };
  for (let day = 0; day < n; day++) {
    const people = present[day]!;
    const later =
      firstArrivalDay !== undefined && day - firstArrivalDay >= figures.latrineLaterAfterDays;
    const perLatrine = later ? figures.peoplePerLatrineLater : figures.peoplePerLatrineInitial;
    // Round people up first (a p50 of 0.4 people is a person who may come and needs a latrine).
    const whole = wholePeople(people);
    // Whole litres as m³: NEEDS_DECIMALS.waterM3PerDay (3) decimals.
    needs.waterM3PerDay[day] = Math.round(whole * figures.waterLitresPerPersonPerDay) / 1000;
    needs.latrines[day] = Math.ceil(whole / perLatrine);
    needs.coveredM2[day] = Math.round(whole * figures.coveredM2PerPerson * AREA_SCALE) / AREA_SCALE;
    needs.hygieneKitsPerMonth[day] = Math.max(
      0,
      Math.ceil(whole * figures.hygieneKitsPerPersonPerMonth - 1e-9),
    );
  }
  return needs;
}
