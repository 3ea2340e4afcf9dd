/**
 * The columns of departed.csv and places.csv, which `dtm-flow ledger` writes beside split.csv
 * (src/export/split.ts), in the order written. In the library, not the command, so that
 * everything reading or telling these files (the importer's refusal of dtm-flow's own outputs,
 * src/ingest/own-outputs.ts) follows the writer.
 */

/** Columns of departed.csv: the ledger's departed, then the state's totals of the day. */
export const DEPARTED_COLUMNS = [
  "date",
  "value",
  "value_low",
  "value_high",
  "from_tracks",
  "accounted",
  "in_transit",
  "present_at_places",
  "returned",
  "onward",
  "unknown",
  // People at places the sources attribute to a tracked group, beyond its size (src/ledger/groupFigures.ts).
  "beyond_groups",
] as const;

/** Columns of places.csv: people at every place per day, by status (the state of the corridor). */
export const PLACES_COLUMNS = [
  "date",
  "place_name",
  "country",
  "travelling",
  "resting",
  "waiting",
  "staying",
  "present",
  "present_low",
  "present_high",
  "capacity",
  // People of `present` estimated, not counted: an arrived group's people no count holds yet.
  "estimated",
] as const;
