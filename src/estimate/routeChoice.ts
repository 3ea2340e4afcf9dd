/**
 * Route choice: the route a group's position reports fit best.
 */
import type { PreparedSighting } from "./prepare.ts";
import type { EstimateContext } from "./workGroup.ts";

/**
 * The route a labelled group's positions fit best (least summed distance off it, capped at 200
 * km a report). Ties (shared road) go to the earlier route: a later route must be better by 1 km.
 */
export function chooseRoute(ctx: EstimateContext, positioned: readonly PreparedSighting[]): string {
  let bestId = ctx.routeIds[0];
  let bestCost = Infinity;
  for (const id of ctx.routeIds) {
    let cost = 0;
    for (const s of positioned) cost += Math.min(ctx.projections.get(s)?.get(id)?.off ?? 200, 200);
    if (cost < bestCost - 1) {
      bestCost = cost;
      bestId = id;
    }
  }
  return bestId;
}
