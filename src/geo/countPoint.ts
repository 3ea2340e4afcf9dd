/**
 * Which flow monitoring point a count row is at, as one key whatever column names it: rows that
 * give the point's id (`GT-TEC`) and rows that give its name (`Tecún Umán`, `Tecun Uman`) are the
 * same point when the gazetteer resolves both to the same place. The ledger's northbound floor and
 * the estimator's count attribution key points by this one rule (docs/contracts.md §1.1).
 */
import type { CountRecord } from "../model/count.ts";
import type { Place } from "../model/place.ts";
import type { Gazetteer } from "./gazetteer.ts";

/** The point of a count: its key (the place id when resolved) and a label for reports. */
export interface CountPoint {
  key: string;
  /** The gazetteer's name when resolved, else the id or name as written. */
  label: string;
  place?: Place;
}

/**
 * The gazetteer place of a count's point: by its id, else by its name (in its country first),
 * else its id read as a name (a sheet's `punto` column read as the id). A name that the gazetteer does not hold as such ("Tecún Umán
 * (puente)", a second point in the town) resolves to nothing and stays its own point.
 */
export function countPlace(c: CountRecord, gazetteer: Gazetteer | undefined): Place | undefined {
  if (!gazetteer) return undefined;
  const byId = c.fmpId !== undefined ? gazetteer.findById(c.fmpId) : undefined;
  if (byId) return byId;
  for (const name of [c.fmpName, c.fmpId]) {
    if (name === undefined) continue;
    const place = gazetteer.find(name, c.country) ?? gazetteer.find(name);
    if (place) return place;
  }
  return undefined;
}

/**
 * The key of a count's point: the resolved place's id; else the id, the name, or the coordinates
 * (4 decimals, ≈ 11 m) as written; "" when the row gives none.
 * @example
 * countPoint({ date: "2018-10-21", fmpName: "Tecun Uman", direction: "northbound" }, g).key; // => "GT-TEC"
 */
export function countPoint(c: CountRecord, gazetteer: Gazetteer | undefined): CountPoint {
  const place = countPlace(c, gazetteer);
  if (place) return { key: place.placeId, label: place.name, place };
  const written =
    c.fmpId ??
    c.fmpName ??
    (c.lat !== undefined && c.lon !== undefined ? `${c.lon.toFixed(4)},${c.lat.toFixed(4)}` : "");
  return { key: written, label: written };
}
