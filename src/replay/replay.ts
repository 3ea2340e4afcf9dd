/**
 * The replay pipeline every front end runs: estimate the groups' tracks (with an analyst's
 * corrections when given, `estimateWithCorrections`), build the ledger (whose in transit is the
 * groups on the road, `groupsOnRoad`), and the state of the corridor per day.
 */
import { asOfMoment } from "../calendar/index.ts";
import { estimateTracks } from "../estimate/estimateTracks.ts";
import type { CorrectedInput, CorrectionsFile } from "../evidence/corrections.ts";
import { estimateWithCorrections } from "../evidence/estimateCorrected.ts";
import type { EstimateOptions, EstimateResult } from "../estimate/estimateTracks.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import { buildLedger } from "../ledger/buildLedger.ts";
import type { LedgerOptions, LedgerResult } from "../ledger/types.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Dataset } from "../model/dataset.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDateTime } from "../model/units.ts";
import { buildCorridorState } from "../state/buildState.ts";
import { carryTracks } from "../state/onRoad.ts";
import type { CorridorDay } from "../state/types.ts";
import { InputProblem } from "../text/inputProblem.ts";

/** Options of {@link runReplay}: the estimator's and the ledger's. */
export interface ReplayOptions {
  estimate?: EstimateOptions;
  ledger?: LedgerOptions;
  /**
   * The replay as known at this moment (what a situation update "as of" it may use), read by the
   * one as-of rule (`asOfMoment`): a bare date is the end of that local day, a date-time keeps its
   * time. The estimator reads only the reports observed by then (`EstimateOptions.asOf`) and the
   * ledger only the figures dated up to its local date (`LedgerOptions.asOf`). Default: all the
   * data (hindsight: the day's figures may rest on later reports).
   */
  asOf?: IsoDateTime;
  /**
   * An analyst's corrections (corrections.json, docs/contracts.md §4; what `dtm-flow estimate
   * --corrections` reads): applied to the dataset before estimating (`estimateWithCorrections`),
   * and the ledger and state are built from the corrected dataset, so a rejected report's effect
   * reaches every figure. Default: none.
   */
  corrections?: CorrectionsFile;
}

/** What the corrections did (`CorrectedInput` without its dataset, which is `Replay.dataset`). */
export type ReplayCorrections = Omit<CorrectedInput, "dataset">;

/** What a replay gives: the estimate, its tracks, the ledger and the state per day. */
export interface Replay {
  /**
   * The dataset the replay was built from: the input, or with corrections the corrected copy
   * (rejected reports removed, labels changed); the ledger's and the state's figures are of it.
   */
  dataset: Dataset;
  /** What the corrections did, when some were given. */
  corrections?: ReplayCorrections;
  /** The estimator's result; undefined when the dataset has no sightings (no groups to track). */
  estimate?: EstimateResult;
  /** The estimated tracks (empty without sightings). */
  tracks: TrackPoint[];
  ledger: LedgerResult;
  /** One state of the corridor per day of the ledger. */
  state: CorridorDay[];
}

/**
 * Runs estimate → ledger → state on a dataset, with the corrections applied first when given.
 * Without sightings there are no groups: the tracks are empty and the ledger is built from the
 * counts and stocks alone.
 * @throws RangeError for a bad time zone or date in the options (from the estimator);
 *   CorrectionsError (a RangeError) when a correction does not fit the data.
 * @example
 * const { ledger, state } = runReplay(embedded2018());
 * state.find((d) => d.date === "2018-12-15")?.totals; // => { departed: 29915, inTransit: 0, … }
 */
export function runReplay(input: Dataset, options: ReplayOptions = {}): Replay {
  const timeZone = options.estimate?.timeZone ?? input.timeZone ?? DEFAULT_TIME_ZONE;
  const moment = options.asOf === undefined ? undefined : asOfMoment(options.asOf, timeZone);
  if (options.asOf !== undefined && !moment) {
    throw new InputProblem("as_of_not_date", { value: String(options.asOf) });
  }
  const asOf = moment?.date;
  const estimateOptions: EstimateOptions = {
    timeZone,
    ...options.estimate,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
  };
  const corrected = options.corrections
    ? estimateWithCorrections(input, options.corrections, estimateOptions)
    : undefined;
  const dataset = corrected?.dataset ?? input;
  // No sightings (or all of them rejected): no groups to track.
  const estimate =
    dataset.sightings.length === 0
      ? undefined
      : (corrected?.estimate ?? estimateTracks(dataset, estimateOptions));
  // A group whose track ends with the data stays on the road until it is unseen (onRoad.ts);
  // `dtm-flow estimate` writes the same held days (carryTracks).
  // One index of the routes for the held days, the ledger and the state (each built its own: ~8 ms
  // each on the 2018 routes).
  const routeIndex = dataset.routes?.features?.length
    ? createRouteIndex(dataset.routes)
    : undefined;
  const tracks = estimate ? carryTracks(estimate, dataset, asOf, timeZone, routeIndex) : [];
  const ledger = buildLedger(
    { dataset, tracks, trackEnds: estimate?.report.trackEnds ?? [], routeIndex },
    { timeZone, ...options.ledger, ...(asOf !== undefined ? { asOf } : {}) },
  );
  const state = buildCorridorState(
    { dataset, tracks, ledger, trackEnds: estimate?.report.trackEnds ?? [], routeIndex },
    { arrivalRadiusKm: options.ledger?.arrivalRadiusKm },
  );
  if (!corrected) return { dataset, estimate, tracks, ledger, state };
  const corrections: ReplayCorrections = {
    estimateOptions: corrected.estimateOptions,
    accepted: corrected.accepted,
    rejected: corrected.rejected,
    destinations: corrected.destinations,
    applied: corrected.applied,
  };
  return { dataset, corrections, estimate, tracks, ledger, state };
}
