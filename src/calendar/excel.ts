/**
 * Excel serial dates. In the 1900 date system (the default) serial 1 is 1900-01-01 and Excel
 * counts a 29 February 1900 that never was, so serials from 61 on are days since 1899-12-30; in
 * the 1904 system (old Mac workbooks, `<workbookPr date1904="1"/>`) serial 0 is 1904-01-01.
 * Serials 1–60 of the 1900 system (January and February 1900) are read with the same epoch, one
 * day early: no count sheet of this toolkit is dated then.
 */
import type { IsoDate } from "../model/units.ts";
import { daysFromCivil } from "./civil.ts";
import { isoDate } from "./iso.ts";
import { MS_PER_DAY } from "./instant.ts";

/** Day numbers of serial 0 in each system: 1899-12-30 and 1904-01-01. */
const EPOCH_1900 = daysFromCivil(1899, 12, 30);
const EPOCH_1904 = daysFromCivil(1904, 1, 1);

/**
 * The day number of an Excel serial (its whole part; the fraction is the time of day).
 * @example
 * excelSerialToDay(43386); // => 17817 (2018-10-13)
 */
export function excelSerialToDay(serial: number, date1904 = false): number {
  return (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial);
}

/**
 * An Excel serial day number as an ISO date.
 * @example
 * excelSerialToIso(43386); // => "2018-10-13"
 * excelSerialToIso(41924, true); // => "2018-10-13"
 */
export function excelSerialToIso(serial: number, date1904 = false): IsoDate {
  return isoDate(excelSerialToDay(serial, date1904));
}

/**
 * The Excel serial (1900 system unless `date1904`) of a day number, or of a fractional local day.
 * @example
 * excelSerialOfDay(17817); // => 43386
 */
export function excelSerialOfDay(day: number, date1904 = false): number {
  return day - (date1904 ? EPOCH_1904 : EPOCH_1900);
}

/**
 * The Excel serial of an instant's UTC wall clock (a `Date` written into a workbook).
 * @example
 * excelSerialOfInstant(Date.UTC(2018, 9, 13, 12)); // => 43386.5
 */
export function excelSerialOfInstant(ms: number, date1904 = false): number {
  return excelSerialOfDay(ms / MS_PER_DAY, date1904);
}

const pad2 = (n: number): string => (n < 10 ? "0" : "") + n;

/**
 * The time of day an Excel serial's fraction holds, rounded to the minute (`HH:MM`) or to the
 * second (`HH:MM`, or `HH:MM:SS` when seconds remain); undefined for a whole day. A fraction that
 * rounds up to 24:00 is written 00:00 of the same date, as Excel shows it.
 * @example
 * excelTimeOfDay(43386.25, "minute"); // => "06:00"
 * excelTimeOfDay(43386.2500116, "second"); // => "06:00:01"
 */
export function excelTimeOfDay(serial: number, precision: "minute" | "second"): string | undefined {
  const frac = serial - Math.floor(serial);
  if (!(frac > 0)) return undefined;
  if (precision === "minute") {
    const minutes = Math.round(frac * 1440);
    return `${pad2(Math.floor(minutes / 60) % 24)}:${pad2(minutes % 60)}`;
  }
  const seconds = Math.round(frac * 86_400);
  const hm = `${pad2(Math.floor(seconds / 3600) % 24)}:${pad2(Math.floor(seconds / 60) % 60)}`;
  return seconds % 60 ? `${hm}:${pad2(seconds % 60)}` : hm;
}
