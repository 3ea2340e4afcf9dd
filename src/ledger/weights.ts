/** How much the ledger trusts a figure: by the kind of source and its confidence. */
import type { Confidence, SourceType } from "../model/source.ts";

/**
 * Default weight of each kind of source when figures for the same thing disagree. UN agencies and
 * DTM publish registrations and headcounts (1); governments count but have stakes (0.8); NGOs see
 * part of the picture (0.6); media often relay or round (0.4); organisers and social media inflate
 * (0.2, 0.1). Unknown kind: 0.3.
 */
export const DEFAULT_SOURCE_WEIGHTS: Readonly<Record<SourceType, number>> = {
  dtm: 1,
  un: 1,
  government: 0.8,
  ngo: 0.6,
  media: 0.4,
  organiser: 0.2,
  social_media: 0.1,
  other: 0.3,
};

/** Default weight of a confidence level (data/README.md gives the 2018 rules); unknown: 0.6. */
export const DEFAULT_CONFIDENCE_WEIGHTS: Readonly<Record<Confidence, number>> = {
  high: 1,
  medium: 0.6,
  low: 0.3,
};

/** Weights the caller may override (any key left out keeps its default). */
export interface WeightOptions {
  sourceWeights?: Partial<Record<SourceType, number>>;
  confidenceWeights?: Partial<Record<Confidence, number>>;
}

/**
 * Weight of one figure: source-kind weight × confidence weight (both in (0, 1] by default).
 * @example
 * figureWeight({ sourceType: "media", confidence: "medium" }); // => 0.24
 */
export function figureWeight(
  figure: { sourceType?: SourceType; confidence?: Confidence },
  options: WeightOptions = {},
): number {
  const source = figure.sourceType
    ? (options.sourceWeights?.[figure.sourceType] ?? DEFAULT_SOURCE_WEIGHTS[figure.sourceType])
    : 0.3;
  const confidence = figure.confidence
    ? (options.confidenceWeights?.[figure.confidence] ??
      DEFAULT_CONFIDENCE_WEIGHTS[figure.confidence])
    : 0.6;
  return Math.max(1e-6, source * confidence);
}

/**
 * Half-width of the 90 % interval of one figure, relative to its value: 5 % for a weight of 1,
 * growing as 1/√weight (a media figure of medium confidence, weight 0.24: ±10 %), capped at 50 %.
 * @example
 * relativeError(1); // => 0.05
 */
export function relativeError(weight: number): number {
  return Math.min(0.5, 0.05 / Math.sqrt(weight));
}
