/** Date cells: parsed once per distinct text (in the file's day-month order) and windowed. */
import { dayNumber, daysInMonth } from "../calendar/index.ts";
import { parseDate } from "./dates.ts";
import type { ParsedDate } from "./dates.ts";
import { remember } from "./row-reader.ts";
import type { RowReader } from "./row-reader.ts";
import { clockTime, withSeconds } from "./time-column.ts";

/** A required or optional date; returns the parsed date, rejecting when invalid. */
export function readDate(
  r: RowReader,
  field: string,
  required: boolean,
  i: number | undefined = r.ctx.idx[field],
): ParsedDate | undefined {
  const t = r.textAt(i);
  if (t === undefined) {
    if (required)
      r.reject(
        field,
        "missing_value",
        `${r.column(field)} is blank; a date is required.`,
        r.raw(field) ?? "",
        undefined,
        { need: "date" },
      );
    return undefined;
  }
  let memo = r.dates.get(t);
  if (memo === undefined) {
    const p = parseDate(t, r.ctx.dateOrder);
    memo = remember(r.dates, t, { parsed: p, day: p.ok ? dayNumber(p.value.date)! : 0 });
  }
  const { parsed, day } = memo;
  if (!parsed.ok) {
    const pastEnd = parsed.reason === "invalid" ? monthEnd(t, r.ctx.dateOrder) : undefined;
    const why =
      parsed.reason === "imprecise"
        ? "a day is needed, not only a month or year"
        : pastEnd
          ? monthEndText(pastEnd)
          : "expected e.g. 2018-10-13, 13/10/2018 or 13 de octubre de 2018";
    r.reject(
      field,
      parsed.reason === "imprecise" ? "date_imprecise" : "invalid_date",
      `${r.column(field)} "${t}" is not a usable date: ${why}.`,
      t,
      undefined,
      // The month (1–12), its year and its days, for the reason in other languages (issue-text.ts).
      pastEnd && { month: pastEnd.month, year: pastEnd.year, days: pastEnd.days },
    );
    return undefined;
  }
  const problem = r.ctx.window?.check(day, parsed.value.date, r.column(field));
  if (problem) {
    r.reject(field, problem.code, problem.message, t, undefined, problem.params);
    return undefined;
  }
  return parsed.value;
}

/**
 * A sighting's `observed_at`: the date cell, with the time of day of the file's time column
 * (`ctx.timeIndex`) when the date cell has none. A time that cannot be read with the date keeps
 * the row at its date, with the warning `invalid_time` (the cell stays an extra attribute); a
 * date cell with a time of its own keeps it, with the warning `time_conflict` when the time
 * column says another. A date cell at exactly 00:00 is a date alone (pandas, R and Excel date
 * cells write midnight): the time column's time is taken. The time column's offset (a Kobo
 * answer's `-06:00`, the phone's clock) is not applied: the date question is the local date at
 * the place, so the wall-clock time stays on that day; only the date cell's own offset is kept.
 */
export function readObservedAt(r: RowReader): ParsedDate | undefined {
  const date = readDate(r, "observed_at", true);
  const ti = r.ctx.timeIndex;
  if (date === undefined || ti === undefined) return date;
  const cell = r.textAt(ti);
  if (cell === undefined) return date;
  const time = timeOfCell(r, cell, date);
  const column = r.ctx.columnNames[ti]!;
  if (date.time !== undefined && !MIDNIGHT.test(date.time)) {
    if (time !== undefined && time.time !== withSeconds(date.time))
      r.issues.warnings.push({
        column,
        value: cell,
        code: "time_conflict",
        message: `${r.column("observed_at")} has the time ${date.time} and ${column} says ${cell}; read at ${date.time}.`,
        params: { dateTime: date.time, time: cell, dateColumn: r.column("observed_at") },
      });
    return date;
  }
  if (time !== undefined) {
    const out: ParsedDate = { date: date.date, time: time.time };
    if (date.offset !== undefined) out.offset = date.offset;
    return out;
  }
  r.issues.warnings.push({
    column,
    value: cell,
    code: "invalid_time",
    message: `${column} "${cell}" is not a time of day (e.g. 06:30 or 2:30 p. m.); the row is read at its date alone.`,
  });
  return date;
}

/** A date cell's time at exactly midnight: how a date-only value travels through pandas, R or Excel. */
const MIDNIGHT = /^00:00(?::00(?:\.0+)?)?$/;

/** The time column's cell as `hh:mm:ss` (and an offset), read alone or after the date's text. */
function timeOfCell(
  r: RowReader,
  cell: string,
  date: ParsedDate,
): { time: string; offset?: string } | undefined {
  const clock = clockTime(cell);
  if (clock) return clock;
  const both = parseDate(`${date.date} ${cell}`, r.ctx.dateOrder);
  if (both.ok && both.value.date === date.date && both.value.time !== undefined)
    return { time: withSeconds(both.value.time) };
  return undefined;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A day past the end of its month: the month (1–12), its year and how many days it has. */
export interface MonthEnd {
  month: number;
  year: number;
  days: number;
}

/**
 * Why a numeric date that is otherwise well formed does not exist: its day is past the end of its
 * month (`31/11/2018` and `32/11/2018`: "November has 30 days"; `29/02/2018`: "February 2018 has
 * 28 days"). Undefined for any other problem. Day first unless the sheet's order is month first (`mdy`).
 */
export function dayPastMonthEnd(text: string, order: string | undefined): string | undefined {
  const end = monthEnd(text, order);
  return end && monthEndText(end);
}

/** "November has 30 days", "February 2018 has 28 days". */
function monthEndText(end: MonthEnd): string {
  const month = MONTH_NAMES[end.month - 1]!;
  return `${month}${end.month === 2 ? ` ${end.year}` : ""} has ${end.days} days`;
}

/** The month a numeric date's day runs past (any day from its last + 1 to 99), or undefined. */
function monthEnd(text: string, order: string | undefined): MonthEnd | undefined {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) {
    const [a, b] = [Number(dmy[1]), Number(dmy[2])];
    y = Number(dmy[3]);
    [d, m] = order === "mdy" || (a <= 12 && b > 12) ? [b, a] : [a, b];
  } else return undefined;
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = daysInMonth(y, m);
  return d > days ? { month: m, year: y, days } : undefined;
}
