/**
 * A place's name in a language: the one rule the situation update, the `report` and `forecast`
 * commands and the viewer use to write a place in Spanish or English.
 */
import type { Place } from "../model/place.ts";

/** A place's names, as `placeLabel` reads them. */
export type PlaceName = Pick<Place, "name" | "nameEs">;
/** The places of the data shown, for their names in the language (`placeLabel`). */
export type PlaceNames = readonly PlaceName[];

/**
 * The place's name in `lang`: in Spanish its `nameEs` when the gazetteer has one, else `name`
 * (the gazetteer's English name, which is also how Spanish writes most places). Given a name
 * (data carry places by the library's place names), the place is looked up by `name` among
 * `places` (exact name, as the library writes it); a name no place has (a user's free text, or a
 * name already in Spanish) is returned as it came, so applying the rule twice changes nothing.
 * @example
 * placeLabel("es", { name: "Mexico City", nameEs: "Ciudad de México" }); // => "Ciudad de México"
 * placeLabel("en", "Mexico City", places);                               // => "Mexico City"
 */
export function placeLabel(
  lang: "en" | "es",
  place: PlaceName | string,
  places: PlaceNames = [],
): string {
  const p = typeof place === "string" ? placesByName(places).get(place) : place;
  if (p === undefined) return place as string;
  return lang === "es" && p.nameEs ? p.nameEs : p.name;
}

/**
 * Each list's places by name (the first of a name), built once per list: the viewer's
 * time–distance table looks a name up per report. A list is the dataset's, never changed once given.
 */
const BY_NAME = new WeakMap<PlaceNames, ReadonlyMap<string, PlaceName>>();
function placesByName(places: PlaceNames): ReadonlyMap<string, PlaceName> {
  let map = BY_NAME.get(places);
  if (map === undefined) {
    const byName = new Map<string, PlaceName>();
    for (const p of places) if (!byName.has(p.name)) byName.set(p.name, p);
    BY_NAME.set(places, byName);
    map = byName;
  }
  return map;
}
