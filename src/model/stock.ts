/** Stock figures: asylum claims, returns, people remaining (docs/contracts.md §1.3). */
import type { SourceType, Confidence } from "./source.ts";
import type { IsoDate, Iso3, People } from "./units.ts";

export type StockCategory =
  "asylum_claim" | "return" | "remaining" | "regularized" | "onward" | "other";
export const STOCK_CATEGORIES: readonly StockCategory[] = [
  "asylum_claim",
  "return",
  "remaining",
  "regularized",
  "onward",
  "other",
];

/** `cumulative` since the movement began, or `present` at the place on that date. */
export type StockBasis = "cumulative" | "present";

export interface StockFigure {
  /** As-of date of the figure. */
  date: IsoDate;
  category: StockCategory;
  /** People (integer ≥ 0). */
  value: People;
  basis: StockBasis;
  /** Where the claim was lodged / where people returned to / where they remain. */
  country?: Iso3;
  placeName?: string;
  caravanLabel?: string;
  nationality?: Iso3;
  sourceOrg?: string;
  sourceType?: SourceType;
  url?: string;
  confidence?: Confidence;
  notes?: string;
  extra?: Record<string, string>;
}
