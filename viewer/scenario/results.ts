/**
 * The scenario panel's results (A, B, C side by side): per result its fans of people present, the
 * totals of the median run, the needs table with the planning figures used, the CSV download.
 * Explicit state in, DOM out; the pure parts are in resultsModel.ts.
 */
import {
  firstArrivalShown,
  formatCsv,
  hxlOption,
  NEEDS_SHOWN_DECIMALS,
  peakNoteText,
  SCENARIO_PLACE_DAY_COLUMNS,
  scenarioPlaceDayRows,
  shownNeed,
  situationWords,
} from "../../src/index.ts";
import type { ScenarioResult } from "../../src/index.ts";
import { formatDate, formatExact, formatCount, placeLabel } from "../i18n.ts";
import { toDom } from "../render/vnode.ts";
import type { Lang } from "../state.ts";
import { button, download, el } from "./dom.ts";
import { fanChart } from "./fan.ts";
import { fanPlaces, needsRows, PLANNING_KEYS, slug } from "./model.ts";
import type { NeedsRow } from "./model.ts";
import type { FanLayout } from "./resultsModel.ts";
import { fanLayout, figureText, totalsText } from "./resultsModel.ts";
import { scenarioText } from "./texts.ts";
import type { ScenarioTextKey } from "./texts.ts";
import { PLANNING_TEXT } from "./texts.ts";

/** What the results view draws. */
export interface ResultsState {
  lang: Lang;
  /** The results shown, oldest first, with their ids. */
  results: readonly { id: number; result: ScenarioResult }[];
  /** Removes the result with this id (the remove button). */
  onRemove(id: number): void;
  /**
   * Whether the CSV downloads carry the library's HXL hashtag row: the "with HXL hashtags" boxes
   * set `on`, one choice for every result, kept by the panel across re-renders.
   */
  hxl: { on: boolean };
}

const NEEDS_COLUMNS = [
  "placeCol",
  "firstArrival",
  "peak",
  "capacityLine",
  "overCapacity",
  "waterCol",
  "latrinesCol",
  "coveredCol",
  "kitsCol",
] as const;

/** The needs table: first arrival, peak, capacity, over-capacity share, needs at the p90 peak. */
/**
 * The p10–p90 under a p50 (block, smaller), led by a visually hidden " p10–p90: " so that screen
 * readers and copied text do not run the two figures together ("2,1470–3,709").
 */
function rangeOf(text: string): HTMLElement {
  return el(
    "span",
    { class: "range" },
    el("span", { class: "visually-hidden" }, " p10–p90: "),
    text,
  );
}

/**
 * The p10–p90 of a first arrival: "30 ene–1 feb"; "1 feb–después del horizonte" when the p90 falls
 * after the horizon (not "1 feb––"); "–" when no run arrives within it.
 */
export function arrivalRange(a: { p10?: string; p90?: string }, lang: Lang): string {
  if (!a.p10) return "–";
  const to = a.p90 ? formatDate(lang, a.p90, false) : scenarioText(lang, "afterHorizon");
  return `${formatDate(lang, a.p10, false)}–${to}`;
}

function needsTable(result: ScenarioResult, lang: Lang): HTMLTableElement {
  const t = (key: ScenarioTextKey) => scenarioText(lang, key);
  const people = (v: number | undefined) => (v === undefined ? "–" : formatCount(lang, v));
  const date = (d: string | undefined) => (d ? formatDate(lang, d, false) : "–");
  // Rounded up to what a plan uses (0.1 m³ water, whole m²), as `dtm-flow scenario` prints them;
  // the CSVs keep the library's figures.
  const need = (r: NeedsRow, k: keyof typeof NEEDS_SHOWN_DECIMALS) =>
    formatExact(lang, shownNeed(k, r[k]), NEEDS_SHOWN_DECIMALS[k]);
  const rows = needsRows(result).map((r) =>
    el(
      "tr",
      { "data-place": r.name },
      el("th", { scope: "row" }, placeLabel(lang, r)),
      // The p10–p90 under the p50, smaller: on one line the table was wider than a result's column
      // and its needs (water, latrines, space, kits) were off to the right, behind a scroll bar.
      // No arrival date beside a median peak of 0 (the library's rule, as `dtm-flow scenario`).
      firstArrivalShown(r.peak)
        ? el(
            "td",
            { "data-date": r.firstArrival.p50 },
            date(r.firstArrival.p50),
            rangeOf(arrivalRange(r.firstArrival, lang)),
          )
        : el("td", { "data-date": "" }, situationWords(lang).scenarioNoneInMedianRun),
      peakCell(r, lang, people),
      el("td", {}, people(r.capacity)),
      el(
        "td",
        { class: r.overCapacity ? "over" : undefined },
        r.overCapacity === undefined ? "–" : `${Math.round(r.overCapacity * 100)} %`,
      ),
      el("td", { "data-need": "water" }, need(r, "waterM3PerDay")),
      el("td", { "data-need": "latrines" }, need(r, "latrines")),
      el("td", { "data-need": "covered" }, need(r, "coveredM2")),
      el("td", { "data-need": "kits" }, need(r, "hygieneKitsPerMonth")),
    ),
  );
  const head = el("tr", {}, ...NEEDS_COLUMNS.map((k) => el("th", { scope: "col" }, t(k))));
  return el("table", { class: "needs" }, el("thead", {}, head), el("tbody", {}, ...rows));
}

/**
 * The peak's cell: the p50, the p10–p90 under it and, for a two-moded peak (people present in
 * 35–65 % of runs: its p50 swings with the run count), the library's note (`peakNoteText`), as
 * `dtm-flow scenario` prints it under the place.
 */
function peakCell(r: NeedsRow, lang: Lang, people: (v: number) => string): HTMLElement {
  const note = peakNoteText(
    { peakDate: r.peakDate, firstArrival: r.firstArrival, peakPeople: r.peak },
    lang,
  );
  return el(
    "td",
    { "data-peak": String(r.peak.p50) },
    people(r.peak.p50),
    rangeOf(`${people(r.peak.p10)}–${people(r.peak.p90)}`),
    ...(note
      ? [el("span", { class: "peak-note small", "data-peak-note": "two-moded" }, note)]
      : []),
  );
}

/** The planning figures used, each marked default or changed (with the Sphere value). */
function figuresList(result: ScenarioResult, lang: Lang): HTMLElement {
  const items = PLANNING_KEYS.flatMap((k) => [
    el("dt", {}, scenarioText(lang, PLANNING_TEXT[k])),
    el("dd", { "data-figure": k }, figureText(result.scenario.planning, k, lang)),
  ]);
  return el("dl", { class: "figures" }, ...items);
}

/** The fans of one result, key places shown and the others folded. */
function fans(result: ScenarioResult, layout: FanLayout, lang: Lang): (HTMLElement | null)[] {
  const byName = new Map(fanPlaces(result).map((p) => [p.name, p]));
  const fan = (name: string) => {
    const p = byName.get(name);
    if (!p) {
      const text = `${placeLabel(lang, name, result.places)}: ${scenarioText(lang, "notReached")}`;
      return el("p", { class: "fan-empty muted small", "data-place": name }, text);
    }
    const options = {
      width: 360,
      height: 96,
      lang,
      dates: result.dates,
      yMax: layout.yMax.get(name),
    };
    return toDom(fanChart(p, options), document) as HTMLElement;
  };
  const more = layout.other.length
    ? el(
        "details",
        { class: "more-fans" },
        el("summary", {}, `${scenarioText(lang, "otherPlaces")} (${layout.other.length})`),
        el("div", { class: "fans" }, ...layout.other.map(fan)),
      )
    : null;
  return [el("div", { class: "fans" }, ...layout.main.map(fan)), more];
}

/** One result's column. */
function resultColumn(
  state: ResultsState,
  entry: { id: number; result: ScenarioResult },
  index: number,
  layout: FanLayout,
): HTMLElement {
  const { lang } = state;
  const { id, result } = entry;
  const t = (key: ScenarioTextKey) => scenarioText(lang, key);
  const s = result.scenario;
  // The rows and hashtags of `dtm-flow scenario`'s scenario-place-days.csv (`--hxl`).
  const columns = [...SCENARIO_PLACE_DAY_COLUMNS];
  const csv = () =>
    download(
      `${slug(s.name)}-place-days.csv`,
      formatCsv(scenarioPlaceDayRows(result), {
        columns,
        ...hxlOption("scenarioPlaceDays", columns, state.hxl.on),
      }),
      "text/csv;charset=utf-8",
    );
  const hxlBox = el("input", { type: "checkbox", class: "hxl", checked: state.hxl.on });
  hxlBox.addEventListener("change", () => {
    state.hxl.on = hxlBox.checked;
    // One choice for every result: the other columns' boxes follow.
    const boxes = hxlBox.closest(".scenario-columns")?.querySelectorAll("input.hxl") ?? [];
    for (const b of boxes) (b as HTMLInputElement).checked = hxlBox.checked;
  });
  const actions = el(
    "div",
    { class: "result-actions" },
    button(t("csv"), csv, { class: "csv" }),
    el("label", { class: "small hxl-choice" }, hxlBox, " ", t("hxl")),
    button(t("removeResult"), () => state.onRemove(id), { class: "remove" }),
  );
  const scroll = el(
    "div",
    { class: "needs-scroll", tabindex: 0, role: "region", "aria-label": t("needsTitle") },
    needsTable(result, lang),
  );
  const figures = el(
    "div",
    { class: "figures-wrap" },
    el("h5", {}, t("figures")),
    figuresList(result, lang),
  );
  const warnings = result.warnings.length
    ? el(
        "details",
        { class: "warnings" },
        el("summary", {}, `${t("warnings")} (${result.warnings.length})`),
        el("ul", {}, ...result.warnings.map((w) => el("li", {}, w.message))),
      )
    : null;
  return el(
    "article",
    { class: "scenario-result", "data-result": index },
    el("h3", {}, `${String.fromCharCode(65 + index)} · ${s.name}`),
    el(
      "p",
      { class: "muted small" },
      `${s.runs} ${t("runsDone")} · ${t("seed").toLowerCase()} ${s.seed} · ${formatDate(lang, s.start)} + ${s.horizonDays} ${t("days").toLowerCase()} · ${t(s.like === "2018" ? "likeShort" : "genericShort")}`,
    ),
    actions,
    el("p", { class: "small totals" }, totalsText(result, lang)),
    el("h4", {}, t("fanTitle")),
    ...fans(result, layout, lang),
    el("h4", {}, t("needsTitle")),
    el("div", { class: "needs-wrap" }, scroll, figures),
    warnings,
  );
}

/** Draws the results into `target`. */
export function renderResults(target: HTMLElement, state: ResultsState): void {
  const count = state.results.length;
  const layout = fanLayout(state.results.map((r) => r.result));
  const columns = state.results.map((entry, index) => resultColumn(state, entry, index, layout));
  target.replaceChildren(
    el("h3", { class: "visually-hidden" }, scenarioText(state.lang, "results")),
    el("p", { class: "muted small" }, count ? scenarioText(state.lang, "compareNote") : ""),
    el("div", { class: `scenario-columns cols-${count}` }, ...columns),
  );
  target.dataset.count = String(count);
}
