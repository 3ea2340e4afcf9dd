/**
 * A lower bound of a group's position cost on a route, before fitting it (moveScreen.ts tableCost
 * skips a route whose bound cannot beat the best route so far). Each report on the route costs at
 * least its weight times the robust loss of a residual of 0 at the group's fitted spread, and that
 * loss grows with the spread. The spread fitted (trackCost.ts fitPositions, positionsFit.ts) is
 * sqrt((SPREAD_PRIOR_N · spreadKm² + Σ wᵢ rᵢ²) / (SPREAD_PRIOR_N + Σ wᵢ)), held between the
 * model's floor and cap, with each report's weight wᵢ = vᵢ × its chance of being good ≤ vᵢ: so it
 * is at least sqrt(SPREAD_PRIOR_N · spreadKm² / (SPREAD_PRIOR_N + Σ vᵢ)), held the same way. For a
 * group of 40 reports of weight 1 (spread prior 40 km, 3 pseudo-reports) that is 10.6 km, not the
 * 5 km floor: 0.75 nats a report more, so routes that cannot win are skipped sooner. The bound
 * only skips fits that could not have won or tied: the costs and routes are the same.
 */
import { SPREAD_PRIOR_N, positionLossAt } from "./trackCost.ts";
import type { CostModel } from "./trackCost.ts";

/**
 * Least spread (km) the robust fit of positions of summed weight `weighed` can return (module
 * comment).
 * @example
 * leastSpreadKm(40, DEFAULT_COST_MODEL); // sqrt(3 · 40² / 43) ≈ 10.57
 */
export function leastSpreadKm(weighed: number, m: CostModel): number {
  const prior = SPREAD_PRIOR_N * m.spreadKm * m.spreadKm;
  return Math.min(m.capKm, Math.max(m.floorKm, Math.sqrt(prior / (SPREAD_PRIOR_N + weighed))));
}

/**
 * Least position loss (nats) a report of weight 1 can have in a group whose reports on the route
 * weigh `weighed` in all: the loss of a residual of 0 at leastSpreadKm.
 * @example
 * leastPositionLoss(40, DEFAULT_COST_MODEL) > positionLossAt(0, 5, DEFAULT_COST_MODEL); // true
 */
export function leastPositionLoss(weighed: number, m: CostModel): number {
  return positionLossAt(0, leastSpreadKm(weighed, m), m);
}
