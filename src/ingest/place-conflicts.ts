/**
 * Places files (gazetteers) that contradict themselves: the same `place_id` on two rows, or one
 * name (or alias) given to two places far apart. Either would make names resolve to whichever row
 * came first, silently; here the later row is reported with the earlier row's line and a reason.
 *
 * What wins (docs/import.md):
 * - the same `place_id` twice: the first row is kept, the later one is rejected;
 * - one name for two places more than SAME_PLACE_KM apart in the same country (or where either row
 *   has no country): the first row is kept, the later one is rejected, since a count naming that
 *   place could mean either;
 * - one name for two places in different countries: both kept, with a warning (the country of a
 *   count row picks the place; without one the first wins);
 * - one name for two places within SAME_PLACE_KM: both kept, with a warning (two ids for what looks
 *   like one place; the name resolves to the first).
 */
import type { Place } from "../model/place.ts";
import type { IssueParams } from "./report.ts";
import { haversineKm } from "../geo/distance.ts";
import { normalizeName } from "../geo/normalizeName.ts";

/** Two places sharing a name closer than this (km) may be one place under two ids. */
export const SAME_PLACE_KM = 25;

/** What the check found for one place row. */
export interface PlaceConflict {
  /** `reject`: the row is not kept; `warn`: kept, with the message as a warning. */
  action: "reject" | "warn";
  code: "duplicate_place_id" | "place_name_conflict" | "place_name_shared";
  /** Line of the earlier row the place conflicts with. */
  firstLine: number;
  column: string;
  value: string;
  message: string;
  /** The values of `message` (report.ts, IssueParams): `first`, `firstName`, `firstId`, `km`, `country`. */
  params: IssueParams;
}

interface Seen {
  place: Place;
  line: number;
}

/** Checks the places of one file row by row, against the rows before. */
export class PlaceConflicts {
  private readonly ids = new Map<string, Seen>();
  private readonly names = new Map<string, Seen>();

  /**
   * The conflicts of a place with the places accepted before it (rejections first). Only places
   * that are kept should be passed to `add` afterwards.
   */
  check(place: Place): PlaceConflict[] {
    const out: PlaceConflict[] = [];
    const sameId = this.ids.get(place.placeId);
    if (sameId) {
      out.push({
        action: "reject",
        code: "duplicate_place_id",
        firstLine: sameId.line,
        column: "place_id",
        value: place.placeId,
        message: `place_id "${place.placeId}" is already used by row ${sameId.line} ("${sameId.place.name}"); the first row is kept.`,
        params: { first: sameId.line, firstName: sameId.place.name },
      });
      return out;
    }
    const seenKeys = new Set<string>();
    for (const name of [place.name, ...(place.aliases ?? [])]) {
      const key = normalizeName(name);
      if (!key || seenKeys.has(key)) continue;
      seenKeys.add(key);
      const other = this.names.get(key);
      if (other) out.push(conflict(place, name, name === place.name ? "name" : "aliases", other));
    }
    out.sort((a, b) => (a.action === b.action ? 0 : a.action === "reject" ? -1 : 1));
    return out;
  }

  /** Remembers a kept place: its id and every name and alias (the first row keeps a name). */
  add(place: Place, line: number): void {
    this.ids.set(place.placeId, { place, line });
    for (const name of [place.name, ...(place.aliases ?? [])]) {
      const key = normalizeName(name);
      if (key && !this.names.has(key)) this.names.set(key, { place, line });
    }
  }
}

function conflict(place: Place, name: string, column: string, other: Seen): PlaceConflict {
  const km = haversineKm(place.lon, place.lat, other.place.lon, other.place.lat);
  const where = `row ${other.line} ("${other.place.name}", ${other.place.placeId})`;
  const a = place.country?.toUpperCase();
  const b = other.place.country?.toUpperCase();
  const params = { first: other.line, firstName: other.place.name, firstId: other.place.placeId };
  const base = { firstLine: other.line, column, value: name };
  if (km <= SAME_PLACE_KM)
    return {
      ...base,
      action: "warn",
      code: "place_name_shared",
      message: `the name "${name}" is also given to ${where}, ${km.toFixed(1)} km away: two ids for one place? The name resolves to the first.`,
      params: { ...params, km: Number(km.toFixed(1)) },
    };
  if (a && b && a !== b)
    return {
      ...base,
      action: "warn",
      code: "place_name_shared",
      message: `the name "${name}" is also given to ${where} in ${b}, ${Math.round(km).toLocaleString("en-US")} km away; a row's country picks between them (without one, the first).`,
      params: { ...params, km: Math.round(km), country: b },
    };
  return {
    ...base,
    action: "reject",
    code: "place_name_conflict",
    message: `the name "${name}" is already given to ${where}, ${Math.round(km).toLocaleString("en-US")} km away; a count naming it could mean either, so the first row is kept (rename one, or give each its country).`,
    params: { ...params, km: Math.round(km) },
  };
}
