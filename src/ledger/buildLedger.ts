/**
 * The ledger: on every day, what became of the people who left — asylum claims, returns, people
 * remaining at places, regularised, moved onward, other, still in transit, or unknown — with
 * people conserved (docs/contracts.md §3.2).
 */
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { Place } from "../model/place.ts";
import { STOCK_CATEGORIES } from "../model/stock.ts";
import type { StockBasis, StockCategory, StockFigure } from "../model/stock.ts";
import { SPLIT_CATEGORIES } from "../model/track.ts";
import type { SplitCategory, SplitRow, TrackPoint } from "../model/track.ts";
import type { Iso3 } from "../model/units.ts";
import { areaOf } from "./areaOf.ts";
import { dayNumber, isoDate } from "../util/days.ts";
import { departureFloor, northboundFloor } from "./departures.ts";
import { inTransit } from "./inTransit.ts";
import type { Part } from "./inTransit.ts";
import { monotonePoints, pointsByDay, valueOnDay } from "./series.ts";
import type { DailyOptions, DailyValue, SeriesFigure, SeriesPoint } from "./series.ts";
import type {
  DepartedRow,
  LedgerInput,
  LedgerOptions,
  LedgerResult,
  LedgerSource,
  LedgerWarning,
  Residual,
} from "./types.ts";
import { figureWeight } from "./weights.ts";

/** Where a stock figure sits: country → area (a city or crossing) → part (a shelter in the area). */
interface Location {
  country?: Iso3;
  area?: string;
  areaPlace?: Place;
  part?: string;
}

/** One series: figures for one category, basis and location. */
interface Series {
  basis: StockBasis;
  points: SeriesPoint[];
  rows: number[];
}

/** A node of the place hierarchy of one category; its own series are figures naming exactly it. */
interface LedgerNode {
  key: string;
  category: StockCategory;
  country?: Iso3;
  area?: string;
  areaPlace?: Place;
  own: Series[];
  children: Map<string, LedgerNode>;
  /** Every stock row at or below this node. */
  rows: number[];
}

const BASES: readonly StockBasis[] = ["cumulative", "present"];

function describe(figure: StockFigure, row: number): string {
  const where = [figure.placeName, figure.country].filter(Boolean).join(", ");
  const source = figure.sourceOrg ? `, ${figure.sourceOrg}` : "";
  // Files read by the importer or the embedded data may carry the line the row came from.
  const line = figure.extra?.["line"] ?? figure.extra?.["obs_line"];
  return `stock row ${row} (${line ? `line ${line}: ` : ""}${figure.date} ${figure.category}${where ? " " + where : ""} ${figure.value}${source})`;
}

/** The rows named one by one when few (with date, value and source), else as a list of numbers. */
function rowsText(rows: readonly number[], stocks: readonly StockFigure[]): string {
  return rows.length <= 2
    ? rows.map((row) => describe(stocks[row]!, row)).join("; ")
    : `stock rows ${rowList(rows)}`;
}

function rowList(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const shown = sorted.slice(0, 12).join(", ");
  return sorted.length > 12 ? `${shown} and ${sorted.length - 12} more` : shown;
}

function partsText(node: { country?: string; area?: string }): string {
  if (node.area) return `the shelters of ${node.area}`;
  if (node.country) return `the places in ${node.country}`;
  return "the countries";
}

function whereText(node: { country?: string; area?: string }): string {
  return node.area ?? node.country ?? "all countries";
}

function locate(figure: StockFigure, gazetteer: Gazetteer, radiusKm: number): Location {
  const country = figure.country?.trim().toUpperCase() || undefined;
  const name = figure.placeName?.trim();
  if (!name) return { country };
  const place = gazetteer.find(name, country);
  if (!place) return { country, area: name };
  // For a return (or onward move) the country is where people went, not where the place is.
  const placeCountry =
    country ??
    (figure.category === "return" || figure.category === "onward" ? undefined : place.country);
  if (place.kind === "shelter") {
    const parent = areaOf(place, gazetteer.places, radiusKm);
    if (parent) {
      return { country: placeCountry, area: parent.name, areaPlace: parent, part: place.name };
    }
  }
  return { country: placeCountry, area: place.name, areaPlace: place };
}

function addValues(a: DailyValue | undefined, b: DailyValue | undefined): DailyValue | undefined {
  if (!a) return b;
  if (!b) return a;
  return { value: a.value + b.value, low: a.low + b.low, high: a.high + b.high };
}

function child(
  parent: LedgerNode,
  key: string,
  fields: Omit<LedgerNode, "key" | "own" | "children" | "rows" | "category">,
): LedgerNode {
  let node = parent.children.get(key);
  if (!node) {
    node = {
      key: parent.key + "/" + key,
      category: parent.category,
      ...fields,
      own: [],
      children: new Map(),
      rows: [],
    };
    parent.children.set(key, node);
  }
  return node;
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
 *    `holdDays` after the last one. Before a series' first figure it says nothing.
 * 3. **Places.** Shelters fold into their city (the nearest non-shelter place within
 *    `arrivalRadiusKm`); places sum to their country and countries to the category. A total that
 *    is larger than its parts adds a row for the rest (blank place or country); parts larger than
 *    their total win, with a warning.
 * 4. **In transit.** The estimated size of every group on the day, less people already counted
 *    as remaining at a place within `arrivalRadiusKm` of the group.
 * 5. **Departed** (the total the split adds up to) is the largest of: the sum of the groups' peak
 *    sizes so far, the cumulative northbound count at the busiest point, departure totals among
 *    `dataset.aggregates`, and everything accounted for on the day; it never falls. `unknown` is
 *    departed minus everything accounted for: people once seen whom no source places now. When
 *    returns alone (or everything accounted for, by 10 %) exceed what the tracks, counts and
 *    departure totals say had left, a warning names the rows and departed is raised so people
 *    stay conserved.
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
  const daily: DailyOptions = {
    holdDays: options.holdDays ?? 3,
    maxGapDays: options.maxGapDays ?? 30,
  };
  const radiusKm = options.arrivalRadiusKm ?? 40;
  const warnings: LedgerWarning[] = [];
  const residuals: Residual[] = [];
  const gazetteer = createGazetteer(dataset.places);

  // ── 1. valid figures, located, grouped into series ──
  const roots = new Map<StockCategory, LedgerNode>();
  for (const category of STOCK_CATEGORIES) {
    roots.set(category, { key: category, category, own: [], children: new Map(), rows: [] });
  }
  const seriesFigures = new Map<
    string,
    { node: LedgerNode; basis: StockBasis; figures: SeriesFigure[] }
  >();
  let firstDay = Infinity;
  let lastDay = -Infinity;
  dataset.stocks.forEach((figure, row) => {
    const day = typeof figure.date === "string" ? dayNumber(figure.date) : undefined;
    const problems: string[] = [];
    if (day === undefined) problems.push(`date "${String(figure.date)}" is not an ISO date`);
    if (!STOCK_CATEGORIES.includes(figure.category))
      problems.push(
        `category "${String(figure.category)}" is not one of ${STOCK_CATEGORIES.join(", ")}`,
      );
    if (!BASES.includes(figure.basis))
      problems.push(`basis "${String(figure.basis)}" is not cumulative or present`);
    if (typeof figure.value !== "number" || !Number.isFinite(figure.value) || figure.value < 0) {
      problems.push(`value ${String(figure.value)} is not a number of people ≥ 0`);
    }
    if (problems.length > 0 || day === undefined) {
      warnings.push({
        code: "invalid_row",
        message: `${describe(figure, row)} was left out: ${problems.join("; ")}.`,
        rows: [row],
        date: figure.date,
        category: figure.category,
      });
      return;
    }
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
    const where = locate(figure, gazetteer, radiusKm);
    const root = roots.get(figure.category)!;
    let node = root;
    if (where.country || where.area) {
      node = child(node, where.country ?? "", { country: where.country });
      if (where.area) {
        node = child(node, where.area, {
          country: where.country,
          area: where.area,
          areaPlace: where.areaPlace,
        });
        if (where.part)
          node = child(node, where.part, { country: where.country, area: where.area });
      }
    }
    const key = node.key + "|" + figure.basis;
    let entry = seriesFigures.get(key);
    if (!entry) {
      entry = { node, basis: figure.basis, figures: [] };
      seriesFigures.set(key, entry);
    }
    entry.figures.push({
      row,
      day,
      value: figure.value,
      weight: figureWeight(figure, options),
      bound: boundOf(figure),
    });
  });

  // ── 2. series over time, falling totals, residuals ──
  for (const { node, basis, figures } of seriesFigures.values()) {
    const raw = pointsByDay(figures);
    let points = raw;
    if (basis === "cumulative") {
      points = monotonePoints(raw);
      for (let i = 1; i < raw.length; i++) {
        const before = raw[i - 1]!;
        const after = raw[i]!;
        if (after.value < before.value * (1 - 1e-9)) {
          warnings.push({
            code: "cumulative_falls",
            message:
              `Cumulative ${node.category} in ${whereText(node)} falls from ${Math.round(before.value)} on ${isoDate(before.day)} ` +
              `(${rowsText(before.rows, dataset.stocks)}) to ${Math.round(after.value)} on ${isoDate(after.day)} (${rowsText(after.rows, dataset.stocks)}); ` +
              `the ledger keeps the total from falling by pooling them (isotonic regression: ${Math.round(points[i]!.value)}).`,
            rows: [...before.rows, ...after.rows],
            date: isoDate(after.day),
            category: node.category,
            country: node.country,
            placeName: node.area,
          });
        }
      }
    }
    node.own.push({ basis, points, rows: figures.map((f) => f.row) });
    for (const f of figures) {
      const stock = dataset.stocks[f.row]!;
      const reconciled = valueOnDay(points, basis, f.day, daily)!.value;
      residuals.push({
        row: f.row,
        date: isoDate(f.day),
        category: stock.category,
        basis,
        country: node.country,
        placeName: node.area,
        sourceOrg: stock.sourceOrg,
        sourceType: stock.sourceType,
        confidence: stock.confidence,
        value: f.value,
        reconciled,
        residual: f.value - reconciled,
        relative: reconciled > 0 ? (f.value - reconciled) / reconciled : undefined,
        weight: f.weight,
      });
    }
  }
  residuals.sort((a, b) => a.row - b.row);
  const collectRows = (node: LedgerNode): number[] => {
    node.rows = [
      ...node.own.flatMap((s) => s.rows),
      ...[...node.children.values()].flatMap(collectRows),
    ].sort((a, b) => a - b);
    return node.rows;
  };
  roots.forEach(collectRows);

  // ── the days of the split ──
  const trackDays = tracks
    .map((t) => dayNumber(t.date))
    .filter((d): d is number => d !== undefined);
  for (const d of trackDays) {
    firstDay = Math.min(firstDay, d);
    lastDay = Math.max(lastDay, d);
  }
  const from = options.from !== undefined ? dayNumber(options.from) : firstDay;
  const to = options.to !== undefined ? dayNumber(options.to) : lastDay;
  const sources: LedgerSource[] = [];
  const visitSources = (node: LedgerNode, depth: number) => {
    if (depth > 0 && depth <= 2 && node.rows.length > 0) {
      sources.push({
        category: node.category,
        country: node.country,
        placeName: node.area,
        rows: node.rows,
      });
    }
    if (depth < 2) node.children.forEach((c) => visitSources(c, depth + 1));
    if (depth === 0 && node.own.length > 0)
      sources.push({ category: node.category, rows: node.own.flatMap((s) => s.rows) });
  };
  roots.forEach((root) => visitSources(root, 0));
  if (
    from === undefined ||
    to === undefined ||
    !Number.isFinite(from) ||
    !Number.isFinite(to) ||
    to < from
  ) {
    return { split: [], departed: [], residuals, warnings, sources };
  }

  // ── 3. the place hierarchy on one day ──
  const warnedNodes = new Set<string>();
  const ownValue = (node: LedgerNode, day: number): DailyValue | undefined =>
    node.own.reduce<DailyValue | undefined>(
      (sum, s) => addValues(sum, valueOnDay(s.points, s.basis, day, daily)),
      undefined,
    );

  const partsExceed = (node: LedgerNode, day: number, parts: DailyValue, total: DailyValue) => {
    if (warnedNodes.has(node.key)) return;
    warnedNodes.add(node.key);
    warnings.push({
      code: "parts_exceed_total",
      message:
        `On ${isoDate(day)} the ${node.category} figures for ${partsText(node)} add up to ${Math.round(parts.value)}, ` +
        `more than its own total of ${Math.round(total.value)} (stock rows ${rowList(node.rows)}); the ledger uses the sum of the parts.`,
      rows: node.rows,
      date: isoDate(day),
      category: node.category,
      country: node.country,
      placeName: node.area,
    });
  };

  /** The node's total on `day` and the split rows under it. */
  const evaluate = (
    node: LedgerNode,
    depth: number,
    day: number,
  ): { total?: DailyValue; parts: Part[] } => {
    const own = ownValue(node, day);
    let childSum: DailyValue | undefined;
    const childParts: Part[] = [];
    for (const c of node.children.values()) {
      const result = evaluate(c, depth + 1, day);
      childSum = addValues(childSum, result.total);
      childParts.push(...result.parts);
    }
    // An area (depth 2) is one row: its shelters are summed into it, not listed.
    const rowFor = (v: DailyValue): Part => ({
      category: node.category,
      country: node.country,
      placeName: node.area,
      lon: node.areaPlace?.lon,
      lat: node.areaPlace?.lat,
      ...v,
    });
    if (depth >= 2) {
      let total = own ?? childSum;
      if (own && childSum && childSum.value > own.value) {
        partsExceed(node, day, childSum, own);
        total = childSum;
      }
      return { total, parts: depth === 2 && total ? [rowFor(total)] : [] };
    }
    if (!own) return { total: childSum, parts: childParts };
    if (!childSum) return { total: own, parts: [rowFor(own)] };
    if (childSum.value > own.value) {
      partsExceed(node, day, childSum, own);
      return { total: childSum, parts: childParts };
    }
    const rest: DailyValue = {
      value: own.value - childSum.value,
      low: Math.max(0, own.low - childSum.high),
      high: Math.max(0, own.high - childSum.low),
    };
    return { total: own, parts: rest.value >= 0.5 ? [...childParts, rowFor(rest)] : childParts };
  };

  // ── 4. tracks by day; 5. departed ──
  const tracksByDay = new Map<number, TrackPoint[]>();
  tracks.forEach((t, i) => {
    const day = trackDays.length === tracks.length ? trackDays[i] : dayNumber(t.date);
    if (day === undefined) return;
    const list = tracksByDay.get(day);
    if (list) list.push(t);
    else tracksByDay.set(day, [t]);
  });
  const northbound = northboundFloor(dataset.counts);
  const aggregateFloor = departureFloor(dataset.aggregates ?? [], options.departureMeasures);
  const peaks = new Map<string, { size: number; low: number; high: number }>();
  for (const [day, points] of tracksByDay)
    if (day < from) for (const p of points) updatePeak(peaks, p);

  const countryAt = new Map<string, Iso3 | undefined>();
  const countryOf = (p: TrackPoint): Iso3 | undefined => {
    const key = `${p.lon.toFixed(2)},${p.lat.toFixed(2)}`;
    if (!countryAt.has(key)) countryAt.set(key, gazetteer.nearest(p.lon, p.lat)?.place.country);
    return countryAt.get(key);
  };

  const split: SplitRow[] = [];
  const departed: DepartedRow[] = [];
  const categoryOrder = new Map(SPLIT_CATEGORIES.map((c, i) => [c, i]));
  let departedBefore = { value: 0, low: 0, high: 0 };
  let returnsEpisode = false;
  let accountedEpisode = false;
  for (let day = from; day <= to; day++) {
    const date = isoDate(day);
    const parts: Part[] = [];
    for (const category of STOCK_CATEGORIES)
      parts.push(...evaluate(roots.get(category)!, 0, day).parts);

    const todays = tracksByDay.get(day) ?? [];
    for (const p of todays) updatePeak(peaks, p);
    parts.push(...inTransit(todays, parts, radiusKm, countryOf));

    const rows = roundParts(parts)
      .filter((p) => p.value > 0 || p.valueHigh > 0)
      .sort(
        (a, b) =>
          categoryOrder.get(a.category)! - categoryOrder.get(b.category)! ||
          blankLast(a.country, b.country) ||
          blankLast(a.placeName, b.placeName),
      );
    const accounted = rows.reduce((s, r) => s + r.value, 0);
    const accountedLow = rows.reduce((s, r) => s + r.valueLow, 0);
    const accountedHigh = rows.reduce((s, r) => s + r.valueHigh, 0);
    let peakSum = 0;
    let peakLow = 0;
    let peakHigh = 0;
    for (const p of peaks.values()) {
      peakSum += p.size;
      peakLow += p.low;
      peakHigh += p.high;
    }
    const counted = Math.max(northbound(day), aggregateFloor(day));
    const fromTracks = Math.round(Math.max(peakSum, counted));
    if (fromTracks > 0 && accounted > fromTracks * 1.1 && accounted > departedBefore.value) {
      if (!accountedEpisode) {
        const present = rows.filter((r) => r.category === "remaining");
        const presentRows = present.flatMap(
          (r) =>
            sources.find(
              (s) =>
                s.category === r.category && s.country === r.country && s.placeName === r.placeName,
            )?.rows ?? [],
        );
        warnings.push({
          code: "accounted_exceeds_departures",
          message:
            `On ${date} the sources account for ${accounted} people, more than the ${fromTracks} the tracks, counts and departure totals say had left` +
            (present.length > 0
              ? ` (remaining: ${present.map((r) => `${r.placeName ?? r.country ?? "not placed"} ${r.value}`).join(", ")}; stock rows ${rowList(presentRows)}). `
              : ". ") +
            `Categories may overlap in the sources (an asylum claimant in a shelter is counted twice); the ledger raises the people who left to ${accounted}.`,
          rows: [...new Set(presentRows)].sort((x, y) => x - y),
          date,
        });
      }
      accountedEpisode = true;
    } else accountedEpisode = false;
    const value = Math.max(departedBefore.value, fromTracks, accounted);
    const low = Math.min(
      value,
      Math.max(departedBefore.low, Math.round(Math.max(peakLow, counted)), accountedLow),
    );
    const high = Math.max(
      value,
      departedBefore.high,
      Math.round(Math.max(peakHigh, counted)),
      accountedHigh,
    );
    departedBefore = { value, low, high };

    const returns = rows.filter((r) => r.category === "return").reduce((s, r) => s + r.value, 0);
    if (fromTracks > 0 && returns > fromTracks) {
      if (!returnsEpisode) {
        const returnRows = roots.get("return")!.rows;
        warnings.push({
          code: "returns_exceed_departures",
          message:
            `On ${date} returns (${returns}) exceed the people the tracks and counts say had left (${fromTracks}); ` +
            `stock rows ${rowList(returnRows)}. The ledger raises the people who left to ${value} so everyone stays counted; check the returns or the group sizes.`,
          rows: returnRows,
          date,
          category: "return",
        });
      }
      returnsEpisode = true;
    } else returnsEpisode = false;

    for (const r of rows) split.push({ date, ...r });
    split.push({
      date,
      category: "unknown",
      value: value - accounted,
      valueLow: Math.min(value - accounted, Math.max(0, low - accountedHigh)),
      valueHigh: Math.max(value - accounted, high - accountedLow),
    });
    departed.push({ date, value, valueLow: low, valueHigh: high, fromTracks, accounted });
  }
  return { split, departed, residuals, warnings, sources };
}

/**
 * Whether a figure is a bound: read from the `value_qualifier` column the importer keeps in
 * `extra` (`over`, `more_than`, `at_least` → lower; `up_to`, `under`, `at_most`, `less_than` → upper).
 */
function boundOf(figure: StockFigure): "lower" | "upper" | undefined {
  const qualifier = figure.extra?.["value_qualifier"]
    ?.trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (!qualifier) return undefined;
  if (["over", "more_than", "at_least", "min", "minimum"].includes(qualifier)) return "lower";
  if (["up_to", "under", "at_most", "less_than", "max", "maximum"].includes(qualifier))
    return "upper";
  return undefined;
}

/** Orders names alphabetically with blanks (totals, "the rest") after them. */
function blankLast(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function updatePeak(
  peaks: Map<string, { size: number; low: number; high: number }>,
  p: TrackPoint,
): void {
  if (!Number.isFinite(p.size)) return;
  const peak = peaks.get(p.group);
  // The interval is the one of the peak day, not a running maximum of upper bounds (which would
  // keep the widest day's bound forever).
  if (peak && peak.size >= p.size) return;
  peaks.set(p.group, {
    size: p.size,
    low: Number.isFinite(p.sizeLow) ? Math.min(p.sizeLow, p.size) : p.size,
    high: Number.isFinite(p.sizeHigh) ? Math.max(p.sizeHigh, p.size) : p.size,
  });
}

/**
 * Whole people per row. Within a category the rows are rounded by largest remainder so that they
 * add up to the rounded category total: a total that does not fall stays so after rounding.
 */
function roundParts(parts: readonly Part[]): Omit<SplitRow, "date">[] {
  const byCategory = new Map<SplitCategory, Part[]>();
  for (const p of parts) {
    const list = byCategory.get(p.category);
    if (list) list.push(p);
    else byCategory.set(p.category, [p]);
  }
  const out: Omit<SplitRow, "date">[] = [];
  for (const list of byCategory.values()) {
    const values = list.map((p) => Math.max(0, p.value));
    const target = Math.round(values.reduce((s, v) => s + v, 0));
    const floors = values.map(Math.floor);
    let missing = target - floors.reduce((s, v) => s + v, 0);
    const order = values
      .map((v, i) => ({ i, remainder: v - floors[i]! }))
      .sort((x, y) => y.remainder - x.remainder || x.i - y.i);
    for (const { i } of order) {
      if (missing <= 0) break;
      floors[i]!++;
      missing--;
    }
    list.forEach((p, i) => {
      const value = floors[i]!;
      out.push({
        category: p.category,
        country: p.country,
        placeName: p.placeName,
        value,
        valueLow: Math.min(value, Math.max(0, Math.round(p.low))),
        valueHigh: Math.max(value, Math.round(p.high)),
      });
    });
  }
  return out;
}
