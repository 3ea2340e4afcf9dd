/**
 * ReplayData: everything the viewer draws, prepared once from a Dataset. It is plain,
 * structured-clone-able data (no functions, no classes, no Maps), so that a Web Worker can build
 * it and post it to the page (issue 7) exactly as the local provider does now.
 *
 * Times are `Days` since the replay start (`start`, an ISO date at 00:00 in the report time zone):
 * day 0.5 is noon of the first day. Never epoch milliseconds (float precision, time zones).
 */
import { dayNumber, isoDate } from "../../src/index.ts";
import type {
  EstimateWarningLike,
  GroupDayStatus,
  LedgerWarningView,
  LeftOutOfFiles,
  RowFacts,
} from "../../src/index.ts";
import type {
  Confidence,
  Days,
  Direction,
  IsoDate,
  Km,
  LonLat,
  People,
  Place,
  PlacePresence,
  RouteCollection,
  SourceType,
  SplitCategory,
  StockBasis,
  StockCategory,
} from "../../src/index.ts";

/** One day of one group's estimate (12:00 local time, docs/contracts.md §3.1), with 90 % intervals. */
export interface TrackFrame {
  /** Days since the replay start (noon = n + 0.5). */
  t: Days;
  /** The calendar day of the library's estimate (ISO date). */
  date: IsoDate;
  lon: number;
  lat: number;
  routeId: string;
  km: Km;
  kmLow: Km;
  kmHigh: Km;
  /**
   * The body along the road: its tail (rear) and head (vanguard), km along `routeId`, from the
   * library's track point; both equal `km` when the track gives no body (a zero-length body).
   */
  tailKm: Km;
  headKm: Km;
  size: People;
  sizeLow: People;
  sizeHigh: People;
  /**
   * People of the group on the road that day: the library's state of the corridor (`GroupBody.onRoad`,
   * the people the ledger's in transit adds up); undefined when the replay has no state.
   */
  onRoad?: People;
  /**
   * The group's last report when the library's state counts none of it on the road that day (no
   * report for more than `MAX_SILENCE_DAYS`: `GroupBody.unseenSince`); its people are `unknown`
   * in the split, and the map draws it greyed, "not seen since" this date, with no size.
   */
  unseenSince?: IsoDate;
  /**
   * The state's status of the group that day (`GroupBody.status`: on_road, arrived,
   * accounted_for, dissolved; src/state/groupStatus.ts); undefined when the replay has no state.
   */
  status?: GroupDayStatus;
  /**
   * For an arrived group: its people no count holds yet, held at its route's end (the state's
   * `GroupBody.atDestination`, estimated, not counted); undefined when counts there hold them.
   */
  atDestination?: People;
  /** For an arrived group: the first day of its arrived days (the state's `GroupBody.arrivedOn`). */
  arrivedOn?: IsoDate;
  /** The place the group has reached, where people are counted (the state's `GroupBody.atPlace`). */
  atPlace?: string;
  /** Where `atDestination` people are held (the state's `GroupBody.atDestinationPlace`). */
  atDestinationPlace?: string;
  /** The route between kmLow and kmHigh as lon/lat vertices: where the group may be. */
  band: LonLat[];
}

/** A report (sighting) behind a group's estimate, shown in the details panel. */
export interface ReportRef {
  id: string;
  t: Days;
  date: string;
  placeName?: string;
  sizeBest?: People;
  sizeMin?: People;
  sizeMax?: People;
  sourceOrg?: string;
  sourceType?: SourceType;
  confidence?: Confidence;
  url?: string;
}

export interface GroupTrack {
  id: string;
  label: string;
  /** Index into the group palette. */
  colour: number;
  frames: TrackFrame[];
  reports: ReportRef[];
}

/** Daily counts at one border point / flow monitoring point, by direction. */
export interface FlowSeries {
  id: string;
  name: string;
  /** The point's Spanish name when the gazetteer has one (`Place.nameEs`). */
  nameEs?: string;
  lon: number;
  lat: number;
  /** Unit vector (east, north) of the northbound direction of travel at the point. */
  heading: [number, number];
  days: {
    t: Days;
    date: IsoDate;
    byDirection: Partial<Record<Direction, People>>;
    sources: string[];
  }[];
}

/** The ledger split summed over countries and places, one column per day. */
export interface SplitSeries {
  /** Day starts (Days) of each column. */
  t: Days[];
  dates: IsoDate[];
  categories: SplitCategory[];
  /** values[category index][day index], people; low/high: 90 % interval. */
  values: People[][];
  low: People[][];
  high: People[][];
  /** Whether the day has figures at all (false past the end of the ledger: not zero, unknown). */
  defined: boolean[];
}

/** A reported figure shown as a headline "as of" its date, with its source. */
export interface Headline {
  category: StockCategory;
  basis: StockBasis;
  t: Days;
  date: IsoDate;
  value: People;
  country?: string;
  placeName?: string;
  sourceOrg?: string;
  url?: string;
  /** "over", "about", "at_least", "up_to" when the source qualifies the number. */
  qualifier?: string;
  /** A reported stock figure, or a figure of a situation report (seeds). */
  from: "stock" | "report";
}

/** People present at one place over time, against its shelter capacity. */
export interface PresenceSeries {
  placeName: string;
  capacity?: People;
  /**
   * `countedOn` / `countedLatest`: the counts the day's figure rests on (the state's, as the
   * library's `presencePanels` gives them), said as `countedText` beside the figure.
   */
  points: {
    t: Days;
    date: IsoDate;
    value: People;
    sourceOrg?: string;
    countedOn?: IsoDate;
    countedLatest?: IsoDate;
    /** No one present after a count that aged out: its date and upper bound (`presencePanels`). */
    notCountedSince?: IsoDate;
    upTo?: People;
    /** People of `value` estimated, not counted (`presencePanels`), said as `estimatedText`. */
    estimated?: People;
    /** People travelling through, not present (`presencePanels`), said as `travellingText`. */
    travelling?: People;
  }[];
}

/**
 * The situation update of one day as the library gives it: its headline figures
 * (`situationHeadlines`: people who left, then each category with a row that day, with 90 %
 * intervals) and the people at every place by status (the state of the corridor's places) — the
 * figures of `dtm-flow report --as-of` for that day.
 */
export interface SituationDay {
  date: IsoDate;
  headlines: {
    category: SplitCategory | "departed";
    value: People;
    valueLow: People;
    valueHigh: People;
    /**
     * The departed headline's method in the library's words (the situation update's "Method:"),
     * in English and Spanish: what the people who left rest on ("between 16,000 and 26,110 left
     * with the caravans"). Only on the departed headline.
     */
    method?: { en: string; es: string };
  }[];
  places: PlacePresence[];
}

export interface ReplayData {
  name: string;
  /** Day 0 (ISO date). */
  start: IsoDate;
  /** Length of the replay in days (the last frame is t = days). */
  days: Days;
  places: Place[];
  routes: RouteCollection;
  /** km along the route of each vertex of each route, by route id (the library's route index). */
  routeKm: Record<string, Km[]>;
  groups: GroupTrack[];
  flows: FlowSeries[];
  split: SplitSeries;
  headlines: Headline[];
  presence: PresenceSeries[];
  /** One situation update per day of the ledger (empty when the replay has no ledger or state). */
  situation: SituationDay[];
  /**
   * The ledger's warnings (code, English message, the values it is made of) and the facts of the
   * stock rows they name, so the situation panel words them in either language (empty without a
   * ledger).
   */
  ledgerWarnings: LedgerWarningView[];
  warningRows: RowFacts;
  /**
   * The estimator's warnings (code, English message and the values of its sentence, said in the
   * viewer's language by the library's table, estimateWarningText; `PrepareInput.estimateWarnings`).
   */
  estimateWarnings: EstimateWarningLike[];
  /**
   * Rows rejected and sheets not read in the analyst's files (the library's `leftOutOfFiles`,
   * `PrepareInput.leftOut`): said in the situation panel's "Data quality" as the situation
   * update says it. Absent when nothing was left out, and for the embedded replay.
   */
  leftOut?: LeftOutOfFiles;
  /**
   * Where the data of this replay are, when they are not the embedded 2018 data set (the
   * analyst's files, set by the analyst worker): the evidence panel estimates and explains the
   * same data. Not drawn; absent for the embedded replay.
   */
  source?: ReplaySource;
  /**
   * Set on the evidence panel's replay when it applies at least one analyst's correction: its
   * forecast and table exports come from the evidence worker with the same corrections (the
   * provider's `forecast` and `tables`), the panels say so, and the tables' names say
   * "corrected" (`tableExportName`).
   */
  corrected?: true;
}

/**
 * The analyst worker's dataset a replay was computed from (see `ReplayData.source`). The dataset
 * itself stays in the workers: the evidence worker asks the analyst worker for it over a
 * MessageChannel, so a file of 800,000 rows is never copied through the page's thread.
 */
export interface ReplaySource {
  /** The analyst worker's compute number. */
  id: number;
  /** Whether the replay's headlines include the December 2018 situation report. */
  seeds: boolean;
}

/** Days from `start` to `date` (both ISO dates or date-times; the time of day is kept). */
export function daysSince(start: IsoDate, date: string): Days {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(date);
  if (!m) return NaN;
  const frac = m[2] ? (Number(m[2]) * 60 + Number(m[3])) / 1440 : 0.5;
  return (dayNumber(m[1]!) ?? NaN) - (dayNumber(start) ?? NaN) + frac;
}

/** The ISO date of day `t` (floor). */
export function dateOf(start: IsoDate, t: Days): IsoDate {
  return isoDate((dayNumber(start) ?? NaN) + Math.floor(t));
}

/**
 * Day `t` of a replay starting on `start`, as a day of the replay `next`, kept within it.
 * @example sameDay(2.5, "2018-10-13", { start: "2018-10-20", days: 3 }) // => 0 (15 Oct is before it)
 */
export function sameDay(t: number, start: string, next: { start: IsoDate; days: Days }): number {
  const shifted = t + daysSince(next.start, start) - 0.5;
  return Number.isFinite(shifted) ? Math.min(Math.max(shifted, 0), next.days) : 0;
}
