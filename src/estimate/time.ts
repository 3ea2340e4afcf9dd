/**
 * Time on the estimator's axis ("local days": day D is the local calendar date, D + 0.5 its noon)
 * comes from the calendar (src/calendar/local-time.ts, docs/calendar.md); re-exported here under
 * the names the estimator uses.
 */
export type { LocalTime } from "../calendar/index.ts";
export {
  isValidTimeZone,
  isoDate as dayToIsoDate,
  isoDateToDay,
  timeZoneOffsetMs,
  toLocalTime,
} from "../calendar/index.ts";
