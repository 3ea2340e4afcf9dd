/**
 * Dates in a scenario file: ISO 8601 calendar dates `YYYY-MM-DD` only (docs/contracts.md,
 * conventions; docs/scenarios.md "Dates"). Other forms are refused, and the error shows the ISO
 * form the text would be, read by the importer's date reader (src/ingest/dates.ts): `31/10/2018`
 * → use "2018-10-31"; `05/11/2018` → both readings, since a scenario has too few dates to decide
 * the day-month order the way the importer does for a whole file, and a wrong guess would move
 * a wave by months without a word.
 */
import { strictDayNumber } from "../calendar/index.ts";
import { parseDate } from "../ingest/dates.ts";
import type { Checker } from "./checker.ts";

/** What to write instead of `text`, when the importer can read it as a date; else "". */
function isoHint(text: string): string {
  const read = parseDate(text);
  if (read.ok) {
    const time = read.value.time ? " (a scenario date is a day, without a time)" : "";
    return `; use "${read.value.date}"${time}`;
  }
  if (read.reason !== "ambiguous") return "";
  const dmy = parseDate(text, "dmy");
  const mdy = parseDate(text, "mdy");
  if (!dmy.ok || !mdy.ok) return "";
  return `; use "${dmy.value.date}" if it is day/month (dd/mm/yyyy) or "${mdy.value.date}" if it is month/day`;
}

/**
 * The day number of an ISO date `YYYY-MM-DD` at `pointer`, or undefined after an error saying
 * that the contract is ISO 8601 and, when the text reads as a date, which ISO date to write.
 */
export function checkDate(c: Checker, value: unknown, pointer: string): number | undefined {
  const day = typeof value === "string" ? strictDayNumber(value) : undefined;
  if (day !== undefined) return day;
  const hint = typeof value === "string" ? isoHint(value) : "";
  const valid =
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? " (not a day of the calendar)"
      : "";
  c.add(
    pointer,
    `expected an ISO 8601 date YYYY-MM-DD, got ${JSON.stringify(value)}${valid}${hint}`,
  );
  return undefined;
}
