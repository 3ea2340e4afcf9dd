/**
 * How a place a user wrote is read — the one rule shared by the importer (a place column of a
 * table, docs/import.md) and scenario files (docs/scenarios.md), so that a name, id or P-code
 * that works in one works in the other. Callers word the outcome for their users (a column and a
 * row, or a JSON pointer); the reading itself lives only here.
 */
import type { Place } from "../model/place.ts";
import type { Iso3 } from "../model/units.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { normalizeName } from "./normalizeName.ts";

/** What a place text was read as. */
export type PlaceResolution =
  /** A name or alias (any case, accents or not); `others`: further places of that name (first wins). */
  | { how: "name"; place: Place; others: Place[] }
  /** A known name before a department, state or country (`Tapachula (Chiapas)`); `head` is the name read. */
  | { how: "qualified"; place: Place; head: string }
  /** A place id (`GT-TEC`; exact case first, then upper case). */
  | { how: "id"; place: Place }
  /** An admin-2 P-code (`GT1217`) held by exactly one known place. */
  | { how: "pcode"; place: Place; code: string; others: Place[] }
  /** An admin-2 P-code held by several known places (`places`) or by none (empty). */
  | { how: "pcodeUnresolved"; places: Place[]; code: string }
  /** Nothing: up to three known places whose names are closest by spelling. */
  | { how: "unknown"; suggestions: Place[] };

/** An OCHA P-code as analysts write it: two letters and 2–9 digits (`GT1217`, `MX07089`). */
const PCODE = /^[A-Z]{2}\d{2,9}$/;

/**
 * What a place code names: a place by its id (`GT-TEC`), or the known places whose admin-2
 * P-code it is (`GT1217`: one, several or none); `undefined` when it is neither an id nor shaped
 * like a P-code.
 */
export function placeByCode(
  g: Gazetteer,
  text: string,
): { byId: Place } | { pcodeOf: Place[]; code: string } | undefined {
  const code = text.trim().toUpperCase();
  const byId = g.findById(text.trim()) ?? g.findById(code);
  if (byId) return { byId };
  if (!PCODE.test(code)) return undefined;
  return { pcodeOf: g.places.filter((p) => p.adm2Pcode?.toUpperCase() === code), code };
}

/**
 * A name with its department, state or country after a comma or in brackets, as field sheets
 * write them ("Tecún Umán, San Marcos", "Tapachula (Chiapas)"): the known place named before the
 * qualifier (the qualifier itself is not checked). Not when the known place's own name carries
 * another qualifier ("Tonalá (Chiapas)" for "Tonalá, Jalisco" is another place of that name).
 */
function placeBeforeQualifier(
  g: Gazetteer,
  name: string,
  country: Iso3 | undefined,
): { place: Place; head: string } | undefined {
  // The name before the first bracket, comma or spaced dash: `Tapachula (Chiapas), México`,
  // `Tecún Umán - San Marcos`.
  const head = name.split(/[(,]|\s[-–]\s/)[0]!.trim();
  if (head === "" || head === name.trim()) return undefined;
  const place = (country !== undefined ? g.find(head, country) : undefined) ?? g.find(head);
  if (!place) return undefined;
  const own = /\(([^()]*)\)\s*$/.exec(place.name)?.[1];
  if (own !== undefined && !normalizeName(name).includes(normalizeName(own))) return undefined;
  return { place, head };
}

/**
 * The place an admin-2 P-code names: the one known place holding it, or, when a city shares it
 * with shelters, border crossings or monitoring points inside its municipality (Tijuana's MX02004
 * with the Benito Juárez shelter, El Barretal and El Chaparral), the city — a P-code names a
 * municipality, and a sheet that writes one means the town, not a facility in it. `undefined`
 * when no place or several cities hold it.
 */
function placeOfPcode(places: readonly Place[]): Place | undefined {
  if (places.length === 1) return places[0];
  const cities = places.filter((p) => p.kind === "city");
  return cities.length === 1 ? cities[0] : undefined;
}

/**
 * Reads a place text, in this order: a name or alias (in `country` first when given, then in any
 * country); a name followed by its department, state or country; a place id; an admin-2 P-code;
 * else unknown, with the closest names.
 *
 * @param g the gazetteer (the embedded 2018 places, with a user's places file in front).
 * @param text the text as written.
 * @param country ISO3 of the row, when it gives one: picks among places sharing a name.
 * @example
 * const g = createGazetteer(embedded2018().places);
 * resolvePlace(g, "tecun uman");  // => { how: "name", place: Tecún Umán, others: [] }
 * resolvePlace(g, "GT1217");      // => { how: "pcode", place: Tecún Umán, code: "GT1217", others: [] }
 * resolvePlace(g, "MX02004");     // => { how: "pcode", place: Tijuana, …, others: [its shelters and crossing] }
 * resolvePlace(g, "Tapachla");    // => { how: "unknown", suggestions: [Tapachula, …] }
 */
export function resolvePlace(g: Gazetteer, text: string, country?: Iso3): PlaceResolution {
  for (const c of country !== undefined ? [country, undefined] : [undefined]) {
    const all = g.findAll(text, c);
    if (all.length) return { how: "name", place: all[0]!, others: all.slice(1) };
  }
  const qualified = placeBeforeQualifier(g, text, country);
  if (qualified) return { how: "qualified", ...qualified };
  const code = placeByCode(g, text);
  if (code && "byId" in code) return { how: "id", place: code.byId };
  const byPcode = code ? placeOfPcode(code.pcodeOf) : undefined;
  if (code && byPcode) {
    const others = code.pcodeOf.filter((p) => p !== byPcode);
    return { how: "pcode", place: byPcode, code: code.code, others };
  }
  if (code) return { how: "pcodeUnresolved", places: code.pcodeOf, code: code.code };
  return { how: "unknown", suggestions: closePlaces(g, text) };
}

/**
 * The known places (at most 3, closest first) whose name or alias is within a few letters of
 * `text`: an edit distance of at most a third of its normalised length, and at least 2 (a
 * swapped pair: "Tapachual" → Tapachula). A name far from every place gets none: three nearest
 * names of 7 edits each ("Macondo" → Córdoba, Palillo, Navojoa) would only mislead.
 * @example
 * closePlaces(g, "Tapachual").map((p) => p.name); // => ["Tapachula"]
 * closePlaces(g, "Macondo"); // => []
 */
export function closePlaces(g: Gazetteer, text: string): Place[] {
  const most = Math.max(2, Math.floor(normalizeName(text).length / 3));
  return g
    .suggest(text, 3)
    .filter((m) => m.distance <= most)
    .map((m) => m.place);
}

/**
 * What else a P-code holds, in words for a warning: "the only known place in it", or the
 * facilities in the same municipality that were not chosen (they are written by name or id).
 * @example
 * pcodeHolds([]); // => "the only known place in it"
 */
export function pcodeHolds(others: readonly Place[]): string {
  if (others.length === 0) return "the only known place in it";
  return `the only town in it; ${others.map((p) => p.name).join(", ")} in the same municipality are written by name or id`;
}
