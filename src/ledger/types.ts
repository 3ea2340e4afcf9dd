/** Inputs, options and results of {@link buildLedger} (src/ledger/buildLedger.ts). */
import type { DtmWarning } from "../model/warning.ts";
import type { Dataset } from "../model/dataset.ts";
import type { StockBasis, StockCategory } from "../model/stock.ts";
import type { Confidence, SourceType } from "../model/source.ts";
import type { SplitRow, TrackPoint } from "../model/track.ts";
import type { IsoDate, Iso3, People } from "../model/units.ts";
import type { WeightOptions } from "./weights.ts";

/** What the ledger is built from. */
export interface LedgerInput {
  /**
   * Stock figures (`dataset.stocks`), northbound counts (`dataset.counts`), departure totals
   * (`dataset.aggregates`) and places (`dataset.places`).
   */
  dataset: Dataset;
  /** Estimated size of every group per day (the estimator's `tracks`); may be empty. */
  tracks: readonly TrackPoint[];
}

export interface LedgerOptions extends WeightOptions {
  /** First day of the split; default: the earliest track day or figure date. */
  from?: IsoDate;
  /** Last day of the split; default: the latest track day or figure date. A `to` before `from` gives an empty split. */
  to?: IsoDate;
  /**
   * Days a `present` figure (people remaining at a place) still holds after it was reported when no
   * later figure follows; default 3 (a shelter count is a snapshot: people move on). Past that the
   * people move to `unknown`.
   */
  holdDays?: number;
  /** Longest gap (days) between two `present` figures that is bridged by a straight line; default 30. */
  maxGapDays?: number;
  /**
   * Aggregate measures (`dataset.aggregates`) that count people who have left, used as a floor under
   * the total; default: cumulative measures starting `departed_`, `left_`, `transited_` or `entered_`.
   */
  departureMeasures?: readonly string[];
  /** A group within this distance (km) of a place counts its people remaining there as arrived, not in transit; default 40. */
  arrivalRadiusKm?: number;
  /**
   * Correlation between two groups' errors (0 independent … 1 all alike), used to combine the
   * groups' 90 % intervals into the interval of a total (in transit per country, the sum of the
   * groups' peak sizes under `departed`); default `GROUP_ERROR_CORRELATION` (0.5, docs/ledger.md
   * "Intervals of totals"). 1 gives the sum of the bounds. A value outside 0–1 throws a RangeError.
   */
  groupCorrelation?: number;
}

/** Problem codes; every warning names the stock rows (or groups) it is about. */
export type LedgerWarningCode =
  | "invalid_row"
  | "cumulative_falls"
  | "returns_exceed_departures"
  | "parts_exceed_total"
  | "accounted_exceeds_departures";

/** The values of a ledger warning's message (see `LedgerWarning.params`). */
export type LedgerWarningParams = Readonly<
  Record<string, string | number | readonly number[] | readonly string[]>
>;

/**
 * A contradictory or impossible input, what the ledger did about it, and the rows concerned: a
 * {@link DtmWarning} with `source: { module: "ledger", row }`, `row` the first of `rows`.
 */
export interface LedgerWarning extends DtmWarning<LedgerWarningCode> {
  /** One sentence for people (English), naming the rows and what the ledger did. */
  message: string;
  /**
   * The values `message` is made of, by name, so that a front end can say the same in another
   * language from `code` and `params` (the viewer's Spanish, viewer/charts/ledgerWarningText.ts):
   * people as numbers (unrounded), dates as ISO dates, categories as codes, row lists as 0-based
   * indexes into `dataset.stocks` (describe them with `stockRowFacts`). Per code:
   * - `invalid_row`: `problems` (of `date`, `category`, `basis`, `value`) and each as written;
   * - `cumulative_falls`: `category`, `area`/`country` (absent: all countries), `from`,
   *   `fromDate`, `fromRows`, `to`, `toDate`, `toRows`, `fitted` (the value after pooling);
   * - `parts_exceed_total`: `category`, `area`/`country`, `date`, `sum` (of the parts), `total`;
   * - `accounted_exceeds_departures`: `date`, `accounted`, `fromTracks`, and the people remaining
   *   by place, `remainingPlaces` (a place, else a country, else "") with `remainingValues`;
   * - `returns_exceed_departures`: `date`, `returns`, `fromTracks`, `raisedTo`.
   */
  params: LedgerWarningParams;
  /** 0-based indexes into `dataset.stocks` of the figures concerned (empty when about tracks). */
  rows: number[];
  date?: IsoDate;
  category?: StockCategory;
  country?: Iso3;
  placeName?: string;
}

/** How far one source's figure is from the reconciled value for its date and place. */
export interface Residual {
  /** 0-based index into `dataset.stocks`. */
  row: number;
  date: IsoDate;
  category: StockCategory;
  basis: StockBasis;
  country?: Iso3;
  placeName?: string;
  sourceOrg?: string;
  sourceType?: SourceType;
  confidence?: Confidence;
  /** The figure as the source gave it (people). */
  value: People;
  /** The ledger's value for the same thing on the same date (after reconciliation and, for cumulative figures, isotonic regression). */
  reconciled: People;
  /** `value − reconciled` (people). */
  residual: People;
  /** `residual / reconciled`; `undefined` when reconciled is 0. */
  relative?: number;
  /** Weight the figure had (source kind × confidence). */
  weight: number;
}

/** People who have left so far, on one day: the total the split adds up to. */
export interface DepartedRow {
  date: IsoDate;
  value: People;
  valueLow: People;
  valueHigh: People;
  /** Lower bound from the tracks, the northbound counts and departure totals alone (people). */
  fromTracks: People;
  /** Everyone the figures and tracks account for on that day (people). */
  accounted: People;
}

/** The daily split with its provenance. */
export interface LedgerResult {
  /** Rows of `split.csv` (docs/contracts.md §3.2), by date, then category order, then country and place. */
  split: SplitRow[];
  /** The people who have left so far, per day (never falls). */
  departed: DepartedRow[];
  residuals: Residual[];
  warnings: LedgerWarning[];
  /** Indexes of the stock rows each (category, country, place) series was built from. */
  sources: LedgerSource[];
  /**
   * Every group with a size on every day returned: the people of it on the road, which the day's
   * `in_transit` rows add up (before rounding to whole people). By date, then track order.
   */
  groups: LedgerGroupDay[];
  /** The correlation between groups' errors the intervals of totals were combined with (0–1). */
  groupCorrelation: number;
}

/** One group on one day as the ledger counts it: on the road, or reached a place. */
export interface LedgerGroupDay {
  date: IsoDate;
  group: string;
  /** People of the group still on the road (its size × `moving`), with a 90 % interval. */
  onRoad: People;
  onRoadLow: People;
  onRoadHigh: People;
  /** Share of the group still moving (0–1). */
  moving: number;
  /** The area (city or crossing) where people are remaining that the group has reached, if any. */
  placeName?: string;
}

/** Which stock rows went into the rows of one category, country and place. */
export interface LedgerSource {
  category: StockCategory;
  country?: Iso3;
  placeName?: string;
  rows: number[];
}
