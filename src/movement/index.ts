/**
 * The one movement model (docs/movement.md#one-movement-model): the law (law.ts), the 2018
 * anchors (anchors.ts), the sampler (sampler.ts), the density form (density.ts) and the fitting
 * routine (fit.ts).
 */
export * from "./law.ts";
export * from "./anchors.ts";
export * from "./sampler.ts";
export * from "./density.ts";
export * from "./fit.ts";
export * from "./withinDay.ts";
export * from "./silence.ts";
export * from "./ahead.ts";
