/**
 * Stock figures (asylum claims, returns) as evidence of how a group's size falls: people who
 * lodge a claim or go home leave the caravan. Cumulative figures are turned into daily losses
 * (increments spread evenly between consecutive dates; where several sources report the same
 * category, the running maximum is taken so they are not added twice), and a day's loss L with
 * a current size N becomes a log drift `log(1 − L/N)` of the size smoother.
 */
import type { StockFigure } from "../model/stock.ts";
import type { SizeDayEstimate } from "./sizeSmoother.ts";
import { isoDateToDay } from "./time.ts";

/** Default daily drift of log size when no stock figure speaks: slow attrition (−0.4 %/day). */
export const DEFAULT_DRIFT = -0.004;

/**
 * Daily losses per caravan label (`*` for figures without one) from cumulative claims and returns.
 * @param asOfT figures dated after this local time are ignored.
 * @example
 * stockDrift(embedded2018().stocks, "America/Mexico_City").driftFor("Honduran caravan 1", 17817, 30, sizes, 1);
 */
export function stockDrift(
  stocks: readonly StockFigure[],
  _timeZone: string,
  asOfT = Infinity,
): {
  /** Drift of log size for each day of a group's track. */
  driftFor(
    group: string,
    day0: number,
    nDays: number,
    sizes: readonly SizeDayEstimate[],
    groupsTracked: number,
  ): number[];
} {
  const series = new Map<string, { day: number; value: number }[]>();
  for (const s of stocks) {
    if (s.basis !== "cumulative") continue;
    if (s.category !== "asylum_claim" && s.category !== "return") continue;
    const day = isoDateToDay(s.date ?? "");
    if (day === undefined || day + 0.5 > asOfT || !(s.value >= 0)) continue;
    const key = `${s.caravanLabel?.trim() || "*"}\u0000${s.category}`;
    let list = series.get(key);
    if (!list) series.set(key, (list = []));
    list.push({ day, value: s.value });
  }
  const loss = new Map<string, Map<number, number>>();
  for (const [key, list] of series) {
    const label = key.split("\u0000")[0];
    let byDay = loss.get(label);
    if (!byDay) loss.set(label, (byDay = new Map()));
    list.sort((a, b) => a.day - b.day || a.value - b.value);
    let prevDay = list[0].day - 7;
    let prevValue = 0;
    for (const { day, value } of list) {
      if (value <= prevValue) continue;
      const span = Math.max(1, day - prevDay);
      const per = (value - prevValue) / span;
      for (let d = prevDay + 1; d <= day; d++) byDay.set(d, (byDay.get(d) ?? 0) + per);
      prevDay = day;
      prevValue = value;
    }
  }
  return {
    driftFor(group, day0, nDays, sizes, groupsTracked) {
      const own = loss.get(group);
      const shared = loss.get("*");
      const out: number[] = [];
      for (let k = 0; k < nDays; k++) {
        const day = day0 + k;
        const people = (own?.get(day) ?? 0) + (shared?.get(day) ?? 0) / Math.max(1, groupsTracked);
        const n = sizes[k]?.median;
        if (people > 0 && n !== undefined && n > 0 && k > 0) {
          out.push(-0.002 + Math.log(Math.max(0.5, 1 - people / n)));
        } else out.push(DEFAULT_DRIFT);
      }
      return out;
    },
  };
}
