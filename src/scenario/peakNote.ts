/**
 * When a place's peak is two-moded: in some runs nobody is present there at a day's count (peak
 * 0; the groups pass through, or none comes), in others a group stops. When about half the runs
 * are in each mode, the median of the runs' peaks falls between the two modes and swings with the
 * run count. The library says so beside the peak, in en/es, so that planners plan with the p90
 * rather than the p50.
 */
import { formatPeople } from "../ledger/describe.ts";
import type { PlaceResult } from "./types.ts";

/**
 * Share of runs with anyone present at the place (a run's peak of at least one person) that makes
 * the median of the runs' peaks unstable: 35–65 %. Why: the p50 of N run peaks is the run at rank
 * N/2. With a share q of runs at 0, the p50 is 0 when q > 0.5 and a stopping run's peak when
 * q < 0.5; the share seen in N runs wanders by about √(q(1 − q)/N), 5 points at 100 runs, so only
 * within about 15 points of 50 % (three of those wanderings) can the p50 jump from 0 to a group's
 * peak, or back, between two run counts or seeds. At 14 % or 90 % present the p50 stays in its
 * mode (0, or a stopping run's peak) whatever the run count, and a note there is noise: on the
 * 2018 backtest scenario the old 10–90 % band flagged 54 of 59 places.
 */
export const TWO_MODE_PRESENT_SHARE = { min: 0.35, max: 0.65 } as const;

/**
 * Whether the median of the runs' peaks at a place is unstable ({@link TWO_MODE_PRESENT_SHARE}):
 * the share of runs with anyone present (`peakDate.probability`) is 35–65 %, so the p50 falls
 * between the two modes (0 and a stopping run's peak), and the p90 peak is at least one person.
 * @example
 * peakTwoModed({ peakDate: { probability: 0.5 }, peakPeople: { p10: 0, p50: 3, p90: 1900 } }); // => true
 * peakTwoModed({ peakDate: { probability: 0.84 }, peakPeople: { p10: 0, p50: 1624, p90: 3723 } }); // => false
 */
export function peakTwoModed(place: {
  peakDate: Pick<PlaceResult["peakDate"], "probability">;
  peakPeople: PlaceResult["peakPeople"];
}): boolean {
  // Rounded to the thousandth, so that 0.35 and 0.65 read as written in floating point.
  const present = Math.round(1000 * place.peakDate.probability) / 1000;
  return (
    present >= TWO_MODE_PRESENT_SHARE.min &&
    present <= TWO_MODE_PRESENT_SHARE.max &&
    place.peakPeople.p90 >= 1
  );
}

/** What happens in the runs with nobody present: the groups pass through, or none comes. */
const OTHERS = {
  en: {
    pass: "in the others the groups pass through without stopping",
    none: "nobody in the others",
  },
  es: { pass: "en las demás los grupos pasan sin detenerse", none: "nadie en las demás" },
} as const;

const NOTE = {
  en: (pct: number, others: string, p90: string) =>
    `people present in ${pct} % of runs, ${others}: the median of the runs' peaks falls between 0 and a stopping run's peak, so it changes with the number of runs; plan with the p90 (${p90}).`,
  es: (pct: number, others: string, p90: string) =>
    `hay personas presentes en el ${pct} % de las corridas, ${others}: la mediana de los picos de las corridas cae entre 0 y el pico de una corrida con parada, así que cambia con el número de corridas; planifique con el p90 (${p90}).`,
} as const;

/**
 * The note beside a two-moded peak ({@link peakTwoModed}) in `lang`, or undefined when the peak
 * is not two-moded.
 * @example
 * peakNoteText(place, "en");
 * // => "people present in 50 % of runs, in the others the groups pass through without stopping: … plan with the p90 (1,900)."
 */
export function peakNoteText(
  place: {
    peakDate: Pick<PlaceResult["peakDate"], "probability">;
    /** Share of runs in which anyone reaches the place (`probability`). */
    firstArrival: Pick<PlaceResult["firstArrival"], "probability">;
    peakPeople: PlaceResult["peakPeople"];
  },
  lang: "en" | "es" = "en",
): string | undefined {
  if (!peakTwoModed(place)) return undefined;
  // Runs that reach the place but have nobody present at a day's count passed through it.
  const passed = place.firstArrival.probability > place.peakDate.probability;
  return NOTE[lang](
    Math.round(place.peakDate.probability * 100),
    OTHERS[lang][passed ? "pass" : "none"],
    formatPeople(place.peakPeople.p90, lang),
  );
}
