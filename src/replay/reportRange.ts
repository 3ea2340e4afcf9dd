/**
 * The days a situation update (`dtm-flow report`, the viewer's "As known on <day>") can be made
 * for: one rule, read by the CLI and the viewer alike.
 */
import { addDays } from "../calendar/index.ts";
import type { Dataset } from "../model/dataset.ts";
import type { IsoDate } from "../model/units.ts";
import { dataRange } from "./dataRange.ts";
import type { DataRange } from "./dataRange.ts";

export interface ReportRangeOptions {
  /**
   * With hindsight (all the data): the ledger's days (`ledgerDays`, its departed series). As of
   * a date (default): the data's days (`dataRange`, every input), narrowed by `from` and `to`.
   */
  hindsight?: boolean;
  /** The ledger's dated rows (its departed series); read with hindsight only. */
  ledgerDays?: readonly { date: IsoDate }[];
  /** Narrow the range to start no earlier than this day (`--from`). */
  from?: IsoDate;
  /** Narrow the range to end no later than this day (`--to`). */
  to?: IsoDate;
}

/**
 * The first and last day a situation update can be made for.
 * @param timeZone the data's zone (local days of the sightings' instants).
 * @returns undefined when the inputs hold no dated figure or track (nothing to report).
 * @example reportRange(dataset, "America/Mexico_City") // => { first: "2018-10-19", last: "2018-11-15" }
 */
export function reportRange(
  dataset: Dataset,
  timeZone: string,
  options: ReportRangeOptions = {},
): DataRange | undefined {
  if (options.hindsight) {
    const days = options.ledgerDays ?? [];
    const first = days[0]?.date;
    const last = days[days.length - 1]?.date;
    return first !== undefined && last !== undefined ? { first, last } : undefined;
  }
  const data = dataRange(dataset, timeZone);
  if (data === undefined) return undefined;
  const { from, to } = options;
  return {
    first: from !== undefined && from > data.first ? from : data.first,
    last: to !== undefined && to < data.last ? to : data.last,
  };
}

/**
 * Where `date` falls against a report's range: `before` its first day, `after` its last, or
 * `within`. `margin` days either side count as within (the CLI's early check, before the
 * estimate, allows one: a report whose instant falls on another local day).
 * @example reportDayPlace("2018-11-16", { first: "2018-10-19", last: "2018-11-15" }) // => "after"
 */
export function reportDayPlace(
  date: IsoDate,
  range: DataRange,
  margin = 0,
): "before" | "within" | "after" {
  if (date < addDays(range.first, -margin)) return "before";
  if (date > addDays(range.last, margin)) return "after";
  return "within";
}
