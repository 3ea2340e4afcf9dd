/**
 * The days a dataset covers: the one rule for "the first and the last day of the data", used by
 * the replay (how long a group whose track ends with the data stays on the road) and by `report`
 * (which dates an update can be made for).
 */
import { isoDate, toLocalTime } from "../calendar/index.ts";
import type { Dataset } from "../model/dataset.ts";
import type { IsoDate } from "../model/units.ts";

/** The first and last day of a dataset's inputs (local ISO dates). */
export interface DataRange {
  first: IsoDate;
  last: IsoDate;
}

/**
 * The first and last local day of the dataset's stock figures, counts and sightings, in
 * `timeZone` (a sighting's time with an offset is converted to the local date; dates without an
 * offset are local already). Entries whose date cannot be read are skipped (the importer reports
 * them).
 * @returns the range, or `undefined` when the dataset holds no dated entry.
 * @example
 * dataRange(embedded2018(), "America/Mexico_City"); // => { first: "2018-10-13", last: "2019-01-14" }
 */
export function dataRange(dataset: Dataset, timeZone: string): DataRange | undefined {
  let first: IsoDate | undefined;
  let last: IsoDate | undefined;
  const dates = [
    ...dataset.stocks.map((s) => s.date),
    ...dataset.counts.map((c) => c.date),
    ...dataset.sightings.map((s) => s.observedAt),
  ];
  for (const text of dates) {
    if (typeof text !== "string") continue;
    const local = toLocalTime(text, timeZone);
    if (!local) continue;
    const date = isoDate(Math.floor(local.t));
    if (first === undefined || date < first) first = date;
    if (last === undefined || date > last) last = date;
  }
  return first !== undefined && last !== undefined ? { first, last } : undefined;
}
