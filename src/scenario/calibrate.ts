/**
 * Calibration "like 2018": movement and attrition parameters fitted to an estimated replay (the
 * daily tracks of one group) and the stock figures (asylum claims, returns, regularisations,
 * people present at the destination), so a planner can start from "like 2018" and change what
 * differs. The steps: the replay (calibrateReplay), stops and stretches (calibrateMovement), the
 * destination's timing and leave rate (calibrateDestination), attrition (calibrateAttrition).
 */
import type { Dataset } from "../model/dataset.ts";
import type { StockFigure } from "../model/stock.ts";
import type { TrackPoint } from "../model/track.ts";
import { defaultEstimatorMovement } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import { calibrateAttrition } from "./calibrateAttrition.ts";
import { findHolds, HOLDS_2018 } from "./calibrateHolds.ts";
import type { Hold } from "./calibrateHolds.ts";
import { afterPivotSegment, destinationLeaveRate, destinationOf } from "./calibrateDestination.ts";
import { round } from "./calibrateMath.ts";
import {
  baseMovement,
  findStops,
  movementNotes,
  stretchCuts,
  stretchSegments,
  tallyStretches,
} from "./calibrateMovement.ts";
import { selectReplay } from "./calibrateReplay.ts";
import type { Replay } from "./calibrateReplay.ts";
import { calibrateCohesion } from "./calibrateCohesion.ts";
import type { CohesionCalibration, FirstAndBulk } from "./calibrateCohesion.ts";
import { buildCorridor } from "../geo/corridor.ts";
import type { Corridor } from "../geo/corridor.ts";
import { DEFAULT_COMPOSITION } from "./defaults.ts";
import type { ScenarioParameters } from "./types.ts";

/** Options of {@link calibrateFromReplay}. */
export interface CalibrationOptions {
  /** Places and routes the tracks run on (to name stops and attrition places). */
  dataset: Pick<Dataset, "places" | "routes">;
  corridor?: Corridor;
  /** Group whose track is fitted; default the group with the most track days. */
  group?: string;
  /** Border place where movement changes (fitted separately after it); default "Ciudad Hidalgo". */
  border?: string;
  /**
   * Place where movement changes (fitted separately before and after it); default "Mexico City"
   * when the route passes it. Beyond the end of the track, the stretch after the pivot is fitted
   * to the date by which half the people had reached the destination (stock figures present there).
   */
  pivot?: string;
  /** Destination place; default the last place of the group's route. */
  destination?: string;
  /**
   * Days the track must stay at a place to make it a stop; default 3. With 2, every rest day in a
   * town becomes a stop, but so do days when a slow smoothed track drifts past a place, and the
   * 2018 replay then stops too often (the backtest's Mexico City date moves 2 days later).
   */
  minStopDays?: number;
  /** Daily move (km) below which a day counts as a rest day; default 15. */
  restBelowKm?: number;
  /** Daily move (km) above which a day counts as a day with rides; default 80. */
  rideAboveKm?: number;
  /**
   * The movement law the stretches are fitted from: the estimator's fitted law
   * (`estimateTracks(…).report.movement`, as {@link like2018Parameters} passes) or, by default,
   * the estimator's prior (`defaultEstimatorMovement`).
   */
  movement?: MovementModel;
  /**
   * Places where a group was held (a border closed), with their dates and sources: the track's
   * days there are left out of the stretch's pace and are not a stop of the scenario (a scenario
   * adds the stop where it meets one). Default {@link HOLDS_2018} (the Suchiate bridge, 19–20 Oct
   * 2018, for the first Honduran caravan).
   */
  holds?: readonly Hold[];
  /**
   * Places where reports give the group's first arrivals and its bulk (e.g. `FIRST_AND_BULK_2018`):
   * `movement.cohesion` is fitted so the replay's first group runs as far ahead of its body
   * (calibrateCohesion.ts; about half a second more). Default none: cohesion stays 0.8. Not the
   * default because the Salvadoran backtest's body p50 comes ~half a day later at the fitted
   * 0.94 (docs/scenarios.md "Cohesion from the first arrivals").
   */
  firstAndBulk?: readonly FirstAndBulk[];
}

/** What the calibration saw and fitted, for the report. */
export interface CalibrationFit {
  group: string;
  routeId: string;
  days: number;
  /** Day-to-day moves classified on each stretch (start, border, pivot; days at stops excluded). */
  stretches: {
    from?: string;
    rest: number;
    walk: number;
    ride: number;
    /** Km moved over those days (rest days' small moves included). */
    km: number;
    /** Km from where the stretch's first move starts to the place where the track halts at its end (a stop or hold), when it does. */
    spanKm?: number;
    /**
     * The law's mean daily move matched: km / days, or (spanKm + the law's mean overshoot) / days
     * when the track halts at the stretch's end (the kernel then arrives there on the track's day).
     */
    kmPerDay?: number;
  }[];
  stops: { place: string; days: number; from: string }[];
  /** Holds found on the track (days left out of the pace; not stops of the scenario). */
  holds?: { place: string; days: number; from: string; to: string; source: string }[];
  pivotKm?: number;
  /** Median arrival at the destination from the stock figures, when used for the stretch after the pivot. */
  destinationMedianArrival?: string;
  /** Mean km/day needed after the pivot to meet that date. */
  afterPivotKmPerDay?: number;
  /** Cohesion fitted to the first-to-bulk gaps (observed and modelled at the fit), when fitted. */
  cohesion?: CohesionCalibration;
}

/** Calibrated parameters and the fit behind them. */
export interface Calibration extends ScenarioParameters {
  fit: CalibrationFit;
}

/**
 * Fits scenario parameters to an estimated replay.
 *
 * Movement: the group's day-to-day moves along its route are classified as rest (< 15 km), walk,
 * or ride (> 80 km) and each stretch's law is fitted by the movement model's own routine
 * (`fitMovement`, src/movement/fit.ts — the routine the estimator fits its law with), from the
 * estimator's law (`options.movement`): regime shares with 20 pseudo-days at its shares, walking
 * speed with 10, the ride range from the stretch's rides (≥ 3), and the ride share set so that the
 * law's mean daily move is the stretch's observed mean move; persistence from the whole track.
 * Each law is written in the scenario's terms by `bandOfLaw` (90 % intervals of the shares). The
 * stretches before the border (Ciudad Hidalgo), from it to the pivot (Mexico City), and after the
 * pivot are fitted separately (a stretch with under 5 days of moves inherits the one before).
 * Where the track's 90 % interval (narrower than 250 km) holds the same place, ± 10 km, for 3
 * days or more, the group stopped: a stop there, and those days are left out of the regime counts.
 * A hold (`options.holds`: a place where the group was held, e.g. a closed border, with its dates
 * and source) is a place event, not pace: the track's days there are left out of the regime counts
 * like a stop's, but it is not a stop of the scenario. When the track ends before the
 * destination, the ride probability after the pivot is set so that the mean speed meets the date
 * by which the people present at the destination (stock figures) first reached half their peak.
 *
 * Attrition: asylum claims at the first place of the country where they were lodged (latest
 * cumulative figure for the group over the group's size on arrival there); returns where the
 * track's size falls, for the fall not explained by claims; at the destination, returns and
 * regularisations from the figures placed there or national ones, over the peak present there;
 * the destination's daily leave rate from the decline of people present after the peak.
 *
 * @param tracks the estimated replay (e.g. `estimateTracks(embedded2018()).tracks`).
 * @param stocks the stock figures of the same dataset.
 * @param options the dataset, and optionally the group, pivot and destination.
 * @example
 * const { tracks } = estimateTracks(embedded2018());
 * const like2018 = calibrateFromReplay(tracks, embedded2018().stocks, { dataset: embedded2018() });
 * like2018.movement.restDayProbability; // => { min: 0, max: 0.311 }
 */
export function calibrateFromReplay(
  tracks: readonly TrackPoint[],
  stocks: readonly StockFigure[],
  options: CalibrationOptions,
): Calibration {
  const corridor = options.corridor ?? buildCorridor(options.dataset);
  const replay = selectReplay(tracks, options.dataset, corridor, options.group);
  const stops = findStops(replay, options.minStopDays ?? 3);
  const pivot = options.pivot ?? "Mexico City";
  const cuts = stretchCuts(replay, options.border ?? "Ciudad Hidalgo", pivot);
  const holds = findHolds(replay, options.holds ?? HOLDS_2018);
  const tallies = tallyStretches(
    replay,
    cuts,
    new Set([...stops.atStop, ...holds.held]),
    options.restBelowKm ?? 15,
    options.rideAboveKm ?? 80,
    new Map([...stops.halts, ...holds.halts]),
  );
  const prior = options.movement ?? defaultEstimatorMovement();
  const pivotIndex = replay.indexOfName(pivot);
  // Speeds borrowed by the first stretch come from the stretches before the pivot (the long buses
  // of the north are not the rides of Guatemala and Chiapas).
  const pivotLast = cuts.length > 0 && cuts[cuts.length - 1]!.place === pivotIndex;
  const south = pivotLast ? cuts.length : tallies.length;
  const { movement, law } = baseMovement(tallies, stops.stops, prior, south);
  const notes = movementNotes(replay, cuts, tallies, stops.fitStops, holds.fitHolds);
  const destination = destinationOf(replay, stocks, options.destination);
  const pivotKm = replay.kmOfPlace(pivotIndex);
  const fit: CalibrationFit = {
    group: replay.group,
    routeId: replay.routeId,
    days: replay.points.length,
    stretches: tallies.map((t, k) => ({
      from: k === 0 ? undefined : corridor.places[cuts[k - 1]!.place]!.name,
      rest: t.rest,
      walk: t.walk,
      ride: t.ride,
      km: round(t.km, 1),
      ...(t.spanKm !== undefined ? { spanKm: round(t.spanKm, 1) } : {}),
    })),
    stops: stops.fitStops,
    ...(holds.fitHolds.length ? { holds: holds.fitHolds } : {}),
    pivotKm,
  };
  stretchSegments(replay, cuts, tallies, movement, law);
  if (pivotKm !== undefined && cuts.length && cuts[cuts.length - 1]!.place === pivotIndex) {
    const after = tallies[tallies.length - 1]!;
    const at = { index: pivotIndex!, km: pivotKm };
    afterPivotSegment(replay, at, after, stops, destination, movement, fit, notes, law);
  }
  tallies.forEach((t, k) => {
    if (t.kmPerDay !== undefined) fit.stretches[k]!.kmPerDay = round(t.kmPerDay, 1);
  });
  const attrition = calibrateAttrition(replay, stocks, destination, notes);
  const parameters: ScenarioParameters = {
    movement,
    attrition,
    destinationLeavePerDay: destinationLeaveRate(destination, notes),
    composition: { ...DEFAULT_COMPOSITION },
    notes,
  };
  fitCohesionTo(replay, parameters, options, corridor, holds.fitHolds, fit);
  return { ...parameters, fit };
}

/**
 * Sets `parameters.movement.cohesion` from the replay's first arrivals and bulk
 * ({@link calibrateCohesion}; its holds are stops of the replay, as the group met them), with a
 * note and the fit; unchanged (the default 0.8) without observations of the group's first
 * arrivals and bulk (`options.firstAndBulk`).
 */
function fitCohesionTo(
  replay: Replay,
  parameters: ScenarioParameters,
  options: CalibrationOptions,
  corridor: Corridor,
  fitHolds: NonNullable<CalibrationFit["holds"]>,
  fit: CalibrationFit,
): void {
  const holdStops = fitHolds.map((h) => ({ place: h.place, days: h.days }));
  const context = { dataset: options.dataset, corridor };
  if (!options.firstAndBulk?.length) return;
  const found = calibrateCohesion(replay, parameters, context, holdStops, options.firstAndBulk);
  if (!found) return;
  parameters.movement.cohesion = found.cohesion;
  fit.cohesion = found;
  parameters.notes.push(
    `cohesion ${found.cohesion}: the replay's first group runs ahead of its body as in 2018 (` +
      found.places
        .map((p) => `${p.place} ${p.gapDays} days observed, ${p.modelGapDays} modelled`)
        .join("; ") +
      ")",
  );
}
