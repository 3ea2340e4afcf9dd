/** Where a row is: coordinates (split or a Kobo geopoint, checked against the region) and place names. */
import type { Place } from "../model/place.ts";
import { closePlaces, pcodeHolds, placeByCode, resolvePlace } from "../geo/resolvePlace.ts";
import type { PlaceResolution } from "../geo/resolvePlace.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { readCoordinateCell } from "./read-numbers.ts";
import { remember } from "./row-reader.ts";
import type { IssueParams } from "./report.ts";
import { SUGGESTION_SEP } from "./suggestion-names.ts";
import type { RowReader } from "./row-reader.ts";
import { parseGeopoint } from "./values.ts";
import { isAdmin1Name } from "../geo/adminNames.ts";
import { parseCountry } from "./enums.ts";
import { haversineKm } from "../geo/distance.ts";

/** Shared empty result of `coordinates()` (never mutated): most rows have no coordinates. */
const NO_COORDINATES: { lat?: number; lon?: number } = Object.freeze({});

/**
 * The coordinates of the lat and lon cells, checked against their hemisphere letters: a letter of
 * the other axis (`14.6773 W` as a latitude) is rejected as `invalid_coordinate`, unless both
 * cells carry the other axis's letter (`92.14 W` as latitude, `14.67 N` as longitude: the columns
 * swapped), read swapped with the warning `coordinates_swapped`.
 */
function lettersOnAxes(
  r: RowReader,
  lat: { value?: number; axis?: "lat" | "lon" },
  lon: { value?: number; axis?: "lat" | "lon" },
): { lat?: number; lon?: number } {
  if (lat.axis === "lon" && lon.axis === "lat") {
    r.warn(
      "lat",
      "coordinates_swapped",
      `the latitude column has a longitude (${r.raw("lat")}) and the longitude column a latitude (${r.raw("lon")}); read as ${lon.value}, ${lat.value}.`,
      undefined,
      { read: `${lon.value}, ${lat.value}` },
    );
    return { lat: lon.value, lon: lat.value };
  }
  for (const [field, cell] of [
    ["lat", lat],
    ["lon", lon],
  ] as const) {
    if (cell.axis === undefined || cell.axis === field) continue;
    const t = r.raw(field) ?? "";
    r.reject(
      field,
      "invalid_coordinate",
      `${r.column(field)} "${t}" has a ${cell.axis === "lat" ? "latitude letter (N or S)" : "longitude letter (E, W or O)"}, not a ${field === "lat" ? "latitude" : "longitude"}'s.`,
      t,
      undefined,
      { variant: "letter", axis: cell.axis, field },
    );
    return {};
  }
  return { lat: lat.value, lon: lon.value };
}

/** The fields that place a row without coordinates: a sighting's place, a count's point. */
const NAMING_FIELDS = ["place_name", "fmp_name", "fmp_id"] as const;

/**
 * One of latitude and longitude without the other (`given` is the one written). A row that also
 * names a known place or point keeps that place's position: the lone coordinate is left out with
 * the warning `half_coordinate_ignored` naming the place (a count sheet's `Latitud` column filled
 * on some rows only must not cost the count), or `half_coordinate_far` when it is more than
 * `FAR_DEGREES` from the place's own; it is kept as the extra attribute `lat_as_written` or
 * `lon_as_written`, as written (`r.loneCoordinate`; under the column's own name it would be read back as a second `lat`). A row whose name or code does not resolve has no position:
 * `half_coordinate`, rejected.
 */
function halfCoordinate(
  r: RowReader,
  given: "lat" | "lon",
  lone: number,
  country: string | undefined,
): void {
  const missing = given === "lat" ? "lon" : "lat";
  const named = NAMING_FIELDS.find((f) => r.text(f) !== undefined);
  const place = named === undefined ? undefined : namedPlace(r, named, r.text(named)!, country);
  if (named === undefined || place === undefined) {
    r.reject(missing, "half_coordinate", "only one of latitude and longitude is given.");
    return;
  }
  const value = r.raw(given) ?? "";
  const own = given === "lat" ? place.lat : place.lon;
  r.loneCoordinate = [`${given}_as_written`, value];
  const word = (f: string) => (f === "lat" ? "latitude" : "longitude");
  const params = { given, place: place.name, placeColumn: r.column(named) };
  if (Math.abs(lone - own) > FAR_DEGREES) {
    r.warn(
      given,
      "half_coordinate_far",
      `only the ${word(given)} is given (${value}), not the ${word(missing)}, and it is more than ${FAR_DEGREES}° from ${place.name}'s (${own}): it is left out, and the row is placed by ${r.column(named)} "${r.text(named)}" at ${place.name}; check the cell.`,
      value,
      { ...params, own },
    );
    return;
  }
  r.warn(
    given,
    "half_coordinate_ignored",
    `only the ${word(given)} is given (${value}), not the ${word(missing)}: it is left out, and the row is placed by ${r.column(named)} "${place.name}".`,
    value,
    params,
  );
}

/** How far (degrees, ≈ 55 km) a lone coordinate may be from its named place's before it is said. */
const FAR_DEGREES = 0.5;

/**
 * The place a row's name or code resolves to without warning or rejecting (the row's own reading
 * does that): by id for a point code, else as `lookUpPlace` reads it.
 */
export function namedPlace(
  r: RowReader,
  field: string,
  text: string,
  country: string | undefined,
): Place | undefined {
  const g = r.ctx.gazetteer;
  if (!g) return undefined;
  if (field === "fmp_id") {
    const byId = g.findById(text);
    if (byId) return byId;
  }
  const found = lookUpPlace(r, text, country);
  return found.how === "unknown" || found.how === "pcodeUnresolved" ? undefined : found.place;
}

/** How far (km) a row's coordinates may be from the place its name reads as before it is said. */
export const NAME_FAR_FROM_COORDINATES_KM = 100;

/**
 * A row that gives both a place (or point) name and coordinates, the name a known place more than
 * `NAME_FAR_FROM_COORDINATES_KM` from them (and no other known place of that name near them): a
 * coordinate copied from another row, or typed into the wrong row. The name wins, since it is
 * checked against the gazetteer and the coordinates are not (docs/import.md): the place is
 * returned, the caller places the row there and keeps the coordinates as written in
 * `lat_as_written` and `lon_as_written`, with the warning `place_coordinates_far` naming both
 * places. Undefined when the name is not a known place or is near the coordinates.
 */
export function placeFarFromCoordinates(
  r: RowReader,
  field: "place_name" | "fmp_name" | "fmp_id",
  name: string,
  country: string | undefined,
  lat: number,
  lon: number,
): Place | undefined {
  const g = r.ctx.gazetteer;
  if (!g) return undefined;
  const place = namedPlace(r, field, name, country);
  if (!place) return undefined;
  const km = haversineKm(lon, lat, place.lon, place.lat);
  if (km <= NAME_FAR_FROM_COORDINATES_KM) return undefined;
  // Another place of that name near the coordinates: the name is that one, not a conflict.
  const near = (p: Place) => haversineKm(lon, lat, p.lon, p.lat) <= NAME_FAR_FROM_COORDINATES_KM;
  if (g.findAll(name, country).some(near)) return undefined;
  const nearest = g.nearest(lon, lat);
  const there =
    nearest && nearest.distanceKm <= NAME_FAR_FROM_COORDINATES_KM
      ? `, near ${nearest.place.name}`
      : "";
  const rounded = Math.round(km);
  r.warn(
    field,
    "place_coordinates_far",
    `${place.name} is ${rounded.toLocaleString("en-US")} km from the coordinates given (${lat}, ${lon}${there}): the row is placed at ${place.name}, as ${r.column(field)} "${name}" says, and the coordinates are kept as written in lat_as_written and lon_as_written; check the row.`,
    name,
    {
      place: place.name,
      km: rounded,
      lat,
      lon,
      ...(there ? { near: nearest!.place.name } : {}),
    },
  );
  return place;
}

/** How a name reads as a known place: `resolvePlace`'s answer, or its abbreviation or lost letters (`long`). */
export type PlaceLookUp = PlaceResolution | ({ how: "long" } & LongName);

/**
 * The one look-up of a row's place name (the gazetteer must be given), silent and memoised: name
 * or alias, a name with words after it, an id or P-code (src/geo/resolvePlace.ts), then an
 * abbreviation written out or lost letters read. `readPlace` says what it found; a lone
 * coordinate's row and a point with coordinates read names through it too, so a name reads the
 * same way whichever path it takes.
 */
export function lookUpPlace(r: RowReader, name: string, country: string | undefined): PlaceLookUp {
  const found = memoResolve(r, name, country);
  if (found.how !== "unknown") return found;
  const long = longName(r, name, country);
  return long ? { how: "long", ...long } : found;
}

/**
 * lat/lon from split columns or a Kobo geopoint, with range and region checks; `country` (the
 * row's) narrows the place a lone coordinate's row is named by.
 */
export function readCoordinates(r: RowReader, country?: string): { lat?: number; lon?: number } {
  if (r.loneCoordinate !== undefined) r.loneCoordinate = undefined;
  if (!r.anyCoordinates) return NO_COORDINATES;
  const rejected = r.issues.rejections.length;
  let { lat, lon } = lettersOnAxes(r, readCoordinateCell(r, "lat"), readCoordinateCell(r, "lon"));
  // A cell already rejected (not a number, a letter of the other axis): no second reason.
  if (r.issues.rejections.length > rejected) return NO_COORDINATES;
  if (lat === undefined && lon === undefined) {
    const gp = r.text("geopoint");
    if (gp !== undefined) {
      const p = parseGeopoint(gp);
      if (!p)
        r.reject(
          "geopoint",
          "invalid_geopoint",
          `${r.column("geopoint")} "${gp}" is not "lat lon [alt precision]".`,
          gp,
        );
      else ({ lat, lon } = p);
    }
  }
  if ((lat === undefined) !== (lon === undefined)) {
    if (lat === undefined) halfCoordinate(r, "lon", lon!, country);
    else halfCoordinate(r, "lat", lat, country);
    return NO_COORDINATES;
  }
  if (lat === undefined || lon === undefined) return NO_COORDINATES;
  const box = r.ctx.region;
  const inside = (y: number, x: number) =>
    y >= box.south && y <= box.north && x >= box.west && x <= box.east;
  if (!inside(lat, lon) && inside(lon, lat)) {
    r.warn(
      "lat",
      "coordinates_swapped",
      `latitude ${lat} and longitude ${lon} look swapped; read as ${lon}, ${lat}.`,
      undefined,
      { read: `${lon}, ${lat}` },
    );
    return { lat: lon, lon: lat };
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    r.reject(
      "lat",
      "invalid_coordinate",
      `coordinates ${lat}, ${lon} are not valid degrees.`,
      `${lat}, ${lon}`,
      undefined,
      { variant: "range" },
    );
    return NO_COORDINATES;
  }
  if (!inside(lat, lon)) {
    if (inside(lat, -lon))
      r.warn(
        "lon",
        "outside_region",
        `longitude ${lon} is outside the region; a missing minus sign?`,
        undefined,
        { variant: "sign", lat, lon },
      );
    else
      r.warn(
        "lat",
        "outside_region",
        `coordinates ${lat}, ${lon} are outside the region covered (Central America to the US border).`,
        undefined,
        { variant: "far", lat, lon },
      );
  }
  return { lat, lon };
}

/**
 * Resolves a place name through the gazetteer (src/geo/resolvePlace.ts: name, name with its
 * department or state, place id, P-code); warns what a qualified name or a code was read as, and
 * rejects unknown names with suggestions.
 */
export function readPlace(
  r: RowReader,
  field: string,
  country: string | undefined,
  i: number | undefined = r.ctx.idx[field],
): Place | undefined | "unknown" {
  const name = r.textAt(i);
  if (name === undefined || !r.ctx.gazetteer) return undefined;
  const found = lookUpPlace(r, name, country);
  r.placeNameKept = false;
  if (found.how === "name") return found.place;
  if (found.how === "qualified") return qualifiedPlace(r, field, name, found);
  if (found.how === "long") return sayLongName(r, field, name, found);
  const said = `${r.column(field)} "${name}"`;
  if (found.how !== "unknown") return placeFromCode(r, field, name, found);
  const suggestions = found.suggestions.map((p) => p.name);
  r.reject(
    field,
    "unknown_place",
    `${said} is not a known place${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "."} Add it to a places file or give lat/lon.`,
    name,
    suggestions,
    spanishNames(found.suggestions),
  );
  return "unknown";
}

/**
 * The suggested places' Spanish names (`nameEs`, else `name`) as the issue's `suggestionsEs`
 * param, joined by {@link SUGGESTION_SEP}, so Spanish text names them as placeLabel does; none when
 * every name is the same in both languages.
 */
function spanishNames(places: readonly Place[]): IssueParams | undefined {
  if (!places.some((p) => p.nameEs && p.nameEs !== p.name)) return undefined;
  return { suggestionsEs: places.map((p) => p.nameEs || p.name).join(SUGGESTION_SEP) };
}

/** The close names in Spanish (`suggestedEs`, placeLabel's rule), when one differs. */
function spanishClose(g: Gazetteer, names: readonly string[]): IssueParams {
  const es = names.map((n) => {
    const p = g.find(n);
    return p?.name === n && p.nameEs ? p.nameEs : n;
  });
  return es.some((x, i) => x !== names[i]) ? { suggestedEs: es.join(", ") } : {};
}

/** `resolvePlace` for a row's name, memoised per country (the gazetteer must be given). */
function memoResolve(r: RowReader, name: string, country: string | undefined): PlaceResolution {
  // Rows of a file mostly give the same country (or none): keep its memo at hand.
  let memo = country === r.placeCountry ? r.placeMemo : r.places.get(country);
  if (!memo) {
    memo = new Map();
    r.places.set(country, memo);
  }
  r.placeCountry = country;
  r.placeMemo = memo;
  const found = memo.get(name);
  return found ?? remember(memo, name, resolvePlace(r.ctx.gazetteer!, name, country));
}

/** How near (km) a row's coordinates must be to the place its name reads as to be that place. */
const SAME_POINT_KM = 5;

/**
 * The known place a point name with coordinates of its own is a spelling of: found by its name
 * (any case or accents, an alias, an abbreviation, lost letters) or followed by its department,
 * state or country, within `SAME_POINT_KM` of the coordinates and the nearest known place to them;
 * undefined otherwise (another place of that name, or none). Distinct monitoring points lie well
 * inside 5 km of each other (the Suchiate bridge is 0.6 km from Ciudad Hidalgo): when another known
 * place is nearer, the name is kept as written with the warning `place_name_near_other`. Says
 * nothing else: the row keeps its own coordinates, and only its name is written as the place's.
 */
export function placeNear(
  r: RowReader,
  name: string,
  country: string | undefined,
  lat: number,
  lon: number,
): Place | undefined {
  const g = r.ctx.gazetteer;
  if (!g) return undefined;
  const found = lookUpPlace(r, name, country);
  const named =
    found.how === "name" ||
    found.how === "long" ||
    (found.how === "qualified" && regionQualified(name, found));
  if (!named) return undefined;
  const p = found.place;
  const km = haversineKm(lon, lat, p.lon, p.lat);
  if (km > SAME_POINT_KM) return undefined;
  const nearest = nearerPlace(g, lat, lon, km, p);
  if (!nearest) return p;
  const fmt = (x: number) => Math.round(x * 10) / 10;
  r.warn(
    "fmp_name",
    "place_name_near_other",
    `${r.column("fmp_name")} "${name}" is ${p.name}, ${fmt(km)} km from the row's coordinates, but ${nearest.place.name} is nearer (${fmt(nearest.km)} km): the point keeps its name as written; write the point's own name if it is ${nearest.place.name}.`,
    name,
    { place: p.name, nearest: nearest.place.name, km: fmt(km), nearestKm: fmt(nearest.km) },
  );
  return undefined;
}

/** The nearest known place to (lat, lon) that is nearer than `km` and not `self` (nor at its spot). */
function nearerPlace(
  g: Gazetteer,
  lat: number,
  lon: number,
  km: number,
  self: Place,
): { place: Place; km: number } | undefined {
  let best: { place: Place; km: number } | undefined;
  for (const q of g.places) {
    if (q === self || (q.lat === self.lat && q.lon === self.lon)) continue;
    const d = haversineKm(lon, lat, q.lon, q.lat);
    // 10 m of slack: two places at one spot are not "nearer" than each other.
    if (d < km - 0.01 && (!best || d < best.km)) best = { place: q, km: d };
  }
  return best;
}

/** Whether every word group after a known name is its department, state or country (or the name again). */
function regionQualified(
  name: string,
  found: Extract<PlaceResolution, { how: "qualified" }>,
): boolean {
  return qualifierParts(name, found.head).every((s) => isRegionOf(s, found.place, found.head));
}

/**
 * The known place a name with only its department, state or country after it respells
 * (`Tenosique, Tabasco` → Tenosique); undefined for any other name, and for a name whose words
 * after it name another point of the town (`Tecún Umán (puente)`).
 */
export function placeOfRegionQualifiedName(
  r: RowReader,
  name: string,
  country: string | undefined,
): Place | undefined {
  const found = lookUpPlace(r, name, country);
  return found.how === "qualified" && regionQualified(name, found) ? found.place : undefined;
}

/** Central American countries, for `C.A.` (Centroamérica) after a place's country. */
const CENTRAL_AMERICA: ReadonlySet<string> = new Set([
  "BLZ",
  "GTM",
  "SLV",
  "HND",
  "NIC",
  "CRI",
  "PAN",
]);

/**
 * Whether one word group after a place's name is where the place is: its department or state
 * (by name, abbreviation or with its title, src/geo/adminNames.ts), its country (by name or code,
 * also with a code after a state: `Chiapas MX`), `C.A.` for a Central American place, the name
 * again, or one of the place's aliases (its municipality: `Tecún Umán, Ayutla`).
 */
function isRegionOf(part: string, place: Place, head: string): boolean {
  const same = (a: string, b: string) => a.localeCompare(b, "es", { sensitivity: "base" }) === 0;
  if (isAdmin1Name(part, place.adm1Pcode, place.country)) return true;
  if (place.country !== undefined && parseCountry(part) === place.country) return true;
  if (same(part, head) || place.aliases.some((a) => same(a, part))) return true;
  const letters = part.replace(/[.\s]/g, "").toLowerCase();
  if (letters === "ca" && place.country !== undefined && CENTRAL_AMERICA.has(place.country))
    return true;
  // A state or department with the country's code after it: `Chiapas MX`, `San Marcos GTM`.
  const coded = /^(.+?)\s+([A-Za-z]{2,3})$/.exec(part);
  return (
    coded !== null &&
    place.country !== undefined &&
    parseCountry(coded[2]!) === place.country &&
    isRegionOf(coded[1]!, place, head)
  );
}

/**
 * The words after a known name (`Tecún Umán, San Marcos`, `Tapachula (Chiapas), México`,
 * `Tecún Umán - San Marcos`, `Tecún Umán (puente)`), each part by itself: `["San Marcos"]`,
 * `["Chiapas", "México"]`.
 */
function qualifierParts(name: string, head: string): string[] {
  return name
    .trim()
    .slice(head.length)
    .split(/[,()]|\s[-–]\s|^\s*[-–]\s/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * A known name with words after it: read as that place, with the warning `place_name_qualified`.
 * When every word group is the place's department, state or country (or the name again, as a
 * municipality of the same name), the name is a respelling of the place; otherwise it names
 * another point in the town (`Tecún Umán (puente)`, `Tapachula, albergue Jesús el Buen Pastor`)
 * and `r.placeNameKept` tells a count to keep it as its point's name.
 */
function qualifiedPlace(
  r: RowReader,
  field: string,
  name: string,
  found: Extract<PlaceResolution, { how: "qualified" }>,
): Place {
  const place = found.place;
  const kept = !regionQualified(name, found);
  r.placeNameKept = kept;
  const qualifier = qualifierParts(name, found.head).join(", ");
  // A count's point keeps the words in its name; any other place (a sighting's) is only placed.
  const point = field === "fmp_name" || field === "fmp_id";
  const qualifierIs = !kept ? "region" : point ? "point_name" : "other";
  const why = {
    region: `"${qualifier}" taken as its municipality, department, state or country`,
    point_name: `"${qualifier}" kept as part of the point's name`,
    other: `"${qualifier}" is not its department, state or country`,
  }[qualifierIs];
  r.warn(
    field,
    "place_name_qualified",
    `${r.column(field)} "${name}" read as ${place.name} (${why}).`,
    name,
    { place: place.name, head: found.head, qualifier, qualifierIs },
  );
  return place;
}

/** Abbreviations that start Spanish place names: `Cd. Hidalgo` is Ciudad Hidalgo. */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/^cd(?:\.\s*|\s+)(?=\p{L})/iu, "Ciudad "],
  [/^sta(?:\.\s*|\s+)(?=\p{L})/iu, "Santa "],
  [/^sto(?:\.\s*|\s+)(?=\p{L})/iu, "Santo "],
  [/^s\.\s*(?=\p{L})/iu, "San "],
  [/^gral(?:\.\s*|\s+)(?=\p{L})/iu, "General "],
  [/^pto(?:\.\s*|\s+)(?=\p{L})/iu, "Puerto "],
];

/**
 * The name with its leading abbreviation written out (`Cd. Hidalgo` → `Ciudad Hidalgo`), or
 * undefined when it starts with none.
 * @example expandAbbreviation("Cd. Hidalgo") // => "Ciudad Hidalgo"
 */
export function expandAbbreviation(name: string): string | undefined {
  for (const [re, word] of ABBREVIATIONS) if (re.test(name)) return name.replace(re, word);
  return undefined;
}

/** An unknown name read as a known place: its abbreviation written out, or its lost letters. */
type LongName = { place: Place; long?: string };

/**
 * An unknown name that is a known place once its abbreviation is written out (`long` set) or its
 * lost letters read (see `unreplaced`); undefined when neither. Memoised per country and name
 * (`r.longNames`): the look-up scans the gazetteer, and a sheet repeats its names row after row.
 */
function longName(r: RowReader, name: string, country: string | undefined): LongName | undefined {
  const key = `${country ?? ""}\u0000${name}`;
  const known = r.longNames.get(key);
  if (known !== undefined) return known ?? undefined;
  const g = r.ctx.gazetteer!;
  let found: LongName | undefined;
  const long = expandAbbreviation(name);
  if (long !== undefined) {
    const p = resolvePlace(g, long, country);
    if (p.how === "name" || p.how === "qualified") found = { place: p.place, long };
  }
  if (!found) {
    const place = unreplaced(g, name, country);
    if (place) found = { place };
  }
  r.longNames.set(key, found ?? null);
  return found;
}

/** Warns what an unknown name was read as (`place_name_abbreviated` or `place_name_replaced_characters`). */
function sayLongName(r: RowReader, field: string, name: string, found: LongName): Place {
  const place = found.place;
  if (found.long !== undefined)
    r.warn(
      field,
      "place_name_abbreviated",
      `${r.column(field)} "${name}" read as ${place.name} (its abbreviation written out: "${found.long}").`,
      name,
      { place: place.name, long: found.long },
    );
  else
    r.warn(
      field,
      "place_name_replaced_characters",
      `${r.column(field)} "${name}" read as ${place.name} (each ?, _ or \uFFFD read as a letter the file's encoding lost: save the sheet as "CSV UTF-8" to keep them).`,
      name,
      { place: place.name },
    );
  return place;
}

/** Characters a program writes for a letter the file's encoding cannot hold: `?`, `_`, U+FFFD. */
const REPLACED = /[?_\uFFFD]/u;

/**
 * An unknown name with letters lost to an encoding (`Tec?n Um?n`: Excel's "CSV" on a code page
 * without `ú` writes `?` or `_` for it; UTF-8 read byte by byte gives two per letter,
 * `Tec??n Um??n`): the one known place whose name, Spanish name or alias it matches with each one
 * or two such characters read as one letter outside ASCII (an encoding never loses `t`: `Santa
 * Mar?a` is not Santa Marta) and spacing ignored; otherwise undefined.
 */
function unreplaced(g: Gazetteer, name: string, country: string | undefined): Place | undefined {
  if (!REPLACED.test(name)) return undefined;
  const pattern = name
    .trim()
    .replace(/\s+/g, " ")
    .split(/([?_\uFFFD]{1,2})/u)
    .map((part, i) =>
      i % 2 ? "(?:(?![A-Za-z])\\p{L})" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  const re = new RegExp(`^${pattern}$`, "iu");
  const matches = g.places.filter(
    (p) =>
      (country === undefined || p.country === undefined || p.country === country) &&
      [p.name, p.nameEs, ...p.aliases].some((n) => n !== undefined && re.test(n)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * A place written as its id (`GT-TEC`) or its admin-2 P-code (`GT1217`) instead of its name. An
 * id, or a P-code held by one known place, resolves with a warning; a P-code of several places or
 * of none is rejected naming them (names suggested by spelling would be no help for a code).
 */
function placeFromCode(
  r: RowReader,
  field: string,
  name: string,
  found: Extract<PlaceResolution, { how: "id" | "pcode" | "pcodeUnresolved" }>,
): Place | "unknown" {
  const said = `${r.column(field)} "${name}"`;
  if (found.how !== "pcodeUnresolved") {
    const place = found.place;
    const what =
      found.how === "id"
        ? `the id of ${place.name}`
        : `the P-code of ${place.name} (${pcodeHolds(found.others)})`;
    r.warn(field, "place_from_code", `${said} is ${what}; read as ${place.name}.`, name, {
      place: place.name,
      how: found.how,
      // The other known places of that municipality (shelters, crossings): points of their own.
      ...(found.how !== "id" && found.others.length
        ? { others: found.others.map((p) => p.name).join(", ") }
        : {}),
    });
    return place;
  }
  const held = found.places;
  const message =
    held.length > 1
      ? `${said} is a P-code of ${held.length} known places (${held.map((p) => p.name).join(", ")}): write the place's name.`
      : `${said} looks like a P-code, but no known place is in it: write the place's name, add it to a places file (adm2_pcode) or give lat/lon.`;
  r.reject(
    field,
    "unknown_place",
    message,
    name,
    held.map((p) => p.name),
    { variant: held.length > 1 ? "pcode_several" : "pcode_none" },
  );
  return "unknown";
}

/** Close names per gazetteer and point code: a sheet repeats its points on every row. */
const CLOSE_MEMO = new WeakMap<Gazetteer, Map<string, string[]>>();
/** Distinct codes remembered per gazetteer; past it each is looked up again (memory bound). */
const CLOSE_MEMO_SIZE = 10_000;

/** The names of the places within a few letters of `code` (closePlaces), once per code. */
function closeNames(g: Gazetteer, code: string): string[] {
  let memo = CLOSE_MEMO.get(g);
  if (!memo) CLOSE_MEMO.set(g, (memo = new Map()));
  const known = memo.get(code);
  if (known) return known;
  const names = closePlaces(g, code).map((p) => p.name);
  if (memo.size < CLOSE_MEMO_SIZE) memo.set(code, names);
  return names;
}

/**
 * The place of a count sheet's point given only by its `fmp_id` (no name, no coordinates): the
 * place with that id; else, since analysts often write the point's name or P-code in a column
 * headed `punto` or `código`, the place with that name, the place a name with its state after it
 * names (`Tenosique, Tabasco`: the one rule of `readPlace` for any column naming the point), or
 * the one place in that P-code. A code that names no known place keeps the row (the id still
 * tells points apart), with a warning that it has no position.
 */
export function placeOfPointId(
  r: RowReader,
  fmpId: string,
  country: string | undefined,
): Place | undefined {
  const g = r.ctx.gazetteer!;
  const byName = g.find(fmpId, country) ?? g.find(fmpId);
  if (byName) return byName;
  const long = expandAbbreviation(fmpId);
  const byLong = long !== undefined ? (g.find(long, country) ?? g.find(long)) : undefined;
  if (byLong) {
    r.warn(
      "fmp_id",
      "place_name_abbreviated",
      `${r.column("fmp_id")} "${fmpId}" read as ${byLong.name} (its abbreviation written out: "${long}").`,
      fmpId,
      { place: byLong.name, long: long! },
    );
    return byLong;
  }
  const named = lookUpPlace(r, fmpId, country);
  if (named.how === "qualified") return qualifiedPlace(r, "fmp_id", fmpId, named);
  const found = placeByCode(g, fmpId);
  if (found && "byId" in found) return found.byId;
  if (found && found.pcodeOf.length === 1) return found.pcodeOf[0];
  const held = found ? found.pcodeOf : [];
  // A name a few letters from a known place ("Tapachual"): suggested, as for a sighting's place.
  const close = held.length ? [] : closeNames(g, fmpId);
  const mean = close.length ? ` (did you mean ${close.map((n) => `"${n}"`).join(", ")}?)` : "";
  const what =
    held.length > 1
      ? `is the P-code of ${held.length} known places (${held.map((p) => p.name).join(", ")}), not of one point`
      : `is not the id, name or P-code of a known place${mean}`;
  r.warn(
    "fmp_id",
    "point_without_position",
    `${r.column("fmp_id")} "${fmpId}" ${what}, and the row gives no lat/lon: kept, but without a position (the estimator leaves it out). Add the point to a places file, or give its name or lat/lon.`,
    fmpId,
    close.length ? { suggested: close.join(", "), ...spanishClose(g, close) } : undefined,
  );
  return undefined;
}
