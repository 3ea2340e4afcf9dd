/**
 * dtm-flow's own output files given back as input: tracks.csv read as sightings turns the
 * estimate into observations (its 90 % interval becomes "at least … / at most …" and shrinks when
 * estimated again), and a ledger's split.csv or places.csv read as stock figures counts people the
 * ledger already counted. Such a file is told by its header — the columns dtm-flow writes, which
 * no count sheet or sightings table has together — and refused with one sentence naming what the
 * file is and what to give instead. The one rule: the importer applies it to every sheet, so the
 * command line (`validate`, `estimate`, `ledger` …) and the viewer's "Your own files" say the same.
 * The files `dtm-flow import` writes (counts.csv, sightings.csv, stocks.csv) are inputs and are not
 * listed here.
 */
import { EVIDENCE_CSV_COLUMNS } from "../evidence/evidence.ts";
import { FORECAST_COLUMNS, POSITION_COLUMNS } from "../export/forecast.ts";
import { DEPARTED_COLUMNS, PLACES_COLUMNS } from "../export/ledger.ts";
import {
  SCENARIO_PLACE_DAY_COLUMNS,
  SCENARIO_SUMMARY_COLUMNS,
  SCENARIO_TOTAL_COLUMNS,
} from "../export/scenario.ts";
import { SPLIT_COLUMNS } from "../export/split.ts";
import { TRACK_COLUMNS } from "../export/tracks.ts";
import { normalizeKey } from "./normalize.ts";

/** One output file dtm-flow writes and the columns that tell it (all of them in its header). */
export interface OwnOutput {
  /** The file's name as dtm-flow writes it. */
  file: string;
  /** What the file holds, after "is dtm-flow's own <file> (", in English. */
  what: string;
  /** What to give instead, after "give ", in English. */
  instead: string;
  /** The same two in Spanish (the viewer's reasons, src/ingest/issue-text.ts). */
  es: { what: string; instead: string };
}

const FROM_DATA = "the sightings, counts and stock figures it was made from";
const FROM_DATA_ES = "los avistamientos, conteos y cifras de los que se hizo";
const SCENARIO_ES = "el archivo del escenario para volver a correrlo, o los datos observados";

/**
 * The leading columns of a file as its writer lists them, through `last`: the ones every run
 * writes (a column after it may be left out or added later, and need not be in the header), as
 * `normalizeKey` makes them. From the writer's own list, so a column renamed or moved there moves
 * here too; a `last` no longer in the list throws when this module loads (any test importing a
 * sheet catches it).
 */
function through<C extends string>(columns: readonly C[], last: C): string[] {
  const end = columns.indexOf(last);
  if (end < 0) throw new Error(`own-outputs: "${last}" is not a column of ${columns.join(",")}`);
  return columns.slice(0, end + 1).map((c) => normalizeKey(c));
}

/**
 * The outputs told by their headers: the file's columns as dtm-flow writes them (the writers'
 * lists in src/export and src/evidence; the leading ones, through the last that every run
 * writes), all of them in the header and in this order, compared as `normalizeKey` makes them (an
 * Excel round trip that changes case still matches; columns added between or after are allowed).
 * A whole header, not a few names: an input table may well have
 * `date,category,value,value_low,value_high` (a stocks sheet with a source's range), never the
 * whole of split.csv in its order. Checked against the columns written, and against every sample
 * and embedded input, in the CLI tests.
 */
const SIGNATURES: readonly (OwnOutput & { columns: readonly string[] })[] = [
  {
    file: "tracks.csv",
    what: "the groups dtm-flow estimate placed day by day, an estimate",
    instead: FROM_DATA,
    es: {
      what: "los grupos que dtm-flow estimate situó día a día, una estimación",
      instead: FROM_DATA_ES,
    },
    columns: through(TRACK_COLUMNS, "tail_km_high"),
  },
  {
    file: "positions.csv",
    what: "the daily cone of dtm-flow forecast, a forecast",
    instead: FROM_DATA,
    es: { what: "el cono diario de dtm-flow forecast, un pronóstico", instead: FROM_DATA_ES },
    columns: through(POSITION_COLUMNS, "size_p90"),
  },
  {
    file: "forecast.csv",
    what: "the arrivals dtm-flow forecast, a forecast",
    instead: FROM_DATA,
    es: {
      what: "las llegadas que pronosticó dtm-flow forecast, un pronóstico",
      instead: FROM_DATA_ES,
    },
    columns: through(FORECAST_COLUMNS, "people_p90"),
  },
  {
    file: "split.csv",
    what: "the daily split of dtm-flow ledger, an estimate",
    instead: FROM_DATA,
    es: { what: "el reparto diario de dtm-flow ledger, una estimación", instead: FROM_DATA_ES },
    columns: through(SPLIT_COLUMNS, "value_high"),
  },
  {
    file: "departed.csv",
    what: "the people who left by day, from dtm-flow ledger, an estimate",
    instead: FROM_DATA,
    es: {
      what: "las personas que salieron por día, de dtm-flow ledger, una estimación",
      instead: FROM_DATA_ES,
    },
    columns: through(DEPARTED_COLUMNS, "unknown"),
  },
  {
    file: "places.csv",
    what: "the people at every place by day, from dtm-flow ledger, an estimate",
    instead: FROM_DATA,
    es: {
      what: "las personas en cada lugar por día, de dtm-flow ledger, una estimación",
      instead: FROM_DATA_ES,
    },
    columns: through(PLACES_COLUMNS, "present_high"),
  },
  {
    file: "scenario-place-days.csv",
    what: "a result of dtm-flow scenario, simulated",
    instead: "the scenario file to run it again, or the observed data",
    es: { what: "un resultado de dtm-flow scenario, simulado", instead: SCENARIO_ES },
    columns: through(SCENARIO_PLACE_DAY_COLUMNS, "present_p90"),
  },
  {
    file: "scenario-summary.csv",
    what: "a result of dtm-flow scenario, simulated",
    instead: "the scenario file to run it again, or the observed data",
    es: { what: "un resultado de dtm-flow scenario, simulado", instead: SCENARIO_ES },
    columns: through(SCENARIO_SUMMARY_COLUMNS, "peak_present_p90"),
  },
  {
    file: "scenario-totals.csv",
    what: "a result of dtm-flow scenario, simulated",
    instead: "the scenario file to run it again, or the observed data",
    es: { what: "un resultado de dtm-flow scenario, simulado", instead: SCENARIO_ES },
    columns: through(SCENARIO_TOTAL_COLUMNS, "at_destination"),
  },
  {
    file: "evidence.csv",
    what: "the viewer's evidence table, the sightings set beside the estimate",
    instead: "the sightings themselves",
    es: {
      what: "la tabla de evidencia del visor, los avistamientos junto a la estimación",
      instead: "los propios avistamientos",
    },
    // The viewer writes these in camelCase (sightingId, estimateKm …): normalizeKey lower-cases.
    columns: through(EVIDENCE_CSV_COLUMNS, "reason"),
  },
];

/**
 * The dtm-flow output whose columns a header row holds, or undefined for any other header.
 * @example ownOutput(["date", "category", "country", "place_name", "value", "value_low", "value_high"])?.file // => "split.csv"
 * @example ownOutput(["date", "category", "value", "value_low", "value_high", "basis", "country"]) // => undefined (a stocks sheet)
 * @example ownOutput(["fecha", "punto", "total"]) // => undefined
 */
export function ownOutput(header: readonly string[]): OwnOutput | undefined {
  const keys = header.map((h) => normalizeKey(h.replace(/^\uFEFF/, "")));
  const hit = SIGNATURES.find((s) => inOrder(s.columns, keys));
  return hit && { file: hit.file, what: hit.what, instead: hit.instead, es: hit.es };
}

/** Whether every one of `columns` is in `keys`, in the same order (others may come between). */
function inOrder(columns: readonly string[], keys: readonly string[]): boolean {
  let at = 0;
  for (const c of columns) {
    at = keys.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The output named `file` (the `output` value of an `own_output` issue), for its Spanish words. */
export function ownOutputNamed(file: string): OwnOutput | undefined {
  return SIGNATURES.find((s) => s.file === file);
}

/**
 * The one sentence (no file path) refusing an output of dtm-flow given as input.
 * @example ownOutputMessage(ownOutput(trackHeader)!)
 * // => "this is dtm-flow's own tracks.csv (the groups dtm-flow estimate placed day by day, an estimate), not data to read: give the sightings, counts and stock figures it was made from."
 */
export function ownOutputMessage(o: OwnOutput): string {
  return `this is dtm-flow's own ${o.file} (${o.what}), not data to read: give ${o.instead}.`;
}
