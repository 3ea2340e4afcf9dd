/**
 * The replay pipeline every front end runs: estimate the groups' tracks, build the ledger (whose
 * in transit is the groups on the road, `groupsOnRoad`), and the state of the corridor per day.
 */
import { asOfMoment } from "../calendar/index.ts";
import { estimateTracks } from "../estimate/estimateTracks.ts";
import type { EstimateOptions, EstimateResult } from "../estimate/estimateTracks.ts";
import { buildLedger } from "../ledger/buildLedger.ts";
import type { LedgerOptions, LedgerResult } from "../ledger/types.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Dataset } from "../model/dataset.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDateTime } from "../model/units.ts";
import { buildCorridorState } from "../state/buildState.ts";
import { carryTracks } from "../state/onRoad.ts";
import type { CorridorDay } from "../state/types.ts";

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
}

/** What a replay gives: the estimate, its tracks, the ledger and the state per day. */
export interface Replay {
  /** The estimator's result; undefined when the dataset has no sightings (no groups to track). */
  estimate?: EstimateResult;
  /** The estimated tracks (empty without sightings). */
  tracks: TrackPoint[];
  ledger: LedgerResult;
  /** One state of the corridor per day of the ledger. */
  state: CorridorDay[];
}

/**
 * Runs estimate → ledger → state on a dataset. Without sightings there are no groups: the tracks
 * are empty and the ledger is built from the counts and stocks alone.
 * @throws RangeError for a bad time zone or date in the options (from the estimator).
 * @example
 * const { ledger, state } = runReplay(embedded2018());
 * state.find((d) => d.date === "2018-12-15")?.totals; // => { departed: 29915, inTransit: 0, … }
 */
export function runReplay(dataset: Dataset, options: ReplayOptions = {}): Replay {
  const timeZone = options.estimate?.timeZone ?? dataset.timeZone ?? DEFAULT_TIME_ZONE;
  const moment = options.asOf === undefined ? undefined : asOfMoment(options.asOf, timeZone);
  if (options.asOf !== undefined && !moment) {
    throw new RangeError(`asOf is not an ISO date: ${options.asOf}.`);
  }
  const asOf = moment?.date;
  const estimate =
    dataset.sightings.length > 0
      ? estimateTracks(dataset, {
          timeZone,
          ...options.estimate,
          ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
        })
      : undefined;
  // A group whose track ends with the data stays on the road until it is unseen (onRoad.ts);
  // `dtm-flow estimate` writes the same held days (carryTracks).
  const tracks = estimate ? carryTracks(estimate, dataset, asOf, timeZone) : [];
  const ledger = buildLedger(
    { dataset, tracks, trackEnds: estimate?.report.trackEnds ?? [] },
    { timeZone, ...options.ledger, ...(asOf !== undefined ? { asOf } : {}) },
  );
  const state = buildCorridorState(
    { dataset, tracks, ledger, trackEnds: estimate?.report.trackEnds ?? [] },
    { arrivalRadiusKm: options.ledger?.arrivalRadiusKm },
  );
  return { estimate, tracks, ledger, state };
}
