/**
 * The situation of one day "as known on the day": the library's replay of only what was known by
 * the end of that day (`runReplay(dataset, { asOf })`, the call `dtm-flow report --as-of D` makes
 * through `runLedger`), read by the same rule as the hindsight panel (`situationFrom`: the
 * situation headlines and the places by status of the day). Nothing is derived here: this module
 * only picks the day out of the library's answer. Heavy (one estimator run, ≈ 0.3–1 s for the
 * 2018 data): run in the forecast worker, which keeps the dataset and caches by day, and in the
 * evidence worker for the map's corrected replay (with the analyst's corrections).
 */
import { reportDayPlace, reportRange, runReplay } from "../../src/index.ts";
import type { CorrectionsFile, DataRange, Dataset, IsoDate } from "../../src/index.ts";
import { warningsFrom } from "./prepare.ts";
import { situationFrom } from "./prepareFigures.ts";
import type { ReplayData, SituationDay } from "./replay.ts";

/** The situation as of a day, or why there is none. */
export interface AsOfDay extends Pick<ReplayData, "ledgerWarnings" | "warningRows"> {
  /** The as-of date asked for (a bare date: the end of that day, local time of the data). */
  date: IsoDate;
  /**
   * The situation update of `date` from the replay as of `date`; undefined when that replay's
   * ledger has no row on the day (before the first figure).
   */
  situation?: SituationDay;
  /**
   * Set when `date` is outside the days `dtm-flow report --as-of` accepts for this dataset (the
   * library's `reportRange`): before the data's first day or after its last. Then there is no
   * situation: the report refuses the day, and the panel says so instead of showing figures.
   */
  outside?: DataRange & { place: "before" | "after" };
  /* ledgerWarnings, warningRows: the as-of ledger's warnings, for the panel's "Data quality". */
}

/**
 * The situation panel's figures for `date` as known on `date`: the same figures as
 * `dtm-flow report --as-of <date>` (without `--hindsight`) writes in situation-update.md.
 * A day the report refuses (outside `reportRange`) gets no replay: `outside` says which side.
 * @param options.corrections an analyst's corrections, applied as `report --as-of <date>
 *   --corrections <file>` applies them (runReplay's `corrections`). Default: none.
 * @throws RangeError when `date` is not an ISO date.
 * @throws CorrectionsError when a correction does not fit the dataset.
 * @example computeAsOfDay(embedded2018(), "2018-12-03").situation?.headlines[0]
 *   // => { category: "departed", value: …, valueLow: …, valueHigh: … }
 */
export function computeAsOfDay(
  dataset: Dataset,
  date: IsoDate,
  options: { corrections?: CorrectionsFile } = {},
): AsOfDay {
  const range = reportRange(dataset, dataset.timeZone);
  const place = range ? reportDayPlace(date, range) : "within";
  if (range && place !== "within")
    return { date, outside: { ...range, place }, ledgerWarnings: [], warningRows: {} };
  const { corrections } = options;
  const replay = runReplay(dataset, { asOf: date, ...(corrections ? { corrections } : {}) });
  // A bare date is the end of that local day (src/calendar/as-of.ts): its day is the date itself.
  const today = replay.state.filter((d) => d.date === date);
  // The corrected dataset when there are corrections (a place an analyst named is one of its own).
  const [situation] = situationFrom(replay.ledger, replay.dataset, today);
  return {
    date,
    ...(situation?.headlines.length ? { situation } : {}),
    ...warningsFrom(replay.ledger, replay.dataset),
  };
}
