/**
 * The words said of the people `unknown` on a day: where they were last seen and what they most
 * likely did (src/state/unknownLastSeen.ts gives the figures), in English or Spanish, for the
 * situation update's "Unknown" headline. "Most likely" is the words' own reading of the place, not
 * a figure: people no longer counted at a border city at the end of a route may have crossed,
 * moved on or returned (the sources cannot tell which); people no longer counted at a town on the
 * way moved on; a silent group's people are where the movement law last placed them.
 */
import { createGazetteer } from "../geo/gazetteer.ts";
import { areaOf } from "../ledger/areaOf.ts";
import { placeLabel } from "../geo/placeLabel.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { Dataset } from "../model/dataset.ts";
import type { UnknownLastSeen } from "../state/unknownLastSeen.ts";
import { formatDate, formatPeople } from "./format.ts";
import { situationWords } from "./words.ts";
import type { SituationLang } from "./words.ts";

/** One origin of the unknown people, said. */
export interface UnknownLastSeenLine {
  /** The group or place (in `lang`), or undefined for people never placed. */
  label?: string;
  people: number;
  /** The sentence. */
  text: string;
}

/**
 * The lines said of where the unknown people were last seen, largest first.
 * @param lastSeen `unknownLastSeen(state, asOf)`.
 * @param dataset the routes and places (a group's km interval is named by the places nearest its
 *   ends; a place at a route's end is a border city).
 * @example
 * unknownLastSeenLines(unknownLastSeen(replay.state, "2018-12-15"), replay.dataset, "en")[0].text;
 * // => "4,443 no longer in Tijuana's count since 5 Dec 2018 (6,837 at its peak on 29 Nov 2018, 4,000 counted on 15 Dec 2018; …); most likely crossed …"
 */
export function unknownLastSeenLines(
  lastSeen: readonly UnknownLastSeen[],
  dataset: Dataset,
  lang: SituationLang = "en",
): UnknownLastSeenLine[] {
  const w = situationWords(lang);
  const gazetteer = createGazetteer(dataset.places);
  const index = dataset.routes?.features?.length ? createRouteIndex(dataset.routes) : undefined;
  const name = (n: string) => placeLabel(lang, n, dataset.places);
  const ends = routeEndPlaces(dataset, gazetteer);
  const near = (routeId: string | undefined, km: number | undefined): string | undefined => {
    if (!index || routeId === undefined || km === undefined || !index.routeIds.includes(routeId))
      return undefined;
    const [lon, lat] = index.along(routeId, km);
    const place = gazetteer.nearest(lon, lat)?.place.name;
    return place !== undefined ? name(place) : undefined;
  };
  const day = (d: string | undefined) => (d ? formatDate(d, false, lang) : "");
  return lastSeen.map((u) => {
    const people = formatPeople(u.people);
    if (u.kind === "group" && u.name !== undefined) {
      const from = near(u.routeId, u.kmLow);
      const to = near(u.routeId, u.kmHigh);
      if (from !== undefined && to !== undefined && u.kmLow !== undefined && u.kmHigh !== undefined)
        return {
          label: u.name,
          people: u.people,
          text: w.lastSeenGroup(
            u.name,
            people,
            from,
            to,
            formatPeople(Math.round(u.kmLow)),
            formatPeople(Math.round(u.kmHigh)),
            day(u.lastSeen),
            day(u.lastReport),
          ),
        };
    }
    if (u.kind === "place" && u.name !== undefined) {
      const label = name(u.name);
      const text =
        ends.has(u.name) && u.peak !== undefined && u.peakDate !== undefined
          ? w.lastSeenBorder(
              label,
              people,
              day(u.lastSeen),
              formatPeople(u.peak),
              day(u.peakDate),
              u.presentOn !== undefined ? formatPeople(u.presentOn) : undefined,
              u.presentDate !== undefined ? day(u.presentDate) : undefined,
              // More left the count than its fall from the peak: others came after the peak.
              u.presentOn !== undefined && u.people > u.peak - u.presentOn + 0.5,
            )
          : w.lastSeenPlace(label, people, day(u.lastSeen));
      return { label, people: u.people, text };
    }
    if (u.kind === "returned" || u.kind === "onward" || u.kind === "group" || u.kind === "place") {
      const what =
        w.categories[
          u.kind === "returned"
            ? "return"
            : u.kind === "onward"
              ? "onward"
              : u.kind === "group"
                ? "in_transit"
                : "remaining"
        ] ?? u.kind;
      return {
        people: u.people,
        text: w.lastSeenCounted(what.toLowerCase(), people, day(u.lastSeen)),
      };
    }
    return { people: u.people, text: w.lastSeenUnplaced(people) };
  });
}

/** The ledger's default arrival radius (km): a shelter within it folds into its city. */
const ARRIVAL_RADIUS_KM = 40;

/** The names of the places at the routes' ends (the border cities), by the nearest place. */
function routeEndPlaces(
  dataset: Dataset,
  gazetteer: ReturnType<typeof createGazetteer>,
): Set<string> {
  const out = new Set<string>();
  for (const f of dataset.routes?.features ?? []) {
    const c = f.geometry.coordinates[f.geometry.coordinates.length - 1];
    if (!c || c.length < 2) continue;
    const near = gazetteer.nearest(c[0]!, c[1]!);
    if (!near || near.distanceKm > ARRIVAL_RADIUS_KM) continue;
    // A shelter folds into its city, as the ledger's places do (areaOf).
    out.add((areaOf(near.place, gazetteer.places, ARRIVAL_RADIUS_KM) ?? near.place).name);
  }
  return out;
}
