/** The estimator's notes for users as DtmWarnings (`source.module` "estimate"). */
import type { DtmWarning } from "../model/warning.ts";

/** Codes of the estimator's warnings (see `EstimateReport.warnings`). */
export type EstimateWarningCode =
  "position_unusable" | "off_route" | "off_every_route" | "named_too_early" | "route_backwards";

/**
 * One estimator warning.
 * @example
 * estimateWarning("off_every_route", "S12: off every route; size not used (no group).");
 * // => { code: "off_every_route", message: "S12: off every route; …", source: { module: "estimate" } }
 */
export function estimateWarning(
  code: EstimateWarningCode,
  message: string,
): DtmWarning<EstimateWarningCode> {
  return { code, message, source: { module: "estimate" } };
}
