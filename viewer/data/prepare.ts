/**
 * prepareReplay: a library replay (`runReplay`: dataset, tracks, ledger, state) → ReplayData.
 * Pure and DOM-free, so it runs the same in the replay worker or in the page. It re-derives
 * nothing: no tracks, sizes, split or presence of its own; only the library's, with pieces of the
 * library's route geometry to draw them. There is no partial replay: without the ledger and the
 * state there is nothing to draw.
 */
import { createRouteIndex, warningRowFacts } from "../../src/index.ts";
import type {
  CorridorDay,
  Dataset,
  EstimateWarningLike,
  IsoDate,
  LedgerResult,
  LeftOutOfFiles,
  SeedFigure,
  Sighting,
  TrackEndFacts,
  TrackPoint,
} from "../../src/index.ts";
import {
  flowsFrom,
  headlinesFrom,
  presenceFromState,
  situationFrom,
  splitFromLedger,
} from "./prepareFigures.ts";
import { framesByGroup, routeKmOf } from "./prepareTracks.ts";
import { dateOf, daysSince } from "./replay.ts";
import type { GroupTrack, ReplayData, ReportRef } from "./replay.ts";

export interface PrepareInput {
  dataset: Dataset;
  /** The replay's tracks (`runReplay(dataset).tracks`: the estimator's, held until unseen). */
  tracks: TrackPoint[];
  /**
   * Which sighting the estimator gave to which group (its report's associations). When absent,
   * a group's reports are the sightings labelled with its name.
   */
  associations?: { sightingId: string; group: string }[];
  /** Figures of a situation report (e.g. `situationReport2018()`), shown as headlines with their agency. */
  seeds?: SeedFigure[];
  /**
   * The library's state of the corridor per day (`runReplay(dataset).state`): the presence panels
   * draw its people present at each place, the same figures as the situation update.
   */
  state: CorridorDay[];
  /**
   * The replay's ledger (`runReplay(dataset).ledger`): its split is the split chart (each day's
   * 90 % interval by the situation panel's rule), and with the state the situation panel shows
   * the situation update of each day (`situationHeadlines`).
   */
  ledger: LedgerResult;
  /**
   * The estimator's warnings (its report's `warnings`: a route drawn backwards, positions off
   * their route…), as `dtm-flow estimate` writes them to report.json; none when absent.
   */
  estimateWarnings?: readonly EstimateWarningLike[];
  /** The estimator's track ends (its report's `trackEnds`): the status column of the exports. */
  trackEnds?: readonly TrackEndFacts[];
  /**
   * What the analyst's files held that no figure uses (the library's `leftOutOfFiles` of their
   * import reports, as `dtm-flow report` passes it): the situation panel's "Data quality" says it.
   */
  leftOut?: LeftOutOfFiles;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const sortedDays = (dates: string[]) =>
  dates
    .map((d) => d.slice(0, 10))
    .filter((d) => ISO_DAY.test(d))
    .sort();

/** Earliest date of anything in the input (the replay's day 0). */
function startDate(input: PrepareInput): IsoDate {
  const dates = sortedDays([
    ...input.dataset.sightings.map((s) => s.observedAt),
    ...input.dataset.counts.map((c) => c.date),
    ...input.tracks.map((p) => p.date),
  ]);
  return dates[0] ?? "2018-10-12";
}

/** Days that stock figures may run past the end of the movement data and still be replayed. */
const STOCK_TAIL_DAYS = 30;

/**
 * Last day of the replay: the last sighting, count or track day; figures (stocks, split) extend it
 * by at most STOCK_TAIL_DAYS, so a figure published months later does not stretch the replay.
 */
function endDate(input: PrepareInput): IsoDate {
  const movement = sortedDays([
    ...input.dataset.sightings.map((s) => s.observedAt),
    ...input.dataset.counts.map((c) => c.date),
    ...input.tracks.map((p) => p.date),
  ]);
  const figures = sortedDays([
    ...input.dataset.stocks.map((s) => s.date),
    ...input.ledger.split.map((p) => p.date),
  ]);
  const lastMove = movement[movement.length - 1];
  const lastFigure = figures[figures.length - 1];
  if (!lastMove) return lastFigure ?? "2018-12-31";
  if (!lastFigure || lastFigure <= lastMove) return lastMove;
  const cap = dateOf(lastMove, STOCK_TAIL_DAYS);
  return lastFigure < cap ? lastFigure : cap;
}

function reportOf(s: Sighting, start: IsoDate, i: number): ReportRef {
  return {
    id: s.id ?? `s${i}`,
    t: daysSince(start, s.observedAt),
    date: s.observedAt,
    placeName: s.placeName,
    sizeBest: s.sizeBest,
    sizeMin: s.sizeMin,
    sizeMax: s.sizeMax,
    sourceOrg: s.sourceOrg,
    sourceType: s.sourceType,
    confidence: s.confidence,
    url: s.url,
  };
}

/** The reports behind each group: the estimator's associations, else the sightings' labels. */
function reportsByGroup(input: PrepareInput, start: IsoDate): Map<string, ReportRef[]> {
  const out = new Map<string, ReportRef[]>();
  const groupOf = new Map((input.associations ?? []).map((a) => [a.sightingId, a.group]));
  input.dataset.sightings.forEach((s, i) => {
    const group = input.associations ? groupOf.get(s.id ?? `s${i}`) : s.caravanLabel;
    if (!group) return;
    const list = out.get(group) ?? [];
    list.push(reportOf(s, start, i));
    out.set(group, list);
  });
  return out;
}

/**
 * Builds everything the viewer draws from a library replay (see `replayInput`, embedded.ts).
 * @throws Error (from the route index) when the dataset's routes are not valid GeoJSON routes.
 * @example prepareReplay(replayInput(runReplay(dataset))).groups.length // => tracked groups
 */
export function prepareReplay(input: PrepareInput): ReplayData {
  const { dataset } = input;
  const start = startDate(input);
  const days = Math.max(1, Math.floor(daysSince(start, endDate(input))) + 1);
  const routes = createRouteIndex(dataset.routes);
  const reports = reportsByGroup(input, start);
  const groups: GroupTrack[] = [
    ...framesByGroup(input.tracks, start, routes, input.state).entries(),
  ]
    .sort((a, b) => a[1][0]!.t - b[1][0]!.t)
    .map(([id, frames], i) => ({
      id,
      label: id,
      colour: i,
      frames,
      reports: (reports.get(id) ?? []).sort((a, b) => a.t - b.t),
    }));
  return {
    name: dataset.name,
    start,
    days,
    places: dataset.places,
    routes: dataset.routes,
    routeKm: routeKmOf(routes),
    groups,
    flows: flowsFrom(dataset.counts, dataset.places, routes, start),
    split: splitFromLedger(input.ledger, start, days),
    headlines: headlinesFrom(dataset.stocks, input.seeds ?? [], start),
    presence: presenceFromState(input.state, start),
    situation: situationFrom(input.ledger, dataset, input.state),
    ...warningsFrom(input.ledger, dataset),
    estimateWarnings: (input.estimateWarnings ?? []).map(({ code, message, params }) => ({
      code,
      message,
      ...(params !== undefined ? { params } : {}),
    })),
    ...(input.leftOut ? { leftOut: input.leftOut } : {}),
  };
}

/** The ledger's warnings as the viewer keeps them, with the facts of the stock rows they name. */
export function warningsFrom(
  ledger: LedgerResult,
  dataset: Dataset,
): Pick<ReplayData, "ledgerWarnings" | "warningRows"> {
  const warnings = ledger.warnings;
  const ledgerWarnings = warnings.map((w) => ({
    code: w.code,
    message: w.message,
    ...(w.date !== undefined ? { date: w.date } : {}),
    params: w.params,
    rows: w.rows,
  }));
  // The one rule of the rows' facts, as the report command's situation update.
  return { ledgerWarnings, warningRows: warningRowFacts(warnings, dataset.stocks) };
}
