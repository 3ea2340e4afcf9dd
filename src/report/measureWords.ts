/**
 * A departure total's measure in words (issue 14: the departed headline showed the raw measure id
 * `transited_guatemala_cumulative`). A departure measure is a verb prefix and a place
 * (`departed_` / `left_` / `transited_` / `entered_` + place + `_cumulative`, the prefixes the
 * ledger reads as departures, src/ledger/departures.ts); it is said as the people who did that at
 * the place: "people who transited Guatemala", "personas que transitaron por Guatemala". A measure
 * of another shape is written with spaces for its underscores, never hidden.
 */
import type { SituationLang } from "./words.ts";

/** What a departure prefix says, per language; `{place}` is where. */
const VERBS: Readonly<Record<SituationLang, Readonly<Record<string, string>>>> = {
  en: {
    departed: "people who left {place}",
    left: "people who left {place}",
    transited: "people who transited {place}",
    entered: "people who entered {place}",
  },
  es: {
    departed: "personas que salieron de {place}",
    left: "personas que salieron de {place}",
    transited: "personas que transitaron por {place}",
    entered: "personas que entraron a {place}",
  },
};

/** Place words whose written form is not their capitalised id (accents, per language). */
const PLACE_WORDS: Readonly<Record<SituationLang, Readonly<Record<string, string>>>> = {
  en: { "united states": "the United States", us: "the United States" },
  es: { mexico: "México", "united states": "Estados Unidos", us: "Estados Unidos" },
};

/**
 * A measure id in words, in `lang`.
 * @example
 * measureWords("transited_guatemala_cumulative", "en"); // => "people who transited Guatemala"
 * measureWords("entered_mexico_cumulative", "es"); // => "personas que entraron a México"
 * measureWords("size_in_mexico", "en"); // => "size in mexico"
 */
export function measureWords(measure: string, lang: SituationLang): string {
  const [verb, ...rest] = measure.replace(/_cumulative$/, "").split("_");
  const pattern = VERBS[lang][verb ?? ""];
  if (!pattern || rest.length === 0) return measure.replace(/_/g, " ");
  const id = rest.join(" ").toLowerCase();
  const place = PLACE_WORDS[lang][id] ?? rest.map(capitalised).join(" ");
  return pattern.replace("{place}", place);
}

/** "guatemala" => "Guatemala". */
function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
