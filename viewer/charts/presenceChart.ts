/**
 * Small multiples: people reported present at a place over time, against its shelter capacity.
 * One pure builder per place; every multiple shares the time axis of the replay.
 */
import { scaleLinear } from "d3-scale";
import { curveStepAfter, line } from "d3-shape";
import type { PresenceSeries } from "../data/replay.ts";
import {
  countedText,
  estimatedText,
  presentKnown,
  presentText,
  travellingText,
} from "../../src/index.ts";
import type { Place } from "../../src/index.ts";
import { formatCount, placeLabel, tr } from "../i18n.ts";
import { CATEGORY_COLOUR } from "../palette.ts";
import { h, svgRoot } from "../render/vnode.ts";
import type { VNode } from "../render/vnode.ts";
import type { Lang } from "../state.ts";

export interface PresenceOptions {
  width: number;
  height: number;
  lang: Lang;
  /** Length of the replay in days (shared x domain). */
  days: number;
  t: number;
  ink?: string;
  /** The replay's places, for the place's name in Spanish (`placeLabel`); none: the library's name. */
  places?: readonly Place[];
}

/**
 * Margins (px): the top holds four lines of text (name; people; capacity; the counts' age), each
 * on its own line so that none is cut at the multiple's width (220 px) in either language.
 */
const M = { top: 56, right: 8, bottom: 6, left: 8 };

/** Horizontal scale of a multiple. */
export function presenceX(days: number, width: number) {
  return scaleLinear()
    .domain([0, days + 1])
    .range([M.left, width - M.right]);
}

/**
 * The line under a multiple's title: the latest figure on or before the day of t against the capacity, and
 * whether it is over capacity (shown bold); `value` is that figure as the library gives it
 * (undefined before the first). Series from the state of the corridor have a point every day, so
 * the latest figure is the day's. `counted`: the line under it, "(counted 21 Nov–4 Dec)" when the
 * figure rests on counts older than its day, else "".
 */
export function presenceFigure(
  series: PresenceSeries,
  t: number,
  lang: Lang,
): {
  figure: string;
  capacity: string;
  counted: string;
  over: boolean;
  value: number | undefined;
  latest: PresenceSeries["points"][number] | undefined;
} {
  // By calendar day, as the map and the split: day D is shown from 00:00 to 24:00.
  const day = Math.floor(t);
  const latest = [...series.points].reverse().find((p) => Math.floor(p.t) <= day);
  const over =
    latest !== undefined && series.capacity !== undefined && latest.value > series.capacity;
  // The counts the figure rests on when older than its day, in the library's words (`countedText`,
  // as the situation panel's row of the place): " (counted 21 Nov–4 Dec)".
  const counted = latest && latest.value > 0 ? countedText(latest, latest.date, lang).trim() : "";
  // No one present after a count that aged out: the library's "not counted since 6 Dec" (or
  // "counted 6 Dec: fewer than 1,000"), as the situation update's table says, not "0".
  const aged = latest !== undefined && !presentKnown(latest);
  // People estimated, not counted, carry the library's mark (`estimatedText`, as the situation
  // update's table); people travelling through, not present, are said beside them
  // (`travellingText`): present is resting + waiting + staying, one definition.
  const people =
    (aged
      ? presentText(latest, lang)
      : `${latest ? formatCount(lang, latest.value) : "–"} ${tr(lang, "present")}` +
        estimatedText(latest, latest?.value ?? 0, lang)) + travellingText(latest, lang);
  // The capacity on a line of its own: after the people it cut the line ("… 1,000 / 7,000 capacid…").
  const capacity =
    series.capacity !== undefined
      ? `/ ${formatCount(lang, series.capacity)} ${tr(lang, "capacity")}`
      : tr(lang, "noCapacity");
  return { figure: people, capacity, counted, over, value: latest?.value, latest };
}

/**
 * One multiple: a step line of the reported figures (dots where a report exists), broken where a
 * count aged out (`presentKnown`), a dashed line at the capacity when known, and the cursor.
 * @example presenceChart(replay.presence[0], { width: 180, height: 70, lang: "es", days: 80, t: 40 })
 */
export function presenceChart(series: PresenceSeries, opts: PresenceOptions): VNode {
  const { width, height, lang } = opts;
  const ink = opts.ink ?? "currentColor";
  const max = Math.max(1, series.capacity ?? 0, ...series.points.map((p) => p.value));
  const x = presenceX(opts.days, width);
  const y = scaleLinear()
    .domain([0, max * 1.05])
    .range([height - M.bottom, M.top]);
  // A day whose count aged out holds no figure (`presentKnown`): a gap in the line, not 0, as the
  // figure above says "not counted since".
  const path = line<PresenceSeries["points"][number]>()
    .defined(presentKnown)
    .x((p) => x(p.t))
    .y((p) => y(p.value))
    .curve(curveStepAfter)(series.points);
  const { figure, capacity, counted, over, value, latest } = presenceFigure(series, opts.t, lang);
  const name = placeLabel(lang, series.placeName, opts.places);
  const label = `${name}: ${figure} ${capacity}${counted ? ` ${counted}` : ""}`;
  return svgRoot(
    width,
    height,
    {
      class: "presence-chart",
      "font-size": 11,
    },
    h("title", {}, label),
    h("text", { x: M.left, y: 12, fill: ink, "font-weight": 600 }, name),
    h(
      "text",
      {
        x: M.left,
        y: 25,
        fill: ink,
        "font-weight": over ? 700 : 400,
        "font-size": 10,
        "data-role": "figure",
        "data-value": value === undefined ? "" : String(value),
        "data-estimated": latest?.estimated === undefined ? undefined : String(latest.estimated),
        "data-travelling": latest?.travelling === undefined ? undefined : String(latest.travelling),
      },
      figure,
    ),
    h(
      "text",
      { x: M.left, y: 37, fill: ink, "font-size": 10, "data-role": "capacity-text" },
      capacity,
    ),
    h("text", { x: M.left, y: 49, fill: ink, "font-size": 10, "data-role": "counted" }, counted),
    series.capacity !== undefined
      ? h("line", {
          x1: M.left,
          x2: width - M.right,
          y1: y(series.capacity),
          y2: y(series.capacity),
          stroke: ink,
          "stroke-dasharray": "3 2",
          "stroke-opacity": 0.7,
          "data-role": "capacity",
        })
      : null,
    h("path", {
      d: path ?? "",
      fill: "none",
      stroke: CATEGORY_COLOUR.remaining,
      "stroke-width": 1.75,
    }),
    series.points
      .filter(presentKnown)
      .map((p) =>
        h("circle", { cx: x(p.t), cy: y(p.value), r: 2, fill: CATEGORY_COLOUR.remaining }),
      ),
    h("line", {
      "data-role": "cursor",
      x1: x(opts.t),
      x2: x(opts.t),
      y1: M.top - 2,
      y2: height - M.bottom,
      stroke: ink,
      "stroke-width": 1,
    }),
  );
}
