/** Inputs, options and results of {@link buildLedger} (src/ledger/buildLedger.ts). */
import type { DtmWarning } from "../model/warning.ts";
import type { Dataset } from "../model/dataset.ts";
import type { StockBasis, StockCategory } from "../model/stock.ts";
import type { Confidence, SourceType } from "../model/source.ts";
import type { SplitRow, TrackPoint } from "../model/track.ts";
import type { IsoDate, Iso3, People } from "../model/units.ts";
import type { WeightOptions } from "./weights.ts";
import type { BeyondGroup, BeyondGroupTakenIn } from "./groupFigures.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";

/** What the ledger is built from. */
export interface LedgerInput {
  /**
   * Stock figures (`dataset.stocks`), northbound counts (`dataset.counts`), departure totals
   * (`dataset.aggregates`) and places (`dataset.places`).
   */
  dataset: Dataset;
  /** Estimated size of every group per day (the estimator's `tracks`); may be empty. */
  tracks: readonly TrackPoint[];
  /**
   * Each group's last report (the estimator's `trackEnds`, `runReplay` passes them). A group not
   * reported for more than `MAX_SILENCE_DAYS` (21, src/movement/silence.ts) is no longer counted in
   * transit: its people are `unknown`, "not seen since" its last report. Without them every
   * track day counts in transit (tracks from a file carry no report dates).
   */
  trackEnds?: readonly {
    group: string;
    lastReportDate: IsoDate;
    /** The track's last day and why it ended: a track ended at its `destination` has arrived. */
    lastDate?: IsoDate;
    reason?: string;
  }[];
  /**
   * An index of `dataset.routes` already built (runReplay builds one for the estimate's held days,
   * the ledger and the state); default: the ledger builds its own.
   */
  routeIndex?: RouteIndex;
}

export interface LedgerOptions extends WeightOptions {
  /** First day of the split; default: the earliest track day or figure date. */
  from?: IsoDate;
  /** Last day of the split; default: the latest track day or figure date. A `to` before `from` gives an empty split. */
  to?: IsoDate;
  /**
   * The ledger as known on this date (a situation update "as of"): stock figures, counts and
   * aggregates dated after it are left out, the days run to it (`to` when earlier), and a
   * cumulative series is a step — each day the weighted isotonic fit of the figures published by
   * then (as with hindsight, by source weight), never a line towards a later figure nor pooled
   * with one; a `present` count with no newer one known holds `PRESENT_AS_OF_DAYS` (10,
   * `presentHoldDays`), then is too old to read. The
   * tracks given should be estimated as of the same date (`runReplay(dataset, { asOf })` does
   * both). Default: with hindsight, every figure used (lines between figures, isotonic pooling).
   * Not an ISO date: RangeError.
   */
  asOf?: IsoDate;
  /**
   * IANA time zone in which a report's timestamp falls on a day (as the estimator reads them);
   * default the dataset's `timeZone`, else America/Mexico_City (DEFAULT_TIME_ZONE).
   */
  timeZone?: string;
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

/** A field of a stock row the ledger cannot read (an `invalid_row` warning's `problems`). */
export type BadField = "date" | "category" | "basis" | "value";

/** Where a node of the place hierarchy is, as warning params (absent: all countries). */
interface WhereParams {
  /** The area (a city's shelters, a place) the figures are of. */
  readonly area?: string;
  readonly country?: Iso3;
}

/**
 * The values of each ledger warning's message, by code: people as numbers (unrounded), dates as
 * ISO dates, categories as codes, row lists as 0-based indexes into `dataset.stocks` (describe
 * them with `stockRowFacts`).
 */
export interface LedgerWarningParamsByCode {
  /** A stock row left out: the fields it fails on, and each of the four as written. */
  readonly invalid_row: {
    readonly problems: readonly BadField[];
    readonly date: string;
    readonly category: string;
    readonly basis: string;
    readonly value: string;
  };
  /** A cumulative series falls; `fitted` is the value after pooling (isotonic regression). */
  readonly cumulative_falls: WhereParams & {
    readonly category: StockCategory;
    readonly from: People;
    readonly fromDate: IsoDate;
    readonly fromRows: readonly number[];
    readonly to: People;
    readonly toDate: IsoDate;
    readonly toRows: readonly number[];
    readonly fitted: People;
  };
  /** The parts of a node add up to more (`sum`) than its own `total`. */
  readonly parts_exceed_total: WhereParams & {
    readonly category: StockCategory;
    readonly date: IsoDate;
    readonly sum: People;
    readonly total: People;
  };
  /**
   * A count of people present (`value`, of `countDate`, at `place`: a shelter, or the area itself)
   * held as of a date is read only in part from `date` on (`read` people of it; 0: no longer
   * read): `by`, another place of the same town, was counted later (`byValue` on `byDate`), above
   * its `byBefore` on `countDate` (absent: not counted by then), and the rise of the town's newer
   * counts since `countDate` is taken off the count. The town rule, src/ledger/townCounts.ts.
   */
  readonly count_superseded: WhereParams & {
    readonly category: StockCategory;
    readonly date: IsoDate;
    readonly place: string;
    readonly value: People;
    readonly countDate: IsoDate;
    readonly rows: readonly number[];
    readonly by: string;
    readonly byValue: People;
    readonly byDate: IsoDate;
    readonly byRows: readonly number[];
    readonly byBefore?: People;
    readonly read: People;
  };
  /**
   * The sources account for more people than had left (`fromTracks`); the people remaining by
   * place, `remainingPlaces` (a place, else a country, else "") with `remainingValues`.
   */
  readonly accounted_exceeds_departures: {
    readonly date: IsoDate;
    readonly accounted: People;
    readonly fromTracks: People;
    readonly remainingPlaces: readonly string[];
    readonly remainingValues: readonly People[];
  };
  /**
   * A silent `group` (last report `lastReport`, 90 % km interval `kmLow`–`kmHigh` reaching
   * `place`, the end of its route) is taken in by the count there from `date`: up to `people` of
   * it (`share`, 0–1, on `peakDate`) are among the people counted at `place` beyond every group the figures or the
   * distance put there (src/state/takenIn.ts), off the road and never counted twice.
   */
  readonly silent_group_taken_in: {
    readonly date: IsoDate;
    readonly group: string;
    readonly lastReport: IsoDate;
    readonly kmLow: number;
    readonly kmHigh: number;
    readonly place: string;
    readonly people: People;
    readonly share: number;
    /** The day of the largest share (`people` and `share` are of that day). */
    readonly peakDate: IsoDate;
  };
  /**
   * People the sources attribute to a tracked `group` at `places` (with `values`), `attributed` in
   * all, exceed its estimated `size` (`sizeLow`–`sizeHigh`) by `beyond`: counted once, as people
   * the tracks missed (src/ledger/groupFigures.ts).
   */
  readonly figures_exceed_group: {
    readonly date: IsoDate;
    readonly group: string;
    readonly attributed: People;
    readonly size: People;
    readonly sizeLow: People;
    readonly sizeHigh: People;
    readonly beyond: People;
    readonly places: readonly string[];
    readonly values: readonly People[];
  };
  /**
   * People counted heading south (`people`, on the counts `countRows`, 0-based indexes into
   * `dataset.counts`, from `firstDate` to `lastDate` at `points`) are in no category of the
   * split: returns come from stock figures (docs/ledger.md, Southbound counts).
   */
  readonly southbound_counts: {
    readonly people: People;
    readonly countRows: readonly number[];
    readonly firstDate: IsoDate;
    readonly lastDate: IsoDate;
    readonly points: readonly string[];
    /** Where each row was read (`file:line`), else "count row N" (1-based). */
    readonly where: readonly string[];
  };
  /**
   * People counted with no known direction (`people`, on the counts `countRows`, from
   * `firstDate` to `lastDate` at `points`) are left out of the people who left: only northbound
   * counts raise them; the importer's `--incoming-is northbound|southbound` includes them.
   */
  readonly unknown_direction_counts: {
    readonly people: People;
    readonly countRows: readonly number[];
    readonly firstDate: IsoDate;
    readonly lastDate: IsoDate;
    readonly points: readonly string[];
    /** Where each row was read (`file:line`), else "count row N" (1-based). */
    readonly where: readonly string[];
  };
  /** Returns exceed the people who had left; the ledger raises departures to `raisedTo`. */
  readonly returns_exceed_departures: {
    readonly date: IsoDate;
    readonly returns: People;
    readonly fromTracks: People;
    readonly raisedTo: People;
  };
}

/** Problem codes; every warning names the stock rows (or groups) it is about. */
export type LedgerWarningCode = keyof LedgerWarningParamsByCode;

/** The values of the message of a ledger warning with code `C`. */
export type LedgerWarningParamsOf<C extends LedgerWarningCode> = LedgerWarningParamsByCode[C];

/** The values of a ledger warning's message, of any code (see `LedgerWarningParamsByCode`). */
export type LedgerWarningParams = LedgerWarningParamsOf<LedgerWarningCode>;

/** A ledger warning with code `C`, without its `source` (what `ledgerWarning` completes). */
export interface LedgerWarningFields<C extends LedgerWarningCode> {
  code: C;
  /** One sentence for people (English), naming the rows and what the ledger did. */
  message: string;
  /**
   * The values `message` is made of, by name (typed per code in `LedgerWarningParamsByCode`),
   * so that a front end can say the same in another language from `code` and `params` (the
   * Spanish of the report and the viewer, src/report/ledgerWarningText.ts).
   */
  params: LedgerWarningParamsOf<C>;
  /** 0-based indexes into `dataset.stocks` of the figures concerned (empty when about tracks). */
  rows: number[];
  date?: IsoDate;
  category?: StockCategory;
  country?: Iso3;
  placeName?: string;
}

/**
 * A ledger warning with code `C`: a {@link DtmWarning} with `source: { module: "ledger", row }`,
 * `row` the first of `rows`.
 */
export interface LedgerWarningOf<C extends LedgerWarningCode>
  extends LedgerWarningFields<C>, DtmWarning<C> {}

/**
 * A contradictory or impossible input, what the ledger did about it, and the rows concerned;
 * discriminated on `code`, each code with its own `params`.
 */
export type LedgerWarning = { [C in LedgerWarningCode]: LedgerWarningOf<C> }[LedgerWarningCode];

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
  /**
   * People at places whom the sources attribute to a tracked group, beyond its estimated size,
   * summed over the groups on that day (people; src/ledger/groupFigures.ts): they rest on those
   * figures, not on the tracks. 0 when every such figure fits in its group. Carried like the
   * people who left (`carriedBeyondGroups`): it holds while the total holds, also after the
   * group's track ends, and changes only on a day the total rises.
   */
  beyondGroups: People;
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
  /**
   * For every day's `remaining` row at a place backed by counts: the dates of the oldest and
   * newest counts of its town still read (`countedOn`, `countedLatest`). As of a date a count is
   * held up to 10 days when no newer one is known (`PRESENT_AS_OF_DAYS`), and a town's value may
   * rest on counts of different days (Tijuana as of 5 Dec 2018: 29 Nov and 4 Dec): this says how
   * old it may be.
   */
  placeCounts?: LedgerPlaceCount[];
  /** The correlation between groups' errors the intervals of totals were combined with (0–1). */
  groupCorrelation: number;
  /**
   * The figures behind `departed[].beyondGroups`: on each day the carried value rises, that day's
   * groups with people counted at places beyond their estimated size (places, people, stock rows).
   * Read by `departedBasis` to name them. Absent or empty when no figure exceeds its group.
   */
  beyondGroupsFigures?: BeyondGroup[];
  /**
   * On the same days, the people of silent groups taken in at those places, which the day's
   * `beyondGroups` leaves out (they are those groups' people). Read by `departedBasis`.
   */
  beyondGroupsTakenIn?: BeyondGroupTakenIn[];
}

/** The dates of the counts behind a place's people remaining on a day. */
export interface LedgerPlaceCount {
  date: IsoDate;
  placeName: string;
  /**
   * Date of the OLDEST count of the town (its own or a shelter's) still read on `date` (ISO date):
   * how old the value may be.
   */
  countedOn: IsoDate;
  /** Date of the newest count still read, when it is not `countedOn`'s day. */
  countedLatest?: IsoDate;
  /**
   * The newest count's figure when it is only an upper bound ("less than 1,000": every figure of
   * its day has an upper-bound `value_qualifier`); undefined for a plain count. Said as "counted
   * 6 Dec: fewer than 1,000" once the count ages out (`presentText`).
   */
  latestUpTo?: People;
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
  /**
   * Share of the group (0–1) resting at the place it has reached: counted there by distance, not
   * on the road, but passing through (`GroupOnRoad.resting`, src/state/onRoad.ts); absent when 0.
   */
  resting?: number;
  /** The area (city or crossing) where people are remaining that the group has reached, if any. */
  placeName?: string;
  /**
   * The group's last report when it is more than `MAX_SILENCE_DAYS` before the day: no one of it
   * is counted on the road (`onRoad` 0), its people are `unknown`.
   */
  unseenSince?: IsoDate;
  /**
   * People of an arrived group (`groupDayStatus`) whom no count holds, counted `remaining` at the
   * place at its route's end — "at destination, not yet counted" — not on the road.
   */
  atDestination?: People;
  /** That place (the split row's `placeName`): the state marks its people there as estimated. */
  atDestinationPlace?: string;
  /**
   * Share of the group (0–1) taken in by the count at its destination while silent (no report for
   * more than 7 days, its 90 % km interval reaching its route's end: src/state/takenIn.ts); absent
   * when none. Those people are in that place's count, not on the road, never counted twice.
   */
  takenIn?: number;
  /** The place whose count took them in. */
  takenInPlace?: string;
}

/** Which stock rows went into the rows of one category, country and place. */
export interface LedgerSource {
  category: StockCategory;
  country?: Iso3;
  placeName?: string;
  rows: number[];
}
