/**
 * Aggregate figures: numbers about all caravans together (national totals, cumulative arrivals,
 * registrations) that belong to no single group and are not a ledger stock. They are kept as extra
 * evidence so that an "all caravans" total is never mistaken for the size of one group.
 */
import type { Confidence, SourceType } from "./source.ts";
import type { IsoDate, Iso3, People } from "./units.ts";

export interface AggregateFigure {
  /** As-of date (local). */
  date: IsoDate;
  /** What is counted, e.g. `size_in_mexico`, `arrived_tijuana_cumulative`, `transited_guatemala_cumulative`. */
  measure: string;
  /** Central value in people as the source gave it; `undefined` when the source gave only bounds. */
  value?: People;
  /** Lower bound ("more than X", or the low end of a range); `undefined` when none. */
  valueMin?: People;
  /** Upper bound ("up to X", or the high end of a range); `undefined` when none. */
  valueMax?: People;
  /** `cumulative` since the movement began, or `present` on that date. */
  basis: "cumulative" | "present";
  country?: Iso3;
  placeName?: string;
  sourceOrg?: string;
  sourceType?: SourceType;
  url?: string;
  confidence?: Confidence;
  notes?: string;
  extra?: Record<string, string>;
}
