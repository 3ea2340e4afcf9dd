/**
 * What a group state's moves can reuse of its own fit (reassignReports.ts movedCost →
 * moveScreen.ts tableCost). Every candidate move re-fits a whole group with one report more or
 * less on each of the group's routes near a report. On a route the moved report is NOT on, the
 * moved list's reports on that route are the state's own, in the same order, so their positions
 * cost (positionsFit.ts positionsCost, a function of those km and weights alone) is the state's:
 * it is computed once per state and route, and read back for every move of a report off that
 * route (at 100 unlabelled groups, a group near a fork fits its second route for most moves,
 * and the reports joining or leaving it lie mostly on one branch). The number read back is the
 * one the fit gives, so the costs are the same bit for bit (tests/estimate/stateCosts.test.ts).
 */
import type { CostModel } from "./trackCost.ts";

export class StateCosts {
  /** Positions cost of the state's reports on each route column (NaN: not yet computed). */
  private readonly cost: Float64Array;
  private model?: CostModel;

  /** For a table of `width` route columns. */
  constructor(width: number) {
    this.cost = new Float64Array(width).fill(NaN);
  }

  /** The state's positions cost on route column `c` under model `m` (NaN: not known yet). */
  at(c: number, m: CostModel): number {
    return this.model === m ? this.cost[c] : NaN;
  }

  /** Remembers the state's positions cost `cost` on route column `c` under model `m`. */
  set(c: number, m: CostModel, cost: number): void {
    if (this.model !== m) {
      this.cost.fill(NaN);
      this.model = m;
    }
    this.cost[c] = cost;
  }
}

/** A list that is a group state's with one report (`i`, an index into the table) more or less. */
export interface Move {
  state: StateCosts;
  i: number;
}
