/** Needs implied by people present, with the planning figures (Sphere 2018 by default). */
import type { NeedsSeries, PlanningFigures } from "./types.ts";

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
    // Round people up first: 0.4 of a person in a p50 still needs nothing; 1 person needs a latrine.
    const whole = Math.max(0, Math.ceil(people - 1e-9));
    needs.waterM3PerDay[day] = Math.round(whole * figures.waterLitresPerPersonPerDay) / 1000;
    needs.latrines[day] = Math.ceil(whole / perLatrine);
    needs.coveredM2[day] = Math.round(whole * figures.coveredM2PerPerson * 10) / 10;
    needs.hygieneKitsPerMonth[day] = Math.max(
      0,
      Math.ceil(whole * figures.hygieneKitsPerPersonPerMonth - 1e-9),
    );
  }
  return needs;
}
