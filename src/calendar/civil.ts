/**
 * The proleptic Gregorian calendar as plain integers: a day number is the count of days since
 * 1970-01-01 of a calendar date (1970-01-02 is 1, 1969-12-31 is −1). No time zone is involved:
 * a day number names a local calendar date wherever it is read.
 *
 * Integer arithmetic (the days-from-civil method: years counted from March, so the leap day ends
 * the year) instead of `Date` or date-fns: it is exact for every year, allocates nothing, and is
 * 10–40× faster than building a `Date` (docs/calendar.md, "own code").
 */

/** Days since 1970-01-01 of year `y`, month `m` (1–12), day `d` (not checked; see `isRealDate`). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // 0…399
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1; // 0…365, from 1 March
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // 0…146096
  return era * 146_097 + doe - 719_468;
}

/** Year, month (1–12) and day of a day number (the inverse of `daysFromCivil`). */
export function civilFromDays(day: number): { y: number; m: number; d: number } {
  const z = Math.floor(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Whether `y` is a leap year of the Gregorian calendar. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** Whether year `y`, month `m`, day `d` is a real date (integers; 2018-02-30 is not). */
export function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
