/**
 * Floors under the people who have left, from evidence other than the stock figures: cumulative
 * northbound border counts and departure totals among the aggregate figures.
 */
import type { AggregateFigure } from "../model/aggregate.ts";
import type { CountRecord } from "../model/count.ts";
import { dayNumber } from "../calendar/index.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { countPoint } from "../geo/countPoint.ts";

/** Aggregate measures that count people who have left (cumulative), matched by prefix. */
const DEPARTURE_MEASURES = /^(departed|left|transited|entered)_/;

/**
 * The largest cumulative departure figure known by each day from the aggregates (people who
 * transited Guatemala, entered Mexico …): a floor under the people who left. A bound-only figure
 * ("at least 10,000") counts with its bound.
 */
export function departureFloor(
  aggregates: readonly AggregateFigure[],
  measures: readonly string[] | undefined,
  lastDay: number = Infinity,
): (day: number) => number {
  const points: { day: number; value: number }[] = [];
  for (const a of aggregates) {
    const wanted = measures ? measures.includes(a.measure) : DEPARTURE_MEASURES.test(a.measure);
    if (!wanted || a.basis !== "cumulative") continue;
    const value = a.value ?? a.valueMin;
    const day = dayNumber(a.date);
    if (day === undefined || day > lastDay || typeof value !== "number" || !Number.isFinite(value))
      continue;
    points.push({ day, value });
  }
  return (day) => points.reduce((best, p) => (p.day <= day ? Math.max(best, p.value) : best), 0);
}

/**
 * The most people counted heading north at any one point, cumulated to each day: everyone who
 * passed that point has left. Counts with a blank total are skipped (unknown, not zero). A point
 * is the gazetteer place its id or name resolves to (src/geo/countPoint.ts): rows naming it by id
 * and rows naming it by name are one point, not two halves.
 */
export function northboundFloor(
  counts: readonly CountRecord[],
  gazetteer?: Gazetteer,
  lastDay: number = Infinity,
): (day: number) => number {
  const byPoint = new Map<string, { day: number; total: number }[]>();
  for (const c of counts) {
    if (c.direction !== "northbound" || typeof c.total !== "number" || !(c.total >= 0)) continue;
    const day = dayNumber(c.date);
    if (day === undefined || day > lastDay) continue;
    const key = countPoint(c, gazetteer).key;
    const list = byPoint.get(key) ?? [];
    list.push({ day, total: c.total });
    byPoint.set(key, list);
  }
  const series = [...byPoint.values()].map((list) => {
    list.sort((a, b) => a.day - b.day);
    let sum = 0;
    return list.map((e) => ({ day: e.day, cumulative: (sum += e.total) }));
  });
  return (day) => {
    let best = 0;
    for (const s of series) {
      let lo = -1;
      for (let k = 0; k < s.length && s[k]!.day <= day; k++) lo = k;
      if (lo >= 0) best = Math.max(best, s[lo]!.cumulative);
    }
    return best;
  };
}
