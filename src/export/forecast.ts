/**
 * The columns of the files `dtm-flow forecast` writes (forecast.csv and positions.csv), in the
 * order written. In the library, not the command, so that everything reading or telling these
 * files (the importer's refusal of dtm-flow's own outputs, src/ingest/own-outputs.ts) follows the
 * writer.
 */

/** Columns of forecast.csv (when each group reaches every place ahead), in this order exactly. */
export const FORECAST_COLUMNS = [
  "group",
  "place_name",
  "km",
  "arrival_p10",
  "arrival_p50",
  "arrival_p90",
  "people_p10",
  "people_p50",
  "people_p90",
  "prob_within_horizon",
  "status",
  "head_arrival_p10",
  "head_arrival_p50",
  "head_arrival_p90",
  "place_offset_km",
  "position_unknown",
] as const;

/** Columns of positions.csv (the daily forecast cone of every group). */
export const POSITION_COLUMNS = [
  "group",
  "route_id",
  "date",
  "km_p10",
  "km_p50",
  "km_p90",
  "size_p10",
  "size_p50",
  "size_p90",
] as const;
