/** Calendar days of a scenario: ISO dates ↔ day numbers (days since 1970-01-01), no time zones. */
import type { IsoDate } from "../model/units.ts";

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number of an ISO calendar date (`2019-01-15` → 17911), or `undefined` when the text is not
 * a real `YYYY-MM-DD` date (e.g. `2019-02-30`).
 */
export function dayNumber(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return ms / DAY_MS;
}

/** ISO date of a day number: `isoDate(17911)` → `"2019-01-15"`. */
export function isoDate(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
