/** The estimator's notes for users as DtmWarnings (`source.module` "estimate"). */
import type { DtmWarning } from "../model/warning.ts";
import { ESTIMATE_WARNING_SENTENCES } from "./warningText.ts";
import type { EstimateWarningCode, EstimateWarningParamsByCode } from "./warningText.ts";

export type { EstimateWarningCode } from "./warningText.ts";

/** An estimator warning with the values its sentence is made of (warningText.ts). */
export interface EstimateWarning<
  C extends EstimateWarningCode = EstimateWarningCode,
> extends DtmWarning<C> {
  params: EstimateWarningParamsByCode[C];
}

/**
 * One estimator warning: its English sentence (`message`) made from `params` by the one table
 * of the estimator's sentences (warningText.ts), which also says it in Spanish.
 * @example
 * estimateWarning("off_every_route", { sighting: "S12" });
 * // => { code: "off_every_route", message: "S12: off every route; size not used (no group).",
 * //      params: { sighting: "S12" }, source: { module: "estimate" } }
 */
export function estimateWarning<C extends EstimateWarningCode>(
  code: C,
  params: EstimateWarningParamsByCode[C],
): EstimateWarning<C> {
  const say = ESTIMATE_WARNING_SENTENCES[code].en as (p: EstimateWarningParamsByCode[C]) => string;
  return { code, message: say(params), params, source: { module: "estimate" } };
}
