/** Places of the corridor: cities, border crossings, flow monitoring points and shelters. */
import type { Iso3, People } from "./units.ts";

export type PlaceKind = "city" | "border_crossing" | "fmp" | "shelter";
export const PLACE_KINDS: readonly PlaceKind[] = ["city", "border_crossing", "fmp", "shelter"];

/** One row of the gazetteer (docs/contracts.md §1.4). */
export interface Place {
  /** Stable identifier, e.g. `MX-TAP` or a P-code when the place is an admin unit. */
  placeId: string;
  /** Name as written in English (the gazetteer's primary name). */
  name: string;
  /**
   * Name as commonly written in Spanish, when it differs from `name` ("Ciudad de México" for
   * "Mexico City"); `undefined` when both languages write it the same way.
   */
  nameEs?: string;
  /** Other names users write (Spanish/English spellings, short forms). Matching ignores case and accents. */
  aliases: string[];
  country?: Iso3;
  /** OCHA P-codes of the admin-1 and admin-2 units containing the place, when known. */
  adm1Pcode?: string;
  adm2Pcode?: string;
  /** WGS84 decimal degrees. */
  lat: number;
  lon: number;
  kind: PlaceKind;
  /** Shelter capacity in people; `undefined` when no source gives one (not zero). */
  capacity?: People;
  /** Where the coordinates and capacity come from. */
  source?: string;
  /** Columns of an imported places file that are not part of the contract, kept as they were. */
  extra?: Record<string, string>;
}
