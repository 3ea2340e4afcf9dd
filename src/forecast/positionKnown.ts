/**
 * When a group's position is too uncertain to name a place: a group on the road with no report
 * for more than {@link SILENT_DAYS} days whose 90 % km interval on the as-of day is wider than
 * {@link POSITION_UNKNOWN_KM}. The forecast then says "no report for N days; position unknown
 * (km a–b)" instead of a place ("747 people at Escuinapa today" was read from an interval of
 * 189–4,219 km, nearly the whole route, for a group last reported 19 days before). The forecast's
 * runs and forecast.csv are unchanged: only what is said of the group's place is.
 */
import { dayNumber } from "../calendar/index.ts";
import type { IsoDate, Km } from "../model/units.ts";

/**
 * More days than this without a report (a week): the group's days since then are the law's,
 * not the sources'. A group reported within the week keeps its place, however wide its interval.
 */
export const SILENT_DAYS = 7;

/**
 * A 90 % km interval wider than this (km) names no place: 1,000 km is two days' ride by bus on
 * the 2018 corridor, more than the distance between most of its named stops.
 */
export const POSITION_UNKNOWN_KM = 1000;

/** The days without a report and the 90 % km interval of a group whose position is unknown. */
export interface PositionUnknown {
  /** Whole days from the last report to the as-of day. */
  days: number;
  /** The interval's ends (km along its route, rounded to whole km). */
  kmLow: Km;
  kmHigh: Km;
}

/**
 * Whether a group's position as of a day is unknown (see the module comment), and why.
 * @param km the group's 90 % km interval on the as-of day (nowcast `km`).
 * @param lastReport its last report (any kind: `lastSeenDate`, else its last position report).
 * @param asOfDate the as-of day (ISO date).
 * @returns undefined when its position is known enough to name a place, or there is no report date.
 * @example
 * positionUnknown({ low: 189, high: 4219 }, "2018-11-01", "2018-11-20"); // => { days: 19, kmLow: 189, kmHigh: 4219 }
 */
export function positionUnknown(
  km: { low: Km; high: Km },
  lastReport: IsoDate | undefined,
  asOfDate: IsoDate,
): PositionUnknown | undefined {
  const last = lastReport !== undefined ? dayNumber(lastReport.slice(0, 10)) : undefined;
  const today = dayNumber(asOfDate.slice(0, 10));
  if (last === undefined || today === undefined) return undefined;
  const days = today - last;
  if (days <= SILENT_DAYS || !(km.high - km.low > POSITION_UNKNOWN_KM)) return undefined;
  return { days, kmLow: Math.round(km.low), kmHigh: Math.round(km.high) };
}
