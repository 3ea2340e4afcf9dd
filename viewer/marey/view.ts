/**
 * The time–distance chart in the page: mounts the chart (chart.ts) built from the pure layout
 * (layout.ts), moves the cursor and the groups' current positions each frame, and shares hover and
 * selection with the map through the viewer's state (`setState({ selection, t })`). Keyboard:
 * the chart is focusable; ←/→ move one day, ↑/↓ the previous/next group, Enter asks for the evidence.
 * Text from files is set as text only (toDom / textContent).
 */
import type { TimeDistance } from "../../src/index.ts";
import { formatDate, formatCount, placeLabel } from "../i18n.ts";
import type { PlaceNames } from "../i18n.ts";
import { THEMES } from "../palette.ts";
import { h, mount, toDom, toSvgString } from "../render/vnode.ts";
import type { Lang, Theme } from "../state.ts";
import {
  cursorNote,
  isoOfDay,
  mareyBands,
  mareyChart,
  mareyLegend,
  mareyNow,
  mareyTable,
} from "./chart.ts";
import { groupAt, layoutMarey, mareyFrame, nearestReport } from "./layout.ts";
import type { MareyLayout } from "./layout.ts";
import { CANVAS_MARKS, drawMarks } from "./marks.ts";
import type { VNode } from "../render/vnode.ts";
import { MAREY_TEXTS } from "./texts.ts";

export interface MareyViewState {
  t: number;
  lang: Lang;
  theme: Theme;
  selected?: string;
  /** The hovered group (viewer state `hover`), emphasised like the selected one. */
  hovered?: string;
}

export interface MareyView {
  /** New content (after an estimate or a correction). */
  setData(td: TimeDistance, day0: number): void;
  /** Called every animation frame; cheap unless the language, theme or selection changed. */
  update(state: MareyViewState): void;
  /** The chart as standalone SVG text (export). */
  svgText(): string | undefined;
  readonly element: HTMLElement;
  /** Durations (ms) of the last frames' chart work (max 600), for the benchmark. */
  readonly times: number[];
}

export function createMareyView(options: {
  container: HTMLElement;
  onSelect: (group: string, t: number) => void;
  /** The group whose band is under the pointer (undefined on leaving it). */
  onHover: (group: string | undefined) => void;
  onStep: (days: number) => void;
  onEvidence: () => void;
  /** The places of the data shown, for their names in the language (none: names as written). */
  places?: () => PlaceNames;
}): MareyView {
  const places = () => options.places?.() ?? [];
  const { wrap, keys, live, tip, legend, details, summary, tableHost } = buildElements(
    options.container,
  );

  let td: TimeDistance | undefined;
  let layout: MareyLayout | undefined;
  let day0 = 0;
  /** What the chart was last built for; `selected`/`hovered` only re-mount the bands. */
  let drawn:
    { lang: Lang; theme: Theme; selected?: string; hovered?: string; width: number } | undefined;
  let last: MareyViewState | undefined;
  let cursor: SVGLineElement | null = null;
  let note: SVGTextElement | null = null;
  let dots: SVGCircleElement[] = [];
  const times: number[] = [];
  let measuredWidth = Math.floor(wrap.clientWidth || 900);
  new ResizeObserver(() => {
    measuredWidth = Math.floor(wrap.clientWidth || measuredWidth);
  }).observe(wrap);

  function rebuild(state: MareyViewState): void {
    if (!td) return;
    const width = Math.max(480, measuredWidth);
    const height = Math.max(360, Math.min(640, Math.round(width * 0.55)));
    if (!layout || layout.width !== width || layout.height !== height) {
      layout = layoutMarey(td, { width, height }, day0);
    }
    const ink = THEMES[state.theme].text;
    const onCanvas = layout.reports.length > CANVAS_MARKS;
    const chart = mareyChart(layout, td, {
      lang: state.lang,
      selected: state.selected,
      hovered: state.hovered,
      ink,
      t: state.t,
      withNow: false,
      marksElsewhere: onCanvas,
      places: places(),
    });
    mount(wrap, chart, overlayOf(layout, ink));
    if (onCanvas) wrap.insertBefore(marksCanvas(wrap.ownerDocument, layout), wrap.lastChild);
    cursor = wrap.querySelector("#marey-cursor");
    note = wrap.querySelector("#marey-cursor-note");
    dots = layout.bands.map((_, i) => wrap.querySelector(`#marey-now-${i}`) as SVGCircleElement);
    keys.textContent = MAREY_TEXTS[state.lang].keys;
    summary.textContent = MAREY_TEXTS[state.lang].tableSummary;
    mount(legend, mareyLegend(state.lang));
    if (details.open) mount(tableHost, mareyTable(td, state.lang, places()));
    else tableHost.replaceChildren();
    drawn = {
      lang: state.lang,
      theme: state.theme,
      selected: state.selected,
      hovered: state.hovered,
      width,
    };
    last = undefined;
  }

  /** Selection or hover changed: only the bands are re-mounted (in `bandOrder`), not the marks. */
  function restyleBands(state: MareyViewState): void {
    const host = wrap.querySelector("svg.marey-chart g.marey-bands");
    if (!layout || !drawn || !host) return;
    const bands = mareyBands(layout, state);
    host.replaceChildren(...bands.children.map((c) => toDom(c, wrap.ownerDocument, true)));
    drawn = { ...drawn, selected: state.selected, hovered: state.hovered };
  }

  details.addEventListener("toggle", () => {
    if (details.open && td && drawn) mount(tableHost, mareyTable(td, drawn.lang, places()));
  });
  wireEvents(wrap, tip, options, () =>
    td && layout && drawn
      ? { td, layout, day0, lang: drawn.lang, last, places: places() }
      : undefined,
  );

  return {
    element: wrap,
    times,
    setData(next, start) {
      td = next;
      day0 = start;
      layout = undefined;
      drawn = undefined;
    },
    update(state) {
      if (!td) return;
      const t0 = performance.now();
      // The width from the ResizeObserver: reading clientWidth each frame would force a layout.
      const width = measuredWidth;
      if (
        !drawn ||
        drawn.lang !== state.lang ||
        drawn.theme !== state.theme ||
        Math.abs(drawn.width - Math.max(480, width)) > 8
      ) {
        rebuild(state);
      } else if (drawn.selected !== state.selected || drawn.hovered !== state.hovered) {
        restyleBands(state);
      }
      if (layout && (!last || last.t !== state.t || last.lang !== state.lang))
        moveNow(layout, { cursor, note, live, dots }, state);
      last = state;
      times.push(performance.now() - t0);
      if (times.length > 600) times.shift();
    },
    svgText() {
      if (!layout || !td || !drawn) return undefined;
      return mareySvgText(layout, td, { ...drawn, t: last?.t ?? 0, places: places() });
    },
  };
}

/**
 * The cursor and current positions in their own SVG on top of the chart: moving them each frame
 * does not repaint the marks under them.
 */
function overlayOf(layout: MareyLayout, ink: string): VNode {
  return h(
    "svg",
    {
      class: "marey-overlay",
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      width: layout.width,
      height: layout.height,
      "aria-hidden": "true",
    },
    mareyNow(layout, ink),
  );
}

/** The chart as standalone SVG text at replay time `t`, cursor and its note included (export). */
export function mareySvgText(
  layout: MareyLayout,
  td: TimeDistance,
  state: { lang: Lang; theme: Theme; selected?: string; t: number; places: PlaceNames },
): string {
  const ink = THEMES[state.theme].text;
  const chart = mareyChart(layout, td, {
    lang: state.lang,
    selected: state.selected,
    ink,
    t: state.t,
    places: state.places,
  });
  const bg = h("rect", {
    width: layout.width,
    height: layout.height,
    fill: THEMES[state.theme].background,
  });
  chart.children.splice(1, 0, bg);
  placeNow(chart, layout, state.t, state.lang);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toSvgString(chart)}\n`;
}

/** Moves the cursor and the groups' current positions (the overlay's elements) to time t. */
function moveNow(
  layout: MareyLayout,
  els: {
    cursor: SVGLineElement | null;
    note: SVGTextElement | null;
    live: HTMLElement | null;
    dots: SVGCircleElement[];
  },
  state: { t: number; lang: Lang },
): void {
  const { cursor, note, live, dots } = els;
  const f = mareyFrame(layout, state.t);
  const c = cursorNote(state.lang, layout, state.t, f);
  cursor?.setAttribute("transform", `translate(${c.x},0)`);
  if (c.dash) cursor?.setAttribute("stroke-dasharray", c.dash);
  else cursor?.removeAttribute("stroke-dasharray");
  if (note) {
    note.textContent = c.text;
    note.setAttribute("x", String(c.noteX));
    note.setAttribute("text-anchor", c.anchor);
  }
  // The overlay is aria-hidden: the note goes to screen readers through a live region too.
  if (live && live.textContent !== c.text) live.textContent = c.text;
  f.groups.forEach((g, i) => {
    const dot = dots[i];
    if (!dot) return;
    if (g.y === undefined) dot.setAttribute("visibility", "hidden");
    else {
      dot.removeAttribute("visibility");
      dot.setAttribute("cx", String(g.x));
      dot.setAttribute("cy", String(g.y));
    }
  });
}

/**
 * A canvas over the chart's SVG (under the cursor's overlay) with the report marks drawn on it,
 * for many reports (marks.ts); its `data-count` says how many, for the tests and the benchmark.
 */
function marksCanvas(doc: Document, layout: MareyLayout): HTMLCanvasElement {
  const canvas = doc.createElement("canvas");
  canvas.className = "marey-marks";
  canvas.setAttribute("aria-hidden", "true");
  canvas.dataset.count = String(layout.reports.length);
  const scale = Math.min(2, doc.defaultView?.devicePixelRatio || 1);
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  // The height follows from the width (CSS `height: auto`), as the chart's SVG does.
  canvas.style.width = `${layout.width}px`;
  const ctx = canvas.getContext("2d");
  if (ctx) drawMarks(ctx, layout.reports, layout, scale);
  return canvas;
}

/** The chart's elements (keys line, chart, tooltip, legend, data table), appended to `container`. */
function buildElements(container: HTMLElement) {
  const doc = container.ownerDocument;
  const wrap = doc.createElement("div");
  wrap.className = "marey-wrap";
  wrap.tabIndex = 0;
  const keys = doc.createElement("p");
  keys.className = "muted small";
  keys.id = "marey-keys";
  wrap.setAttribute("aria-describedby", "marey-keys");
  // The cursor's note for screen readers (the overlay that shows it is aria-hidden): why the
  // cursor stops moving past the chart's days, read out as ←/→ reach them.
  const live = doc.createElement("p");
  live.className = "visually-hidden";
  live.id = "marey-cursor-live";
  live.setAttribute("aria-live", "polite");
  const tip = doc.createElement("div");
  tip.className = "marey-tip";
  tip.setAttribute("role", "status");
  tip.hidden = true;
  const legend = doc.createElement("div");
  const details = doc.createElement("details");
  details.className = "marey-data";
  const summary = doc.createElement("summary");
  const tableHost = doc.createElement("div");
  details.append(summary, tableHost);
  container.append(keys, live, wrap, tip, legend, details);
  return { wrap, keys, live, tip, legend, details, summary, tableHost };
}

interface Current {
  places: PlaceNames;
  td: TimeDistance;
  layout: MareyLayout;
  day0: number;
  lang: Lang;
  last: MareyViewState | undefined;
}

/** Pointer (hover: tooltip and the hovered group; click to select) and keyboard on the chart. */
function wireEvents(
  wrap: HTMLElement,
  tip: HTMLElement,
  options: {
    onSelect: (group: string, t: number) => void;
    onHover: (group: string | undefined) => void;
    onStep: (days: number) => void;
    onEvidence: () => void;
  },
  current: () => Current | undefined,
): void {
  const pointer = (ev: MouseEvent) => {
    const svg = wrap.querySelector("svg");
    const c = current();
    if (!svg || !c) return undefined;
    const box = svg.getBoundingClientRect();
    const k = c.layout.width / Math.max(1, box.width);
    return { x: (ev.clientX - box.left) * k, y: (ev.clientY - box.top) * k };
  };
  wrap.addEventListener("mousemove", (ev) => {
    const p = pointer(ev);
    const c = current();
    if (!p || !c) return;
    const { td, layout } = c;
    options.onHover(groupAt(layout, p.x, p.y));
    const r = nearestReport(layout, p.x, p.y);
    const found = r && td.reports.find((x) => x.sightingId === r.id);
    if (!found) {
      tip.hidden = true;
      return;
    }
    const L = c.lang;
    const T = MAREY_TEXTS[L];
    const people = found.people !== undefined ? `${formatCount(L, found.people)} · ` : "";
    const place = found.placeName ? placeLabel(L, found.placeName, c.places) : T.noPlace;
    tip.textContent = `${found.sightingId} · ${formatDate(L, isoOfDay(found.t))} · ${place} · ${people}${found.sourceOrg ?? T.sourceTypes[found.sourceType] ?? ""} · ${T.status[found.status] ?? found.status}`;
    tip.hidden = false;
  });
  wrap.addEventListener("mouseleave", () => {
    tip.hidden = true;
    options.onHover(undefined);
  });
  wrap.addEventListener("click", (ev) => {
    const p = pointer(ev);
    const c = current();
    if (!p || !c) return;
    const { td, layout } = c;
    const r = nearestReport(layout, p.x, p.y);
    const report = r && td.reports.find((x) => x.sightingId === r.id);
    const group = report?.group ?? groupAt(layout, p.x, p.y);
    if (!group) return;
    const day = report ? Math.floor(report.t) : Math.floor(layout.x.invert(p.x));
    options.onSelect(group, day + 0.5 - c.day0);
  });
  wrap.addEventListener("keydown", (ev) => {
    const c = current();
    const last = c?.last;
    if (!c || !last) return;
    const { layout } = c;
    if (ev.key === "ArrowLeft" || ev.key === "ArrowRight") {
      options.onStep(ev.key === "ArrowLeft" ? -1 : 1);
    } else if (ev.key === "ArrowUp" || ev.key === "ArrowDown") {
      const names = layout.bands.map((b) => b.group);
      const i = last.selected ? names.indexOf(last.selected) : -1;
      const next = names[(i + (ev.key === "ArrowUp" ? -1 : 1) + names.length) % names.length];
      if (next) options.onSelect(next, Math.floor(last.t) + 0.5);
    } else if (ev.key === "Enter") {
      options.onEvidence();
    } else return;
    ev.preventDefault();
    ev.stopPropagation();
  });
}

/** Sets the cursor and the groups' current positions in a chart tree (for the SVG export). */
function placeNow(node: VNode, layout: MareyLayout, t: number, lang: Lang): void {
  const f = mareyFrame(layout, t);
  const c = cursorNote(lang, layout, t, f);
  const visit = (n: VNode | string): void => {
    if (typeof n === "string") return;
    const id = n.attrs.id;
    if (id === "marey-cursor") {
      n.attrs.x1 = c.x;
      n.attrs.x2 = c.x;
      if (c.dash) n.attrs["stroke-dasharray"] = c.dash;
    } else if (id === "marey-cursor-note") {
      n.attrs.x = c.noteX;
      n.attrs["text-anchor"] = c.anchor;
      n.children = c.text ? [c.text] : [];
    } else if (typeof id === "string" && id.startsWith("marey-now-")) {
      const g = f.groups[Number(id.slice("marey-now-".length))];
      if (g?.y === undefined) n.attrs.visibility = "hidden";
      else {
        n.attrs.cx = g.x;
        n.attrs.cy = g.y;
      }
    }
    n.children.forEach(visit);
  };
  visit(node);
}
