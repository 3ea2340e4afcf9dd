/**
 * Pixel layout of the time–distance (Marey) chart: scales, bands, report marks, count and shelter
 * marks, stop labels, and the per-frame positions (cursor and each group's median person at t).
 * Pure and DOM-free (tested in tests/viewer/marey.test.ts); the library's `timeDistance` gives the
 * content in km and local days, this only turns it into pixels.
 *
 * Orientation: date across (left → right), km along the axis route down the side (origin at the
 * top, as a timetable reads the line from its first station).
 */
import type { TimeDistance, TimeDistanceBody } from "../../src/index.ts";
import { OKABE_ITO } from "../palette.ts";

export interface MareySize {
  width: number;
  height: number;
}

export const MAREY_MARGIN = { top: 30, right: 16, bottom: 40, left: 176 };
/** Y of the "no place" row (reports without a place) above the km axis. */
const NO_PLACE_DY = -16;
/** Largest mark radius (px): the largest report of the chart. */
const MAX_RADIUS = 11;
const MIN_RADIUS = 2.5;

/** One colour per source type (Okabe–Ito; the legend names them). */
export const SOURCE_COLOUR: Record<string, string> = {
  dtm: OKABE_ITO.blue,
  un: OKABE_ITO.skyBlue,
  government: OKABE_ITO.green,
  ngo: OKABE_ITO.orange,
  media: OKABE_ITO.purple,
  organiser: OKABE_ITO.vermillion,
  social_media: OKABE_ITO.yellow,
  other: OKABE_ITO.grey,
};

export interface Linear {
  (v: number): number;
  invert(px: number): number;
  domain: [number, number];
  range: [number, number];
}

/** A linear scale as a plain closure (no d3 object: cheap per frame, easy to test). */
export function linear(domain: [number, number], range: [number, number]): Linear {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((v: number) => r0 + (v - d0) * k) as Linear;
  f.invert = (px) => (k === 0 ? d0 : d0 + (px - r0) / k);
  f.domain = domain;
  f.range = range;
  return f;
}

export interface ReportMark {
  id: string;
  group?: string;
  x: number;
  y: number;
  /** Radius: area ∝ people; MIN_RADIUS for a report without a size. */
  r: number;
  colour: string;
  /** Set aside as an outlier, or rejected: drawn hollow. */
  hollow: boolean;
  rejected: boolean;
  /** A size range: a bar from r(min) to r(max) (px above and below the centre). */
  bar?: { half: number };
  noPlace: boolean;
  status: string;
}

export interface GroupBand {
  group: string;
  colour: number;
  /** Path of the 90 % envelope (tail low … head high), the body (tail … head), the median line. */
  envelope: string;
  body: string;
  median: string;
  /** Days (local t) and median km, for the per-frame position. */
  ts: Float64Array;
  kms: Float64Array;
}

export interface MareyLayout {
  width: number;
  height: number;
  x: Linear;
  y: Linear;
  /** Local day of the replay's t = 0 (the viewer's days are counted from it). */
  day0: number;
  /** The chart's first and last local days (the data's `dayRange`). */
  dayRange: readonly [number, number];
  stops: { y: number; name: string; kind: string }[];
  dayTicks: { x: number; day: number }[];
  bands: GroupBand[];
  reports: ReportMark[];
  counts: { x: number; y: number; r: number; point: string; total: number }[];
  shelters: { x: number; y: number; r: number; place: string; value: number; over: boolean }[];
  noPlaceY: number;
}

/**
 * Lays the chart out.
 * @param day0 local day number of the viewer's t = 0 (replay start at 00:00).
 */
export function layoutMarey(td: TimeDistance, size: MareySize, day0: number): MareyLayout {
  const m = MAREY_MARGIN;
  const x = linear([td.dayRange[0], td.dayRange[1] + 1], [m.left, size.width - m.right]);
  const y = linear([0, td.lengthKm], [m.top, size.height - m.bottom]);
  const maxPeople = Math.max(1, ...td.reports.map((r) => r.sizeMax ?? r.people ?? 0));
  const radius = (people: number | undefined) =>
    people === undefined || !(people > 0)
      ? MIN_RADIUS
      : Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(people / maxPeople));
  const noPlaceY = m.top + NO_PLACE_DY;

  const order = new Map(td.groups.map((g, i) => [g.group, i]));
  const byGroup = new Map<string, TimeDistanceBody[]>();
  for (const b of td.bodies) {
    let list = byGroup.get(b.group);
    if (!list) byGroup.set(b.group, (list = []));
    list.push(b);
  }
  const bands: GroupBand[] = [];
  for (const [group, days] of byGroup) {
    days.sort((a, b) => a.t - b.t);
    const lo = days.map((d) => Math.min(d.tailLow, d.kmLow));
    const hi = days.map((d) => Math.max(d.headHigh, d.kmHigh));
    bands.push({
      group,
      colour: order.get(group) ?? bands.length,
      envelope: areaPath(days, x, y, lo, hi),
      body: areaPath(
        days,
        x,
        y,
        days.map((d) => Math.min(d.tail, d.km)),
        days.map((d) => Math.max(d.head, d.km)),
      ),
      median: linePath(days, x, y),
      ts: Float64Array.from(days, (d) => d.t),
      kms: Float64Array.from(days, (d) => d.km),
    });
  }
  bands.sort((a, b) => a.colour - b.colour);

  const reports: ReportMark[] = td.reports.map((r) => {
    const mark: ReportMark = {
      id: r.sightingId,
      x: round(x(r.t)),
      y: round(r.km === undefined ? noPlaceY : y(r.km)),
      r: round(radius(r.sizeMin !== undefined && r.sizeMax !== undefined ? r.sizeMin : r.people)),
      colour: SOURCE_COLOUR[r.sourceType] ?? OKABE_ITO.grey,
      hollow: r.status === "outlier" || r.status === "rejected" || r.status === "left_out",
      rejected: r.status === "rejected",
      noPlace: r.km === undefined,
      status: r.status,
    };
    if (r.group !== undefined) mark.group = r.group;
    if (r.sizeMin !== undefined && r.sizeMax !== undefined) {
      mark.bar = { half: round(radius(r.sizeMax)) };
    }
    return mark;
  });
  const maxCount = Math.max(
    1,
    ...td.counts.map((c) => c.total),
    ...td.shelters.map((s) => s.value),
  );
  const squareSide = (v: number) => Math.max(2, 9 * Math.sqrt(v / maxCount));
  return {
    width: size.width,
    height: size.height,
    x,
    y,
    day0,
    dayRange: td.dayRange,
    stops: thinStops(td, y),
    dayTicks: dayTicks(x, td.dayRange),
    bands,
    reports,
    counts: td.counts.map((c) => ({
      x: round(x(c.t)),
      y: round(y(c.km)),
      r: round(squareSide(c.total)),
      point: c.point,
      total: c.total,
    })),
    shelters: td.shelters.map((s) => ({
      x: round(x(s.t)),
      y: round(y(s.km)),
      r: round(squareSide(s.value)),
      place: s.place,
      value: s.value,
      over: s.capacity !== undefined && s.value > s.capacity,
    })),
    noPlaceY,
  };
}

/** Stop labels that do not overlap (11 px apart): border crossings first, then by km order. */
function thinStops(td: TimeDistance, y: Linear): MareyLayout["stops"] {
  const rank = (kind: string) => (kind === "border_crossing" ? 0 : kind === "fmp" ? 1 : 2);
  const sorted = [...td.stops].sort((a, b) => rank(a.kind) - rank(b.kind) || a.km - b.km);
  const taken: number[] = [];
  const out: MareyLayout["stops"] = [];
  for (const s of sorted) {
    const py = y(s.km);
    if (taken.some((t) => Math.abs(t - py) < 11)) continue;
    taken.push(py);
    out.push({ y: round(py), name: s.name, kind: s.kind });
  }
  return out.sort((a, b) => a.y - b.y);
}

/** A tick every 7 days (Mondays are not needed: a week's rhythm reads well). */
function dayTicks(x: Linear, range: [number, number]): MareyLayout["dayTicks"] {
  const ticks: MareyLayout["dayTicks"] = [];
  const step = Math.max(1, Math.ceil((range[1] - range[0]) / 12 / 7) * 7);
  for (let d = range[0]; d <= range[1]; d += step) ticks.push({ x: round(x(d)), day: d });
  return ticks;
}

function areaPath(
  days: readonly TimeDistanceBody[],
  x: Linear,
  y: Linear,
  lo: readonly number[],
  hi: readonly number[],
): string {
  if (days.length === 0) return "";
  const top = days.map((d, i) => `${round(x(d.t))},${round(y(lo[i]))}`);
  const bottom = days.map((d, i) => `${round(x(d.t))},${round(y(hi[i]))}`).reverse();
  return `M${top.join("L")}L${bottom.join("L")}Z`;
}

function linePath(days: readonly TimeDistanceBody[], x: Linear, y: Linear): string {
  return days.length ? `M${days.map((d) => `${round(x(d.t))},${round(y(d.km))}`).join("L")}` : "";
}

/**
 * Per-frame work: the cursor's x and each group's median person at replay time `t` (days since
 * the replay start), `undefined` outside a group's track. O(groups × log days).
 */
export function mareyFrame(
  layout: MareyLayout,
  t: number,
): {
  cursorX: number;
  /**
   * The day is past the chart's last day ("after") or before its first ("before"): the cursor
   * is held at that edge (the replay runs on with the ledger after the tracks end, 29 Nov → 14 Jan
   * for 2018, and the cursor used to leave the chart without a word).
   */
  beyond?: "after" | "before";
  groups: { group: string; x: number; y: number | undefined }[];
} {
  const day = layout.day0 + t;
  const raw = layout.x(day);
  const [lo, hi] = [MAREY_MARGIN.left, layout.width - MAREY_MARGIN.right];
  const beyond =
    raw > hi + 0.5 ? ("after" as const) : raw < lo - 0.5 ? ("before" as const) : undefined;
  const cursorX = round(Math.min(hi, Math.max(lo, raw)));
  const groups = layout.bands.map((b) => ({
    group: b.group,
    x: cursorX,
    y: medianAt(b, day, layout.y),
  }));
  return { cursorX, ...(beyond ? { beyond } : {}), groups };
}

function medianAt(b: GroupBand, day: number, y: Linear): number | undefined {
  const ts = b.ts;
  const n = ts.length;
  if (n === 0 || day < ts[0] - 0.5 || day > ts[n - 1] + 0.5) return undefined;
  if (day <= ts[0]) return round(y(b.kms[0]));
  if (day >= ts[n - 1]) return round(y(b.kms[n - 1]));
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] <= day) lo = mid;
    else hi = mid;
  }
  const w = (day - ts[lo]) / (ts[hi] - ts[lo]);
  return round(y(b.kms[lo] + (b.kms[hi] - b.kms[lo]) * w));
}

/** The report nearest to a pointer within `maxPx` (hover), or undefined. */
export function nearestReport(
  layout: MareyLayout,
  px: number,
  py: number,
  maxPx = 12,
): ReportMark | undefined {
  let best: ReportMark | undefined;
  let bestD = maxPx * maxPx;
  for (const r of layout.reports) {
    const d = (r.x - px) ** 2 + (r.y - py) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = r;
    }
  }
  return best;
}

/** The group whose band is under the pointer at its day (nearest median within its envelope ± 8 px). */
export function groupAt(layout: MareyLayout, px: number, py: number): string | undefined {
  const day = layout.x.invert(px);
  let best: string | undefined;
  let bestD = 14;
  for (const b of layout.bands) {
    const yy = medianAt(b, day, layout.y);
    if (yy === undefined) continue;
    const d = Math.abs(yy - py);
    if (d < bestD) {
      bestD = d;
      best = b.group;
    }
  }
  return best;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
