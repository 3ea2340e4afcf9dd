/**
 * SVG charts of the situation update, as strings (DOM-free): a stacked area chart of the split and
 * small multiples of people present per place against shelter capacity. No external resources,
 * no scripts; the SVG is meant to be inlined in HTML (no xmlns needed there).
 */
import { scaleLinear, scaleUtc } from "d3-scale";
import { area, line } from "d3-shape";
import type { SplitCategory } from "../model/track.ts";
import type { IsoDate } from "../model/units.ts";
import { dayNumber } from "../calendar/index.ts";
import { presentKnown } from "./countedText.ts";
import { CATEGORY_COLORS, escapeHtml, formatDate, formatPeople } from "./format.ts";
import type { PlacePanel } from "./situationUpdate.ts";
import { situationWords, type SituationLang } from "./words.ts";

/** Size of a chart in CSS pixels. */
export interface ChartSize {
  width?: number;
  height?: number;
}

const FONT = `font-family="system-ui, sans-serif" font-size="11"`;

function utc(date: IsoDate): Date {
  return new Date(date.slice(0, 10) + "T00:00:00Z");
}

/** Day number of a date, NaN when it is none (so it never joins a segment). */
function dayOf(date: IsoDate): number {
  return dayNumber(date) ?? NaN;
}

/** Rounds every number in a path to one decimal so the SVG stays small and stable. */
function tidy(path: string | null): string {
  return (path ?? "").replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}

function r1(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * A stacked area chart of the daily split: one layer per category (in the order given, first at
 * the bottom), x = date, y = people, with a legend and a marker on the last day.
 * @param stack dates and one series of people per category (same length as `dates`).
 * @param lang language of the title, legend and dates (words.ts); English by default.
 * @returns an `<svg>` element as text; an SVG saying "no data" when there are no dates.
 * @example
 * stackedAreaSvg({ dates: ["2018-10-13"], series: [{ category: "in_transit", values: [1000] }] });
 */
export function stackedAreaSvg(
  stack: { dates: IsoDate[]; series: { category: SplitCategory; values: number[] }[] },
  size: ChartSize = {},
  lang: SituationLang = "en",
): string {
  const w = situationWords(lang);
  const width = size.width ?? 760;
  const height = size.height ?? 340;
  const margin = { top: 16, right: 190, bottom: 28, left: 56 };
  const open = `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="split-title" ${FONT}>`;
  const title = `<title id="split-title">${escapeHtml(w.splitChartTitle)}</title>`;
  if (stack.dates.length === 0 || stack.series.length === 0) {
    return `${open}${title}<text x="${width / 2}" y="${height / 2}" text-anchor="middle">${escapeHtml(w.noSplitForDates)}</text></svg>`;
  }
  const dates = stack.dates.map(utc);
  // Cumulative layers: lower[i] and upper[i] of each series.
  const lower = stack.dates.map(() => 0);
  const layers = stack.series.map((s) => {
    const y0 = lower.slice();
    const y1 = y0.map((v, i) => v + Math.max(0, s.values[i] ?? 0));
    y1.forEach((v, i) => (lower[i] = v));
    return { category: s.category, y0, y1 };
  });
  const top = Math.max(1, ...lower);
  const x = scaleUtc()
    .domain([dates[0]!, dates[dates.length - 1]!])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, top])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const parts: string[] = [open, title];
  parts.push(
    `<desc>${escapeHtml(w.stackedBottomToTop)} ${layers.map((l) => escapeHtml(w.categories[l.category] ?? l.category)).join(", ")}.</desc>`,
  );
  for (const tick of y.ticks(5)) {
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${r1(y(tick))}" y2="${r1(y(tick))}" stroke="#e5e5e5"/>`,
      `<text x="${margin.left - 6}" y="${r1(y(tick) + 4)}" text-anchor="end">${formatPeople(tick)}</text>`,
    );
  }
  for (const layer of layers) {
    const path = area<number>()
      .x((i) => x(dates[i]!))
      .y0((i) => y(layer.y0[i]!))
      .y1((i) => y(layer.y1[i]!))(dates.map((_, i) => i));
    parts.push(
      `<path d="${tidy(path)}" fill="${CATEGORY_COLORS[layer.category]}" fill-opacity="0.9"><title>${escapeHtml(w.categories[layer.category] ?? layer.category)}</title></path>`,
    );
  }
  for (const tick of x.ticks(Math.min(8, stack.dates.length))) {
    parts.push(
      `<line x1="${r1(x(tick))}" x2="${r1(x(tick))}" y1="${height - margin.bottom}" y2="${height - margin.bottom + 4}" stroke="#333"/>`,
      `<text x="${r1(x(tick))}" y="${height - margin.bottom + 16}" text-anchor="middle">${formatDate(tick.toISOString(), true, lang)}</text>`,
    );
  }
  parts.push(
    `<line x1="${margin.left}" x2="${width - margin.right}" y1="${height - margin.bottom}" y2="${height - margin.bottom}" stroke="#333"/>`,
  );
  // Legend, top layer first so it reads like the chart.
  [...layers].reverse().forEach((layer, k) => {
    const ly = margin.top + k * 18;
    const last = layer.y1[layer.y1.length - 1]! - layer.y0[layer.y0.length - 1]!;
    parts.push(
      `<rect x="${width - margin.right + 12}" y="${ly}" width="12" height="12" fill="${CATEGORY_COLORS[layer.category]}"/>`,
      `<text x="${width - margin.right + 30}" y="${ly + 10}">${escapeHtml(w.shortCategories[layer.category] ?? layer.category)}: ${formatPeople(last)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

/**
 * Small multiples: one panel per place with people present (line, 90 % band) against the shelter
 * capacity (dashed line). Panels share the date axis; each has its own people axis (its maximum
 * is printed) so small places stay readable.
 * @param panels places with their daily series; `capacity` undefined draws no capacity line.
 * @param domain first and last date of the shared x axis.
 * @param lang language of the title, labels and dates (words.ts); English by default.
 * @returns an `<svg>` element as text.
 * @example
 * smallMultiplesSvg(
 *   [{ placeName: "Tijuana", capacity: 3000, series: [{ date: "2018-11-20", value: 6200, valueLow: 5900, valueHigh: 6500 }] }],
 *   ["2018-11-01", "2018-12-15"],
 * );
 */
export function smallMultiplesSvg(
  panels: readonly PlacePanel[],
  domain: [IsoDate, IsoDate],
  options: { columns?: number; panelWidth?: number; panelHeight?: number } = {},
  lang: SituationLang = "en",
): string {
  const w = situationWords(lang);
  const columns = Math.max(1, Math.min(options.columns ?? 3, panels.length || 1));
  const pw = options.panelWidth ?? 250;
  const ph = options.panelHeight ?? 150;
  const rows = Math.max(1, Math.ceil(panels.length / columns));
  const width = columns * pw;
  const height = rows * ph;
  const parts: string[] = [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="places-title" ${FONT}>`,
    `<title id="places-title">${escapeHtml(w.placesChartTitle)}</title>`,
  ];
  if (panels.length === 0) {
    parts.push(
      `<text x="${width / 2}" y="${height / 2}" text-anchor="middle">${escapeHtml(w.noPlaceFigures)}</text></svg>`,
    );
    return parts.join("");
  }
  const m = { top: 22, right: 12, bottom: 22, left: 44 };
  const x = scaleUtc()
    .domain([utc(domain[0]), utc(domain[1])])
    .range([m.left, pw - m.right]);
  panels.forEach((panel, k) => {
    const ox = (k % columns) * pw;
    const oy = Math.floor(k / columns) * ph;
    const top = Math.max(1, panel.capacity ?? 0, ...panel.series.map((s) => s.valueHigh));
    const y = scaleLinear()
      .domain([0, top])
      .nice()
      .range([ph - m.bottom, m.top]);
    // Consecutive days form one segment; a gap (no figure holds: a count aged out, `presentKnown`,
    // as the table's "not counted since") breaks the line and the band.
    const known = panel.series.filter(presentKnown);
    const segments: (typeof panel.series)[] = [];
    known.forEach((s, i) => {
      const previous = known[i - 1];
      if (previous && dayOf(s.date) - dayOf(previous.date) <= 1) {
        segments[segments.length - 1]!.push(s);
      } else segments.push([s]);
    });
    type Point = (typeof panel.series)[number];
    const band = area<Point>()
      .x((s) => x(utc(s.date)))
      .y0((s) => y(s.valueLow))
      .y1((s) => y(s.valueHigh));
    const mid = line<Point>()
      .x((s) => x(utc(s.date)))
      .y((s) => y(s.value));
    const paths = segments.map(
      (segment) =>
        `<path d="${tidy(band(segment))}" fill="#009E73" fill-opacity="0.2"/>` +
        `<path d="${tidy(mid(segment.length === 1 ? [segment[0]!, segment[0]!] : segment))}" fill="none" stroke="#009E73" stroke-width="1.5"/>`,
    );
    const capacity =
      panel.capacity === undefined
        ? ""
        : `<line x1="${m.left}" x2="${pw - m.right}" y1="${r1(y(panel.capacity))}" y2="${r1(y(panel.capacity))}" stroke="#C00" stroke-dasharray="4 3"><title>${escapeHtml(w.capacity)} ${formatPeople(panel.capacity)}</title></line>`;
    const end = panel.series[panel.series.length - 1];
    const last = end && presentKnown(end) ? end : undefined;
    parts.push(
      `<g transform="translate(${ox},${oy})">`,
      `<text x="${m.left}" y="14" font-weight="bold">${escapeHtml(panel.placeName)}</text>`,
      `<text x="${pw - m.right}" y="14" text-anchor="end">${escapeHtml(panel.capacity === undefined ? w.capacityNotKnown : `${w.capacity} ${formatPeople(panel.capacity)}`)}</text>`,
      `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${ph - m.bottom}" stroke="#333"/>`,
      `<line x1="${m.left}" x2="${pw - m.right}" y1="${ph - m.bottom}" y2="${ph - m.bottom}" stroke="#333"/>`,
      `<text x="${m.left - 4}" y="${m.top + 4}" text-anchor="end">${formatPeople(y.domain()[1])}</text>`,
      `<text x="${m.left - 4}" y="${ph - m.bottom}" text-anchor="end">0</text>`,
      `<text x="${m.left}" y="${ph - 6}">${formatDate(domain[0], true, lang)}</text>`,
      `<text x="${pw - m.right}" y="${ph - 6}" text-anchor="end">${formatDate(domain[1], true, lang)}</text>`,
      ...paths,
      capacity,
      last
        ? `<text x="${r1(x(utc(last.date)) - 2)}" y="${r1(y(last.value) - 4)}" text-anchor="end">${formatPeople(last.value)}</text>`
        : "",
      `</g>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
