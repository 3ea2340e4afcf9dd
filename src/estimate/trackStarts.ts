/**
 * Where a track starts when the file names the group before it places it. A track is fitted from
 * the group's first position or border count (positions.ts `setSpan`); a report that names the
 * group and gives its size but no usable place ("más de 400 hondureños de una segunda caravana
 * entraron a El Salvador", 2018 row S008, 17 Oct) says the group exists that day. So its track is
 * written from the day of its first such named report, and on those days nothing places it but
 * its later track and the movement law:
 *
 * - km of the median person, head and tail: at most the high end of the first fitted day's
 *   interval (a group moves forward only), at least that day's low end less the longest ride of a
 *   day (`MovementModel.longRideMaxKm`) for each day back, never below the route's origin —
 *   "somewhere behind its first position", as far back as it could have come from; the median
 *   moves back at the law's mean daily move (`meanDailyKm`), kept inside;
 * - size: from the figure of the latest named report on or before the day (its value, else its
 *   "more than" or "less than" bound), when that is below the first fitted day's median, growing
 *   geometrically day by day to that median — caravans grow as they go (2018 second caravan: "más
 *   de 400" on 17 Oct, ~1,500 on 26 Oct), so the later size read backwards would count people in
 *   transit before most of them had left; the interval reaches down to the figure and up to the
 *   first fitted day's high end. A day with no named figure yet takes the first fitted day's size
 *   (`TrackStart.sizeFrom` says which).
 *
 * How far back: at most `MAX_WRITTEN_DAYS` (21) days before the first fitted day — the longest
 * silence across which a report continues a group's track anywhere in the estimator
 * (`MAX_SILENCE_DAYS`, src/movement/silence.ts). A named report further back (a mis-dated row, 17 Aug typed for
 * 17 Oct, or a retrospective story dated on its event) would otherwise put the group at the
 * origin for months and count it in transit in the ledger; it starts nothing, it is listed in
 * `TrackStart.tooEarly` and warned about (`named_too_early`). Its size still counts in the size
 * pass, as any named report's does.
 *
 * These days are written only (buildOutputs in estimateTracks.ts): the association, the movement
 * fit, the smoothers, the self-calibration and the track's end never see them, so nothing fitted
 * moves. An earlier version (commit d619a21) started the fitted span itself at the named report
 * and moved the 2018 forecast backtest (docs/estimation.md "A group lives from its first report").
 * Reports without the group's name never start a track early: before the first named report an
 * unnamed report that stood where other groups stood could be any of them (docs/estimation.md
 * "## nogap").
 */
import { Z90 } from "../util/normal.ts";
import type { IsoDate, Km } from "../model/units.ts";
import { meanDailyKm } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";
import type { SizeDayEstimate } from "./sizeSmoother.ts";
import type { WorkGroup } from "./workGroup.ts";
import { MAX_SILENCE_DAYS } from "../movement/silence.ts";
import type { PreparedSighting } from "./prepare.ts";
import { dayToIsoDate } from "./time.ts";

/** Most days (local days) written before a fitted track's first day (module comment). */
export const MAX_WRITTEN_DAYS = MAX_SILENCE_DAYS;

/**
 * How a labelled group's track starts when a report names it before its first fitted day
 * (report.json `trackStarts`). Days written are tracks.csv rows without a fitted estimate.
 */
export interface TrackStart {
  group: string;
  /** First day of the fitted track (its first position or border count). */
  firstFittedDate: IsoDate;
  /** First written day: the day of `sightingId`; absent when every naming report was too early. */
  writtenFrom?: IsoDate;
  /** Days written before `firstFittedDate` (0 when none). */
  daysWritten: number;
  /** The named report the written days start from. */
  sightingId?: string;
  /**
   * Where the written days' size comes from: `named_report` (a named report's own figure on
   * every written day), `first_fitted_day` (no named report gave a figure), or `both` (the days
   * before the first named figure take the first fitted day's).
   */
  sizeFrom?: "named_report" | "first_fitted_day" | "both";
  /** Named reports more than MAX_WRITTEN_DAYS before the first fitted day: they start nothing. */
  tooEarly: { sightingId: string; date: IsoDate; daysBefore: number }[];
}

/** One written day of a track: the median person, the head, the tail and the size. */
export interface WrittenDay {
  km: KmDayEstimate;
  head?: KmDayEstimate;
  tail?: KmDayEstimate;
  size?: SizeDayEstimate;
}

/** Reports naming the labelled group `g` before its fitted track's first day, earliest first. */
function namedBefore(g: WorkGroup): PreparedSighting[] {
  if (!g.labelled) return [];
  return g.members
    .filter((s) => s.label === g.name && Math.floor(s.t) < g.day0)
    .sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : 1));
}

/**
 * First local day of a report naming the labelled group `g` before its fitted track's first day
 * (`g.day0`) and at most MAX_WRITTEN_DAYS before it, or undefined (none, or an unlabelled group).
 */
export function firstNamedDayBefore(g: WorkGroup): number | undefined {
  const s = namedBefore(g).find((x) => g.day0 - Math.floor(x.t) <= MAX_WRITTEN_DAYS);
  return s ? Math.floor(s.t) : undefined;
}

/** A report's own figure (people): its value, else its "more than", else its "less than" bound. */
function figure(s: PreparedSighting): number | undefined {
  const log = s.logValue ?? s.logLow ?? s.logHigh;
  // Rounded to 1e-6 people so that a figure of 400 is written 400, not 399.99999999999994.
  return log === undefined ? undefined : Math.round(Math.exp(log) * 1e6) / 1e6;
}

/**
 * The size written on a day a share `w` (0 on the named figure's day, → 1 at the first fitted
 * day) of the way from the named figure `fig` to the first fitted day's size `d`: the median
 * grows geometrically from `fig` to `d.median` (a caravan gathers people as it goes); the
 * interval reaches down to `fig` and up to `d.high`. `d` itself when there is no figure or it is
 * not below `d.median`.
 */
function sizeUpTo(d: SizeDayEstimate, fig: number | undefined, w: number): SizeDayEstimate {
  if (fig === undefined || fig >= d.median) return d;
  const logMean = (1 - w) * Math.log(fig) + w * Math.log(d.median);
  const median = w === 0 ? fig : Math.exp(logMean);
  const low = Math.min(d.low, fig);
  const high = Math.max(d.high, median);
  const logSd = (Math.log(high) - Math.log(low)) / (2 * Z90);
  return { median, low, high, logMean, logSd };
}

/** `d` moved back `days` days (module comment): its high kept, its low and median lowered. */
export function behind(d: KmDayEstimate, days: number, law: MovementModel): KmDayEstimate {
  const low: Km = Math.max(0, Math.min(d.low, d.median) - days * law.longRideMaxKm);
  const high: Km = Math.max(d.high, d.median);
  const median = Math.min(high, Math.max(low, d.median - days * meanDailyKm(law)));
  return { median, low, high, mean: median, sd: (high - low) / (2 * Z90) };
}

/**
 * The days written before `g`'s fitted track, from its first named report at most
 * MAX_WRITTEN_DAYS back (module comment): day of the first and one entry per day up to
 * `g.day0 − 1` (undefined when there are none), and the group's `TrackStart` (undefined when no
 * report names it before its fitted track).
 * @example
 * writtenBefore(g, ctx.movement); // => { day0: 17821, days: [{ km: { median: 412, low: 0, high: 1329, … }, … }, …], start: { group: "A", daysWritten: 9, … } }
 */
export function writtenBefore(
  g: WorkGroup,
  law: MovementModel,
): { day0?: number; days: WrittenDay[]; start?: TrackStart } {
  const named = namedBefore(g);
  const km = g.km?.days[0];
  if (named.length === 0 || !km) return { days: [] };
  const tooEarly = named.filter((s) => g.day0 - Math.floor(s.t) > MAX_WRITTEN_DAYS);
  const from = named.find((s) => !tooEarly.includes(s));
  const start: TrackStart = {
    group: g.name,
    firstFittedDate: dayToIsoDate(g.day0),
    daysWritten: 0,
    tooEarly: tooEarly.map((s) => ({
      sightingId: s.id,
      date: dayToIsoDate(Math.floor(s.t)),
      daysBefore: g.day0 - Math.floor(s.t),
    })),
  };
  if (!from) return { days: [], start };
  const first = Math.floor(from.t);
  const days: WrittenDay[] = [];
  let fig: number | undefined;
  let figDay = first;
  const sources = new Set<"named_report" | "first_fitted_day">();
  for (let day = first; day < g.day0; day++) {
    for (const s of named)
      if (Math.floor(s.t) === day && figure(s) !== undefined) [fig, figDay] = [figure(s), day];
    const back = g.day0 - day;
    const head = g.head?.[0];
    const tail = g.tail?.[0];
    const size = g.size?.[0];
    if (size) sources.add(fig === undefined ? "first_fitted_day" : "named_report");
    days.push({
      km: behind(km, back, law),
      ...(head ? { head: behind(head, back, law) } : {}),
      ...(tail ? { tail: behind(tail, back, law) } : {}),
      ...(size ? { size: sizeUpTo(size, fig, (day - figDay) / (g.day0 - figDay)) } : {}),
    });
  }
  const sizeFrom = sources.size === 2 ? "both" : [...sources][0];
  Object.assign(start, {
    writtenFrom: dayToIsoDate(first),
    daysWritten: days.length,
    sightingId: from.id,
    ...(sizeFrom ? { sizeFrom } : {}),
  });
  return { day0: first, days, start };
}
