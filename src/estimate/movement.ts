/**
 * The estimator's names for the one movement model (src/movement/): the law of regimes, its
 * transitions and the 2018 anchors' default laws. Nothing is modelled here.
 */
export type { MovementModel, Regime } from "../movement/law.ts";
export {
  cachedRegimeTransitions,
  REGIMES,
  regimeTransitions,
} from "../movement/law.ts";
export { defaultEstimatorMovement, defaultMovementModel } from "../movement/anchors.ts";
