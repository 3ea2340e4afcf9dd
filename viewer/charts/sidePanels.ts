/**
 * The panels beside the map: the split chart (with its hover readout and cursor), the day's split
 * figures, the library's situation update of the day, the headline figures reported, the small multiples of people present and the details of the
 * selection. Every figure is the library's (the ledger's split) or a source's, for the day shown.
 */
import type { AsOfDay } from "../data/asOfDay.ts";
import type { ReplayData } from "../data/replay.ts";
import { dateOf } from "../data/replay.ts";
import { formatCount, placeLabel, tr } from "../i18n.ts";
import { CATEGORY_COLOUR } from "../palette.ts";
import { h, mount } from "../render/vnode.ts";
import type { VNode } from "../render/vnode.ts";
import type { Lang, ViewState } from "../state.ts";
import type { ViewerContext } from "../view/context.ts";
import type { ViewerDom } from "../view/dom.ts";
import { flowDetails, groupDetails, headlineList } from "./details.ts";
import { presenceChart, presenceFigure, presenceX } from "./presenceChart.ts";
import { situationOn, situationPanel } from "./situation.ts";
import { createAsOfSwitch } from "./asOfSwitch.ts";
import { labelDetails, labelHindsight } from "./hindsightBadges.ts";
import type { AsOfSource } from "./asOfSwitch.ts";
import { splitAt, splitChart, splitX } from "./splitChart.ts";
import { splitHoverTip, splitLine } from "./splitHover.ts";

export { splitHoverText, splitLine } from "./splitHover.ts";

const MULTIPLE_WIDTH = 220;

function placeDetails(replay: ReplayData, id: string, state: ViewState): VNode | undefined {
  const L = state.lang;
  const flow = replay.flows.find((f) => f.id === id);
  if (flow) return flowDetails(flow, state.t, L, replay.days, 300);
  const place = replay.places.find((p) => p.placeId === id);
  if (!place) return undefined;
  return h(
    "section",
    { "data-kind": "place" },
    h("h3", {}, placeLabel(L, place)),
    h("p", {}, `${place.kind}${place.country ? ` · ${place.country}` : ""}`),
    place.capacity !== undefined
      ? h("p", {}, `${tr(L, "capacity")}: ${formatCount(L, place.capacity)}`)
      : null,
    place.source ? h("p", { class: "note" }, `${tr(L, "source")}: ${place.source}`) : null,
    h("p", { class: "note" }, tr(L, "noCounts")),
  );
}

/** The details of the selection (a group or a place) for the day shown, or undefined. */
export function selectionDetails(replay: ReplayData, state: ViewState): VNode | undefined {
  const s = state.selection;
  if (s?.kind === "group") {
    const g = replay.groups.find((x) => x.id === s.id);
    return g && groupDetails(g, state.t, state.lang, replay.start, replay.places);
  }
  if (s?.kind === "place") return placeDetails(replay, s.id, state);
  return undefined;
}

type ReadoutRow = Parameters<typeof splitLine>[1] & { category: keyof typeof CATEGORY_COLOUR };

/**
 * The day's split readout (one `li` per category with its 90 % interval). It follows the
 * situation panel's switch: as of the day (`asOfDay` given), the as-of situation's categories (the
 * same rule, `situationHeadlines`, as the hindsight readout's); `false`: as of the day, still
 * computing (nothing shown); undefined: with hindsight, the split of the day.
 */
export function splitReadout(
  asOfDay: AsOfDay | undefined | false,
  replay: ReplayData,
  t: number,
  L: Lang,
): VNode[] {
  const rows: ReadoutRow[] =
    asOfDay === false
      ? []
      : asOfDay
        ? (asOfDay.situation?.headlines ?? []).flatMap((f) =>
            f.category === "departed"
              ? []
              : [{ category: f.category, value: f.value, low: f.valueLow, high: f.valueHigh }],
          )
        : splitAt(replay.split, t);
  return rows.map((r) =>
    h(
      "li",
      {
        "data-category": r.category,
        "data-value": String(r.value),
        "data-low": String(r.low),
        "data-high": String(r.high),
      },
      h("span", { class: "swatch", style: `background:${CATEGORY_COLOUR[r.category]}` }),
      splitLine(L, r),
    ),
  );
}

/**
 * A chart cursor: an HTML line over the chart moved with a CSS transform (compositor only);
 * moving an SVG element would repaint the whole chart every frame.
 */
function cursorLine(holder: Element): HTMLDivElement {
  let line = holder.querySelector<HTMLDivElement>(":scope > .cursor-line");
  if (!line) {
    line = document.createElement("div");
    line.className = "cursor-line";
    line.setAttribute("aria-hidden", "true");
    holder.append(line);
  }
  return line;
}

export interface SidePanels {
  /** Rebuilds the charts (new data, size or language). */
  renderCharts(): void;
  /** Moves the cursors to the state's time; redraws the day's panels when the day changed. */
  updateCursors(): void;
  renderDetails(): void;
  /** Forces the day's panels to be redrawn at the next cursor update. */
  invalidateDay(): void;
}

/**
 * The side panels of a viewer; `onDay` runs after the day's panels are redrawn (e.g. forecasts).
 * @param asOfSource computes the situation as known on a day of a replay (absent: the switch's
 *   as-of choice says it is not available).
 */
export function createSidePanels(
  ctx: ViewerContext,
  dom: ViewerDom,
  onDay: () => void,
  asOfSource?: (replay: ReplayData) => AsOfSource | undefined,
): SidePanels {
  /** The day whose panels are drawn (-1: none). */
  let lastDay = -1;
  // The situation panel's switch "With hindsight" / "As known on <day>" (asOfSwitch.ts).
  const asOfSwitch = createAsOfSwitch(asOfSource, () => ctx.replay && renderDayPanels(ctx.replay));
  dom.situation.addEventListener("change", (ev) => {
    const input = ev.target as HTMLInputElement | null;
    if (input?.name !== "situation-basis") return;
    asOfSwitch.setMode(input.value === "as-of" ? "as-of" : "hindsight");
  });
  const splitTip = splitHoverTip(ctx, dom);

  function renderDetails(): void {
    const replay = ctx.replay;
    if (!replay) return;
    const L = ctx.state.lang;
    const title = h("h2", { class: "visually-hidden" }, tr(L, "details"));
    const content = selectionDetails(replay, ctx.state);
    if (!content)
      return void mount(dom.details, title, h("p", { class: "note" }, tr(L, "detailsHint")));
    mount(dom.details, title, content);
    labelDetails(dom.details, dom.splitReadout.dataset.basis === "as-of", L);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = tr(L, "close");
    close.addEventListener("click", () => ctx.setState({ selection: null }));
    dom.details.prepend(close);
  }

  function renderDayPanels(replay: ReplayData): void {
    const { state } = ctx;
    const L = state.lang;
    const date = dateOf(replay.start, state.t);
    // The table of places and the warnings stay unfolded from day to day once the reader opened them.
    const open = (c: string) =>
      dom.situation.querySelector<HTMLDetailsElement>(`details.${c}`)?.open ?? false;
    const basis = asOfSwitch.basisOn(replay, date);
    // As known on the day: the library's as-of replay of the day (its figures and its warnings).
    const asOf = basis.mode === "as-of" && basis.status !== "other-data";
    const { day, ...basisView } = basis;
    mount(
      dom.situation,
      situationPanel(asOf ? day?.situation : situationOn(replay.situation, date), date, L, {
        warnings: asOf ? (day?.ledgerWarnings ?? []) : replay.ledgerWarnings,
        rows: asOf ? (day?.warningRows ?? {}) : replay.warningRows,
        placesOpen: open("situation-places"),
        warningsOpen: open("situation-warnings"),
        places: replay.places,
        ...(replay.leftOut ? { leftOut: replay.leftOut } : {}),
        basis: basisView,
        ...(asOf && day?.outside ? { outside: day.outside } : {}),
      }),
    );
    mount(dom.headlines, headlineList(replay.headlines, state.t, L, replay.start, replay.places));
    dom.splitReadout.dataset.basis = asOf ? "as-of" : "hindsight";
    labelHindsight(asOf, L);
    mount(dom.splitReadout, ...splitReadout(asOf ? (day ?? false) : undefined, replay, state.t, L));
    // The multiples' figure lines (latest value as of the date), once a day, in place.
    replay.presence.forEach((p, i) => {
      const text = dom.multiples.children[i]?.querySelector<SVGTextElement>('[data-role="figure"]');
      if (!text) return;
      const { figure, counted, over, value, latest } = presenceFigure(p, state.t, L);
      if (text.textContent !== figure) text.textContent = figure;
      const age = text.parentNode?.querySelector('[data-role="counted"]');
      if (age && age.textContent !== counted) age.textContent = counted;
      text.setAttribute("data-value", value === undefined ? "" : String(value));
      // The people estimated and travelling through the figure line says (as presenceChart draws).
      for (const [name, v] of [
        ["data-estimated", latest?.estimated],
        ["data-travelling", latest?.travelling],
      ] as const)
        if (v === undefined) text.removeAttribute(name);
        else text.setAttribute(name, String(v));
      text.setAttribute("font-weight", over ? "700" : "400");
    });
    renderDetails();
    onDay();
  }

  function updateCursors(): void {
    const replay = ctx.replay;
    if (!replay) return;
    const t = ctx.state.t;
    const svg = dom.split.querySelector("svg");
    if (svg) {
      const x = splitX(replay.split, Number(svg.getAttribute("width")));
      const line = cursorLine(dom.split);
      line.style.transform = `translateX(${x(t).toFixed(1)}px)`;
      line.dataset.t = String(t);
    }
    const mx = presenceX(replay.days, MULTIPLE_WIDTH);
    for (const holder of dom.multiples.children)
      cursorLine(holder).style.transform = `translateX(${mx(t).toFixed(1)}px)`;
    const day = Math.floor(t);
    if (day !== lastDay) {
      lastDay = day;
      renderDayPanels(replay);
    }
  }

  function renderCharts(): void {
    const replay = ctx.replay;
    if (!replay) return;
    const { lang: L, t } = ctx.state;
    const w = Math.max(300, Math.round(dom.split.getBoundingClientRect().width || 600));
    mount(dom.split, splitChart(replay.split, { width: w, height: 190, lang: L, t }));
    dom.split.append(splitTip);
    mount(
      dom.multiples,
      ...replay.presence.map((p) =>
        h(
          "div",
          { "data-place": p.placeName },
          presenceChart(p, {
            width: MULTIPLE_WIDTH,
            height: 104,
            lang: L,
            days: replay.days,
            t,
            places: replay.places,
          }),
        ),
      ),
    );
    lastDay = -1;
    updateCursors();
  }

  return { renderCharts, updateCursors, renderDetails, invalidateDay: () => (lastDay = -1) };
}
