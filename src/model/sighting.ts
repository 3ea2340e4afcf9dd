/** Group sightings: a caravan seen at a place and time (docs/contracts.md §1.2). */
import type { Confidence, EstimateMethod, SourceType } from "./source.ts";
import type { IsoDateTime, Iso3, People } from "./units.ts";

/**
 * One report of a group at a place and time. The size may be a number (`sizeBest`), a range
 * (`sizeMin`–`sizeMax`), a bound ("more than 500": `sizeMin` only; "up to 700": `sizeMax` only),
 * or absent (a position-only report). A sighting needs a place name or coordinates.
 */
export interface Sighting {
  /** Stable id within a dataset (line number or source id). */
  id?: string;
  observedAt: IsoDateTime;
  placeName?: string;
  lat?: number;
  lon?: number;
  country?: Iso3;
  /** The group it belongs to when the source says; unlabelled sightings are associated by the estimator. */
  caravanLabel?: string;
  sizeBest?: People;
  sizeMin?: People;
  sizeMax?: People;
  /**
   * The source gave the size as approximate (`aprox. 1000`, `~6000`, `3000 aprox.`): the figures
   * are read as written, and the flag keeps that they were said "about" (column
   * `size_approximate`, docs/contracts.md §1.2). Absent when the figure was stated plainly.
   */
  sizeApproximate?: true;
  estimateMethod?: EstimateMethod;
  sourceType?: SourceType;
  sourceOrg?: string;
  url?: string;
  confidence?: Confidence;
  notes?: string;
  /**
   * Which part of the caravan the report describes, as written (`vanguard`, `main body`, `rear`,
   * `avanzada`, `grueso`, `rezagados`, …); read by the estimator (estimate/parts.ts).
   */
  part?: string;
  extra?: Record<string, string>;
}
