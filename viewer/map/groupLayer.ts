/**
 * The groups' hit targets and labels over the canvas: a focusable transparent circle per group at
 * its median person (moved every frame), and the label "name · people" of the large groups and the
 * selected one. Every number is the library's estimate of the day shown (the frame's marks).
 */
import { select } from "d3-selection";
import { groupEstimateAt } from "../charts/details.ts";
import { situationWords } from "../../src/index.ts";
import { arrivedOnText, formatCount, groupStatusText, notSeenSinceText, tr } from "../i18n.ts";
import { hoverPatch } from "../state.ts";
import type { Lang, ViewState } from "../state.ts";
import type { ViewerContext } from "../view/context.ts";
import { hideTooltip, showTooltip } from "../view/dom.ts";
import type { ViewerDom } from "../view/dom.ts";
import type { GroupMark } from "./frame.ts";

/** Font size of a group's label on the map, px (viewer/style.css `#map-hits .group-label`). */
const LABEL_FONT_PX = 12;

/**
 * Measured widths (px) of the group labels by their text: measuring forces a layout, so each
 * string is measured once (a day's labels repeat over its frames). Cleared past 1,000 strings.
 */
const LABEL_WIDTHS = new Map<string, number>();

/**
 * The width of a label in the font the browser uses (the system font stack: Segoe, SF, DejaVu
 * differ by 10 % and more — a width guessed from the characters ran past the plate or left it too
 * wide). A label not laid out (display none) measures 0: then a generous estimate, not cached.
 */
function labelWidth(text: SVGTextElement, label: string): number {
  const known = LABEL_WIDTHS.get(label);
  if (known !== undefined) return known;
  const measured =
    typeof text.getComputedTextLength === "function" ? text.getComputedTextLength() : 0;
  if (!(measured > 0)) return label.length * LABEL_FONT_PX * 0.7;
  if (LABEL_WIDTHS.size >= 1000) LABEL_WIDTHS.clear();
  LABEL_WIDTHS.set(label, measured);
  return measured;
}

/** Groups of at least this many people are labelled on the map (the selected one always). */
export const LABEL_MIN_PEOPLE = 1500;

/** People as shown on the map ("size not given" for a group no source sized). */
export function peopleText(lang: Lang, v: number): string {
  return Number.isFinite(v) ? formatCount(lang, v) : tr(lang, "sizeUnknown");
}

/**
 * The label of a group on the map: its name and the day's estimated people, or "not seen since"
 * its last report for a group the state counts as unseen (no people on the road to show). An
 * arrived group shows what the state holds at its destination: its people no count holds yet,
 * "estimated, not counted" (the library's words), or "arrived 17 Nov" with no figure once the
 * counts there hold them.
 */
export function groupLabel(
  lang: Lang,
  g: Pick<GroupMark, "id" | "size"> &
    Partial<Pick<GroupMark, "status" | "held" | "arrivedOn" | "unseenSince">>,
): string {
  return `${g.id} · ${groupFigureText(lang, g)}`;
}

/** The figure part of a group's label and aria-label (see {@link groupLabel}). */
function groupFigureText(
  lang: Lang,
  g: Pick<GroupMark, "size"> &
    Partial<Pick<GroupMark, "status" | "held" | "arrivedOn" | "unseenSince">>,
): string {
  if (g.unseenSince !== undefined) return notSeenSinceText(lang, g.unseenSince);
  if (g.status !== "arrived") return peopleText(lang, g.size);
  if (g.held !== undefined)
    return `${formatCount(lang, g.held)}${situationWords(lang).estimatedNotCounted()}`;
  return g.arrivedOn !== undefined
    ? arrivedOnText(lang, g.arrivedOn)
    : groupStatusText(lang, g.status);
}

/** The people a mark stands for, for the labelling threshold: held people of an arrived group. */
function markPeople(g: GroupMark): number {
  return g.held ?? g.size;
}

/**
 * Which marks get a label: the selected and hovered groups and those of LABEL_MIN_PEOPLE or more
 * on the road (an unseen group only when selected or hovered: it has no people on the road).
 */
export function labelledGroups(marks: readonly GroupMark[], state: ViewState): GroupMark[] {
  if (!state.layers.labels) return [];
  const selected = state.selection?.kind === "group" ? state.selection.id : undefined;
  return marks.filter(
    (g) =>
      g.id === selected ||
      g.id === state.hover ||
      (g.unseenSince === undefined && markPeople(g) >= LABEL_MIN_PEOPLE),
  );
}

function tooltipText(ctx: ViewerContext, g: GroupMark): string {
  const L = ctx.state.lang;
  const group = ctx.replay?.groups.find((x) => x.id === g.id);
  const est = group && groupEstimateAt(group, ctx.state.t);
  if (!est) return g.id;
  // The state's status of the day when the group is not on the road (src/state/groupStatus.ts).
  const status = groupStatusText(L, g.status);
  if (g.unseenSince !== undefined)
    return `${g.id}\n${notSeenSinceText(L, g.unseenSince)}${status ? `\n${status}` : ""}`;
  const size = Number.isFinite(est.size)
    ? ` (${formatCount(L, est.sizeLow)}–${formatCount(L, est.sizeHigh)})`
    : "";
  // Whole km, as the group's details and evidence give them (not rounded like people).
  return `${g.id}${status ? `\n${status}` : ""}\n${tr(L, "size")}: ${peopleText(L, est.size)}${size}\n${tr(L, "kmAlong")}: ${formatCount(L, est.km)} (${formatCount(L, est.kmLow)}–${formatCount(L, est.kmHigh)})`;
}

const setAttr = (el: Element, name: string, value: string) => {
  // Only touch the DOM when something visible changed (this runs every frame).
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
};

function joinTargets(ctx: ViewerContext, dom: ViewerDom, marks: GroupMark[]) {
  const choose = (id: string) => ctx.setState({ selection: { kind: "group", id } });
  const hover = (id: string | undefined) => {
    const patch = hoverPatch(ctx.state, id);
    if (patch) ctx.setState(patch);
  };
  return select(dom.hits)
    .selectAll<SVGCircleElement, GroupMark>("circle.hit")
    .data(marks, (g) => g.id)
    .join((enter) =>
      enter
        .append("circle")
        .attr("class", "hit")
        .attr("tabindex", 0)
        .attr("role", "button")
        .on("click", (ev: MouseEvent, g) => {
          ev.stopPropagation();
          choose(g.id);
        })
        .on("keydown", (ev: KeyboardEvent, g) => {
          if (ev.key === "Enter") choose(g.id);
        })
        .on("mouseenter focus", (_ev: Event, g) => {
          hover(g.id);
          const z = ctx.state.zoom;
          showTooltip(dom, ctx.width, tooltipText(ctx, g), g.x * z.k + z.x, g.y * z.k + z.y);
        })
        .on("mouseleave blur", () => {
          hover(undefined);
          hideTooltip(dom);
        }),
    );
}

/** Moves the hit targets and labels to the last frame's marks. */
export function renderGroupTargets(ctx: ViewerContext, dom: ViewerDom): void {
  if (!ctx.replay) return;
  const { state } = ctx;
  const marks = state.layers.groups && ctx.frame ? ctx.frame.groups : [];
  const z = state.zoom;
  joinTargets(ctx, dom, marks).each(function (g) {
    setAttr(this, "cx", (g.x * z.k + z.x).toFixed(1));
    setAttr(this, "cy", (g.y * z.k + z.y).toFixed(1));
    setAttr(this, "r", Math.max(8, g.r).toFixed(1));
    setAttr(
      this,
      "aria-label",
      g.unseenSince !== undefined || g.status === "arrived"
        ? `${g.id}: ${groupFigureText(state.lang, g)}`
        : `${g.id}: ${peopleText(state.lang, g.size)} ${tr(state.lang, "people")}`,
    );
    setAttr(this, "data-group", g.id);
    setAttr(this, "data-hovered", String(g.id === state.hover));
    // The library's numbers of the day, for tests and assistive tools.
    setAttr(this, "data-size", String(g.size));
    // People on the road in whole people, as places.csv and split.csv write people (the state's
    // value is a sum of shares: 383.99999999999983 is 384).
    setAttr(this, "data-on-road", String(Math.round(g.onRoad)));
    // The state's "not seen since" date (empty when the group is on the road).
    setAttr(this, "data-unseen-since", g.unseenSince ?? "");
    // The state's status of the day (on_road, arrived, accounted_for, dissolved; empty without state).
    setAttr(this, "data-status", g.status ?? "");
    // An arrived group's people held at its destination (the state's; empty when none).
    setAttr(this, "data-held", g.held === undefined ? "" : String(Math.round(g.held)));
    setAttr(this, "data-day", String(g.day));
  });
  const labelled = labelledGroups(marks, state);
  // The labels first, so that each plate is as wide as its label measured in the browser's font.
  const widths = new Map<string, number>();
  select(dom.hits)
    .selectAll<SVGTextElement, GroupMark>("text.group-label")
    .data(labelled, (g) => g.id)
    .join((enter) => enter.append("text").attr("class", "group-label"))
    .each(function (g) {
      setAttr(this, "x", (g.x * z.k + z.x + g.rHigh + 4).toFixed(1));
      setAttr(this, "y", (g.y * z.k + z.y + 4).toFixed(1));
      setAttr(this, "data-group", g.id);
      const text = groupLabel(state.lang, g);
      if (this.textContent !== text) this.textContent = text;
      widths.set(g.id, labelWidth(this, text));
    });
  // A plate behind each label: the place labels under it (drawn when the view changes, not every
  // frame) showed through between its letters ("Honduran caravan 1 · 5,900" over Tijuana's).
  select(dom.hits)
    .selectAll<SVGRectElement, GroupMark>("rect.group-label-bg")
    .data(labelled, (g) => g.id)
    .join((enter) => enter.insert("rect", "text.group-label").attr("class", "group-label-bg"))
    .each(function (g) {
      setAttr(this, "x", (g.x * z.k + z.x + g.rHigh + 1).toFixed(1));
      setAttr(this, "y", (g.y * z.k + z.y + 4 - LABEL_FONT_PX).toFixed(1));
      setAttr(this, "width", ((widths.get(g.id) ?? 0) + 6).toFixed(1));
      setAttr(this, "height", String(LABEL_FONT_PX + 5));
      setAttr(this, "data-group", g.id);
    });
}
