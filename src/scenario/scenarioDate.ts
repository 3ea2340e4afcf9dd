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

/**
 * What to write instead of `text`, when the importer can read it as a date (params of the
 * `expected_date` problem: `use`, with `withTime` when the text had a time; or both readings
 * `dmy` and `mdy`); {} otherwise.
 */
function isoHint(text: string): Record<string, string | number> {
  const read = parseDate(text);
  if (read.ok) return { use: read.value.date, ...(read.value.time ? { withTime: 1 } : {}) };
  if (read.reason !== "ambiguous") return {};
  const dmy = parseDate(text, "dmy");
  const mdy = parseDate(text, "mdy");
  if (!dmy.ok || !mdy.ok) return {};
  return { dmy: dmy.value.date, mdy: mdy.value.date };
}

/**
 * The day number of an ISO date `YYYY-MM-DD` at `pointer`, or undefined after an error saying
 * that the contract is ISO 8601 and, when the text reads as a date, which ISO date to write.
 */
export function checkDate(c: Checker, value: unknown, pointer: string): number | undefined {
  const day = typeof value === "string" ? strictDayNumber(value) : undefined;
  if (day !== undefined) return day;
  const hint = typeof value === "string" ? isoHint(value) : {};
  const valid =
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? " (not a day of the calendar)"
      : "";
  c.add(pointer, "expected_date", {
    got: String(JSON.stringify(value)),
    ...(valid ? { notInCalendar: 1 } : {}),
    ...hint,
  });
  return undefined;
}
