/** Estimated tracks and the ledger split: the outputs of docs/contracts.md §3.1 and §3.2. */
import type { StockCategory } from "./stock.ts";
import type { IsoDate, Iso3, Km, People } from "./units.ts";

/**
 * The estimate for one group on one calendar day (at 12:00 local time in the report time zone).
 * `*Low`/`*High` bound a 90 % interval.
 */
export interface TrackPoint {
  group: string;
  date: IsoDate;
  routeId: string;
  km: Km;
  kmLow: Km;
  kmHigh: Km;
  lat: number;
  lon: number;
  size: People;
  sizeLow: People;
  sizeHigh: People;
  /**
   * The body along the road (km along the route): its head (vanguard), with a 90 % interval, and
   * its tail (rear). `km` is the median person. Absent in tracks not made by the estimator (e.g.
   * fixtures); readers then take the head and tail at `km`.
   */
  headKm?: Km;
  headKmLow?: Km;
  headKmHigh?: Km;
  tailKm?: Km;
  tailKmLow?: Km;
  tailKmHigh?: Km;
  /**
   * True on a day written before the track's first fitted day, from the report that first names
   * the group (src/estimate/trackStarts.ts; report.json `trackStarts`): placed by the movement
   * law behind the first fitted day, with no fitted estimate. Absent on fitted days.
   */
  writtenBeforeFit?: boolean;
  /**
   * True on a day carried past the track's last estimated day because the data end there while
   * the group is not yet unseen (src/state/onRoad.ts `holdUntilUnseen`, `carryTracks`): the last
   * estimated day's distribution pushed through the movement law (the smoother's forward step,
   * capped at the route's end; the position follows the median; size held:
   * src/estimate/kmAhead.ts). Absent on
   * estimated days.
   */
  heldAfterData?: boolean;
}

/** Ledger categories: the stock categories plus people still moving and people unaccounted for. */
export type SplitCategory = StockCategory | "in_transit" | "unknown";
export const SPLIT_CATEGORIES: readonly SplitCategory[] = [
  "asylum_claim",
  "return",
  "remaining",
  "regularized",
  "onward",
  "other",
  "in_transit",
  "unknown",
];

/** One row of `split.csv`: people in a category (and country/place) on a date, with a 90 % interval. */
export interface SplitRow {
  date: IsoDate;
  category: SplitCategory;
  country?: Iso3;
  placeName?: string;
  value: People;
  valueLow: People;
  valueHigh: People;
}
