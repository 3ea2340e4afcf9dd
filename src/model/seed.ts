/**
 * Seed figures: every figure of a situation report as a structured record, so that estimates and
 * the ledger can be checked against what the agencies published (regression targets).
 */
import type { StockCategory } from "./stock.ts";
import type { IsoDate, Iso3 } from "./units.ts";

/**
 * How the report qualifies a figure: `exact` (a plain number), `about` ("some", "approximately",
 * "around"), `over` ("over", "more than": the true value is above), `at_least`, `up_to`.
 */
export type SeedQualifier = "exact" | "about" | "over" | "at_least" | "up_to";
export const SEED_QUALIFIERS: readonly SeedQualifier[] = [
  "exact",
  "about",
  "over",
  "at_least",
  "up_to",
];

/** One figure of a report, with the words it comes from. */
export interface SeedFigure {
  /** Stable id within the report, e.g. `sr-02`. */
  id: string;
  /** The number as printed, in `unit` (1.5 million → 1500000; a range "24-28%" → 24). */
  value: number;
  /** Upper end when the report gives a range ("24-28%" → 28); `undefined` otherwise. */
  valueMax?: number;
  /** What one unit is: `people`, `children`, `percent`, `kits`, `people per day`, … */
  unit: string;
  qualifier: SeedQualifier;
  /** What is counted, in words, e.g. "people who sought asylum in Mexico". */
  measure: string;
  /** The ledger category the figure bears on, when one applies (services delivered have none). */
  category?: StockCategory;
  /** ISO3 countries the figure is about: where people are, or the countries of return. Empty when none. */
  countries: Iso3[];
  /** Places (cities, states or shelters) named with the figure; empty when none. */
  placeNames: string[];
  /** Date the figure holds (local); the end of the report period when the report says "to date". */
  asOf: IsoDate;
  /** ISO 8601 interval `start/end` the figure covers, when the report says. */
  period?: string;
  /** Agency or authority that gives the figure. */
  agency: string;
  /** Section (country or part) of the report. */
  section: string;
  /** The words of the report the figure comes from, verbatim (whitespace collapsed). */
  quote: string;
  notes?: string;
}
