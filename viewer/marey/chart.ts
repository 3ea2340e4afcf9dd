/**
 * The time–distance chart as a VNode (pure: snapshot-testable in Node, mounted with `toDom`,
 * serialised with `toSvgString` for the SVG export). Every text from data goes in as a text node.
 * The cursor and the groups' current positions are separate nodes (ids `marey-cursor`,
 * `marey-now-<i>`) that the view moves each frame without rebuilding the chart.
 */
import type { TimeDistance } from "../../src/index.ts";
import { isoDate } from "../../src/index.ts";
import { formatCount, formatDate, placeLabel } from "../i18n.ts";
import type { PlaceNames } from "../i18n.ts";
import { groupColour, OKABE_ITO } from "../palette.ts";
import { h } from "../render/vnode.ts";
import type { VNode } from "../render/vnode.ts";
import type { Lang } from "../state.ts";
import { MAREY_MARGIN, SOURCE_COLOUR } from "./layout.ts";
import type { MareyLayout, ReportMark } from "./layout.ts";
import { MAREY_TEXTS } from "./texts.ts";

export interface MareyChartOptions {
  lang: Lang;
  /** Selected group (drawn on top, thicker). */
  selected?: string;
  /** Hovered group, here or on the map (thicker, class "hovered"). */
  hovered?: string;
  /** Text colour (theme). */
  ink?: string;
  /** Cursor at replay time t (days since the replay start). */
  t: number;
  /** Include the cursor and current positions (default true; the live view draws them apart). */
  withNow?: boolean;
  /**
   * Leave the report marks out of the SVG (an empty `g.marey-reports` saying how many there are):
   * the live view draws many marks on a canvas instead (marks.ts). Default false.
   */
  marksElsewhere?: boolean;
  /**
   * The data's places, for their names in the language (`placeLabel`: "Ciudad de México" in
   * Spanish); a name not among them is shown as it came. Default none (names as written).
   */
  places?: PlaceNames;
}

/** A stop's label on the km axis, cut at 28 characters, and its whole name as a title. */
function stopLabel(name: string): [string, VNode] {
  return [name.length > 28 ? `${name.slice(0, 27)}…` : name, h("title", {}, name)];
}

/** ISO date of a local day number. */
export function isoOfDay(day: number): string {
  return isoDate(day);
}

/**
 * Builds the chart.
 * @example toSvgString(mareyChart(layoutMarey(td, { width: 900, height: 520 }, day0), td, { lang: "en", t: 10 }))
 */
export function mareyChart(layout: MareyLayout, td: TimeDistance, opts: MareyChartOptions): VNode {
  const L = opts.lang;
  const T = MAREY_TEXTS[L];
  const ink = opts.ink ?? "currentColor";
  const { width, height } = layout;
  const m = MAREY_MARGIN;
  const label = T.chartLabel(
    td.groups.length,
    td.reports.length,
    formatDate(L, isoOfDay(td.dayRange[0])),
    formatDate(L, isoOfDay(td.dayRange[1])),
    td.axisRouteId,
  );
  const bottom = height - m.bottom;
  const axes = h(
    "g",
    { class: "marey-axes", fill: ink, "font-size": 10 },
    layout.stops.map((s) =>
      h(
        "g",
        {},
        h("line", {
          x1: m.left,
          x2: width - m.right,
          y1: s.y,
          y2: s.y,
          stroke: ink,
          "stroke-opacity": s.kind === "border_crossing" ? 0.45 : 0.12,
          "stroke-dasharray": s.kind === "border_crossing" ? "4 3" : undefined,
        }),
        h(
          "text",
          {
            x: m.left - 4,
            y: s.y + 3,
            "text-anchor": "end",
            "font-weight": s.kind === "border_crossing" ? "bold" : undefined,
          },
          ...stopLabel(placeLabel(L, s.name, opts.places)),
        ),
      ),
    ),
    layout.dayTicks.map((d) =>
      h(
        "g",
        {},
        h("line", { x1: d.x, x2: d.x, y1: m.top, y2: bottom, stroke: ink, "stroke-opacity": 0.1 }),
        h(
          "text",
          { x: d.x, y: bottom + 14, "text-anchor": "middle" },
          formatDate(L, isoOfDay(d.day), false),
        ),
      ),
    ),
    h(
      "text",
      { x: m.left - 4, y: layout.noPlaceY + 3, "text-anchor": "end", "font-style": "italic" },
      T.noPlace,
    ),
    h("text", { x: 4, y: height - 4, "font-weight": "bold" }, `↓ ${T.kmAxis} (${td.axisRouteId})`),
  );
  const bands = mareyBands(layout, opts);
  const counts = h(
    "g",
    { class: "marey-counts" },
    layout.counts.map((c) =>
      h(
        "rect",
        {
          x: c.x - c.r / 2,
          y: c.y - c.r / 2,
          width: c.r,
          height: c.r,
          fill: "none",
          stroke: ink,
          "stroke-width": 1,
        },
        h("title", {}, `${c.point}: ${formatCount(L, c.total)}`),
      ),
    ),
    layout.shelters.map((s) =>
      h(
        "path",
        {
          d: `M${s.x},${s.y - s.r}L${s.x + s.r},${s.y}L${s.x},${s.y + s.r}L${s.x - s.r},${s.y}Z`,
          fill: "none",
          stroke: s.over ? OKABE_ITO.vermillion : ink,
          "stroke-width": 1,
        },
        h("title", {}, `${placeLabel(L, s.place, opts.places)}: ${formatCount(L, s.value)}`),
      ),
    ),
  );
  const reports = opts.marksElsewhere
    ? h("g", {
        class: "marey-reports",
        "data-marks": "canvas",
        "data-count": layout.reports.length,
      })
    : h(
        "g",
        { class: "marey-reports" },
        layout.reports.map((r) => reportMark(r)),
      );
  const now = opts.withNow === false ? null : mareyNow(layout, ink);
  return h(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      class: "marey-chart",
      role: "img",
      "aria-label": label,
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      "font-family": "system-ui, sans-serif",
    },
    h("title", {}, T.chartTitle),
    axes,
    bands,
    counts,
    reports,
    now,
  );
}

/**
 * The order the bands are drawn in (last on top): the others in the layout's order, then the
 * selected group, then the hovered one — raised while the pointer is on it, back in its place after.
 */
export function bandOrder<T extends { group: string }>(
  bands: readonly T[],
  selected?: string,
  hovered?: string,
): T[] {
  const rank = (g: string) => (g === hovered ? 2 : g === selected ? 1 : 0);
  // Array.prototype.sort is stable: equal ranks keep the layout's order.
  return [...bands].sort((a, b) => rank(a.group) - rank(b.group));
}

/**
 * The groups' bands (`g.marey-bands`, one `g[data-group]` each, in `bandOrder`): the live view
 * re-mounts only this group when the selection or the hovered group changes.
 */
export function mareyBands(
  layout: MareyLayout,
  opts: Pick<MareyChartOptions, "selected" | "hovered">,
): VNode {
  return h(
    "g",
    { class: "marey-bands" },
    bandOrder(layout.bands, opts.selected, opts.hovered).map((b) => {
      const colour = groupColour(b.colour);
      const on = b.group === opts.selected || b.group === opts.hovered;
      const cls = [b.group === opts.selected && "selected", b.group === opts.hovered && "hovered"];
      return h(
        "g",
        { "data-group": b.group, class: cls.filter(Boolean).join(" ") || undefined },
        h("title", {}, b.group),
        h("path", { d: b.envelope, fill: colour, "fill-opacity": 0.08, stroke: "none" }),
        h("path", { d: b.body, fill: colour, "fill-opacity": on ? 0.55 : 0.38, stroke: "none" }),
        h("path", { d: b.median, fill: "none", stroke: colour, "stroke-width": on ? 2.5 : 1.5 }),
      );
    }),
  );
}

/** What the cursor shows at a moment: where it stands, its dash and its note. */
export interface CursorNote {
  x: number;
  /** `stroke-dasharray` outside the chart's days (the cursor waits at the edge); none inside. */
  dash?: string;
  /** "14 Dec 2018: after the chart's last day (29 Nov) →"; empty within the chart's days. */
  text: string;
  /** Where the note sits: left of the cursor after the last day, right of it before the first. */
  noteX: number;
  anchor: "start" | "end";
}

/**
 * The cursor at replay time `t` (days since the replay start) of `frame` (`mareyFrame`): past
 * (or before) the chart's days it waits at the edge, dashed, and says why with the day shown and
 * the chart's last (first) day. The live overlay, the SVG export and the screen readers' note
 * all take it from here.
 */
export function cursorNote(
  lang: Lang,
  layout: MareyLayout,
  t: number,
  frame: { cursorX: number; beyond?: "after" | "before" },
): CursorNote {
  const T = MAREY_TEXTS[lang];
  const x = frame.cursorX;
  if (!frame.beyond) return { x, text: "", noteX: x - 4, anchor: "end" };
  const date = formatDate(lang, isoOfDay(Math.floor(layout.day0 + t)));
  const after = frame.beyond === "after";
  const edge = formatDate(lang, isoOfDay(layout.dayRange[after ? 1 : 0]), false);
  return {
    x,
    dash: "3 3",
    text: after ? T.beyond(date, edge) : T.before(date, edge),
    noteX: x + (after ? -4 : 4),
    anchor: after ? "end" : "start",
  };
}

/**
 * The cursor and the groups' current positions (ids `marey-cursor`, `marey-now-<i>`): inside the
 * chart for exports, and alone in the live view's overlay SVG (its own paint layer, so moving it
 * does not repaint the 10,000 marks under it).
 */
export function mareyNow(layout: MareyLayout, ink: string): VNode {
  const m = MAREY_MARGIN;
  const bottom = layout.height - m.bottom;
  return h(
    "g",
    { class: "marey-now" },
    h("line", {
      id: "marey-cursor",
      x1: 0,
      x2: 0,
      y1: m.top - 20,
      y2: bottom,
      stroke: ink,
      "stroke-width": 1,
    }),
    // Says the day shown is outside the chart's days (the cursor then waits at the edge).
    h("text", {
      id: "marey-cursor-note",
      x: 0,
      y: m.top - 22,
      fill: ink,
      "font-size": 11,
    }),
    layout.bands.map((b, i) =>
      h("circle", {
        id: `marey-now-${i}`,
        "data-group": b.group,
        r: 4,
        cx: -10,
        cy: -10,
        fill: groupColour(b.colour),
        stroke: ink,
        "stroke-width": 1,
      }),
    ),
  );
}

/**
 * One report mark, in absolute coordinates: no `transform` per mark, which would give each of
 * them its own paint chunk and make Chromium's layerisation of the page cost ~100 ms a frame at
 * 10,000 marks.
 */
function reportMark(r: ReportMark): VNode {
  const stroke = r.colour;
  const { x, y } = r;
  return h(
    "g",
    { "data-report-id": r.id, "data-status": r.status, "data-group": r.group },
    r.bar
      ? h("rect", {
          x: x - 1.5,
          y: y - r.bar.half,
          width: 3,
          height: 2 * r.bar.half,
          fill: stroke,
          "fill-opacity": 0.6,
        })
      : null,
    h("circle", {
      cx: x,
      cy: y,
      r: r.r,
      fill: r.hollow ? "none" : r.colour,
      "fill-opacity": r.hollow ? undefined : 0.75,
      stroke,
      "stroke-width": r.hollow ? 1.5 : 0.6,
    }),
    r.rejected
      ? h("path", {
          d: `M${x - r.r},${y - r.r}L${x + r.r},${y + r.r}M${x - r.r},${y + r.r}L${x + r.r},${y - r.r}`,
          stroke,
          "stroke-width": 1,
        })
      : null,
  );
}

/** The legend as a VNode list (HTML), following the chart's encodings. */
export function mareyLegend(lang: Lang): VNode {
  const T = MAREY_TEXTS[lang];
  const swatch = (colour: string) =>
    h(
      "svg",
      { width: 12, height: 12, "aria-hidden": "true" },
      h("circle", { cx: 6, cy: 6, r: 5, fill: colour }),
    );
  return h(
    "ul",
    { class: "marey-legend" },
    Object.entries(SOURCE_COLOUR).map(([type, colour]) =>
      h("li", {}, swatch(colour), " ", T.sourceTypes[type] ?? type),
    ),
    h("li", {}, `${T.legendBody} · ${T.legendInterval} · ${T.legendMedian}`),
    h("li", {}, T.legendHollow),
    h("li", {}, T.legendBar),
    h("li", {}, T.legendCount),
    h("li", {}, T.legendShelter),
  );
}

/** The data-table alternative: every report, and every group-day (as the chart draws them). */
export function mareyTable(td: TimeDistance, lang: Lang, places: PlaceNames = []): VNode {
  const T = MAREY_TEXTS[lang];
  // Whole km grouped by thousands ("2,078"), as the details, the evidence and the map say.
  const km = (v: number | undefined) => (v === undefined ? "–" : formatCount(lang, Math.round(v)));
  const reports = [...td.reports].sort(
    (a, b) => a.t - b.t || a.sightingId.localeCompare(b.sightingId),
  );
  return h(
    "div",
    { class: "marey-tables" },
    h(
      "table",
      { class: "marey-table" },
      h("caption", {}, T.tableReports),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          [
            T.colId,
            T.colDate,
            T.colKm,
            T.colPlace,
            T.colGroup,
            T.colSource,
            T.colPeople,
            T.colStatus,
          ].map((c) => h("th", { scope: "col" }, c)),
        ),
      ),
      h(
        "tbody",
        {},
        reports.map((r) =>
          h(
            "tr",
            { "data-report-id": r.sightingId },
            h("th", { scope: "row" }, r.sightingId),
            h("td", {}, formatDate(lang, isoOfDay(r.t))),
            h("td", {}, km(r.km)),
            h("td", {}, r.placeName ? placeLabel(lang, r.placeName, places) : "–"),
            h("td", {}, r.group ?? "–"),
            h("td", {}, T.sourceTypes[r.sourceType] ?? r.sourceType),
            h(
              "td",
              {},
              r.sizeMin !== undefined && r.sizeMax !== undefined
                ? `${formatCount(lang, r.sizeMin)}–${formatCount(lang, r.sizeMax)}`
                : r.people !== undefined
                  ? formatCount(lang, r.people)
                  : "–",
            ),
            h("td", {}, T.status[r.status] ?? r.status),
          ),
        ),
      ),
    ),
    h(
      "table",
      { class: "marey-table" },
      h("caption", {}, T.tableGroups),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          [T.colGroup, T.colDate, T.colKm, T.colKmRange, T.colSize].map((c) =>
            h("th", { scope: "col" }, c),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        td.bodies.map((b) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, b.group),
            h("td", {}, formatDate(lang, b.date)),
            h("td", {}, km(b.km)),
            h("td", {}, `${km(b.tail)}–${km(b.head)}`),
            h("td", {}, Number.isFinite(b.size) ? formatCount(lang, b.size) : "–"),
          ),
        ),
      ),
    ),
  );
}
