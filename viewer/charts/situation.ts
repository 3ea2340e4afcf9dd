/**
 * The situation update of the day shown: the library's headline figures (`situationHeadlines`:
 * people who left, then each category of the split with its 90 % interval) and the people at every
 * place by status (the state of the corridor) — the figures `dtm-flow report --as-of <day>
 * --hindsight` writes for that day (the replay of all the data), or, switched to "As known on
 * <day>", those `dtm-flow report --as-of <day>` writes (the library's replay as of the day). A pure builder: every number is the library's, also in a data-* attribute exactly as
 * the library gives it (the text rounds it for reading). Below them, the ledger's warnings about
 * the data up to that day (as the situation update's "Data quality"), in the viewer's language.
 */
import { countedText, estimatedText, situationWarnings, situationWords } from "../../src/index.ts";
import type { IsoDate, Place, PlacePresence } from "../../src/index.ts";
import type { SituationDay } from "../data/replay.ts";
import { categoryName, formatDate, formatCount, placeLabel, tr } from "../i18n.ts";
import { CATEGORY_COLOUR } from "../palette.ts";
import { ledgerWarningText } from "../../src/index.ts";
import type { LedgerWarningView, LeftOutOfFiles, RowFacts } from "../../src/index.ts";
import { h } from "../render/vnode.ts";
import type { VNode } from "../render/vnode.ts";
import type { Lang } from "../state.ts";

/** The situation update of `date`, or undefined on a day the ledger has no figures for. */
export function situationOn(
  days: readonly SituationDay[],
  date: IsoDate,
): SituationDay | undefined {
  return days.find((d) => d.date === date);
}

type Headline = SituationDay["headlines"][number];

function headlineText(lang: Lang, f: Headline): string {
  const name = f.category === "departed" ? tr(lang, "departed") : categoryName(lang, f.category);
  const range =
    f.valueHigh > f.valueLow
      ? ` (${formatCount(lang, f.valueLow)}–${formatCount(lang, f.valueHigh)})`
      : "";
  return `${name}: ${formatCount(lang, f.value)}${range}`;
}

const STATUSES = ["travelling", "resting", "waiting", "staying"] as const;

/** `places`: the gazetteer, for the places' Spanish names (`data-place` keeps the library's name). */
/**
 * `date`: the day shown; a present figure resting on counts of earlier days says how old they are,
 * " (counted 29 Nov–4 Dec)", in the library's words (`countedText`, as the situation update).
 */
function placeRow(lang: Lang, p: PlacePresence, places: readonly Place[], date: IsoDate): VNode {
  const age = countedText(p, date, lang);
  return h(
    "tr",
    {
      "data-place": p.placeName ?? "",
      "data-country": p.country ?? "",
      // Whole people, as the cells show them and places.csv writes them (the sums of shares
      // behind them are not: 383.99999999999983).
      "data-present": String(Math.round(p.present)),
      ...Object.fromEntries(STATUSES.map((s) => [`data-${s}`, String(Math.round(p[s]))])),
    },
    h(
      "th",
      { scope: "row" },
      p.placeName !== undefined
        ? placeLabel(lang, p.placeName, places)
        : `${p.country ?? ""} (${tr(lang, "noPlace")})`,
    ),
    // People estimated, not counted (an arrived group's people no count holds yet) carry the
    // library's mark, as the situation update's table (`estimatedText`).
    ...STATUSES.map((s) =>
      h(
        "td",
        {},
        formatCount(lang, p[s]),
        s === "staying" ? estimatedMark(lang, p, p.staying) : null,
      ),
    ),
    h(
      "td",
      {},
      formatCount(lang, p.present),
      estimatedMark(lang, p, p.present),
      age
        ? h(
            "span",
            {
              class: "counted small muted",
              "data-counted-on": p.countedOn ?? "",
              "data-counted-latest": p.countedLatest ?? "",
            },
            age,
          )
        : null,
    ),
  );
}

/** The library's " (estimated, not counted)" after a figure, as a span; null when none is estimated. */
function estimatedMark(lang: Lang, p: PlacePresence, of: number): VNode | null {
  const text = estimatedText(p, of, lang);
  return text
    ? h("span", { class: "estimated small muted", "data-estimated": String(p.estimated) }, text)
    : null;
}

/**
 * Which figures the panel shows: the hindsight replay's (the default), or the
 * library's replay as of the day (`computeAsOfDay`, the figures of `report --as-of <day>`), which
 * the forecast worker computes: `computing` until it answers, `failed` with its sentence,
 * `other-data` when the replay is not the data that worker holds (the as-of choice is disabled).
 */
export interface SituationBasis {
  mode: "hindsight" | "as-of";
  status: "ready" | "computing" | "failed" | "other-data";
  error?: string;
  /** The forecast panel runs on the replay shown and shows its groups as known on the day. */
  forecastAsOf?: boolean;
}

/** The ledger's warnings of a replay, and which of the panel's folds the reader has open. */
export interface SituationExtras {
  /** Which figures the panel shows; default: with hindsight. */
  basis?: SituationBasis;
  warnings: readonly LedgerWarningView[];
  rows: RowFacts;
  placesOpen?: boolean;
  warningsOpen?: boolean;
  /**
   * As of the day: the day is outside the days the report accepts (`AsOfDay.outside`); the panel
   * says so, with the data's first and last day, instead of "no figures".
   */
  outside?: { place: "before" | "after"; first: IsoDate; last: IsoDate };
  /** The replay's places, for their names in Spanish (`placeLabel`); none: names as the library gives them. */
  places?: readonly Place[];
  /**
   * Rows rejected and sheets not read in the analyst's files (`ReplayData.leftOut`): the last
   * line of "Data quality", in the situation update's words (`situationWords(lang).leftOut`).
   */
  leftOut?: LeftOutOfFiles;
}

/**
 * The ledger's warnings about the data up to `date` (the library's rule, `situationWarnings`: a
 * warning of no day, or of a date that is not an ISO date, counts on every day),
 * each in `lang` (ledgerWarningText), folded under "Data quality (n)"; null when there are none.
 */
export function warningsFold(x: SituationExtras, date: IsoDate, lang: Lang): VNode | null {
  const shown = situationWarnings(x.warnings, date);
  if (!shown.length && !x.leftOut) return null;
  const count = shown.length + (x.leftOut ? 1 : 0);
  return h(
    "details",
    { class: "situation-warnings", open: x.warningsOpen ? "" : undefined },
    h("summary", {}, `${tr(lang, "dataQuality")} (${count})`),
    h(
      "ul",
      {},
      shown.map((w) =>
        h(
          "li",
          { "data-code": w.code, "data-date": w.date ?? "" },
          ledgerWarningText(lang, w, x.rows, x.places ?? []),
        ),
      ),
      x.leftOut
        ? h(
            "li",
            {
              class: "left-out",
              "data-rows": String(x.leftOut.rows),
              "data-sheets": String(x.leftOut.sheets),
            },
            situationWords(lang).leftOut(x.leftOut),
          )
        : null,
    ),
  );
}

/**
 * The switch between "With hindsight" and "As known on <day>": two radio buttons named
 * `situation-basis` (values `hindsight`, `as-of`), with a line saying what the as-of choice is
 * waiting for, and which panels follow it.
 */
export function basisSwitch(basis: SituationBasis, date: IsoDate, lang: Lang): VNode {
  const choice = (value: SituationBasis["mode"], label: string, disabled = false) =>
    h(
      "label",
      {},
      h("input", {
        type: "radio",
        name: "situation-basis",
        value,
        ...(basis.mode === value ? { checked: "" } : {}),
        ...(disabled ? { disabled: "" } : {}),
      }),
      ` ${label}`,
    );
  const status =
    basis.status === "other-data"
      ? tr(lang, "asOfOtherData")
      : basis.mode === "hindsight"
        ? null
        : basis.status === "computing"
          ? tr(lang, "asOfComputing")
          : basis.status === "failed"
            ? `${tr(lang, "asOfFailed")} ${basis.error ?? ""} ${tr(lang, "asOfRetry")}`
            : tr(lang, "asOfScope") +
              (basis.forecastAsOf ? ` ${tr(lang, "asOfScopeForecast")}` : "");
  return h(
    "fieldset",
    { class: "situation-switch", "data-status": basis.status },
    h("legend", { class: "visually-hidden" }, tr(lang, "basisSwitch")),
    choice("hindsight", tr(lang, "basisHindsight")),
    choice(
      "as-of",
      `${tr(lang, "basisAsOf")} ${formatDate(lang, date)}`,
      basis.status === "other-data",
    ),
    status ? h("p", { class: "note small situation-switch-status" }, status) : null,
  );
}

/** "After the data: … The data run from 19 Oct 2018 to 15 Nov 2018." */
function outsideText(o: NonNullable<SituationExtras["outside"]>, lang: Lang): string {
  const to = lang === "es" ? "al" : "to";
  return `${tr(lang, o.place === "after" ? "asOfAfterData" : "asOfBeforeData")} ${formatDate(lang, o.first)} ${to} ${formatDate(lang, o.last)}.`;
}

/**
 * The panel for one day.
 * @param day the library's situation update of the day; undefined when the ledger has none.
 * @param extras the ledger's warnings; whether the table of places and the warnings are unfolded
 *   (kept as the reader left them).
 * @example situationPanel(situationOn(replay.situation, "2018-11-25"), "2018-11-25", "en")
 */
export function situationPanel(
  day: SituationDay | undefined,
  date: IsoDate,
  lang: Lang,
  extras: SituationExtras = { warnings: [], rows: {} },
): VNode {
  const placesOpen = extras.placesOpen ?? false;
  const basis = extras.basis ?? { mode: "hindsight", status: "ready" };
  const asOf = basis.mode === "as-of" && basis.status !== "other-data";
  const title = h("h2", {}, `${tr(lang, "situationTitle")} ${formatDate(lang, date)}`);
  const toggle = extras.basis ? basisSwitch(basis, date, lang) : null;
  // As of the day, nothing is shown until the library's as-of figures are there: the hindsight
  // figures would stand under the wrong label meanwhile.
  if (asOf && basis.status !== "ready")
    return h(
      "section",
      { class: "situation", "data-date": date, "data-basis": "as-of", "data-status": basis.status },
      title,
      toggle,
    );
  if (!day?.headlines.length)
    return h(
      "section",
      { class: "situation", "data-date": date, ...(asOf ? { "data-basis": "as-of" } : {}) },
      title,
      toggle,
      extras.outside && asOf
        ? h(
            "p",
            { class: "note situation-outside", "data-outside": extras.outside.place },
            outsideText(extras.outside, lang),
          )
        : h("p", { class: "note" }, tr(lang, "situationNone")),
      warningsFold(extras, date, lang),
    );
  return h(
    "section",
    { class: "situation", "data-date": date, "data-basis": asOf ? "as-of" : "hindsight" },
    title,
    toggle,
    // With hindsight: the replay of all the data (one ledger for every day of the slider); as of
    // the day: the library's replay of what was known by the end of the day.
    h(
      "p",
      { class: "note situation-basis" },
      tr(lang, asOf ? "situationAsOf" : "situationHindsight"),
    ),
    h(
      "ul",
      { class: "situation-headlines" },
      day.headlines.map((f) =>
        h(
          "li",
          {
            "data-category": f.category,
            "data-value": String(f.value),
            "data-low": String(f.valueLow),
            "data-high": String(f.valueHigh),
          },
          f.category !== "departed"
            ? h("span", { class: "swatch", style: `background:${CATEGORY_COLOUR[f.category]}` })
            : null,
          headlineText(lang, f),
          // What the people who left rest on, as the situation update's method says it: folded
          // under the figure (a paragraph of ~120 words stood between the first figure and the
          // next), opened on demand.
          f.method
            ? h(
                "details",
                { class: "situation-method note small" },
                h("summary", {}, situationWords(lang).method),
                ` ${f.method[lang]}.`,
              )
            : null,
        ),
      ),
    ),
    h(
      "details",
      { class: "situation-places", open: placesOpen ? "" : undefined },
      h("summary", {}, tr(lang, "placesByStatus")),
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, tr(lang, "place")),
            ...STATUSES.map((s) => h("th", { scope: "col" }, tr(lang, s))),
            h("th", { scope: "col" }, tr(lang, "present")),
          ),
        ),
        h(
          "tbody",
          {},
          day.places.map((p) => placeRow(lang, p, extras.places ?? [], day.date)),
        ),
      ),
    ),
    warningsFold(extras, date, lang),
  );
}
