/**
 * Fan chart of people present at one place: the p10–p90 band, the p50 line and the shelter
 * capacity as a dashed line, over the scenario's days. A pure builder (VNode), so it is tested in
 * node and mounted with `toDom`; colours come from the stylesheet (classes), not attributes, so
 * the chart follows the theme.
 */
import type { PlaceResult } from "../../src/index.ts";
import { formatDate, formatCount, placeLabel } from "../i18n.ts";
import { h } from "../render/vnode.ts";
import type { VNode } from "../render/vnode.ts";
import type { Lang } from "../state.ts";
import { scenarioText } from "./texts.ts";

export interface FanOptions {
  width: number;
  height: number;
  lang: Lang;
  /** The scenario's dates (ISO), one per day of the series. */
  dates: readonly string[];
  /** Top of the y axis in people (shared across results side by side); default from the data. */
  yMax?: number;
}

const MARGIN = { top: 18, right: 8, bottom: 16, left: 8 };

/** Top of the y axis for a place: above its p90 and its capacity, with a little room. */
export function fanYMax(place: PlaceResult): number {
  const top = Math.max(1, ...place.present.p90, place.capacity ?? 0);
  return top * 1.08;
}

/**
 * The chart: `<svg class="fan" data-place=…>` with `path.band` (p10–p90), `path.median` (p50),
 * `line.capacity` when the capacity is known, the place name, its p50 peak and the date ends.
 * @example fanChart(tapachula, { width: 300, height: 110, lang: "en", dates })
 */
export function fanChart(place: PlaceResult, options: FanOptions): VNode {
  const { width, height, lang, dates } = options;
  const yMax = options.yMax ?? fanYMax(place);
  const n = dates.length;
  const x = (d: number) =>
    MARGIN.left + (n <= 1 ? 0 : (d / (n - 1)) * (width - MARGIN.left - MARGIN.right));
  const y = (v: number) =>
    height - MARGIN.bottom - (Math.min(v, yMax) / yMax) * (height - MARGIN.top - MARGIN.bottom);
  const pt = (d: number, v: number) => `${x(d).toFixed(1)},${y(v).toFixed(1)}`;
  const { p10, p50, p90 } = place.present;
  const upper = p90.map((v, d) => pt(d, v));
  const lower = p10.map((v, d) => pt(d, v)).reverse();
  const band = n ? `M${upper.join("L")}L${lower.join("L")}Z` : "";
  const median = n ? `M${p50.map((v, d) => pt(d, v)).join("L")}` : "";
  const cap = place.capacity;
  const peak = place.peakPeople;
  const capText =
    cap !== undefined
      ? `${scenarioText(lang, "capacityLine")} ${formatCount(lang, cap)}`
      : scenarioText(lang, "noCapacity");
  const over = cap !== undefined && place.overCapacityAnyDayProbability > 0;
  // The place in the language's name (Ciudad de México); data-place keeps the library's name.
  const name = placeLabel(lang, place);
  const label = `${name}: ${formatCount(lang, peak.p50)} (${formatCount(lang, peak.p10)}–${formatCount(lang, peak.p90)}) · ${capText}`;
  return h(
    "svg",
    {
      class: over ? "fan over" : "fan",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": label,
      "data-place": place.name,
    },
    h("title", {}, label),
    h("path", { class: "band", d: band }),
    h("path", { class: "median", d: median }),
    cap !== undefined && cap <= yMax
      ? h("line", {
          class: "capacity",
          x1: MARGIN.left,
          x2: width - MARGIN.right,
          y1: y(cap).toFixed(1),
          y2: y(cap).toFixed(1),
          "data-capacity": cap,
        })
      : null,
    h("text", { class: "name", x: MARGIN.left, y: 12 }, name),
    h(
      "text",
      { class: "figure", x: width - MARGIN.right, y: 12, "text-anchor": "end" },
      `${formatCount(lang, peak.p50)} (${formatCount(lang, peak.p10)}–${formatCount(lang, peak.p90)}) · ${capText}`,
    ),
    n
      ? h(
          "text",
          { class: "axis", x: MARGIN.left, y: height - 3 },
          formatDate(lang, dates[0]!, false),
        )
      : null,
    n
      ? h(
          "text",
          { class: "axis", x: width - MARGIN.right, y: height - 3, "text-anchor": "end" },
          formatDate(lang, dates[n - 1]!, false),
        )
      : null,
  );
}
