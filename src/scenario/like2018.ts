/**
 * "Like 2018": the scenario parameters calibrated on the estimated replay of the 2018 caravans.
 */
import type { Dataset } from "../model/dataset.ts";
import { estimateTracks } from "../estimate/estimateTracks.ts";
import { calibrateFromReplay } from "./calibrate.ts";
import type { Calibration, CalibrationOptions } from "./calibrate.ts";

/**
 * Estimates the replay of `dataset` (the embedded 2018 data by default in the CLI) and calibrates
 * scenario parameters on it: the first Honduran caravan's track (the group with the most days)
 * and the dataset's stock figures. Takes about a second (the estimator).
 *
 * @param dataset the replay data (places, routes, sightings, counts, stocks).
 * @param options calibration options other than the dataset (group, pivot, destination).
 * @example
 * const like2018 = like2018Parameters(embedded2018());
 * validateScenario(json, { dataset, like2018 });
 */
export function like2018Parameters(
  dataset: Dataset,
  options: Omit<CalibrationOptions, "dataset"> = {},
): Calibration {
  const { tracks, report } = estimateTracks(dataset);
  // The stretches are fitted from the estimator's own fitted law: one fit, one model.
  const movement = options.movement ?? report.movement;
  return calibrateFromReplay(tracks, dataset.stocks, { ...options, movement, dataset });
}
