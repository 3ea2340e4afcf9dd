/**
 * The split as a stacked area chart: people by category over time, with a cursor at the replay
 * date. A pure builder: (series, options) → VNode, snapshot-tested in tests/viewer.
 */
import { scaleLinear } from "d3-scale";
import { area, curveLinear, stack, stackOrderNone, stackOffsetNone } from "d3-shape";
import type { SplitCategory } from "../../src/index.ts";
import type { SplitSeries } from "../data/replay.ts";
import { categoryName, formatDate, formatCount } from "../i18n.ts";
import { CATEGORY_COLOUR } from "../palette.ts";
import { h, svgRoot } from "../render/vnode.ts";
import type { VNode } from "../render/vnode.ts";
import type { Lang } from "../state.ts";

export interface SplitChartOptions {
  width: number;
  height: number;
  lang: Lang;
  /** Cursor position, days since the replay start. */
  t: number;
  /** Text colour (follows the theme). */
  ink?: string;
}

/** Bottom-to-top order: outcomes that are settled first, the uncertain ones on top. */
const ORDER: SplitCategory[] = [
  "return",
  "asylum_claim",
  "regularized",
  "remaining",
  "onward",
  "other",
  "in_transit",
  "unknown",
];

export const MARGIN = { top: 10, right: 12, bottom: 22, left: 46 };

/** Horizontal scale of the chart (days → px), shared with the cursor updater. */
export function splitX(series: SplitSeries, width: number) {
  const last = series.t[series.t.length - 1] ?? 1;
  return scaleLinear()
    .domain([0, last + 1])
    .range([MARGIN.left, width - MARGIN.right]);
}

/**
 * Builds the stacked area chart.
 * @example toSvgString(splitChart(replay.split, { width: 600, height: 180, lang: "en", t: 20 }))
 */
export function splitChart(series: SplitSeries, opts: SplitChartOptions): VNode {
  const { width, height, lang } = opts;
  const ink = opts.ink ?? "currentColor";
  const cats = ORDER.filter((c) => series.categories.includes(c));
  const rows = series.t.map((t, d) => {
    const row: Record<string, number> = { t };
    for (const c of cats) row[c] = series.values[series.categories.indexOf(c)]![d] ?? 0;
    return row;
  });
  const stacked = stack<Record<string, number>>()
    .keys(cats)
    .order(stackOrderNone)
    .offset(stackOffsetNone)(rows);
  const maxY = Math.max(1, ...stacked.flatMap((s) => s.map((p) => p[1])));
  const x = splitX(series, width);
  // Values are daily: each day's column spans [d, d + 1), drawn at its middle.
  const y = scaleLinear()
    .domain([0, maxY])
    .nice(4)
    .range([height - MARGIN.bottom, MARGIN.top]);
  const shape = area<[number, number] & { data: Record<string, number> }>()
    .defined((p) => series.defined[p.data.t!] !== false)
    .x((p) => x(p.data.t! + 0.5))
    .y0((p) => y(p[0]))
    .y1((p) => y(p[1]))
    // The ledger's estimates change daily.
    .curve(curveLinear);
  const weekTicks = series.t.filter(
    (t) => series.dates[t]?.endsWith("-01") || series.dates[t]?.endsWith("-15"),
  );
  const cursorX = x(Math.max(0, Math.min(opts.t, (series.t[series.t.length - 1] ?? 0) + 1)));
  return svgRoot(
    width,
    height,
    {
      class: "split-chart",
      "font-size": 11,
    },
    h("title", {}, cats.map((c) => categoryName(lang, c)).join(", ")),
    h(
      "defs",
      {},
      h(
        "pattern",
        {
          id: "hatch-unknown",
          width: 6,
          height: 6,
          patternUnits: "userSpaceOnUse",
          patternTransform: "rotate(45)",
        },
        h("rect", { width: 6, height: 6, fill: CATEGORY_COLOUR.unknown, "fill-opacity": 0.35 }),
        h("line", {
          x1: 0,
          y1: 0,
          x2: 0,
          y2: 6,
          stroke: CATEGORY_COLOUR.unknown,
          "stroke-width": 2,
        }),
      ),
    ),
    h(
      "g",
      { class: "areas" },
      stacked.map((s) =>
        h(
          "path",
          {
            d: shape(s as never) ?? "",
            fill:
              s.key === "unknown" ? "url(#hatch-unknown)" : CATEGORY_COLOUR[s.key as SplitCategory],
            "fill-opacity": s.key === "unknown" ? 1 : 0.85,
            "data-category": s.key,
          },
          h("title", {}, categoryName(lang, s.key as SplitCategory)),
        ),
      ),
    ),
    h(
      "g",
      { class: "y-axis", fill: ink },
      y.ticks(4).map((v) =>
        h(
          "g",
          {},
          h("line", {
            x1: MARGIN.left,
            x2: width - MARGIN.right,
            y1: y(v),
            y2: y(v),
            stroke: ink,
            "stroke-opacity": 0.15,
          }),
          h(
            "text",
            { x: MARGIN.left - 4, y: y(v), dy: "0.32em", "text-anchor": "end" },
            formatCount(lang, v),
          ),
        ),
      ),
    ),
    h(
      "g",
      { class: "x-axis", fill: ink },
      weekTicks.map((t) =>
        h(
          "text",
          { x: x(t), y: height - 6, "text-anchor": "middle" },
          formatDate(lang, series.dates[t]!, false),
        ),
      ),
    ),
    h(
      "g",
      { class: "cursor", "data-role": "cursor", transform: `translate(${cursorX},0)` },
      h("line", {
        y1: MARGIN.top - 4,
        y2: height - MARGIN.bottom,
        stroke: ink,
        "stroke-width": 1.5,
      }),
    ),
  );
}

/** The values of every category on the day of `t` (for the readout next to the chart). */
export function splitAt(
  series: SplitSeries,
  t: number,
): { category: SplitCategory; value: number; low: number; high: number }[] {
  const d = Math.max(0, Math.min(series.t.length - 1, Math.floor(t)));
  if (series.defined[d] === false) return [];
  return ORDER.filter((c) => series.categories.includes(c)).map((c) => {
    const i = series.categories.indexOf(c);
    return {
      category: c,
      value: series.values[i]![d] ?? 0,
      low: series.low[i]![d] ?? 0,
      high: series.high[i]![d] ?? 0,
    };
  });
}
