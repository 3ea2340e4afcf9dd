/**
 * Where a group was last placed, in words: the one rule the CLI (`dtm-flow forecast`) and the
 * viewer's forecast panel both render from, so they never say different things about the same
 * group (the viewer said "near Culiacán" of a group the CLI put 83 km short of it).
 *
 * The place is the stop on its route nearest the group's km (`nearestPlace` in forecast.ts,
 * `GroupStatus.placeName`), the offset `placeOffsetKm` (km, positive past the place). The offset
 * is rounded to whole km first, then compared with {@link NEAR_PLACE_KM}: 10.3 km reads "near",
 * as 10.0 does, and never "10 km past".
 */
import type { Km } from "../model/units.ts";

/** Within this many km (after rounding to whole km) of its nearest place a group is "near" it. */
export const NEAR_PLACE_KM = 10;

/** How a group stands to its nearest place. */
export type PlaceRelation = "near" | "past" | "short_of";

/**
 * The relation of a group to its nearest place and the whole km between them.
 * @param offsetKm km from the place to the group (positive: past it, negative: short of it).
 * @example placeRelation(-82.6) // => { relation: "short_of", km: 83 }
 */
export function placeRelation(offsetKm: Km): { relation: PlaceRelation; km: number } {
  const km = Math.round(Math.abs(offsetKm));
  if (km <= NEAR_PLACE_KM) return { relation: "near", km };
  return { relation: offsetKm > 0 ? "past" : "short_of", km };
}

/** A group as far as {@link placedText} reads it (a `GroupStatus` or the viewer's copy of it). */
export interface Placed {
  placeName?: string;
  placeOffsetKm?: Km;
  /** km along the route (median), written when no place is known. */
  km: Km;
}

/**
 * Where a group was last placed, in English or Spanish: "near X" / "cerca de X", "N km past X" /
 * "N km después de X", "N km short of X" / "N km antes de X", or "at km N" / "en el km N" when its
 * route has no places. Numbers with the thousands separator of `lang` (en-US, es-MX).
 * @param name the place's name as the caller shows it (the viewer passes its Spanish name);
 *   default `g.placeName`.
 * @example placedText({ placeName: "Culiacán", placeOffsetKm: -82.6, km: 3000 }, "es")
 * // => "83 km antes de Culiacán"
 */
export function placedText(g: Placed, lang: "en" | "es" = "en", name = g.placeName): string {
  const n = (x: number) => x.toLocaleString(lang === "es" ? "es-MX" : "en-US");
  if (!g.placeName || name === undefined) {
    return lang === "es" ? `en el km ${n(Math.round(g.km))}` : `at km ${n(Math.round(g.km))}`;
  }
  const { relation, km } = placeRelation(g.placeOffsetKm ?? 0);
  const words =
    lang === "es"
      ? {
          near: `cerca de ${name}`,
          past: `${n(km)} km después de ${name}`,
          short_of: `${n(km)} km antes de ${name}`,
        }
      : {
          near: `near ${name}`,
          past: `${n(km)} km past ${name}`,
          short_of: `${n(km)} km short of ${name}`,
        };
  return words[relation];
}
