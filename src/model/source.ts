/** Who reported a figure, and how much to trust it. */

/** Kind of organisation behind a report; kinds differ in bias and noise (governments tend low, organisers high). */
export type SourceType =
  "dtm" | "un" | "government" | "ngo" | "media" | "organiser" | "social_media" | "other";

export const SOURCE_TYPES: readonly SourceType[] = [
  "dtm",
  "un",
  "government",
  "ngo",
  "media",
  "organiser",
  "social_media",
  "other",
];

/** How a size was obtained. */
export type EstimateMethod =
  | "headcount"
  | "crowd_density"
  | "vehicle_count"
  | "registration"
  | "key_informant"
  | "media_report";

export const ESTIMATE_METHODS: readonly EstimateMethod[] = [
  "headcount",
  "crowd_density",
  "vehicle_count",
  "registration",
  "key_informant",
  "media_report",
];

/** The reporter's own confidence, or ours (see data/README.md for the 2018 rules). */
export type Confidence = "high" | "medium" | "low";

/** Provenance carried by every embedded row and kept on imported rows when given. */
export interface SourceRef {
  /** Organisation that made the estimate, e.g. `UNHCR`, `Mexican government (SEGOB)`. */
  sourceOrg?: string;
  sourceType?: SourceType;
  /** Web address of the report, when known. */
  url?: string;
  confidence?: Confidence;
}
