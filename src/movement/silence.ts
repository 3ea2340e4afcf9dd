/**
 * How long a group can go without a report and still be a group on the road: one rule, read by
 * the estimator (a report continues a track across at most this silence), the corridor state and
 * the ledger (past it, the group's people are `unknown`, "not seen since" its last report) and the
 * forecast (past it, the group is `dissolved` and not moved on).
 */
import { dayNumber } from "../calendar/index.ts";
import type { IsoDate } from "../model/units.ts";

/**
 * Longest silence, in whole days, that a group's track is carried across by the movement model
 * alone. 21 days: the 2018 caravans went a week or two without a report while travelling
 * (Honduran caravan 2: last report 13 Nov, at Tijuana later) and stayed up to two weeks in one
 * shelter; three weeks covers both, and a group not heard of for longer is no longer one the
 * data can place. A gap of exactly this many days still continues a track; one more does not.
 */
export const MAX_SILENCE_DAYS = 21;

/**
 * Whether a group last reported on `lastReportDate` is unseen on `date`: more than `days`
 * (default {@link MAX_SILENCE_DAYS}) whole days later. No report date: never unseen.
 * @param date the day (ISO date; a date-time is read by its date).
 * @param lastReportDate the group's last report (position, count or stay; the estimator's
 *   `trackEnds[].lastReportDate`).
 * @example
 * isUnseen("2018-11-22", "2018-11-01"); // => false (21 days: still on the road)
 * isUnseen("2018-11-23", "2018-11-01"); // => true
 */
export function isUnseen(
  date: IsoDate,
  lastReportDate: IsoDate | undefined,
  days: number = MAX_SILENCE_DAYS,
): boolean {
  if (lastReportDate === undefined) return false;
  const day = dayNumber(date.slice(0, 10));
  const last = dayNumber(lastReportDate.slice(0, 10));
  return day !== undefined && last !== undefined && day - last > days;
}
