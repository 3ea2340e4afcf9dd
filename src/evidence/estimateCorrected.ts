/**
 * The one way to estimate with corrections, used by the CLI, the viewer's worker and notebooks so
 * that the same corrections.json gives the same figures everywhere: apply the corrections to the
 * dataset (after an uncorrected estimate when a correction names an estimator-made group), then
 * run the estimator on the result.
 */
import type { Dataset } from "../model/dataset.ts";
import { estimateTracks } from "../estimate/estimateTracks.ts";
import type { EstimateOptions, EstimateResult } from "../estimate/estimateTracks.ts";
import { applyCorrections, membershipOf, needsMembership } from "./corrections.ts";
import type { CorrectedInput, CorrectionsFile } from "./corrections.ts";

export interface CorrectedEstimate extends CorrectedInput {
  estimate: EstimateResult;
}

/**
 * Estimates `dataset` with `corrections` applied.
 * @param estimate the estimator (default `estimateTracks` with `options`).
 * @throws CorrectionsError when a correction does not fit the data.
 * @example
 * const { estimate, applied } = estimateWithCorrections(embedded2018(), { version: 1, corrections: [] });
 */
export function estimateWithCorrections(
  dataset: Dataset,
  corrections: CorrectionsFile,
  options: EstimateOptions = {},
  estimate: (d: Dataset, o: EstimateOptions) => EstimateResult = estimateTracks,
): CorrectedEstimate {
  const membership = needsMembership(dataset, corrections)
    ? membershipOf(estimate(dataset, options).report.associations)
    : undefined;
  const corrected = applyCorrections(dataset, corrections, { membership });
  return {
    ...corrected,
    estimate: estimate(corrected.dataset, { ...options, ...corrected.estimateOptions }),
  };
}
