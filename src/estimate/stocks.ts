/**
 * Stock figures (asylum claims, returns) as evidence of how a group's size falls: people who
 * lodge a claim or go home leave the caravan. Which people leave which group on which day is
 * stockSeries.ts's rule; a day's loss L with a current size N becomes a log drift `log(1 − L/N)`
 * of the size smoother.
 */
import type { StockFigure } from "../model/stock.ts";
import type { SizeDayEstimate } from "./sizeSmoother.ts";
import { canLeave, outflowSeries, outflows } from "./stockSeries.ts";
import type { GroupWhere } from "./stockSeries.ts";

/** Default daily drift of log size when no stock figure speaks: slow attrition (−0.4 %/day). */
export const DEFAULT_DRIFT = -0.004;

/** A group as the stock drift reads it: its days, first-pass sizes and where it is. */
export interface DriftGroup extends GroupWhere {
  name: string;
  day0: number;
  nDays: number;
  sizes: readonly SizeDayEstimate[];
}

/**
 * Daily size drifts of the groups from cumulative claims and returns.
 * @param asOfT figures dated after this local time are ignored.
 * @example
 * stockDrift(embedded2018().stocks, "America/Mexico_City").driftsFor([group])[0].length; // => group.nDays
 */
export function stockDrift(
  stocks: readonly StockFigure[],
  _timeZone: string,
  asOfT = Infinity,
): {
  /** Drift of log size for each day of each group's track, in the order given. */
  driftsFor(groups: readonly DriftGroup[]): number[][];
} {
  const flows = outflows(outflowSeries(stocks, asOfT));
  return {
    driftsFor(groups) {
      const sizeOn = (g: DriftGroup, day: number) => {
        const n =
          day >= g.day0 && day < g.day0 + g.nDays ? g.sizes[day - g.day0]?.median : undefined;
        return n !== undefined && n > 0 ? n : 0;
      };
      const people = groups.map((g) => new Array<number>(g.nDays).fill(0));
      for (const flow of flows) {
        const takers = flow.label
          ? groups.map((g) => g.name === flow.label)
          : groups.map(() => true);
        for (const [day, lost] of flow.loss) {
          // A national figure is shared in proportion to size over the groups that can hold it.
          const can = groups.map(
            (g, i) => takers[i] && sizeOn(g, day) > 0 && (!!flow.label || canLeave(flow, g, day)),
          );
          const total = groups.reduce((sum, g, i) => sum + (can[i] ? sizeOn(g, day) : 0), 0);
          if (!(total > 0)) continue;
          groups.forEach((g, i) => {
            if (can[i]) people[i][day - g.day0] += (lost * sizeOn(g, day)) / total;
          });
        }
      }
      return groups.map((g, i) =>
        people[i].map((lost, k) => {
          const n = g.sizes[k]?.median;
          return lost > 0 && n !== undefined && n > 0 && k > 0
            ? -0.002 + Math.log(Math.max(0.5, 1 - lost / n))
            : DEFAULT_DRIFT;
        }),
      );
    },
  };
}
