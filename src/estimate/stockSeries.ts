/**
 * Cumulative stock figures (asylum claims, returns) as people leaving the tracked groups, and which
 * groups they leave. The one rule for the estimator's outflows:
 * - a series is the figures of one caravan label (or none: a national figure), one category and
 *   one country; figures of one day from several sources are reconciled as the ledger does
 *   (ledger/series.ts `pointsByDay`: weighted by source kind and confidence, "at least" bounds
 *   kept), never mixed across countries or labels (Salvadoran returns are not swallowed by the
 *   Honduran total); a later total below an earlier one corrects it ({@link laterCorrects});
 * - a labelled series leaves its own group; a national series is the SAME people as the labelled
 *   series of its category and country, so only what it counts beyond them is shared out;
 * - the national rest leaves the groups alive that day that can hold those people: asylum claims
 *   lodged in a country the groups standing in that country that day, returns to a country the
 *   groups whose route starts there (their nationality), each in proportion to its size.
 */
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { pointsByDay } from "../ledger/series.ts";
import type { SeriesFigure, SeriesPoint } from "../ledger/series.ts";
import { boundOf } from "../ledger/tree.ts";
import { figureWeight } from "../ledger/weights.ts";
import type { StockFigure } from "../model/stock.ts";
import type { Iso3 } from "../model/units.ts";
import { isoDate } from "../calendar/iso.ts";
import { isoDateToDay } from "./time.ts";
import type { WorkGroup } from "./workGroup.ts";

/** Days before a series' first figure over which its first value is spread (people who left earlier). */
export const FIRST_FIGURE_RAMP_DAYS = 7;

/** One series of cumulative outflow figures. */
export interface OutflowSeries {
  /** Caravan label; undefined for a national figure naming no caravan. */
  label?: string;
  category: "asylum_claim" | "return";
  /** Where the claims were lodged / where the people returned to. */
  country?: Iso3;
  /** Reconciled points, made non-decreasing ({@link laterCorrects}). */
  points: SeriesPoint[];
  /**
   * Days whose reconciled total is below an earlier one (a correction or a conflict): the highest
   * earlier total and the day's own (people).
   */
  falls: { day: number; from: number; to: number }[];
}

/** People leaving per local day (day → people) for one series' share to hand out. */
export interface Outflow {
  label?: string;
  category: OutflowSeries["category"];
  country?: Iso3;
  loss: Map<number, number>;
}

/** Where a group is: what the sharing rule reads of it. */
export interface GroupWhere {
  /** Country where its route starts (the people's nationality); undefined when unknown. */
  nationality?: Iso3;
  /** Country it stands in on a local day; undefined when unknown. */
  countryOn?(day: number): Iso3 | undefined;
}

/**
 * The series of cumulative claims and returns, keyed by (label, category, country).
 * @param asOfT figures dated after this local time are ignored.
 * @example
 * outflowSeries(embedded2018().stocks).filter((s) => !s.label && s.category === "return").length; // => 3 (HND, SLV, GTM)
 */
export function outflowSeries(stocks: readonly StockFigure[], asOfT = Infinity): OutflowSeries[] {
  const byKey = new Map<string, { series: OutflowSeries; figures: SeriesFigure[] }>();
  stocks.forEach((s, row) => {
    if (s.basis !== "cumulative") return;
    if (s.category !== "asylum_claim" && s.category !== "return") return;
    const day = isoDateToDay(s.date ?? "");
    if (day === undefined || day + 0.5 > asOfT || !(s.value >= 0)) return;
    const label = s.caravanLabel?.trim() || undefined;
    const country = s.country?.trim() || undefined;
    const key = [label ?? "", s.category, country ?? ""].join("\u0000");
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        series: { label, category: s.category, country, points: [], falls: [] },
        figures: [],
      };
      byKey.set(key, entry);
    }
    entry.figures.push({ row, day, value: s.value, weight: figureWeight(s), bound: boundOf(s) });
  });
  return [...byKey.values()].map(({ series, figures }) => {
    const raw = pointsByDay(figures);
    let top = -Infinity;
    let atTop = false;
    for (const p of raw) {
      // Once per drop: a later point still below the same top is not a new fall.
      const drop = p.value < top - 1e-9;
      if (drop && atTop) {
        series.falls.push({ day: p.day, from: top, to: p.value });
      }
      atTop = !drop;
      top = Math.max(top, p.value);
    }
    series.points = laterCorrects(raw);
    return series;
  });
}

/**
 * A cumulative total that falls: the later figure corrects the earlier ones (a running minimum
 * from the right), so a typo of 47,000 corrected to 4,700 a week later charges 4,700, and every
 * later rise above 4,700 is charged. (The ledger pools the two instead, `monotonePoints`: right
 * for a table of totals, but a pooled 25,850 would still take 21,000 people out of the groups
 * and hide every later rise below it.)
 * @example
 * laterCorrects([{ day: 5, value: 47000 }, { day: 12, value: 4700 }].map(pt)).map((p) => p.value); // => [4700, 4700]
 */
export function laterCorrects(points: readonly SeriesPoint[]): SeriesPoint[] {
  const out = points.map((p) => ({ ...p }));
  for (let i = out.length - 2; i >= 0; i--) {
    out[i]!.value = Math.min(out[i]!.value, out[i + 1]!.value);
  }
  return out;
}

/**
 * Cumulative people of a series on a day: 0 until {@link FIRST_FIGURE_RAMP_DAYS} before the first
 * figure, rising straight to it, straight lines between figures, held after the last.
 */
export function cumulativeOn(points: readonly SeriesPoint[], day: number): number {
  if (points.length === 0) return 0;
  const first = points[0]!;
  if (day >= first.day) {
    let i = 0;
    while (i + 1 < points.length && points[i + 1]!.day <= day) i++;
    const a = points[i]!;
    const b = points[i + 1];
    if (!b || a.day === day) return a.value;
    return a.value + ((b.value - a.value) * (day - a.day)) / (b.day - a.day);
  }
  const start = first.day - FIRST_FIGURE_RAMP_DAYS;
  return day <= start ? 0 : (first.value * (day - start)) / FIRST_FIGURE_RAMP_DAYS;
}

/**
 * Daily outflows: a labelled series' own rises; a national series' rises beyond the labelled
 * series of the same category and country (the same people are not charged twice; what the
 * labelled figures already count is taken out of the national total, and a rest that falls back is
 * not charged again until it passes its earlier height).
 * @example
 * outflows(outflowSeries(embedded2018().stocks)).length; // one per series
 */
export function outflows(series: readonly OutflowSeries[]): Outflow[] {
  const sameKind = (a: OutflowSeries, b: OutflowSeries) =>
    a.category === b.category && a.country === b.country;
  return series.map((s) => {
    const labelled = s.label ? [] : series.filter((o) => o.label && sameKind(o, s));
    const days = [s, ...labelled].flatMap((o) => o.points.map((p) => p.day));
    const from = Math.min(...days) - FIRST_FIGURE_RAMP_DAYS;
    const to = Math.max(...days);
    const loss = new Map<number, number>();
    let charged = 0;
    for (let day = from + 1; day <= to; day++) {
      const rest = (d: number) =>
        cumulativeOn(s.points, d) - labelled.reduce((sum, o) => sum + cumulativeOn(o.points, d), 0);
      const now = rest(day);
      const people = s.label ? now - rest(day - 1) : now - charged;
      charged = Math.max(charged, now);
      if (people > 0) loss.set(day, people);
    }
    return { label: s.label, category: s.category, country: s.country, loss };
  });
}

/**
 * Whether a national outflow can take people from a group on a day: claims lodged in a country
 * from a group standing there; returns to a country from a group whose route starts there. An
 * unknown country (of the figure or of the group) does not exclude the group.
 */
export function canLeave(outflow: Outflow, where: GroupWhere, day: number): boolean {
  if (!outflow.country) return true;
  const country = outflow.category === "asylum_claim" ? where.countryOn?.(day) : where.nationality;
  return country === undefined || country === outflow.country;
}

/**
 * The countries of a track from its route and km (nearest place of the gazetteer), cached by 5 km.
 * @example
 * const where = trackCountries(ctx.index, ctx.gazetteer)(group); where.nationality; // => "HND"
 */
export function trackCountries(
  index: RouteIndex,
  gazetteer: Gazetteer,
): (g: WorkGroup) => GroupWhere {
  const cache = new Map<string, Iso3 | undefined>();
  const at = (routeId: string, km: number): Iso3 | undefined => {
    const key = `${routeId}\u0000${Math.round(km / 5)}`;
    if (!cache.has(key)) {
      const [lon, lat] = index.along(routeId, Math.max(0, km));
      cache.set(key, gazetteer.nearest(lon, lat)?.place.country);
    }
    return cache.get(key);
  };
  return (g) => ({
    nationality: at(g.routeId, 0),
    countryOn(day) {
      const d = g.km?.days[day - g.day0];
      return d ? at(g.routeId, d.median) : undefined;
    },
  });
}

/**
 * One line per falling total of the outflow series (people), for the estimator's warnings.
 * @example
 * fallingTotals(outflowSeries(embedded2018().stocks))[0]; // => "return HND: the total falls from 4,500 to 4,000 on 2018-10-28; …"
 */
export function fallingTotals(series: readonly OutflowSeries[]): string[] {
  const round = (n: number) => Math.round(n).toLocaleString("en-US");
  return series.flatMap((s) =>
    s.falls.map(
      (f) =>
        `${s.category} ${[s.label, s.country].filter(Boolean).join(" ") || "(no country)"}: the total falls from ${round(f.from)} to ${round(f.to)} on ${isoDate(f.day)}; read as a correction of the earlier figures (the size drift charges the later one).`,
    ),
  );
}
