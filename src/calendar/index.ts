/**
 * The calendar of dtm-flow: ISO dates, day numbers (days since 1970-01-01 of a local calendar
 * date), adding days, instants, local dates in IANA time zones and Excel serials. Nothing outside
 * this folder does day arithmetic (tests/calendar/one-calendar.test.ts checks it); see
 * docs/calendar.md for the contract and for where own code stays instead of date-fns.
 */
export { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, isRealDate } from "./civil.ts";
export {
  addDays,
  dayNumber,
  daysBetween,
  isIsoDate,
  isoDate,
  isoDateOf,
  strictDayNumber,
} from "./iso.ts";
export { MS_PER_DAY, daysOfInstant, instantOfDays, utcDateOfInstant } from "./instant.ts";
export { isValidTimeZone, localDateOf, localDays, timeZoneOffsetMs } from "./zone.ts";
export { isoDateToDay, toLocalTime } from "./local-time.ts";
export type { LocalTime } from "./local-time.ts";
export { asOfCutText, asOfMoment } from "./as-of.ts";
export type { AsOfMoment } from "./as-of.ts";
export {
  excelSerialOfDay,
  excelSerialOfInstant,
  excelSerialToDay,
  excelSerialToIso,
  excelTimeOfDay,
} from "./excel.ts";
