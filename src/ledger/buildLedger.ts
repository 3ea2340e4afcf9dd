/**
 * The ledger: on every day, what became of the people who left — asylum claims, returns, people
 * remaining at places, regularised, moved onward, other, still in transit, or unknown — with
 * people conserved (docs/contracts.md §3.2). This module runs the named steps in order:
 * `buildTree` (tree.ts) → `fitSeries` (fitSeries.ts) → per day `TreeEvaluator` (evaluateTree.ts),
 * `inTransit`, `splitRowsOfDay` (roundParts.ts) and `DepartedTally` (departedTally.ts).
 */
import { createGazetteer } from "../geo/gazetteer.ts";
import type { CountRecord } from "../model/count.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import { STOCK_CATEGORIES } from "../model/stock.ts";
import type { SplitRow, TrackPoint } from "../model/track.ts";
import type { IsoDate, Iso3, People } from "../model/units.ts";
import { dayNumber, isoDate } from "../calendar/index.ts";
import { checkCorrelation, GROUP_ERROR_CORRELATION } from "./correlatedSum.ts";
import { DepartedTally } from "./departedTally.ts";
import {
  departureFloor,
  northboundFloor,
  rowsByFile,
  southboundTally,
  unknownDirectionTally,
} from "./departures.ts";
import { formatPeople } from "./describe.ts";
import { ledgerWarning } from "./warning.ts";
import { TreeEvaluator } from "./evaluateTree.ts";
import { areaGroups, BeyondGroupWarnings, carriedBeyondGroups } from "./groupFigures.ts";
import type { BeyondGroup, BeyondGroupTakenIn } from "./groupFigures.ts";
import { collectRows, fitSeries, listSources } from "./fitSeries.ts";
import { addRemaining, arrivalReader } from "./arrived.ts";
import { inTransit } from "./inTransit.ts";
import type { Part } from "./inTransit.ts";
import { splitRowsOfDay } from "./roundParts.ts";
import type { DailyOptions } from "./series.ts";
import { boundOf, buildTree } from "./tree.ts";
import type { LedgerNode } from "./tree.ts";
import { countDaysRead } from "./townCounts.ts";
import type { GroupOnRoad } from "../state/onRoad.ts";
import type { TakeIn } from "../state/takenIn.ts";
import type {
  DepartedRow,
  LedgerGroupDay,
  LedgerInput,
  LedgerWarning,
  LedgerOptions,
  LedgerPlaceCount,
  LedgerResult,
} from "./types.ts";
import { InputProblem } from "../text/inputProblem.ts";

/** The days the ledger computes (`start`…`to`) and the days it returns (`from`…`to`). */
export interface LedgerDays {
  /** First day computed: the first day of the data, or `from` when that is earlier. */
  start: number;
  /** First day returned. */
  from: number;
  /** Last day computed and returned. */
  to: number;
}

/**
 * The days of the split. The data's days run from the first to the last stock figure, track day
 * or dated count (so counts alone give a ledger of their days). Cumulative figures on a day must
 * not depend on the window shown, so computing always starts at the data's first day; `from`
 * and `to` only choose the days returned.
 * @param dataDays day numbers of the stock figures, tracks and counts (any order).
 * @returns undefined when there is no day to show (no data and no `from`/`to`, or `to` < `from`).
 * @example
 * ledgerDays([dayNumber("2018-10-15")!, dayNumber("2018-12-31")!], { from: "2018-12-10" });
 * // => { start: day of 15 Oct, from: day of 10 Dec, to: day of 31 Dec }
 */
export function ledgerDays(
  dataDays: readonly number[],
  options: Pick<LedgerOptions, "from" | "to">,
): LedgerDays | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const d of dataDays) {
    first = Math.min(first, d);
    last = Math.max(last, d);
  }
  const from = options.from !== undefined ? dayNumber(options.from) : first;
  const to = options.to !== undefined ? dayNumber(options.to) : last;
  if (from === undefined || to === undefined || !Number.isFinite(from) || !Number.isFinite(to)) {
    return undefined;
  }
  if (to < from) return undefined;
  return { start: Number.isFinite(first) ? Math.min(first, from) : from, from, to };
}

/** Day numbers of the counts with a valid date (blank totals too: the day was monitored). */
function countDays(counts: readonly CountRecord[]): number[] {
  return counts
    .map((c) => (typeof c.date === "string" ? dayNumber(c.date) : undefined))
    .filter((d): d is number => d !== undefined);
}

/** Track points by day number; points with an invalid date are left out. */
function tracksByDay(tracks: readonly TrackPoint[]): Map<number, TrackPoint[]> {
  const byDay = new Map<number, TrackPoint[]>();
  for (const t of tracks) {
    const day = dayNumber(t.date);
    if (day === undefined) continue;
    const list = byDay.get(day);
    if (list) list.push(t);
    else byDay.set(day, [t]);
  }
  return byDay;
}

/**
 * Builds the daily split (docs/contracts.md §3.2) from stock figures, estimated tracks and count records.
 *
 * Method, per day from `from` to `to`:
 * 1. **Reconcile.** Stock figures for the same category, basis and place on the same day are pooled
 *    into their weighted mean (weight = source kind × confidence, see `figureWeight`); the 90 %
 *    interval spans every source's own interval. Each figure's residual against the ledger's value
 *    is reported.
 * 2. **Over time.** A cumulative series is made non-decreasing by weighted isotonic regression
 *    (a warning names the rows when a source's total falls); it holds its last value afterwards.
 *    A `present` series is interpolated between figures up to `maxGapDays` apart and held
 *    `holdDays` after the last one (as of a date, `PRESENT_AS_OF_DAYS` (10) after the last one
 *    known by then: `presentHoldDays`). Before a series' first figure it says nothing.
 * 3. **Places.** Shelters fold into their city (the nearest non-shelter place within
 *    `arrivalRadiusKm`); places sum to their country and countries to the category. A total that
 *    is larger than its parts adds a row for the rest (blank place or country); parts larger than
 *    their total win, with a warning.
 * 4. **In transit.** The estimated size of every group on the day, less people already counted
 *    as remaining at a place within `arrivalRadiusKm` of the group. A group with no report for
 *    more than `MAX_SILENCE_DAYS` (given `input.trackEnds`) is not in transit: its people are
 *    unknown from then on. A country's interval combines
 *    its groups' intervals with `groupCorrelation` between their errors (`sumCorrelated`).
 * 5. **Departed** (the total the split adds up to) is the largest of: the sum of the groups' peak
 *    sizes so far, the cumulative northbound count at the busiest point, departure totals among
 *    `dataset.aggregates`, and everything accounted for on the day; it never falls. `unknown` is
 *    departed minus everything accounted for: people once seen whom no source places now. When
 *    returns alone (or everything accounted for, by 10 %) exceed what the tracks, counts and
 *    departure totals say had left, a warning names the rows and departed is raised so people
 *    stay conserved.
 *
 * Every day from the data's first day is computed, whatever `from` says, and the days before
 * `from` are dropped only at the end: a cumulative figure on a day never depends on the window.
 *
 * Values are whole people: within a category rows are rounded by largest remainder to the rounded
 * category total, and `unknown` is the exact balance, so sums are exact.
 * Blank (undefined) figures are never read as zero; invalid rows are skipped with a warning.
 *
 * @param input the dataset (stocks, counts, places) and the estimated tracks (may be empty).
 * @param options date range, hold and gap days, arrival radius (km), source weights.
 * @returns split rows, departed per day, residuals, warnings and the rows behind each series.
 * @example
 * const { split } = buildLedger({ dataset: embedded2018(), tracks: estimateTracks(embedded2018()).tracks });
 * split.filter((r) => r.date === "2018-12-15" && r.category === "asylum_claim");
 */
export function buildLedger(input: LedgerInput, options: LedgerOptions = {}): LedgerResult {
  const { dataset, tracks } = input;
  // As of a date: nothing dated after it is read, and the days stop there.
  const asOfDay = options.asOf !== undefined ? dayNumber(options.asOf.slice(0, 10)) : undefined;
  if (options.asOf !== undefined && asOfDay === undefined)
    throw new InputProblem("as_of_not_date", { value: String(options.asOf) });
  const lastDay = asOfDay ?? Infinity;
  const daily: DailyOptions = {
    holdDays: options.holdDays ?? 3,
    maxGapDays: options.maxGapDays ?? 30,
    cumulativeSteps: asOfDay !== undefined,
    // As of a date a next count may still come: a present count holds as long as a gap is bridged.
    openEnd: asOfDay !== undefined,
  };
  const radiusKm = options.arrivalRadiusKm ?? 40;
  const correlation = checkCorrelation(options.groupCorrelation ?? GROUP_ERROR_CORRELATION);
  const gazetteer = createGazetteer(dataset.places);

  // 1. valid figures, located, grouped into series; 2. series over time, residuals, sources.
  const tree = buildTree(dataset.stocks, gazetteer, radiusKm, options, lastDay);
  const fitted = fitSeries(tree.entries, dataset.stocks, daily);
  const warnings = [...tree.warnings, ...fitted.warnings];
  warnings.push(...countsLeftOutWarnings(dataset.counts, gazetteer, lastDay));
  const residuals = fitted.residuals;
  tree.roots.forEach(collectRows);
  const sources = listSources(tree.roots.values());

  const lastReports = new Map((input.trackEnds ?? []).map((e) => [e.group, e.lastReportDate]));
  const trackDays = tracksByDay(tracks);
  const dataDays = [...trackDays.keys(), ...countDays(dataset.counts)].filter((d) => d <= lastDay);
  if (Number.isFinite(tree.firstDay)) dataDays.push(tree.firstDay, tree.lastDay);
  const to =
    options.asOf === undefined
      ? options.to
      : options.to !== undefined && options.to < options.asOf.slice(0, 10)
        ? options.to
        : options.asOf.slice(0, 10);
  const days = ledgerDays(dataDays, { from: options.from, to });
  if (!days) {
    return {
      split: [],
      departed: [],
      residuals,
      warnings,
      sources,
      groups: [],
      groupCorrelation: correlation,
    };
  }

  // 3. places per day; 4. in transit; 5. departed and unknown.
  const evaluator = new TreeEvaluator(daily, warnings);
  const tally = new DepartedTally(
    {
      northbound: northboundFloor(dataset.counts, gazetteer, lastDay),
      aggregateFloor: departureFloor(dataset.aggregates ?? [], options.departureMeasures, lastDay),
    },
    { sources, returnRows: tree.roots.get("return")!.rows },
    warnings,
    correlation,
  );
  // People at places the figures attribute to a tracked group are its arrivals (groupFigures.ts).
  const groupAt = areaGroups(tree.entries, dataset.stocks);
  // An arrived group's people no count holds are at its route's end (arrived.ts).
  const arrival = arrivalReader(
    dataset.routes,
    input.trackEnds ?? [],
    gazetteer,
    radiusKm,
    dataset.sightings,
    options.timeZone ?? dataset.timeZone ?? DEFAULT_TIME_ZONE,
    input.routeIndex,
  );
  // Silent groups taken in by the count at their destination, kept from day to day (takenIn.ts).
  const takeIn: TakeIn = { reachedEnd: arrival.reachedEnd, memory: new Map() };
  const takenIn = new Map<string, TakenInEpisode>();
  const beyondWarnings = new BeyondGroupWarnings(warnings, groupAt);
  const countryAt = new Map<string, Iso3 | undefined>();
  const countryOf = (p: TrackPoint): Iso3 | undefined => {
    const key = `${p.lon.toFixed(2)},${p.lat.toFixed(2)}`;
    if (!countryAt.has(key)) countryAt.set(key, gazetteer.nearest(p.lon, p.lat)?.place.country);
    return countryAt.get(key);
  };
  const areaNodes = new Map<string, LedgerNode>();
  for (const country of tree.roots.get("remaining")!.children.values())
    for (const area of country.children.values())
      if (area.area !== undefined) areaNodes.set(area.area, area);
  const split: SplitRow[] = [];
  const departed: DepartedRow[] = [];
  const groups: LedgerGroupDay[] = [];
  const placeCounts: LedgerPlaceCount[] = [];
  // People beyond the groups that the people who left hold (carriedBeyondGroups), day by day.
  let carried: { value: People; beyondGroups: People } | undefined;
  const setBy: SetBy = { beyondGroupsFigures: [], beyondGroupsTakenIn: [] };
  for (let day = days.start; day <= days.to; day++) {
    const date = isoDate(day);
    const parts: Part[] = [];
    for (const category of STOCK_CATEGORIES)
      parts.push(...evaluator.parts(tree.roots.get(category)!, day));
    const todays = trackDays.get(day) ?? [];
    const transit = inTransit(
      todays,
      parts,
      radiusKm,
      countryOf,
      correlation,
      lastReports,
      (p) => groupAt.groupOf(p, day),
      arrival,
      takeIn,
    );
    noteTakenIn(date, transit.groups, lastReports, takenIn);
    const beyond = beyondWarnings.day(day, date, transit.groups, transit.areas);
    addRemaining(parts, transit.placed);
    parts.push(...transit.parts);
    const rows = splitRowsOfDay(parts);
    const result = tally.day(day, date, todays, rows);
    // People beyond a group that silent groups taken in at those places hold are theirs (takenIn.ts).
    const todaysBeyond = Math.max(
      0,
      beyond.reduce((n, b) => n + b.beyond, 0) - takenAt(transit.groups, beyond),
    );
    const held = carriedBeyondGroups(carried, result.departed, todaysBeyond);
    // The figures that set the held value (what departedBasis names), on the days it rises.
    if (held > (carried?.beyondGroups ?? 0)) noteSetBy(setBy, date, transit.groups, beyond);
    carried = { value: result.departed.value, beyondGroups: held };
    // Days before the window are computed (totals carry over) but not returned.
    if (day < days.from) continue;
    for (const r of rows) split.push({ date, ...r });
    for (const g of transit.groups) groups.push(groupOnRoadRow(date, g, transit.areas));
    placeCounts.push(...countedOn(date, day, rows, areaNodes, daily, dataset.stocks));
    split.push(result.unknown);
    departed.push({ ...result.departed, beyondGroups: carried.beyondGroups });
  }
  warnings.push(...[...takenIn.values()].map(takenInWarning));
  return {
    split,
    departed,
    residuals,
    warnings,
    sources,
    groups,
    groupCorrelation: correlation,
    ...setBy,
    placeCounts,
  };
}

/**
 * The dates of the counts behind each `remaining` row at a place on a day: the oldest count of its
 * town still read (`countedOn`: how old the value may be) and the newest (`countedLatest`, when
 * another day), `countDaysRead` (townCounts.ts); none for a row no count of the town backs (a
 * country's rest, an arrived group's people no count holds yet).
 */
function countedOn(
  date: IsoDate,
  day: number,
  rows: readonly Omit<SplitRow, "date">[],
  areaNodes: ReadonlyMap<string, LedgerNode>,
  daily: DailyOptions,
  stocks: readonly { value?: number; extra?: Record<string, string> }[],
): LedgerPlaceCount[] {
  const out: LedgerPlaceCount[] = [];
  for (const r of rows) {
    if (r.category !== "remaining" || r.placeName === undefined) continue;
    const node = areaNodes.get(r.placeName);
    const read = node && countDaysRead(node, day, daily);
    if (!read) continue;
    out.push({
      date,
      placeName: r.placeName,
      countedOn: isoDate(read.oldest),
      ...(read.newest !== read.oldest ? { countedLatest: isoDate(read.newest) } : {}),
      ...upperBoundOf(read.newestRows, stocks),
    });
  }
  return out;
}

/**
 * `latestUpTo`: the newest count's figure when every figure of its day is only an upper bound
 * ("less than 1,000", `boundOf`): the largest of them. Empty otherwise.
 */
function upperBoundOf(
  rows: readonly number[],
  stocks: readonly { value?: number; extra?: Record<string, string> }[],
): Pick<LedgerPlaceCount, "latestUpTo"> {
  const figures = rows.map((r) => stocks[r]);
  if (figures.length === 0 || !figures.every((f) => f && boundOf(f) === "upper")) return {};
  const top = Math.max(...figures.map((f) => f?.value ?? NaN));
  return Number.isFinite(top) ? { latestUpTo: top } : {};
}

/** One group's people on the road as the day's `in_transit` rows counted them. */
function groupOnRoadRow(
  date: string,
  g: GroupOnRoad,
  areas: readonly { placeName: string }[],
): LedgerGroupDay {
  return {
    date,
    group: g.point.group,
    onRoad: g.onRoad,
    onRoadLow: g.onRoadLow,
    onRoadHigh: g.onRoadHigh,
    moving: g.moving,
    ...(g.resting > 0 ? { resting: g.resting } : {}),
    ...(g.area >= 0 ? { placeName: areas[g.area]!.placeName } : {}),
    ...(g.unseenSince !== undefined ? { unseenSince: g.unseenSince } : {}),
    ...(g.atDestination !== undefined ? { atDestination: g.atDestination } : {}),
    ...(g.atDestinationPlace !== undefined ? { atDestinationPlace: g.atDestinationPlace } : {}),
    ...(g.takenIn !== undefined ? { takenIn: g.takenIn, takenInPlace: g.takenInPlace } : {}),
  };
}

/**
 * People of silent groups taken in (src/state/takenIn.ts) at the places where the figures count
 * people beyond their group (`beyond`): they are those groups' people, not people beyond any group.
 */
function takenAt(groups: readonly GroupOnRoad[], beyond: readonly BeyondGroup[]): People {
  const places = new Set(beyond.flatMap((b) => b.places.map((p) => p.placeName)));
  let people = 0;
  for (const g of groups)
    if (g.takenIn && g.takenInPlace !== undefined && places.has(g.takenInPlace))
      people += Math.max(0, g.point.size) * g.takenIn;
  return Math.round(people);
}

/** The figures that set the held `beyondGroups` and the silent groups' people taken off them. */
type SetBy = Required<Pick<LedgerResult, "beyondGroupsFigures" | "beyondGroupsTakenIn">>;

/** Notes a day's figures that raise the held `beyondGroups`, with the people taken in there. */
function noteSetBy(
  setBy: SetBy,
  date: IsoDate,
  groups: readonly GroupOnRoad[],
  beyond: readonly BeyondGroup[],
): void {
  setBy.beyondGroupsFigures.push(...beyond);
  setBy.beyondGroupsTakenIn.push(...takenInAt(date, groups, beyond));
}

/**
 * The silent groups `takenAt` counts, one by one (whole people each), so that the text naming the
 * people beyond the groups can say whose people were taken off (departedBasis.ts).
 */
function takenInAt(
  date: IsoDate,
  groups: readonly GroupOnRoad[],
  beyond: readonly BeyondGroup[],
): BeyondGroupTakenIn[] {
  const places = new Set(beyond.flatMap((b) => b.places.map((p) => p.placeName)));
  const out: BeyondGroupTakenIn[] = [];
  for (const g of groups) {
    if (!g.takenIn || g.takenInPlace === undefined || !places.has(g.takenInPlace)) continue;
    const people = Math.round(Math.max(0, g.point.size) * g.takenIn);
    if (people > 0) out.push({ date, group: g.point.group, place: g.takenInPlace, people });
  }
  return out;
}

/** A silent group's take-in by its destination's count over the days (one warning per group). */
interface TakenInEpisode {
  date: IsoDate;
  group: string;
  lastReport: IsoDate;
  kmLow: number;
  kmHigh: number;
  place: string;
  people: People;
  share: number;
  peakDate: IsoDate;
}

/**
 * Notes each group's take-in by its destination's count (src/state/takenIn.ts) on the day: the
 * first day with its interval then, and the largest share so far (the day of it).
 * @param episodes by group (updated).
 */
function noteTakenIn(
  date: IsoDate,
  groups: readonly GroupOnRoad[],
  lastReports: ReadonlyMap<string, IsoDate>,
  episodes: Map<string, TakenInEpisode>,
): void {
  for (const g of groups) {
    if (!(g.takenIn && g.takenIn > 0) || g.takenInPlace === undefined) continue;
    const group = g.point.group;
    const people = Math.round(Math.max(0, g.point.size) * g.takenIn);
    const seen = episodes.get(group);
    if (seen) {
      if (g.takenIn > seen.share) Object.assign(seen, { share: g.takenIn, people, peakDate: date });
      continue;
    }
    episodes.set(group, {
      date,
      group,
      lastReport: (lastReports.get(group) ?? "").slice(0, 10),
      kmLow: Math.round(g.point.kmLow),
      kmHigh: Math.round(g.point.kmHigh),
      place: g.takenInPlace,
      people,
      share: g.takenIn,
      peakDate: date,
    });
  }
}

/**
 * One warning per silent group taken in by its destination's count: from when, why, and how many
 * of its people at most (the share of its size on `peakDate`).
 */
function takenInWarning(e: TakenInEpisode): LedgerWarning {
  const pct = Math.round(e.share * 100);
  return ledgerWarning({
    code: "silent_group_taken_in",
    message:
      `From ${e.date}, ${e.group}, not reported since ${e.lastReport} and whose 90 % interval (km ${formatPeople(e.kmLow)}–${formatPeople(e.kmHigh)}) reaches ${e.place} at the end of its route, ` +
      `is read as taken in by the count there: up to ${formatPeople(e.people)} of its people (${pct} %, on ${e.peakDate}) are among the people counted at ${e.place} beyond the groups the figures or the distance place there; ` +
      `they are no longer on the road and are not counted twice.`,
    params: {
      date: e.date,
      group: e.group,
      lastReport: e.lastReport,
      kmLow: e.kmLow,
      kmHigh: e.kmHigh,
      place: e.place,
      people: e.people,
      share: e.share,
      peakDate: e.peakDate,
    },
    rows: [],
    date: e.date,
  });
}

/**
 * The warnings on counted people the split leaves out: heading south, or of unknown direction.
 */
function countsLeftOutWarnings(
  counts: LedgerInput["dataset"]["counts"],
  gazetteer: ReturnType<typeof createGazetteer>,
  lastDay: number,
): LedgerWarning[] {
  return [
    southboundWarning(counts, gazetteer, lastDay),
    unknownDirectionWarning(counts, gazetteer, lastDay),
  ].filter((w): w is LedgerWarning => w !== undefined);
}

/**
 * The warning that says how many people, on how many count rows, were counted with no known
 * direction: only northbound counts raise the people who left, so they are left out of them; the
 * importer's `--incoming-is northbound|southbound` says which way "entrada"/"salida" goes and
 * includes them.
 */
function unknownDirectionWarning(
  counts: LedgerInput["dataset"]["counts"],
  gazetteer: ReturnType<typeof createGazetteer>,
  lastDay: number,
): LedgerWarning | undefined {
  const t = unknownDirectionTally(counts, gazetteer, lastDay);
  if (!t) return undefined;
  const when =
    t.firstDate === t.lastDate ? `on ${t.firstDate}` : `from ${t.firstDate} to ${t.lastDate}`;
  const rows = t.countRows.length;
  return ledgerWarning({
    code: "unknown_direction_counts",
    message:
      `${formatPeople(t.people)} people in ${rows} count ${rows === 1 ? "row" : "rows"} of unknown direction ${when}` +
      `${t.points.length ? ` at ${t.points.join(", ")}` : ""} (${rowsByFile(t.where)}) are left out of the people who left: ` +
      `only counts heading north are; give --incoming-is northbound|southbound (the way "entrada" goes) to include them.`,
    params: {
      people: t.people,
      countRows: t.countRows,
      firstDate: t.firstDate,
      lastDate: t.lastDate,
      points: t.points,
      where: t.where,
    },
    rows: [],
    date: t.lastDate,
  });
}

/**
 * The warning that says how many people were counted heading south: the split has no place for
 * them (a return is counted by the stock figures; a southbound crossing may be someone counted
 * north before), so they are named, never dropped without a word.
 */
function southboundWarning(
  counts: LedgerInput["dataset"]["counts"],
  gazetteer: ReturnType<typeof createGazetteer>,
  lastDay: number,
): LedgerWarning | undefined {
  const t = southboundTally(counts, gazetteer, lastDay);
  if (!t) return undefined;
  const when =
    t.firstDate === t.lastDate ? `on ${t.firstDate}` : `from ${t.firstDate} to ${t.lastDate}`;
  const where = rowsByFile(t.where);
  return ledgerWarning({
    code: "southbound_counts",
    message:
      `${formatPeople(t.people)} people counted heading south ${when}${t.points.length ? ` at ${t.points.join(", ")}` : ""} ` +
      `(${where}) are not in the split: ` +
      `the ledger counts returns from stock figures (category return) and people who left from northbound counts; ` +
      `give the returns as stock figures to see them as returned.`,
    params: {
      people: t.people,
      countRows: t.countRows,
      firstDate: t.firstDate,
      lastDate: t.lastDate,
      points: t.points,
      where: t.where,
    },
    rows: [],
    date: t.lastDate,
  });
}
