/**
 * When a place's peak is two-moded: in some runs nobody stops there (peak 0), in others a whole
 * group does (thousands). The median of the runs' peaks then falls between the two modes and
 * swings with the run count (Tapachula 2,202 / 1,060 / 1,624 present at 100 / 200 /
 * 1,000 runs, p10 0, p90 ~3,700). The library says so beside the peak, in en/es, so that planners
 * plan with the p90 rather than the p50.
 */
import { formatPeople } from "../ledger/describe.ts";
import type { PlaceResult } from "./types.ts";

/**
 * Share of runs with nobody present that makes a peak two-moded: between 10 % and 90 % of runs
 * have a peak of 0, so the p10 is 0 while the p90 is a stopping group's peak, and the p50 lies
 * somewhere in the spread between them (few runs sit near it). Under 10 % (or over 90 %) of runs at
 * 0 the p10–p90 holds one mode.
 */
export const TWO_MODE_ZERO_SHARE = { min: 0.1, max: 0.9 } as const;

/**
 * Whether the runs' peaks at a place are two-moded ({@link TWO_MODE_ZERO_SHARE}): the share of
 * runs with anyone present (`peakDate.probability`) leaves 10–90 % of runs at 0, and the p90 peak
 * is at least one person.
 * @example
 * peakTwoModed({ peakDate: { probability: 0.84 }, peakPeople: { p10: 0, p50: 1624, p90: 3723 } }); // => true
 */
export function peakTwoModed(place: {
  peakDate: Pick<PlaceResult["peakDate"], "probability">;
  peakPeople: PlaceResult["peakPeople"];
}): boolean {
  // Rounded to the thousandth: 1 − 0.9 is 0.0999… in floating point.
  const zero = Math.round(1000 * (1 - place.peakDate.probability)) / 1000;
  return (
    zero >= TWO_MODE_ZERO_SHARE.min && zero <= TWO_MODE_ZERO_SHARE.max && place.peakPeople.p90 >= 1
  );
}

const NOTE = {
  en: (pct: number, p90: string) =>
    `anyone present in ${pct} % of runs, nobody in the others: the runs' peaks spread from 0 to a whole group, so their median changes with the number of runs; plan with the p90 (${p90}).`,
  es: (pct: number, p90: string) =>
    `hay alguien presente en el ${pct} % de las corridas y nadie en las demás: los picos de las corridas van de 0 a un grupo entero, así que su mediana cambia con el número de corridas; planifique con el p90 (${p90}).`,
} as const;

/**
 * The note beside a two-moded peak ({@link peakTwoModed}) in `lang`, or undefined when the peak
 * is not two-moded.
 * @example
 * peakNoteText(tapachula, "en");
 * // => "anyone present in 84 % of runs, nobody in the others: … plan with the p90 (3,723)."
 */
export function peakNoteText(
  place: {
    peakDate: Pick<PlaceResult["peakDate"], "probability">;
    peakPeople: PlaceResult["peakPeople"];
  },
  lang: "en" | "es" = "en",
): string | undefined {
  if (!peakTwoModed(place)) return undefined;
  return NOTE[lang](
    Math.round(place.peakDate.probability * 100),
    formatPeople(place.peakPeople.p90, lang),
  );
}
