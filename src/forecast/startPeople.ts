/**
 * The forecast's start people: the state's people of each group ON THE ROAD on the start day, not
 * the group's whole size (issue 14 item 4). People the sources count at a place and
 * attribute to a group (CDHDF's 170 "of the first caravan" at Estadio Palillo, Mexico City, on
 * 15 Nov 2018), or people remaining at a place the group has reached, are present there in the
 * ledger, not in transit (`groupsOnRoad`, src/state/onRoad.ts); before this module the forecast
 * still sent them on to Tijuana (as of 15 Nov: 5,542 of Honduran caravan 1 on the road against the
 * ledger's 5,372). Now the runs start from the ledger's people in transit of each group on the
 * start day, so `forecast --as-of D` and `ledger --as-of D` give the same people on the road —
 * except people of a group RESTING at a place on the way (counted there by distance, the ledger's
 * `resting`): the ledger counts them at the place, not in transit, but they are the group's
 * people passing through, so the runs move them on with it (one shelter count of
 * 6,000 at Mexico City as of 7 Nov 2018 dropped Honduran caravan 1 from the forecast). Only
 * people the group left behind or who stay (attributed to it by the figures, counted at its
 * route's end once it has arrived) are subtracted.
 */
import type { Dataset } from "../model/dataset.ts";
import type { TrackPoint } from "../model/track.ts";
import { isoDate } from "../calendar/index.ts";
import { buildLedger } from "../ledger/buildLedger.ts";
import type { LedgerGroupDay } from "../ledger/types.ts";
import { carryTracks } from "../state/onRoad.ts";
import type { EstimateResult } from "../estimate/estimateTracks.ts";
import type { GroupNowcast } from "./nowcast.ts";
import { startDay } from "./stateDay.ts";
import { formatPeople } from "../ledger/describe.ts";

/**
 * The ledger's groups on the start day ({@link startDay} of `asOf`), as `ledger --as-of` that day
 * reads them: the estimate's tracks carried to the day (`carryTracks`), the ledger built as of it.
 * Empty without `remaining` stock figures: no one is then counted at a place and every group on
 * the road has all its people there (the ledger would say the same; it is not built).
 * @returns the day's `LedgerGroupDay` by group.
 */
export function ledgerGroupsOnDay(
  estimate: EstimateResult,
  dataset: Dataset,
  asOf: number,
  timeZone: string,
): Map<string, LedgerGroupDay> {
  if (!dataset.stocks.some((s) => s.category === "remaining")) return new Map();
  const date = isoDate(startDay(asOf));
  const tracks: TrackPoint[] = carryTracks(estimate, dataset, date, timeZone);
  const ledger = buildLedger(
    { dataset, tracks, trackEnds: estimate.report.trackEnds },
    { asOf: date },
  );
  return new Map(ledger.groups.filter((g) => g.date === date).map((g) => [g.group, g]));
}

/**
 * The groups with their people on the road on the start day: a group whose state is of that day
 * (`lastDate`) and which the ledger lists then takes `moving` (the share of it the runs move,
 * 0–1: the ledger's `moving` + `resting`, people on the road and people resting with it at a
 * place on the way), `groupSize` (its whole size) and a `size` of those people — the whole
 * size's median and 90 % interval times `moving` (without resting people, the ledger's `onRoad`,
 * `onRoadLow`, `onRoadHigh`). Other groups are returned as they are. A group with none of its
 * people left (`moving` 0: all stay at places) is `accounted_for` (`groupDayStatus`) and not
 * moved on; a group resting at a counted shelter never is.
 * @param onDay the ledger's groups on the start day ({@link ledgerGroupsOnDay}).
 */
export function onRoadAtStart(
  groups: readonly GroupNowcast[],
  onDay: ReadonlyMap<string, LedgerGroupDay>,
  asOf: number,
): GroupNowcast[] {
  const date = isoDate(startDay(asOf));
  return groups.map((g) => {
    const row = onDay.get(g.group);
    if (!row || g.lastDate !== date) return g;
    const m = Math.min(1, row.moving + (row.resting ?? 0));
    const out: GroupNowcast = { ...g, moving: m };
    if (g.size && m < 1) {
      out.groupSize = g.size;
      out.size = {
        ...g.size,
        median: g.size.median * m,
        low: g.size.low * m,
        high: g.size.high * m,
        logMean: g.size.logMean + Math.log(m),
      };
    }
    if (row.placeName !== undefined) out.atPlace = row.placeName;
    if ((row.resting ?? 0) > 0) out.resting = Math.min(m, row.resting!);
    return out;
  });
}

/** The sentence of {@link restingStartText}, by language (people already formatted). */
const RESTING_START = {
  en: (moving: string, resting: string, place: string) =>
    `the runs start from ${moving} people of it: ${resting} of them rest at ${place}, where the ledger counts them (present, not in transit), so this forecast's people on the road are ${resting} more than the ledger's in transit.`,
  es: (moving: string, resting: string, place: string) =>
    `las corridas parten de ${moving} personas del grupo: ${resting} de ellas descansan en ${place}, donde el balance las cuenta (presentes, no en tránsito), así que las personas en camino de este pronóstico son ${resting} más que las en tránsito del balance.`,
} as const;

/**
 * Why the forecast's people on the road differ from the ledger's in transit for a group resting at
 * a place on the way (the runs move its resting people on, the ledger counts them at the place):
 * one sentence in `lang`, or undefined when the group has no resting people or no size.
 * @param placeName the place as the reader's language names it (default `g.atPlace`).
 * @example
 * restingStartText({ size: { median: 5580 }, groupSize: { median: 5580 }, resting: 0.03, atPlace: "Mexico City" }, "en");
 * // => "the runs start from 5,580 people of it: 167 of them rest at Mexico City, where the ledger counts them …"
 */
export function restingStartText(
  g: Pick<GroupNowcast, "resting" | "atPlace"> & {
    size?: { median: number };
    groupSize?: { median: number };
  },
  lang: "en" | "es" = "en",
  placeName: string | undefined = g.atPlace,
): string | undefined {
  if (!g.resting || !g.size || placeName === undefined) return undefined;
  const whole = (g.groupSize ?? g.size).median;
  const resting = Math.round(whole * g.resting);
  if (resting <= 0) return undefined;
  return RESTING_START[lang](
    formatPeople(Math.round(g.size.median), lang),
    formatPeople(resting, lang),
    placeName,
  );
}
