/**
 * How much a report's figure says about its group: a report that names no part (partWords.ts) is
 * the group's body with a probability falling smoothly with its share of the group, else a part
 * (a vanguard or stragglers) whose figure only bounds the group from below. One rule, read by the
 * position pass, the size pass and the check.
 */
import { normalCdf } from "../util/normal.ts";
import type { PreparedSighting } from "./prepare.ts";
import type { WorkGroup } from "./workGroup.ts";

/**
 * The share of the group (a report's figure over the group's size that day) at which a report that
 * names no part is as likely its body as a part ({@link bodyProbability}); where one reading must
 * be chosen (head and tail runs, the source-bias residuals), below it a part.
 */
export const PART_SHARE = 0.4;
/**
 * Width (in log share) of the passage from part to body: one width either
 * side of PART_SHARE a report is the body with probability 0.27 / 0.73; at the group's size
 * (share 1) 0.95, at a fifth of PART_SHARE (0.08) 0.005. Of the order σ² / |ln PART_SHARE| with σ
 * the log spread of a figure of the whole body about the group's size (0.6 in trackCost.ts gives
 * 0.39): the slope of the log odds of body against part at PART_SHARE. 0.3 measured best of 0.15,
 * 0.3 and 0.39 on the development worlds and the 2018 check (bench/README.md "the part share
 * without a cliff").
 */
export const PART_SHARE_WIDTH = 0.3;

/**
 * Probability that a report of `share` of the group (its figure over the group's size that day)
 * describes its body rather than a part (head or tail): logistic in log share, ½ at PART_SHARE,
 * so that a report at 0.39 and one at 0.41 say nearly the same (no cliff), a figure near the
 * group's size is the body nearly surely and a handful of people nearly surely a part. The one
 * rule of both passes, on the same share ({@link groupShare}): the position pass weighs a
 * report's body and part readings by it (positions.ts), the size pass its figure against "at
 * least that many" ({@link sizeBodyWeight}, {@link figureLikelihood}; sizes.ts).
 * @example
 * bodyProbability(0.4); // => 0.5
 * bodyProbability(1) > 0.95; // => true
 */
export function bodyProbability(share: number): number {
  if (!(share > 0)) return 0;
  return 1 / (1 + Math.exp(-Math.log(share / PART_SHARE) / PART_SHARE_WIDTH));
}

/** Days either side of a report whose figures tell the group's size at the time. */
const SCALE_WINDOW_DAYS = 4;

/**
 * Share of the group a report describes: its figure over the group's estimated size that day
 * (first size pass), else over its typical size at the time (the upper quartile of the group's
 * figures within SCALE_WINDOW_DAYS, as groups grow and shrink); 1 when it gives no figure. Both
 * passes read it: the position pass (positions.ts) and the size pass (sizes.ts).
 */
export function groupShare(
  g: Pick<WorkGroup, "members" | "sizeByDay">,
  s: PreparedSighting,
): number {
  // "More than 1,500" describes at least 1,500 people; "up to 700" at most 700.
  const v = s.logValue ?? s.logLow ?? s.logHigh;
  if (v === undefined) return 1;
  const estimated = g.sizeByDay?.get(Math.floor(s.t));
  if (estimated !== undefined && estimated > 0) return Math.min(1, Math.exp(v) / estimated);
  const near: number[] = [];
  for (const m of g.members) {
    const x = m.logValue;
    if (x !== undefined && Math.abs(m.t - s.t) <= SCALE_WINDOW_DAYS) near.push(x);
  }
  if (near.length === 0) return 1;
  near.sort((a, b) => a - b);
  const scale = near[Math.min(near.length - 1, Math.floor(0.75 * near.length))];
  return Math.min(1, Math.exp(v - scale));
}

/**
 * The probability of {@link bodyProbability} below which the size pass reads a figure surely as
 * a part's, and one minus it above which surely as the body's; linear in between (so 0 at a share
 * of ~0.31, ½ at PART_SHARE, 1 at ~0.52). The size pass needs sure tails where the position pass
 * does not: read as "at least that many", a figure's part reading is flat above it, and a few
 * per cent of part chance on a lone small figure outweighs its body reading against the size
 * prior's spread. On the 2018 data the LGBT group's one figure (80) made a group of ~1,400 with
 * the rule's own tails, ~880 with sure tails at 0.15, 144 at 0.3; with the rule's own tails the
 * first caravan's small first figures (1,000–1,500; it grew by joiners) became parts of a group
 * of ~6,500 (bench/README.md "one rule for body and part").
 */
export const SURE_PART = 0.3;

/**
 * Probability that a figure of `share` of the group is the body's, as the size pass reads it:
 * {@link bodyProbability} with its tails made sure (SURE_PART).
 * @example
 * sizeBodyWeight(1); // => 1
 * sizeBodyWeight(0.4); // => 0.5
 * sizeBodyWeight(0.2); // => 0
 */
export function sizeBodyWeight(share: number): number {
  const p = bodyProbability(share);
  return Math.min(1, Math.max(0, (p - SURE_PART) / (1 - 2 * SURE_PART)));
}

/**
 * Density (per unit of log share) of the share of the group a report of a part describes: spread
 * evenly in log share from SMALLEST_PART_SHARE (a few dozen people at the front of 10,000) to
 * PART_SHARE. What a figure read as a part says of the group's size, weighed against the same
 * figure read as the body (a density in log people too): 1 / ln(0.4 / 0.003) ≈ 0.2.
 */
export const SMALLEST_PART_SHARE = 0.003;
export const PART_LOG_DENSITY = 1 / Math.log(PART_SHARE / SMALLEST_PART_SHARE);

/**
 * Likelihood of a report's figure (log people, its source's bias removed) given that the group
 * holds `exp(logGroup)` people, when the report is the body's with probability `bodyWeight`
 * ({@link bodyProbability} of its share of the group): the body's figure (log-normal about the
 * group's size with spread `sigma`) or a part's — at least that many people, with the density of
 * a part's share (PART_LOG_DENSITY). A figure read surely as the body's is a plain figure, one
 * read surely as a part's a lower bound; in between both, and nothing jumps at a threshold.
 * @example
 * // 100 people, the body with probability 0.6: a group of 3,000 is ~1/10 as likely as one of 100, not ~0.
 * figureLikelihood(Math.log(100), Math.log(3000), 0.3, 0.6) / figureLikelihood(Math.log(100), Math.log(100), 0.3, 0.6); // ≈ 0.097
 */
export function figureLikelihood(
  logFigure: number,
  logGroup: number,
  sigma: number,
  bodyWeight: number,
): number {
  const z = (logFigure - logGroup) / sigma;
  const asBody = Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
  return bodyWeight * asBody + (1 - bodyWeight) * PART_LOG_DENSITY * normalCdf(-z);
}
