/** The content of a situation update: headline figures with their sources, chart data, data quality. */
import type { LeftOutOfFiles } from "./leftOut.ts";
import type { LedgerResult, LedgerWarning, Residual } from "../ledger/types.ts";
import { compareWithSeeds } from "../ledger/compareWithSeeds.ts";
import { sumCorrelated } from "../ledger/correlatedSum.ts";
import { onRoadEstimate } from "../ledger/inTransit.ts";
import { beyondFiguresText, departedBasis, departureTotalText } from "../ledger/departedBasis.ts";
import type { SeedComparison } from "../ledger/compareWithSeeds.ts";
import type { SeedFigure } from "../model/seed.ts";
import { normalizeName } from "../geo/normalizeName.ts";
import { placeLabel } from "../geo/placeLabel.ts";
import { buildCorridorState } from "../state/buildState.ts";
import { unknownLastSeen } from "../state/unknownLastSeen.ts";
import { unknownLastSeenLines } from "./unknownText.ts";
import type { UnknownLastSeenLine } from "./unknownText.ts";
import type { CorridorDay, PlacePresence } from "../state/types.ts";
import type { TrackPoint } from "../model/track.ts";
import type { Dataset } from "../model/dataset.ts";
import type { Confidence, SourceType } from "../model/source.ts";
import { SPLIT_CATEGORIES } from "../model/track.ts";
import type { SplitCategory, SplitRow } from "../model/track.ts";
import type { IsoDate, Iso3, People } from "../model/units.ts";
import { dayNumber } from "../calendar/index.ts";
import { formatPeople } from "./format.ts";
import { warningInLanguage, warningRowFacts } from "./ledgerWarningText.ts";
import type { StockRowFacts } from "../ledger/describe.ts";
import { situationWords } from "./words.ts";
import type { Correction } from "../evidence/corrections.ts";
import type { SituationLang } from "./words.ts";

/** One source figure behind a headline. */
export interface SourceNote {
  /** 0-based index into `dataset.stocks`. */
  row: number;
  date: IsoDate;
  value: People;
  country?: Iso3;
  placeName?: string;
  sourceOrg?: string;
  sourceType?: SourceType;
  confidence?: Confidence;
  url?: string;
  notes?: string;
}

/** A value with its 90 % interval, for a country and/or place. */
export interface Breakdown {
  country?: Iso3;
  placeName?: string;
  value: People;
  valueLow: People;
  valueHigh: People;
}

/** One headline figure as of the report date. */
export interface HeadlineFigure {
  category: SplitCategory | "departed";
  value: People;
  valueLow: People;
  valueHigh: People;
  /** By country and place, largest first. */
  breakdown: Breakdown[];
  /** The stock figures behind it dated on or before the report date, latest first. */
  sources: SourceNote[];
  /** How the figure was made when it does not come from stock figures (tracks, the balance). */
  method?: string;
  /**
   * For `unknown`: where its people were last seen and what they most likely did, largest first
   * (src/state/unknownLastSeen.ts, src/report/unknownText.ts); their people add up to `value`.
   */
  lastSeen?: UnknownLastSeenLine[];
}

/**
 * People present at one place over time (the state's `present`: resting, waiting and staying),
 * against its shelter capacity. The series runs every day from the first day someone was there
 * to the date of the update: a day with no one counted there is 0 (the ledger then counts those
 * people as `unknown`), so the value on the date is the one the headline's breakdown gives.
 */
export interface PlacePanel {
  placeName: string;
  country?: Iso3;
  /** Sum of the capacities of the place and its shelters (people); undefined when no source gives one. */
  capacity?: People;
  /**
   * One point a day. `countedOn` / `countedLatest`: the oldest and newest count the day's figure
   * rests on (the state's, as the situation panel's `countedText`); absent when the state has none.
   */
  series: {
    date: IsoDate;
    value: People;
    valueLow: People;
    valueHigh: People;
    countedOn?: IsoDate;
    countedLatest?: IsoDate;
    /**
     * On a day with no one present after a count (value 0): the date of the newest count the
     * place's people last rested on (the count aged out; its people are `unknown`), and that
     * count's figure when it was only an upper bound (`upTo`). Said by `presentText`.
     */
    notCountedSince?: IsoDate;
    upTo?: People;
    /**
     * People of `value` that are estimated, not counted (the state's `estimated`: an arrived
     * group's people no count holds yet); absent when none. Said by `estimatedText`.
     */
    estimated?: People;
    /**
     * People travelling through the place with a group that day (the state's `travelling`): in
     * transit, not present, so not in `value`; absent when none. Said by `travellingText` beside
     * the people present (Mexico City on 5 Nov 2018, 5,136 travelling through and
     * 0 present, drew "–").
     */
    travelling?: People;
  }[];
  /**
   * The date of the newest count the place's people last rested on, when no one is present there
   * on `asOf` (the series' last value 0) after a count: the count aged out (as of a date, a count
   * stands `PRESENT_AS_OF_DAYS` days, src/ledger/series.ts) and its people are `unknown` — "not
   * counted since" that date, not "0" (review 24b M1). Undefined otherwise.
   */
  notCountedSince?: IsoDate;
}

/** Everything a situation update shows; render it with `renderMarkdown` or `renderHtml`. */
export interface SituationUpdate {
  title: string;
  asOf: IsoDate;
  datasetName: string;
  /** False when the ledger has no row on `asOf` (the date is outside the data). */
  covered: boolean;
  headlines: HeadlineFigure[];
  /** Daily totals per category up to `asOf`, for the stacked area chart. */
  stack: { dates: IsoDate[]; series: { category: SplitCategory; values: People[] }[] };
  places: PlacePanel[];
  /**
   * The state of the corridor on `asOf`: people at every place by status (travelling through,
   * resting, waiting after an asylum claim, staying); empty when the date is not covered.
   */
  presence: PlacePresence[];
  warnings: LedgerWarning[];
  /**
   * Rows rejected and sheets not read in the input files (`SituationUpdateOptions.leftOut`), said
   * in "Data quality"; undefined when none (or not given).
   */
  leftOut?: LeftOutOfFiles;
  /**
   * The facts of the stock rows `warnings` name (line, date, category, place, value, source), by
   * row index: what their sentences in `lang` are made of (ledgerWarningText).
   */
  warningRows: Record<number, StockRowFacts>;
  /** The figures furthest from the ledger (largest relative residual first), at most 10. */
  residuals: Residual[];
  /** A published report's figures (dated on or before `asOf`) against the ledger; empty when none given. */
  seedChecks: SeedComparison[];
  /**
   * How the figures were made, in one sentence: as of the date (only what was known by then) or
   * with hindsight (`SituationUpdateOptions.hindsight`: later figures and reports used).
   */
  basis: string;
  /**
   * The analysts' corrections the figures were made with (`SituationUpdateOptions.corrections`),
   * said under the basis; undefined when none.
   */
  corrections?: SituationCorrections;
  /** The language of its words (`renderMarkdown`/`renderHtml` write in it). */
  lang: SituationLang;
}

/** The sentence of an update built from what was known on its date (`runReplay(…, { asOf })`). */
export const AS_OF_BASIS = situationWords("en").asOfBasis;
/** The sentence of an update built with hindsight (the replay of all the data). */
export const HINDSIGHT_BASIS = situationWords("en").hindsightBasis;

/**
 * The analysts' corrections an update's figures were made with: the corrections file's name as
 * given and its corrections, in order (all of them applied: `runReplay` throws otherwise).
 */
export interface SituationCorrections {
  file: string;
  list: readonly Correction[];
}

/** Options of {@link buildSituationUpdate}. */
export interface SituationUpdateOptions {
  /** Title; default "Situation update" (in `lang`). */
  title?: string;
  /** Language of the update's words (src/report/words.ts); default "en". */
  lang?: SituationLang;
  /** Most sources listed per headline; default 8 (the rest are counted). */
  maxSources?: number;
  /** Figures of a published situation report to set beside the ledger (e.g. `situationReport2018()`). */
  seeds?: readonly SeedFigure[];
  /**
   * The ledger was built from all the data (the hindsight replay), not as of the date: the update
   * says so ({@link HINDSIGHT_BASIS}). Default false: the ledger is as of the date
   * (`runReplay(dataset, { asOf })`), said by {@link AS_OF_BASIS}.
   */
  hindsight?: boolean;
  /**
   * What the input files held that no figure uses (`leftOutOfFiles` of the import reports):
   * said in "Data quality", so that the update read alone says data was left out. Default none.
   */
  leftOut?: LeftOutOfFiles;
  /**
   * The corrections the replay applied (`runReplay(…, { corrections })`, `report --corrections`):
   * one line under the basis says so, so that the update read alone says its figures are of the
   * corrected data. Default none; an empty list says nothing.
   */
  corrections?: SituationCorrections;
}

/**
 * Assembles a situation update as of a date from a ledger: the headline figures (people who left,
 * then each category of the split) with their breakdown and the source figures behind them, the
 * daily split up to the date, people present per place against shelter capacity, and the data
 * problems the ledger found.
 * @param input the ledger (from `buildLedger`), the dataset it was built from, and the date.
 * @example
 * const update = buildSituationUpdate({ ledger, dataset, asOf: "2018-12-15" });
 * renderMarkdown(update);
 */
export function buildSituationUpdate(
  input: {
    ledger: LedgerResult;
    dataset: Dataset;
    asOf: IsoDate;
    /** The state of the corridor (`buildCorridorState`); default: built from the ledger and `tracks`. */
    state?: readonly CorridorDay[];
    /** The tracks the ledger was built from (groups travelling through places); default none. */
    tracks?: readonly TrackPoint[];
  },
  options: SituationUpdateOptions = {},
): SituationUpdate {
  const { ledger, dataset, asOf } = input;
  const covered = ledger.departed.some((d) => d.date === asOf);
  const lang = options.lang ?? "en";
  const words = situationWords(lang);
  // Places written in `lang` ("Ciudad de México" in Spanish): the one rule, src/geo/placeLabel.ts.
  const named = placesInLanguage(lang, dataset);
  const headlines = situationHeadlines(input, options.maxSources, lang).map(named.headline);

  // ── the stacked split up to the date ──
  const dates = ledger.departed.filter((d) => d.date <= asOf).map((d) => d.date);
  const index = new Map(dates.map((d, i) => [d, i]));
  const series = SPLIT_CATEGORIES.map((category) => ({ category, values: dates.map(() => 0) }));
  const seriesIndex = new Map(SPLIT_CATEGORIES.map((c, i) => [c, i]));
  for (const r of ledger.split) {
    const i = index.get(r.date);
    if (i !== undefined) series[seriesIndex.get(r.category)!]!.values[i]! += r.value;
  }

  const warnings = situationWarnings(ledger.warnings, asOf).map(named.warning);

  // ── people present per place, against capacity: read from the state of the corridor ──
  const state = input.state ?? buildCorridorState({ dataset, tracks: input.tracks ?? [], ledger });
  const places = presencePanels(state, asOf).map(named.withPlace);
  const presence = (state.find((d) => d.date === asOf)?.places ?? []).map(named.withPlace);
  const lastSeen = unknownLastSeenLines(unknownLastSeen(state, asOf), dataset, lang);
  const withLastSeen = headlines.map((h) =>
    h.category === "unknown" && lastSeen.length > 0 ? { ...h, lastSeen } : h,
  );

  const residuals = ledger.residuals
    .filter((r) => r.date <= asOf && r.relative !== undefined && Math.abs(r.relative) >= 0.005)
    .sort((a, b) => Math.abs(b.relative!) - Math.abs(a.relative!))
    .slice(0, 10)
    .map(named.withPlace);

  return {
    title: options.title ?? words.defaultTitle,
    asOf,
    datasetName: dataset.name,
    covered,
    headlines: withLastSeen,
    stack: { dates, series: series.filter((s) => s.values.some((v) => v > 0)) },
    places,
    presence,
    warnings,
    ...(options.leftOut ? { leftOut: options.leftOut } : {}),
    warningRows: warningRowFacts(warnings, dataset.stocks),
    residuals,
    basis: options.hindsight ? words.hindsightBasis : words.asOfBasis,
    ...(options.corrections && options.corrections.list.length > 0
      ? { corrections: options.corrections }
      : {}),
    lang,
    seedChecks: compareWithSeeds(
      ledger,
      (options.seeds ?? []).filter((seed) => seed.asOf <= asOf),
      dataset.stocks,
    ).map((c) => ({ ...c, sources: c.sources.map(named.withPlace) })),
  };
}

/**
 * Copies of the update's parts with each `placeName` written in `lang` (`placeLabel` among the
 * dataset's places); English and names no place has are kept as they came.
 */
function placesInLanguage(lang: SituationLang, dataset: Dataset) {
  const withPlace = <T extends { placeName?: string }>(x: T): T =>
    x.placeName === undefined
      ? x
      : { ...x, placeName: placeLabel(lang, x.placeName, dataset.places) };
  const headline = (h: HeadlineFigure): HeadlineFigure => ({
    ...h,
    breakdown: h.breakdown.map(withPlace),
    sources: h.sources.map(withPlace),
  });
  // The warnings' values that are place names (their Spanish sentences read them; `message` stays English).
  const warning = (w: LedgerWarning): LedgerWarning => warningInLanguage(lang, w, dataset.places);
  return { withPlace, headline, warning };
}

/**
 * The warnings a situation update as of a date lists: those about a day up to `asOf`, and those
 * about no day, which count on every day. A warning whose `date` is not an ISO date (an
 * `invalid_row` left out *because of* its date carries the date as written, e.g. "2018-13-45" or
 * "27/10/2018") is treated as about no day, so it is listed on every day rather than on none.
 * The one rule the situation update, the `report` command and the viewer's "Data quality" fold read.
 * @example
 * situationWarnings([{ date: "2018-10-22" }, { date: "27/10/2018" }, {}], "2018-10-20").length; // => 2
 */
export function situationWarnings<W extends { readonly date?: string }>(
  warnings: readonly W[],
  asOf: IsoDate,
): W[] {
  return warnings.filter(
    (w) => w.date === undefined || dayNumber(w.date) === undefined || w.date <= asOf,
  );
}

/**
 * The headline figures of a situation update as of a date: people who left (the ledger's
 * departed), then every category of the split with a row that day (summed over countries and
 * places, with its breakdown and the stock figures behind it). The one rule the situation update,
 * the `report` command and the viewer's situation panel read; empty when the ledger has no row on
 * `asOf`.
 * @param maxSources most source figures kept per headline (latest first); default 8.
 * @param lang language of the methods' sentences (src/report/words.ts); default "en".
 * @example
 * situationHeadlines({ ledger, dataset, asOf: "2018-12-15" })[0]; // => { category: "departed", value: … }
 */
export function situationHeadlines(
  input: { ledger: LedgerResult; dataset: Dataset; asOf: IsoDate },
  maxSources = 8,
  lang: SituationLang = "en",
): HeadlineFigure[] {
  const { ledger, dataset, asOf } = input;
  const words = situationWords(lang);
  const todays = ledger.split.filter((r) => r.date === asOf);
  const departed = ledger.departed.find((d) => d.date === asOf);

  const notesFor = (category: SplitCategory): SourceNote[] => {
    const rows = new Set(
      ledger.sources.filter((s) => s.category === category).flatMap((s) => s.rows),
    );
    const notes = [...rows]
      .map((row) => ({ row, stock: dataset.stocks[row]! }))
      .filter(({ stock }) => stock && stock.date.slice(0, 10) <= asOf)
      .map(({ row, stock }) => ({
        row,
        date: stock.date,
        value: stock.value,
        country: stock.country,
        placeName: stock.placeName,
        sourceOrg: stock.sourceOrg,
        sourceType: stock.sourceType,
        confidence: stock.confidence,
        url: stock.url,
        notes: stock.notes,
      }))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.row - b.row));
    return notes.slice(0, Math.max(0, maxSources));
  };

  const headlines: HeadlineFigure[] = [];
  if (departed) {
    const basis = departedBasis(ledger.departed, asOf, {
      beyondGroupsFigures: ledger.beyondGroupsFigures,
      beyondGroupsTakenIn: ledger.beyondGroupsTakenIn,
      aggregates: dataset.aggregates,
    });
    headlines.push({
      category: "departed",
      value: departed.value,
      valueLow: departed.valueLow,
      valueHigh: departed.valueHigh,
      breakdown: [],
      sources: [],
      method:
        words.methodDeparted(formatPeople(departed.fromTracks), formatPeople(departed.accounted)) +
        (basis && basis.beyondTracks > 0
          ? words.departedBeyond(
              formatPeople(basis.beyondTracks),
              basis.reachedOn,
              basis.date,
              formatPeople(basis.fromTracks),
              departureTotalText(basis.fromTracksFigure, words.departureTotal),
              formatPeople(basis.beyondGroups),
              beyondFiguresText(
                basis.beyondGroupsFigures,
                dataset.stocks,
                words.beyondPlace,
                basis.beyondGroupsTakenIn,
              ),
            )
          : ""),
    });
  }
  for (const category of SPLIT_CATEGORIES) {
    const rows = todays.filter((r) => r.category === category);
    if (rows.length === 0) continue;
    headlines.push({
      category,
      ...categoryDayTotal(ledger, rows),
      breakdown: rows
        .map((r) => ({
          country: r.country,
          placeName: r.placeName,
          value: r.value,
          valueLow: r.valueLow,
          valueHigh: r.valueHigh,
        }))
        .sort((a, b) => b.value - a.value),
      sources: category === "in_transit" || category === "unknown" ? [] : notesFor(category),
      method:
        category === "in_transit"
          ? words.methodInTransit
          : category === "unknown"
            ? words.methodUnknown
            : undefined,
    });
  }

  return headlines;
}

/**
 * One category of the ledger's split on one day, summed over countries and places, with its 90 %
 * interval: everyone in transit over several countries is the day's groups combined with the
 * ledger's correlation between their errors (`inTransitRange`); any other category, or in transit
 * in one row, sums its rows' bounds. The one rule the situation update's headlines and the
 * viewer's split chart read, so that one figure never gets two intervals.
 * @param rows the split rows of ONE category on ONE day (from `ledger.split`); empty gives zeros.
 * @example
 * categoryDayTotal(ledger, ledger.split.filter((r) => r.date === "2018-10-17" && r.category === "in_transit"));
 * // => { value: 4150, valueLow: 2229, valueHigh: 8473 }
 */
export function categoryDayTotal(
  ledger: Pick<LedgerResult, "groups" | "groupCorrelation">,
  rows: readonly SplitRow[],
): { value: People; valueLow: People; valueHigh: People } {
  const sum = (key: "value" | "valueLow" | "valueHigh") => rows.reduce((s, r) => s + r[key], 0);
  const value = sum("value");
  const first = rows[0];
  if (first?.category === "in_transit" && rows.length > 1)
    return { value, ...inTransitRange(ledger, first.date, value) };
  return { value, valueLow: sum("valueLow"), valueHigh: sum("valueHigh") };
}

/**
 * The 90 % interval of everyone in transit on a day, over several countries: the day's groups
 * combined with the ledger's correlation between their errors (`sumCorrelated`), as each
 * country's row was, rather than the sum of the rows' bounds; it always contains `value`.
 */
function inTransitRange(
  ledger: Pick<LedgerResult, "groups" | "groupCorrelation">,
  date: IsoDate,
  value: People,
): { valueLow: People; valueHigh: People } {
  const groups = ledger.groups.filter((g) => g.date === date).map(onRoadEstimate);
  const total = sumCorrelated(groups, ledger.groupCorrelation);
  return {
    valueLow: Math.min(value, Math.max(0, Math.round(total.low))),
    valueHigh: Math.max(value, Math.round(total.high)),
  };
}

/**
 * One panel per place where someone was present on or before `asOf`, largest peak first; each
 * series runs from the first day the place is in the state (someone present or travelling
 * through) to `asOf`, every day, read from the state. A day with people travelling through and no
 * one present reads 0 present with them beside it (`travelling`): present is resting + waiting +
 * staying (docs/ledger.md), one definition for the panels and the table by status.
 */
export function presencePanels(state: readonly CorridorDay[], asOf: IsoDate): PlacePanel[] {
  // The places with someone present on or before `asOf`: the panels.
  const shown = new Set<string>();
  for (const day of state) {
    if (day.date > asOf) break;
    for (const p of day.places)
      if (p.placeName !== undefined && p.present > 0) shown.add(normalizeName(p.placeName));
  }
  const panels = new Map<string, PlacePanel>();
  // Newest count each place's people rested on (the state's countedLatest/countedOn, latestUpTo).
  const lastCount = new Map<string, { date: IsoDate; upTo?: People }>();
  for (const day of state) {
    if (day.date > asOf) break;
    const here = new Set<string>();
    for (const p of day.places) {
      if (p.placeName === undefined) continue;
      const key = normalizeName(p.placeName);
      if (!shown.has(key)) continue;
      const travelling = p.travelling >= 0.5 ? { travelling: p.travelling } : {};
      let panel = panels.get(key);
      if (!(p.present > 0)) {
        // Travelling through, no one present: 0 present (or "not counted since"), with them.
        if (panel || travelling.travelling !== undefined) {
          panel ??= newPanel(panels, key, p);
          panel.series.push({ ...emptyPoint(day.date, lastCount.get(key)), ...travelling });
          here.add(key);
        }
        continue;
      }
      here.add(key);
      const counted = p.countedLatest ?? p.countedOn;
      if (counted !== undefined)
        lastCount.set(key, {
          date: counted,
          ...(p.latestUpTo !== undefined ? { upTo: p.latestUpTo } : {}),
        });
      panel ??= newPanel(panels, key, p);
      panel.series.push(presencePoint(day.date, p));
    }
    // Places seen before and empty today read 0 today, not their last figure.
    for (const [key, panel] of panels)
      if (!here.has(key)) panel.series.push(emptyPoint(day.date, lastCount.get(key)));
  }
  for (const panel of panels.values()) {
    const last = panel.series[panel.series.length - 1];
    if (last?.notCountedSince !== undefined) panel.notCountedSince = last.notCountedSince;
  }
  const peak = (p: PlacePanel) => Math.max(...p.series.map((s) => s.value));
  return [...panels.values()].sort((a, b) => peak(b) - peak(a));
}

/** A place's panel, empty, added to `panels` under `key`. */
function newPanel(panels: Map<string, PlacePanel>, key: string, p: PlacePresence): PlacePanel {
  const panel: PlacePanel = {
    placeName: p.placeName!,
    country: p.country,
    capacity: p.capacity,
    series: [],
  };
  panels.set(key, panel);
  return panel;
}

/** A day's point of a place with people present (the state's figure and count dates). */
function presencePoint(date: IsoDate, p: PlacePresence): PlacePanel["series"][number] {
  return {
    date,
    value: p.present,
    valueLow: p.presentLow,
    valueHigh: p.presentHigh,
    ...(p.countedOn !== undefined ? { countedOn: p.countedOn } : {}),
    ...(p.countedLatest !== undefined ? { countedLatest: p.countedLatest } : {}),
    ...(p.estimated !== undefined && p.estimated >= 0.5 ? { estimated: p.estimated } : {}),
    ...(p.travelling >= 0.5 ? { travelling: p.travelling } : {}),
  };
}

/** A day with no one present at a place seen before: 0, "not counted since" its last count. */
function emptyPoint(
  date: IsoDate,
  last: { date: IsoDate; upTo?: People } | undefined,
): PlacePanel["series"][number] {
  return {
    date,
    value: 0,
    valueLow: 0,
    valueHigh: 0,
    ...(last !== undefined ? { notCountedSince: last.date } : {}),
    ...(last?.upTo !== undefined ? { upTo: last.upTo } : {}),
  };
}
