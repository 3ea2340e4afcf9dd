/**
 * One warning type for the whole toolkit: something was assumed, adjusted or looks odd, but the
 * work went on. Every module that warns (ingest, estimate, ledger, scenario, forecast) gives a
 * stable `code`, one sentence for people and where it came from, so a front end can list, count,
 * filter and link all of them the same way.
 */

/** The part of the toolkit that raised a warning. */
export type WarningModule = "ingest" | "geo" | "estimate" | "ledger" | "scenario" | "forecast";

/** Where a warning came from. */
export interface WarningSource {
  module: WarningModule;
  /** The input file's name, when the warning is about a file the user gave. */
  file?: string;
  /** 1-based row of that file as a spreadsheet shows it (or feature of a GeoJSON file). */
  line?: number;
  /**
   * 0-based index of the record concerned in the dataset table it belongs to (e.g. into
   * `dataset.stocks` for the ledger), when the warning is about records already imported.
   */
  row?: number;
}

/**
 * A warning. `Code` narrows `code` for modules with a closed list of codes (e.g. the ledger's).
 * @example
 * const w: DtmWarning = {
 *   code: "route_id_generated",
 *   message: "feature 2 has no route_id; named route_2.",
 *   source: { module: "ingest", file: "routes.geojson", line: 2 },
 * };
 */
export interface DtmWarning<Code extends string = string> {
  /** Stable machine-readable code, snake_case (e.g. `repeated_vertex`, `cumulative_falls`). */
  code: Code;
  /** One sentence for people: what was found and what was done about it. */
  message: string;
  source: WarningSource;
}
