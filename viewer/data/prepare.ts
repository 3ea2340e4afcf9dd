/**
 * prepareReplay: Dataset (+ the library's tracks and split when available) → ReplayData.
 * Pure and DOM-free, so it runs the same in the page (local provider) or in a Web Worker.
 */
import { createGazetteer, SPLIT_CATEGORIES } from "../../src/index.ts";
import type {
  CountRecord,
  Dataset,
  Direction,
  IsoDate,
  Km,
  Place,
  SeedFigure,
  Sighting,
  SplitCategory,
  SplitRow,
  TrackPoint,
} from "../../src/index.ts";
import { dateOf, daysSince } from "./replay.ts";
import type {
  FlowSeries,
  GroupTrack,
  Headline,
  PresenceSeries,
  ReplayData,
  ReportRef,
  SplitSeries,
  TrackFrame,
} from "./replay.ts";
import { headingAt, locate, measureRoute, pointAt, sliceLine } from "./routeLine.ts";
import type { RouteLine } from "./routeLine.ts";

export interface PrepareInput {
  dataset: Dataset;
  /** The estimator's tracks; when absent, tracks are interpolated between sightings (marked so). */
  tracks?: TrackPoint[];
  /** The ledger split; when absent, the chart shows reported cumulative stock figures only. */
  split?: SplitRow[];
  /**
   * Which sighting the estimator gave to which group (its report's associations). When absent,
   * a group's reports are the sightings labelled with its name.
   */
  associations?: { sightingId: string; group: string }[];
  /** Figures of a situation report (e.g. `situationReport2018()`), shown as headlines with their agency. */
  seeds?: SeedFigure[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Earliest date of anything in the input (the replay's day 0). */
function startDate(input: PrepareInput): IsoDate {
  const dates = [
    ...input.dataset.sightings.map((s) => s.observedAt.slice(0, 10)),
    ...input.dataset.counts.map((c) => c.date.slice(0, 10)),
    ...(input.tracks ?? []).map((p) => p.date.slice(0, 10)),
  ].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  dates.sort();
  return dates[0] ?? "2018-10-12";
}

/** Days that stock figures may run past the end of the movement data and still be replayed. */
const STOCK_TAIL_DAYS = 30;

/**
 * Last day of the replay: the last sighting, count or track day; figures (stocks, split) extend it
 * by at most STOCK_TAIL_DAYS, so a figure published months later does not stretch the replay.
 */
function endDate(input: PrepareInput): IsoDate {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  const movement = [
    ...input.dataset.sightings.map((s) => s.observedAt.slice(0, 10)),
    ...input.dataset.counts.map((c) => c.date.slice(0, 10)),
    ...(input.tracks ?? []).map((p) => p.date.slice(0, 10)),
  ]
    .filter(valid)
    .sort();
  const figures = [
    ...input.dataset.stocks.map((s) => s.date.slice(0, 10)),
    ...(input.split ?? []).map((p) => p.date.slice(0, 10)),
  ]
    .filter(valid)
    .sort();
  const lastMove = movement[movement.length - 1];
  const lastFigure = figures[figures.length - 1];
  if (!lastMove) return lastFigure ?? "2018-12-31";
  if (!lastFigure || lastFigure <= lastMove) return lastMove;
  const cap = dateOf(lastMove, STOCK_TAIL_DAYS);
  return lastFigure < cap ? lastFigure : cap;
}

/** The route a point lies on (smallest offset), with its km. */
function onRoute(
  lines: RouteLine[],
  lon: number,
  lat: number,
): { line: RouteLine; km: Km } | undefined {
  let best: { line: RouteLine; km: Km; offset: number } | undefined;
  for (const line of lines) {
    const l = locate(line, lon, lat);
    if (!best || l.offset < best.offset) best = { line, km: l.km, offset: l.offset };
  }
  return best;
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

function framesFromTracks(
  points: TrackPoint[],
  start: IsoDate,
  lines: Map<string, RouteLine>,
): TrackFrame[] {
  return points
    .map((p) => {
      const line = lines.get(p.routeId);
      const band = line ? sliceLine(line, p.kmLow, p.kmHigh) : [[p.lon, p.lat] as [number, number]];
      return {
        t: daysSince(start, p.date),
        lon: p.lon,
        lat: p.lat,
        routeId: p.routeId,
        km: p.km,
        kmLow: p.kmLow,
        kmHigh: p.kmHigh,
        size: p.size,
        sizeLow: p.sizeLow,
        sizeHigh: p.sizeHigh,
        band,
      };
    })
    .sort((a, b) => a.t - b.t);
}

/**
 * Provisional tracks before the estimator exists (or for a dataset it cannot fit): per labelled
 * group, positions interpolated along the route between its sightings, sizes between its sized
 * reports; intervals widen with the days since the nearest report so the drawing stays honest.
 */
function interpolateTracks(
  sightings: Sighting[],
  places: Place[],
  lines: RouteLine[],
  start: IsoDate,
) {
  const gazetteer = createGazetteer(places);
  const byGroup = new Map<string, { t: number; lon: number; lat: number; s: Sighting }[]>();
  for (const s of sightings) {
    if (!s.caravanLabel) continue;
    let lon = s.lon;
    let lat = s.lat;
    if ((lon === undefined || lat === undefined) && s.placeName) {
      const p = gazetteer.find(s.placeName, s.country);
      lon = p?.lon;
      lat = p?.lat;
    }
    if (lon === undefined || lat === undefined) continue;
    const list = byGroup.get(s.caravanLabel) ?? [];
    list.push({ t: daysSince(start, s.observedAt), lon, lat, s });
    byGroup.set(s.caravanLabel, list);
  }
  const out = new Map<string, TrackFrame[]>();
  for (const [group, obs] of byGroup) {
    obs.sort((a, b) => a.t - b.t);
    const placed = obs
      .map((o) => ({ ...o, on: onRoute(lines, o.lon, o.lat) }))
      .filter((o): o is typeof o & { on: { line: RouteLine; km: Km } } => o.on !== undefined);
    if (!placed.length) continue;
    const sized = obs
      .map((o) => {
        const { sizeBest, sizeMin, sizeMax } = o.s;
        const best =
          sizeBest ??
          (sizeMin !== undefined && sizeMax !== undefined
            ? (sizeMin + sizeMax) / 2
            : (sizeMin ?? sizeMax));
        return best === undefined
          ? undefined
          : { t: o.t, best, low: sizeMin ?? best * 0.7, high: sizeMax ?? best * 1.4 };
      })
      .filter((x): x is NonNullable<typeof x> => x !== undefined);
    const frames: TrackFrame[] = [];
    const first = Math.floor(placed[0]!.t);
    const last = Math.floor(placed[placed.length - 1]!.t);
    for (let d = first; d <= last; d++) {
      const t = d + 0.5;
      let j = placed.findIndex((o) => o.t >= t);
      if (j === -1) j = placed.length - 1;
      const b = placed[j]!;
      const a = placed[Math.max(0, j - 1)]!;
      const f = b.t > a.t ? Math.max(0, Math.min(1, (t - a.t) / (b.t - a.t))) : 1;
      // Interpolate along the later sighting's route when both are on it, else jump at the midpoint.
      const line = a.on.line === b.on.line ? b.on.line : f < 0.5 ? a.on.line : b.on.line;
      const km =
        a.on.line === b.on.line ? a.on.km + f * (b.on.km - a.on.km) : f < 0.5 ? a.on.km : b.on.km;
      const gap = Math.min(...placed.map((o) => Math.abs(o.t - t)));
      const kmSpread = 15 + 25 * gap;
      const [lon, lat] = pointAt(line, km);
      let size = NaN;
      let low = NaN;
      let high = NaN;
      if (sized.length) {
        let k = sized.findIndex((o) => o.t >= t);
        if (k === -1) k = sized.length - 1;
        const sb = sized[k]!;
        const sa = sized[Math.max(0, k - 1)]!;
        const g = sb.t > sa.t ? Math.max(0, Math.min(1, (t - sa.t) / (sb.t - sa.t))) : 1;
        const sgap = Math.min(...sized.map((o) => Math.abs(o.t - t)));
        const widen = 1 + 0.04 * sgap;
        size = sa.best + g * (sb.best - sa.best);
        low = (sa.low + g * (sb.low - sa.low)) / widen;
        high = (sa.high + g * (sb.high - sa.high)) * widen;
      }
      if (!Number.isFinite(size)) continue;
      const kmLow = Math.max(0, km - kmSpread);
      const kmHigh = Math.min(line.length, km + kmSpread);
      frames.push({
        t,
        lon,
        lat,
        routeId: line.id,
        km,
        kmLow,
        kmHigh,
        size,
        sizeLow: Math.min(low, size),
        sizeHigh: Math.max(high, size),
        band: sliceLine(line, kmLow, kmHigh),
      });
    }
    if (frames.length) out.set(group, frames);
  }
  return out;
}

function flowsFrom(
  counts: CountRecord[],
  places: Place[],
  lines: RouteLine[],
  start: IsoDate,
): FlowSeries[] {
  const gazetteer = createGazetteer(places);
  const byPoint = new Map<string, FlowSeries>();
  const days = new Map<string, Map<number, FlowSeries["days"][number]>>();
  for (const c of counts) {
    const key = c.fmpId ?? c.fmpName;
    if (!key) continue;
    let series = byPoint.get(key);
    if (!series) {
      const place =
        (c.fmpId ? gazetteer.findById(c.fmpId) : undefined) ??
        (c.fmpName ? gazetteer.find(c.fmpName, c.country) : undefined);
      const lon = c.lon ?? place?.lon;
      const lat = c.lat ?? place?.lat;
      if (lon === undefined || lat === undefined) continue;
      const on = onRoute(lines, lon, lat);
      series = {
        id: key,
        name: place?.name ?? c.fmpName ?? key,
        lon,
        lat,
        heading: on ? headingAt(on.line, on.km) : [0, 1],
        days: [],
      };
      byPoint.set(key, series);
      days.set(key, new Map());
    }
    const t = Math.floor(daysSince(start, c.date));
    const perDay = days.get(key)!;
    let day = perDay.get(t);
    if (!day) {
      day = { t, date: c.date.slice(0, 10), byDirection: {}, sources: [] };
      perDay.set(t, day);
    }
    if (c.total !== undefined) {
      const dir: Direction = c.direction;
      day.byDirection[dir] = (day.byDirection[dir] ?? 0) + c.total;
    }
    if (c.sourceOrg && !day.sources.includes(c.sourceOrg)) day.sources.push(c.sourceOrg);
  }
  for (const [key, series] of byPoint)
    series.days = [...days.get(key)!.values()].sort((a, b) => a.t - b.t);
  return [...byPoint.values()];
}

/** Split rows summed over country and place, one column per day from day 0 to `days`. */
function splitFromLedger(rows: SplitRow[], start: IsoDate, days: number): SplitSeries {
  const categories = SPLIT_CATEGORIES.filter((c) => rows.some((r) => r.category === c));
  const n = days + 1;
  const zero = () => categories.map(() => new Array<number>(n).fill(0));
  const values = zero();
  const low = zero();
  const high = zero();
  const defined = new Array<boolean>(n).fill(false);
  for (const r of rows) {
    const d = Math.floor(daysSince(start, r.date));
    const c = categories.indexOf(r.category);
    if (d < 0 || d >= n || c < 0) continue;
    defined[d] = true;
    values[c]![d]! += r.value;
    low[c]![d]! += r.valueLow;
    high[c]![d]! += r.valueHigh;
  }
  const t = Array.from({ length: n }, (_, i) => i);
  return {
    t,
    dates: t.map((i) => dateOf(start, i)),
    categories,
    values,
    low,
    high,
    defined,
    basis: "ledger",
  };
}

const STOCK_TO_SPLIT: Record<string, SplitCategory> = {
  asylum_claim: "asylum_claim",
  return: "return",
  regularized: "regularized",
  onward: "onward",
};

/**
 * Without the ledger: the reported cumulative figures per category (median of the sources on a
 * date), held until the next report. Not a split of the whole movement, and labelled as such.
 */
function splitFromStocks(stocks: Dataset["stocks"], start: IsoDate, days: number): SplitSeries {
  const n = days + 1;
  const byCat = new Map<SplitCategory, Map<number, number[]>>();
  for (const s of stocks) {
    const cat = STOCK_TO_SPLIT[s.category];
    if (!cat || s.basis !== "cumulative") continue;
    const d = Math.floor(daysSince(start, s.date));
    const m = byCat.get(cat) ?? new Map<number, number[]>();
    m.set(d, [...(m.get(d) ?? []), s.value]);
    byCat.set(cat, m);
  }
  const categories = SPLIT_CATEGORIES.filter((c) => byCat.has(c));
  const values = categories.map((c) => {
    const m = byCat.get(c)!;
    const row = new Array<number>(n).fill(0);
    let held = 0;
    for (let d = 0; d < n; d++) {
      const v = m.get(d);
      if (v) held = Math.max(held, median(v));
      row[d] = held;
    }
    return row;
  });
  const t = Array.from({ length: n }, (_, i) => i);
  return {
    t,
    dates: t.map((i) => dateOf(start, i)),
    categories,
    values,
    low: values.map((r) => [...r]),
    high: values.map((r) => [...r]),
    defined: t.map(() => true),
    basis: "stocks",
  };
}

/**
 * Builds everything the viewer draws from a dataset and, when available, the estimator's tracks
 * and the ledger's split.
 * @example prepareReplay({ dataset: embedded2018() }).groups.length // => number of labelled groups
 */
export function prepareReplay(input: PrepareInput): ReplayData {
  const { dataset } = input;
  const start = startDate(input);
  const days = Math.max(1, Math.floor(daysSince(start, endDate(input))) + 1);
  const lines = dataset.routes.features.map(measureRoute);
  const byId = new Map(lines.map((l) => [l.id, l]));

  const sightingsByGroup = new Map<string, ReportRef[]>();
  const groupOf = new Map((input.associations ?? []).map((a) => [a.sightingId, a.group]));
  dataset.sightings.forEach((s, i) => {
    const group = input.associations ? groupOf.get(s.id ?? `s${i}`) : s.caravanLabel;
    if (!group) return;
    const list = sightingsByGroup.get(group) ?? [];
    list.push(reportOf(s, start, i));
    sightingsByGroup.set(group, list);
  });

  let framesByGroup: Map<string, TrackFrame[]>;
  if (input.tracks?.length) {
    framesByGroup = new Map();
    const grouped = new Map<string, TrackPoint[]>();
    for (const p of input.tracks) grouped.set(p.group, [...(grouped.get(p.group) ?? []), p]);
    for (const [g, pts] of grouped) framesByGroup.set(g, framesFromTracks(pts, start, byId));
  } else {
    framesByGroup = interpolateTracks(dataset.sightings, dataset.places, lines, start);
  }
  // The way from each day's position to the next along the route (marks follow the road).
  for (const frames of framesByGroup.values()) {
    for (let i = 0; i + 1 < frames.length; i++) {
      const a = frames[i]!;
      const b = frames[i + 1]!;
      const line = byId.get(a.routeId);
      if (line && a.routeId === b.routeId && Math.abs(b.km - a.km) > 0.5)
        a.toNext = sliceLine(line, a.km, b.km);
    }
  }
  const groups: GroupTrack[] = [...framesByGroup.entries()]
    .sort((a, b) => a[1][0]!.t - b[1][0]!.t)
    .map(([id, frames], i) => ({
      id,
      label: id,
      colour: i,
      frames,
      reports: (sightingsByGroup.get(id) ?? []).sort((a, b) => a.t - b.t),
    }));

  const headlines: Headline[] = dataset.stocks
    .map((s): Headline => ({
      category: s.category,
      basis: s.basis,
      t: daysSince(start, s.date),
      date: s.date.slice(0, 10),
      value: s.value,
      country: s.country,
      placeName: s.placeName,
      sourceOrg: s.sourceOrg,
      url: s.url,
      from: "stock" as const,
    }))
    .concat(
      (input.seeds ?? [])
        .filter((f) => f.category !== undefined && f.unit === "people")
        .map((f): Headline => ({
          category: f.category!,
          basis: f.category === "remaining" ? ("present" as const) : ("cumulative" as const),
          t: daysSince(start, f.asOf),
          date: f.asOf,
          value: f.value,
          country: f.countries.join(", ") || undefined,
          placeName: f.placeNames.join(", ") || undefined,
          sourceOrg: f.agency,
          url: undefined,
          qualifier: f.qualifier === "exact" ? undefined : f.qualifier,
          from: "report" as const,
        })),
    )
    .sort((a, b) => a.t - b.t);

  const gazetteer = createGazetteer(dataset.places);
  const presenceMap = new Map<string, PresenceSeries>();
  for (const s of dataset.stocks) {
    if (s.basis !== "present" || !s.placeName) continue;
    const place = gazetteer.find(s.placeName, s.country);
    const key = place?.name ?? s.placeName;
    const series = presenceMap.get(key) ?? {
      placeName: key,
      capacity: place?.kind === "shelter" ? place.capacity : undefined,
      points: [],
    };
    series.points.push({
      t: daysSince(start, s.date),
      date: s.date.slice(0, 10),
      value: s.value,
      sourceOrg: s.sourceOrg,
    });
    presenceMap.set(key, series);
  }
  const presence = [...presenceMap.values()]
    .map((p) => ({ ...p, points: p.points.sort((a, b) => a.t - b.t) }))
    .sort((a, b) => b.points.length - a.points.length);

  return {
    name: dataset.name,
    start,
    days,
    places: dataset.places,
    routes: dataset.routes,
    groups,
    flows: flowsFrom(dataset.counts, dataset.places, lines, start),
    split: input.split?.length
      ? splitFromLedger(input.split, start, days)
      : splitFromStocks(dataset.stocks, start, days),
    headlines,
    presence,
    trackMethod: input.tracks?.length ? "estimate" : "interpolated",
  };
}
