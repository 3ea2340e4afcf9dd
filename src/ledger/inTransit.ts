/**
 * People in transit on one day, by country: the sum of the groups on the road
 * (`groupsOnRoad`, src/state/onRoad.ts — the rule the corridor state reads too).
 */
import type { SplitCategory, TrackPoint } from "../model/track.ts";
import type { IsoDate, Iso3 } from "../model/units.ts";
import { groupsOnRoad } from "../state/onRoad.ts";
import type { GroupOnRoad, RemainingArea } from "../state/onRoad.ts";
import type { TakeIn } from "../state/takenIn.ts";
import { countHoldsArrived, settleArrived } from "./arrived.ts";
import type { arrivalReader } from "./arrived.ts";
import { GROUP_ERROR_CORRELATION, sumCorrelated } from "./correlatedSum.ts";
import type { IntervalEstimate } from "./correlatedSum.ts";
import type { DailyValue } from "./series.ts";

/** A split row before rounding. */
export interface Part extends DailyValue {
  category: SplitCategory;
  country?: Iso3;
  placeName?: string;
  /** Position of the place (for remaining people: to tell arrived groups from moving ones). */
  lon?: number;
  lat?: number;
}

/**
 * People still moving with the groups on one day, by country: each group's size, less the share of
 * people already counted as remaining at a place the group has reached (within `radiusKm`, km).
 * A group of 3,000 at Tijuana where 2,500 remain counts 500 in transit. A country's interval
 * combines its groups' intervals with `correlation` between their errors (`sumCorrelated`), not
 * the sum of their bounds.
 * @param tracks the groups' track points of the day; a blank (NaN) size is left out (unknown).
 * @param parts the day's other rows; `remaining` rows with a place are the places reached.
 * @param countryOf the country a track point is in (for the row's `country`).
 * @param correlation between two groups' errors, 0–1 (default {@link GROUP_ERROR_CORRELATION}).
 * @param lastReports each group's last report date: a group unseen for more than
 *   `MAX_SILENCE_DAYS` (src/movement/silence.ts) is in no country's row (its people are unknown).
 * @param groupAt the tracked group the people remaining at a place belong to, by the figures
 *   (`areaGroups`, groupFigures.ts): that group's people arriving, wherever its track is.
 * @param arrival which groups have arrived and the place at their route's end (`arrivalReader`,
 *   arrived.ts): an arrived group's people on the road are at that place, not in transit.
 * @param takeIn silent groups taken in by the count at their destination (src/state/takenIn.ts;
 *   the ledger keeps one for its walk over the days): they are the count's, not in transit.
 * @returns one `in_transit` part per country (empty when no group has a size that day), the
 *   groups on the road the parts add up, the remaining areas they were read against, and the
 *   `remaining` parts of arrived groups' people at their route's end (`placed`, not yet added).
 * @example
 * inTransit(todaysTracks, remainingRows, 40, (p) => gazetteer.nearest(p.lon, p.lat)?.place.country);
 */
export function inTransit(
  tracks: readonly TrackPoint[],
  parts: readonly Part[],
  radiusKm: number,
  countryOf: (p: TrackPoint) => Iso3 | undefined,
  correlation: number = GROUP_ERROR_CORRELATION,
  lastReports?: ReadonlyMap<string, IsoDate>,
  groupAt?: (placeName: string) => string | undefined,
  arrival?: ReturnType<typeof arrivalReader>,
  takeIn?: TakeIn,
): { parts: Part[]; groups: GroupOnRoad[]; areas: RemainingArea[]; placed: Part[] } {
  const areas: RemainingArea[] = parts
    .filter((p) => p.category === "remaining" && p.placeName !== undefined)
    .map((p) => {
      const group = groupAt?.(p.placeName!);
      return {
        placeName: p.placeName!,
        value: p.value,
        lon: p.lon,
        lat: p.lat,
        ...(group !== undefined ? { group } : {}),
      };
    });
  const roads = groupsOnRoad(tracks, areas, radiusKm, lastReports, takeIn);
  const { groups, placed } = arrival
    ? settleArrived(
        roads,
        arrival.arrived,
        arrival.endOf,
        (place, p) => countHoldsArrived(areas, place, p),
        arrival.held,
      )
    : { groups: roads, placed: [] };
  const byCountry = new Map<string, { country: Iso3 | undefined; groups: GroupOnRoad[] }>();
  for (const g of groups) {
    // Not seen for long: its people are unknown, not in transit in the country of its guess.
    if (g.unseenSince !== undefined) continue;
    const country = countryOf(g.point);
    const entry = byCountry.get(country ?? "") ?? { country, groups: [] };
    entry.groups.push(g);
    byCountry.set(country ?? "", entry);
  }
  const out = [...byCountry.values()].map(({ country, groups: inCountry }): Part => {
    const total = sumCorrelated(inCountry.map(onRoadEstimate), correlation);
    return { category: "in_transit", country, ...total };
  });
  return { parts: out, groups, areas, placed };
}

/** A group's people on the road with their 90 % interval. */
export function onRoadEstimate(
  g: Pick<GroupOnRoad, "onRoad" | "onRoadLow" | "onRoadHigh">,
): IntervalEstimate {
  return { value: g.onRoad, low: g.onRoadLow, high: g.onRoadHigh };
}
