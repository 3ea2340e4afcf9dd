/**
 * The 2018 anchors of the movement model: what the accounts of the 2018 caravans say about how
 * far and how a group moved in a day, each with its source, and the default laws built on them.
 * See docs/movement.md#one-movement-model and docs/estimation.md#the-2018-movement-anchors.
 */
import type { Km } from "../model/units.ts";
import type { MovementModel } from "./law.ts";

/** One anchor: a figure of the 2018 movement and where it comes from. */
export interface MovementAnchor {
  /** What the figure is. */
  what: string;
  /** Km (a day's move) as a value or a range. */
  km: Km | [Km, Km];
  /** The source named (outlet, date). */
  source: string;
}

/** The 2018 anchors (sourced figures; the laws below read their parameters from them). */
export const ANCHORS_2018 = Object.freeze({
  walkFirstDays: {
    what: "a day's march in the first days, mostly on foot",
    km: 48,
    source: "East Bay Times / Bay Area News Group, 14 Nov 2018",
  },
  walkChiapas: {
    what: "a day's march through Chiapas",
    km: 40,
    source: "Arizona Republic, 28 Oct 2018; RFI from Tapachula",
  },
  stageTapachulaHuixtla: {
    what: "a typical stage, Tapachula → Huixtla",
    km: 34,
    source: "RFI from Tapachula, Oct 2018",
  },
  rideDay: {
    what: "a day with buses and trucks in Mexico",
    km: [240, 320],
    source: "East Bay Times / Bay Area News Group, 14 Nov 2018",
  },
  longRide: {
    what: "buses north of Mexico City: the main group left on 9 Nov, ~350 people in Tijuana by 13 Nov",
    km: [1500, 1600],
    source: "Epoch Times, 13 Nov 2018; East Bay Times, 14 Nov 2018",
  },
} satisfies Record<string, MovementAnchor>);

/** A stay of the 2018 caravan at a place: its days as a range, and where that comes from. */
export interface StopAnchor {
  /** The place (corridor name). */
  place: string;
  /** Days at the place, least and most. */
  days: [number, number];
  /** What the figure is. */
  what: string;
  /** The sources named (outlet, date). */
  source: string;
}

/**
 * The 2018 caravan's stays on the road (sourced; the scenario's "like 2018" fallback stops read
 * them, src/scenario/calibrateMovement.ts `anchoredMovement`).
 */
export const STOPS_2018 = Object.freeze({
  tapachula: {
    place: "Tapachula",
    days: [1, 2],
    what: "the first caravan reached Tapachula on 21 Oct and was still there on 22 Oct",
    source: "Mexican Protección Civil via EFE, 21 Oct 2018; UN spokesperson, 22 Oct 2018",
  },
  mexicoCity: {
    place: "Mexico City",
    days: [4, 6],
    what: "the main group entered the Palillo stadium on 5 Nov (first arrivals 3 Nov) and left on 9 Nov",
    source: "Mexico City authorities via AP, 5 Nov 2018; Epoch Times, 13 Nov 2018",
  },
} satisfies Record<string, StopAnchor>);

/**
 * The default movement model (2018 anchors): walking 40 ± 12 km/day (the Chiapas march of
 * {@link ANCHORS_2018}, the 48 km first days within 1 sd), rides of 80–420 km around the 240–320 km truck days, 12 % of rides the
 * long buses of the north (up to 1,600 km), 30 % rest days and regimes that persist a little
 * (0.3). Every call returns a fresh object.
 * @example
 * defaultMovementModel().walkKm; // => { mean: 40, sd: 12 }
 */
export function defaultMovementModel(): MovementModel {
  return {
    regimes: { rest: 0.3, walk: 0.5, ride: 0.2 },
    persistence: 0.3,
    walkKm: { mean: ANCHORS_2018.walkChiapas.km, sd: 12 },
    rideKm: { min: 80, max: 420 },
    longRideProb: 0.12,
    longRideMaxKm: ANCHORS_2018.longRide.km[1],
  };
}

/**
 * The estimator's prior movement model: the 2018 anchors of {@link defaultMovementModel}, made a
 * little more diffuse (walking sd 16 km, rides 60–480 km, 20 % of rides long), and with regimes
 * that last (persistence 0.45: shelter stays of one to three weeks and marches of several days are
 * ordinary, as in 2018 — Mexico City 4–10 Nov, Tijuana from 19 Nov). A prior a bit wider than the
 * world keeps the intervals honest when a world moves differently from the anchors (faster
 * walkers, more bus days, long stays).
 * @example
 * defaultEstimatorMovement().rideKm; // => { min: 60, max: 480 }
 */
export function defaultEstimatorMovement(): MovementModel {
  return {
    ...defaultMovementModel(),
    walkKm: { mean: 40, sd: 16 },
    rideKm: { min: 60, max: 480 },
    longRideProb: 0.2,
    persistence: 0.45,
  };
}
