/**
 * The gazetteer: finds places by the names users write (any case, with or without accents, or an
 * alias), by id, by position, and suggests close names when a name is unknown.
 */
import type { Place } from "../model/place.ts";
import type { Iso3, Km } from "../model/units.ts";
import { haversineKm } from "./distance.ts";
import { editDistance } from "./editDistance.ts";
import { normalizeName } from "./normalizeName.ts";

export { normalizeName } from "./normalizeName.ts";

/** A place close to a name that was asked for. */
export interface PlaceMatch {
  place: Place;
  /** Levenshtein edit distance between the normalised query and the closest name or alias (0 = same). */
  distance: number;
}

/** Lookup of places by name, id and position. Build one with {@link createGazetteer}. */
export interface Gazetteer {
  /**
   * The place whose name or alias equals `name` after {@link normalizeName}.
   * When several places share the name, `country` (ISO3) picks among them; a place whose own
   * name matches wins over one that only has it as an alias; then the first in input order.
   * When `country` is given, only places in that country (or with no country) are considered.
   * @returns the place, or `undefined` when none matches (use {@link Gazetteer.suggest}).
   */
  find(name: string, country?: Iso3): Place | undefined;
  /**
   * Every place `find` could return for `name` (with the same `country` filter), best first in
   * `find`'s order: more than one means the name is shared (see docs/import.md, places files).
   */
  findAll(name: string, country?: Iso3): Place[];
  /** The place with exactly this `placeId` (the first one when ids repeat), or `undefined`. */
  findById(placeId: string): Place | undefined;
  /**
   * Up to `limit` (default 3) places whose name or alias is closest to `name` by edit distance on
   * normalised names, closest first (ties: shorter name, then input order). Each place appears once.
   */
  suggest(name: string, limit?: number): PlaceMatch[];
  /**
   * The place nearest to a position by great-circle distance (km), or `undefined` when there are
   * no places with valid coordinates.
   */
  nearest(lon: number, lat: number): { place: Place; distanceKm: Km } | undefined;
  /** Every place, in input order. */
  readonly places: readonly Place[];
}

interface NameEntry {
  key: string;
  place: Place;
  /** true when `key` comes from the place's own name rather than an alias. */
  primary: boolean;
  order: number;
}

/**
 * Builds a {@link Gazetteer} over `places` (the embedded 2018 places or a user's places file).
 * Exact lookups are hash-map lookups (O(1)); `suggest` and `nearest` scan all places (O(n),
 * fine for the few thousand places of a corridor).
 *
 * @param places the places; names, Spanish names and aliases are normalised once here. Blank names are skipped.
 * @example
 * const gazetteer = createGazetteer(embedded2018().places);
 * gazetteer.find("tecun uman")?.name;          // => "Tecún Umán"
 * gazetteer.suggest("Tapachla")[0].place.name; // => "Tapachula"
 */
export function createGazetteer(places: readonly Place[]): Gazetteer {
  const byKey = new Map<string, NameEntry[]>();
  const entries: NameEntry[] = [];
  const byId = new Map<string, Place>();
  places.forEach((place, order) => {
    if (!byId.has(place.placeId)) byId.set(place.placeId, place);
    const seen = new Set<string>();
    // The Spanish name is matched like an alias (a user may write either language).
    const names = [place.name, ...(place.nameEs ? [place.nameEs] : []), ...(place.aliases ?? [])];
    names.forEach((raw, index) => {
      if (typeof raw !== "string") return;
      const key = normalizeName(raw);
      if (key === "" || seen.has(key)) return;
      seen.add(key);
      const entry: NameEntry = { key, place, primary: index === 0, order };
      entries.push(entry);
      const list = byKey.get(key);
      if (list) list.push(entry);
      else byKey.set(key, [entry]);
    });
  });

  /**
   * Rank of an entry for a lookup in `wanted` country (lower is better; Infinity: another
   * country): same country beats unknown country; own name beats alias; then input order.
   */
  function rankOf(entry: NameEntry, wanted: string | undefined): number {
    const placeCountry = entry.place.country?.toUpperCase();
    if (wanted && placeCountry && placeCountry !== wanted) return Infinity;
    return (
      ((wanted && placeCountry !== wanted ? 2 : 0) + (entry.primary ? 0 : 1)) *
        (places.length + 1) +
      entry.order
    );
  }

  function find(name: string, country?: Iso3): Place | undefined {
    const list = byKey.get(normalizeName(name));
    if (!list) return undefined;
    const wanted = country?.trim().toUpperCase();
    let best: NameEntry | undefined;
    let bestRank = Infinity;
    for (const entry of list) {
      const rank = rankOf(entry, wanted);
      if (rank < bestRank) {
        bestRank = rank;
        best = entry;
      }
    }
    return best?.place;
  }

  function findAll(name: string, country?: Iso3): Place[] {
    const wanted = country?.trim().toUpperCase();
    const ranked = (byKey.get(normalizeName(name)) ?? [])
      .map((entry) => ({ entry, rank: rankOf(entry, wanted) }))
      .filter(({ rank }) => rank < Infinity)
      .sort((a, b) => a.rank - b.rank);
    return [...new Set(ranked.map(({ entry }) => entry.place))];
  }

  function suggest(name: string, limit = 3): PlaceMatch[] {
    const key = normalizeName(name);
    const bestByPlace = new Map<Place, { distance: number; length: number; order: number }>();
    for (const entry of entries) {
      const distance = editDistance(key, entry.key);
      const previous = bestByPlace.get(entry.place);
      if (!previous || distance < previous.distance) {
        bestByPlace.set(entry.place, { distance, length: entry.key.length, order: entry.order });
      }
    }
    return [...bestByPlace.entries()]
      .sort(([, a], [, b]) => a.distance - b.distance || a.length - b.length || a.order - b.order)
      .slice(0, Math.max(0, limit))
      .map(([place, { distance }]) => ({ place, distance }));
  }

  function nearest(lon: number, lat: number): { place: Place; distanceKm: Km } | undefined {
    let best: Place | undefined;
    let bestKm = Infinity;
    for (const place of places) {
      const d = haversineKm(lon, lat, place.lon, place.lat);
      // NaN (missing coordinates) fails this comparison and is skipped.
      if (d < bestKm) {
        bestKm = d;
        best = place;
      }
    }
    return best ? { place: best, distanceKm: bestKm } : undefined;
  }

  return {
    find,
    findAll,
    findById: (placeId) => byId.get(placeId),
    suggest,
    nearest,
    places,
  };
}
