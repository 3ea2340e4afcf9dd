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

/** Creates the panel (a `<section id="forecast">` in `container`) and its cone layer. */
export function createForecastPanel(options: ForecastPanelOptions): ForecastPanel {
  const doc = options.container.ownerDocument;
  const horizonDays = options.horizonDays ?? 14;
  const debounceMs = options.debounceMs ?? 250;
  let provider = options.provider;
  const section = doc.createElement("section");
  section.id = "forecast";
  section.className = "forecast";
  section.setAttribute("aria-live", "polite");
  options.container.append(section);
  const layer = doc.createElementNS("http://www.w3.org/2000/svg", "g");
  layer.setAttribute("class", "forecast-layer");
  options.svg.insertBefore(layer, options.svg.firstChild);

  let showCones = true;
  let view: ForecastView | undefined;
  let wanted: string | undefined;
  let error: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let context: ForecastContext | undefined;

  function request(asOf: string): void {
    if (asOf === wanted) return;
    wanted = asOf;
    error = undefined;
    clearTimeout(timer);
    timer = setTimeout(() => {
      provider ??= createWorkerForecastProvider();
      provider.forecast(asOf, horizonDays).then(
        (v) => {
          if (asOf !== wanted) return; // a newer date was asked for meanwhile
          view = v;
          render();
        },
        (e: unknown) => {
          if (asOf !== wanted) return;
          error = e instanceof Error ? e.message : String(e);
          render();
        },
      );
    }, debounceMs);
    render();
  }

  /** The replay shows another dataset than the provider forecasts: say so, draw nothing. */
  /** No forecast: the worker's data are not the replay shown (other files, or corrections). */
  function renderOtherData(next: ForecastContext, why: "otherData" | "uncorrected"): void {
    wanted = undefined;
    view = undefined;
    const status = why === "otherData" ? "other-data" : "uncorrected";
    mount(
      section,
      h("h2", {}, forecastText(next.lang, "title")),
      h("p", { class: "note", "data-status": status }, forecastText(next.lang, why)),
    );
    layer.replaceChildren();
  }

  function render(): void {
    if (!context?.replay) return;
    const { lang, replay } = context;
    const current = view && view.asOf === wanted;
    const colourOf = (group: string) => {
      const g = replay.groups.find((x) => x.id === group || x.label === group);
      return groupColour(g?.colour ?? 0);
    };
    const status = error
      ? `${forecastText(lang, "failed")} ${error}`
      : current
        ? `${forecastText(lang, "asOf")} ${formatDate(lang, view!.asOfDate)} 24:00 ${forecastText(lang, "asOfOnly")}`
        : forecastText(lang, "computing");
    mount(
      section,
      h("h2", {}, forecastText(lang, "title")),
      h(
        "p",
        { class: "muted small", "data-status": current ? "ready" : error ? "error" : "busy" },
        status,
      ),
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
      return view;
    },
    update(next) {
      context = next;
      if (!next.replay) return;
      provider ??= createWorkerForecastProvider();
      if (provider.datasetName !== undefined && provider.datasetName !== next.replay.name) {
        renderOtherData(next, "otherData");
        return;
      }
      // The worker forecasts the data without the analyst's corrections the map shows.
      if (next.replay.corrected) {
        renderOtherData(next, "uncorrected");
        return;
      }
      // As of the day shown: a bare date is the end of that day, as `forecast --as-of` reads it.
      request(dateOf(next.replay.start, next.t));
      render();
    },
  };
}
