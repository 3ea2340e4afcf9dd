/**
 * The forecast panel of the viewer: for the scrubber's date, a table of expected arrivals per
 * place (p50, p10–p90, people, probability within the horizon) and forecast cones ahead of each
 * group on the map. Self-contained: the app calls `update()` when the day, zoom, size or language
 * changes; forecasts come from a ForecastProvider (a Web Worker on the embedded 2018 data by
 * default), requested after the scrubber rests for `debounceMs`, latest request wins.
 */
// Own stylesheet, bundled by Vite (the built site's CSP allows no <style> elements).
import "./forecast.css";
import { dateOf } from "../data/replay.ts";
import type { ReplayData } from "../data/replay.ts";
import { formatDate } from "../i18n.ts";
import { groupColour } from "../palette.ts";
import { h, mount, toDom } from "../render/vnode.ts";
import type { Lang } from "../state.ts";
import { createWorkerForecastProvider } from "./provider.ts";
import type { ForecastProvider } from "./provider.ts";
import { forecastCones, forecastGroupStatus, forecastTable, forecastText } from "./render.ts";
import type { ForecastView } from "./view.ts";

/** What the panel needs from the app at each update. */
export interface ForecastContext {
  replay: ReplayData | undefined;
  /** Scrubber position: days since the replay start. */
  t: number;
  lang: Lang;
  /** lon/lat → screen x/y in the map SVG (projection and zoom). */
  project: (lon: number, lat: number) => [number, number];
  /**
   * The replay's own forecast, when the provider that loaded it computes one (the corrected
   * replay: the evidence worker's forecast with the analyst's corrections, `dtm-flow forecast
   * --corrections`); absent: the panel's provider.
   */
  forecast?: (asOf: string, horizonDays: number) => Promise<ForecastView>;
}

export interface ForecastPanelOptions {
  /** Element the panel's section is appended to (the side column). */
  container: Element;
  /** The map's SVG overlay; the cones go in a `g` at its back. */
  svg: SVGSVGElement;
  provider?: ForecastProvider;
  /** Days ahead (default 14). */
  horizonDays?: number;
  /** Wait this long after the last date change before computing (default 250 ms). */
  debounceMs?: number;
}

export interface ForecastPanel {
  update(context: ForecastContext): void;
  readonly element: HTMLElement;
  /** The forecast shown (undefined while the first one computes). */
  readonly view: ForecastView | undefined;
}

/** The panel's status line: the failure, the forecast's as-of moment, or "computing". */
function statusLine(
  lang: Lang,
  error: string | undefined,
  shown: ForecastView | undefined,
): string {
  if (error) return `${forecastText(lang, "failed")} ${error}`;
  if (!shown) return forecastText(lang, "computing");
  const date = formatDate(lang, shown.asOfDate);
  return `${forecastText(lang, "asOf")} ${date} 24:00 ${forecastText(lang, "asOfOnly")}`;
}

/** A source of forecasts: the forecast as of a moment, `horizonDays` ahead. */
type AskForecast = (asOf: string, horizonDays: number) => Promise<ForecastView>;

/** The panel's `<section id="forecast">` in `container`, and its cone layer at the map's back. */
function panelElements(options: ForecastPanelOptions): {
  section: HTMLElement;
  layer: SVGGElement;
} {
  const doc = options.container.ownerDocument;
  const section = doc.createElement("section");
  section.id = "forecast";
  section.className = "forecast";
  section.setAttribute("aria-live", "polite");
  options.container.append(section);
  const layer = doc.createElementNS("http://www.w3.org/2000/svg", "g");
  layer.setAttribute("class", "forecast-layer");
  options.svg.insertBefore(layer, options.svg.firstChild);
  return { section, layer };
}

/**
 * The panel's forecast requests: the moment and source (the replay's own forecast, or the panel's
 * provider) asked last, debounced by `debounceMs`; an answer to an older request is dropped, and
 * `changed` runs when the view or the error changes (and when a request is made: "computing").
 */
function forecastRequests(horizonDays: number, debounceMs: number, changed: () => void) {
  const state = {
    view: undefined as ForecastView | undefined,
    wanted: undefined as string | undefined,
    error: undefined as string | undefined,
    /** The source the forecast shown was asked of. */
    source: undefined as AskForecast | undefined,
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stale = (asOf: string, from: AskForecast) => asOf !== state.wanted || from !== state.source;
  return {
    get view() {
      return state.view;
    },
    get wanted() {
      return state.wanted;
    },
    get error() {
      return state.error;
    },
    /** Nothing asked: the data shown are not the provider's. */
    forget(): void {
      state.wanted = undefined;
      state.source = undefined;
      state.view = undefined;
    },
    request(asOf: string, from: AskForecast): void {
      if (asOf === state.wanted && from === state.source) return;
      // Another source (corrections applied or undone): the forecast shown is not of it.
      if (from !== state.source) state.view = undefined;
      state.source = from;
      state.wanted = asOf;
      state.error = undefined;
      clearTimeout(timer);
      timer = setTimeout(() => {
        from(asOf, horizonDays).then(
          (v) => {
            // A newer date, or another source, was asked for meanwhile.
            if (stale(asOf, from)) return;
            state.view = v;
            changed();
          },
          (e: unknown) => {
            if (stale(asOf, from)) return;
            state.error = e instanceof Error ? e.message : String(e);
            changed();
          },
        );
      }, debounceMs);
      changed();
    },
  };
}

/** Creates the panel (a `<section id="forecast">` in `container`) and its cone layer. */
export function createForecastPanel(options: ForecastPanelOptions): ForecastPanel {
  const doc = options.container.ownerDocument;
  const horizonDays = options.horizonDays ?? 14;
  const debounceMs = options.debounceMs ?? 250;
  let provider = options.provider;
  const { section, layer } = panelElements(options);

  let showCones = true;
  let context: ForecastContext | undefined;
  /** The panel's provider's forecast, bound once (one source while the provider is the same). */
  let providerAsk: AskForecast | undefined;
  const asked = forecastRequests(horizonDays, debounceMs, () => render());

  /** No forecast: the provider's data are not the replay shown (the analyst's files): say so. */
  function renderOtherData(next: ForecastContext): void {
    asked.forget();
    mount(
      section,
      h("h2", {}, forecastText(next.lang, "title")),
      h("p", { class: "note", "data-status": "other-data" }, forecastText(next.lang, "otherData")),
    );
    layer.replaceChildren();
  }

  function render(): void {
    if (!context?.replay) return;
    const { lang, replay } = context;
    const { view, error } = asked;
    const current = view && view.asOf === asked.wanted;
    const colourOf = (group: string) => {
      const g = replay.groups.find((x) => x.id === group || x.label === group);
      return groupColour(g?.colour ?? 0);
    };
    const status = statusLine(lang, error, current ? view : undefined);
    mount(
      section,
      h("h2", {}, forecastText(lang, "title")),
      h(
        "p",
        { class: "muted small", "data-status": current ? "ready" : error ? "error" : "busy" },
        status,
      ),
      // The forecast of the corrected data (the replay's own, with the analyst's corrections).
      ...(replay.corrected
        ? [
            h(
              "p",
              { class: "note small", "data-status": "corrected" },
              forecastText(lang, "corrected"),
            ),
          ]
        : []),
      h(
        "label",
        { class: "small" },
        h("input", {
          type: "checkbox",
          id: "forecast-cones-toggle",
          ...(showCones ? { checked: "" } : {}),
        }),
        ` ${forecastText(lang, "cones")}`,
      ),
      h(
        "div",
        { class: "forecast-scroll", tabindex: 0 },
        view
          ? [forecastTable(view, lang, colourOf), ...forecastGroupStatus(view, lang)]
          : h("p", { class: "note" }, forecastText(lang, "computing")),
      ),
      h("p", { class: "note small" }, forecastText(lang, "note")),
    );
    const toggle = section.querySelector<HTMLInputElement>("#forecast-cones-toggle");
    toggle?.addEventListener("change", () => {
      showCones = toggle.checked;
      render();
    });
    layer.replaceChildren(
      ...(view && showCones
        ? [toDom(forecastCones(view, context.project, colourOf), doc, true)]
        : []),
    );
  }

  return {
    element: section,
    get view() {
      return asked.view;
    },
    update(next) {
      context = next;
      if (!next.replay) return;
      // As of the day shown: a bare date is the end of that day, as `forecast --as-of` reads it.
      const asOf = dateOf(next.replay.start, next.t);
      // The replay's own forecast (the corrected replay's: with the analyst's corrections).
      if (next.forecast) {
        asked.request(asOf, next.forecast);
        render();
        return;
      }
      provider ??= createWorkerForecastProvider();
      // The panel's provider forecasts its own data without corrections: a corrected replay
      // always brings its own forecast (above), any other data are not the provider's.
      if (
        next.replay.corrected ||
        (provider.datasetName !== undefined && provider.datasetName !== next.replay.name)
      ) {
        renderOtherData(next);
        return;
      }
      asked.request(asOf, (providerAsk ??= provider.forecast.bind(provider)));
      render();
    },
  };
}
