/**
 * Whether a forecast date is already over as of the forecast: the forecast reads the data up to
 * 24:00 of its as-of day (its runs start at the last noon), so an arrival dated on or before that
 * day is not a prediction — front ends say "by now" (`situationWords().byNow`), not the date
 * ("first people 2018-11-20" under a header "as of 2018-11-20 24:00").
 * @example arrivedByNow("2018-11-20", "2018-11-20"); // => true
 */
import type { IsoDate } from "../model/units.ts";

export function arrivedByNow(date: IsoDate | undefined, asOfDate: IsoDate): boolean {
  return date !== undefined && date.slice(0, 10) <= asOfDate.slice(0, 10);
}
