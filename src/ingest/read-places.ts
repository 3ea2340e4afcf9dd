/** Where a row is: coordinates (split or a Kobo geopoint, checked against the region) and place names. */
import type { Place } from "../model/place.ts";
import { readDecimal } from "./read-numbers.ts";
import { remember } from "./row-reader.ts";
import type { RowReader } from "./row-reader.ts";
import { parseGeopoint } from "./values.ts";

/** Shared empty result of `coordinates()` (never mutated): most rows have no coordinates. */
const NO_COORDINATES: { lat?: number; lon?: number } = Object.freeze({});

/** lat/lon from split columns or a Kobo geopoint, with range and region checks. */
export function readCoordinates(r: RowReader): { lat?: number; lon?: number } {
  if (!r.anyCoordinates) return NO_COORDINATES;
  let lat = readDecimal(r, "lat");
  let lon = readDecimal(r, "lon");
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
    r.reject(
      lat === undefined ? "lat" : "lon",
      "half_coordinate",
      "only one of latitude and longitude is given.",
    );
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
    );
    return { lat: lon, lon: lat };
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    r.reject(
      "lat",
      "invalid_coordinate",
      `coordinates ${lat}, ${lon} are not valid degrees.`,
      `${lat}, ${lon}`,
    );
    return NO_COORDINATES;
  }
  if (!inside(lat, lon)) {
    if (inside(lat, -lon))
      r.warn(
        "lon",
        "outside_region",
        `longitude ${lon} is outside the region; a missing minus sign?`,
      );
    else
      r.warn(
        "lat",
        "outside_region",
        `coordinates ${lat}, ${lon} are outside the region covered (Central America to the US border).`,
      );
  }
  return { lat, lon };
}

/** Resolves a place name through the gazetteer; rejects unknown names with suggestions. */
export function readPlace(
  r: RowReader,
  field: string,
  country: string | undefined,
  i: number | undefined = r.ctx.idx[field],
): Place | undefined | "unknown" {
  const name = r.textAt(i);
  const g = r.ctx.gazetteer;
  if (name === undefined || !g) return undefined;
  // Rows of a file mostly give the same country (or none): keep its memo at hand.
  let memo = country === r.placeCountry ? r.placeMemo : r.places.get(country);
  if (!memo) {
    memo = new Map();
    r.places.set(country, memo);
  }
  r.placeCountry = country;
  r.placeMemo = memo;
  let found = memo.get(name);
  if (found === undefined) {
    found = remember(memo, name, g.find(name, country) ?? g.find(name) ?? null);
  }
  if (found) return found;
  let suggestions = r.suggestions.get(name);
  if (suggestions === undefined) {
    suggestions = remember(
      r.suggestions,
      name,
      g.suggest(name, 3).map((m) => m.place.name),
    );
  }
  r.reject(
    field,
    "unknown_place",
    `${r.column(field)} "${name}" is not a known place${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "."} Add it to a places file or give lat/lon.`,
    name,
    suggestions,
  );
  return "unknown";
}
