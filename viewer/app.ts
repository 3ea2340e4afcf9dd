/**
 * The viewer: creates its parts and wires them to one explicit state (view/context.ts). Seams:
 *  - `viewer.load(provider)` switches data (the worker provider, the analyst's files) and keeps the
 *    previous replay when the provider fails, saying why in a sentence;
 *  - `viewer.getState()` / `viewer.setState(patch)` expose the one serialisable ViewState;
 *  - `viewer.canvas` holds the whole frame (basemap, marks, date and legend), for PNG / WebM
 *    exports; `setState({ t })` moves it to any date.
 * The parts: texts (view/texts.ts), the map's canvas (map/mapCanvas.ts), places and group layers
 * (map/placesLayer.ts, map/groupLayer.ts), zoom (map/zoomControl.ts), side panels
 * (charts/sidePanels.ts), controls (controls/), the URL (view/urlState.ts).
 */
import { geoMercator } from "d3-geo";
import { createSidePanels } from "./charts/sidePanels.ts";
import type { SidePanels } from "./charts/sidePanels.ts";
import type { AsOfSource } from "./charts/asOfSwitch.ts";
import { advance } from "./controls/playback.ts";
import { updateTimeReadout, wireControls } from "./controls/wire.ts";
import type { ExportFile } from "./analyst/protocol.ts";
import type { DataProvider } from "./data/provider.ts";
import { sameDay } from "./data/replay.ts";
import type { ReplayData } from "./data/replay.ts";
import { createForecastPanel } from "./forecast/panel.ts";
import { createWorkerForecastProvider } from "./forecast/provider.ts";
import type { ForecastProvider } from "./forecast/provider.ts";
import { layoutReplay } from "./map/frame.ts";
import { renderGroupTargets } from "./map/groupLayer.ts";
import { createMapCanvas } from "./map/mapCanvas.ts";
import type { Basemap, FrameStats, MapCanvas } from "./map/mapCanvas.ts";
import { renderPlaces } from "./map/placesLayer.ts";
import { createZoomControl } from "./map/zoomControl.ts";
import type { ZoomControl } from "./map/zoomControl.ts";
import { clampSpeed, decodeState, defaultState, encodeState } from "./state.ts";
import type { ViewState } from "./state.ts";
import { screenXY } from "./view/context.ts";
import type { ViewerContext } from "./view/context.ts";
import { findDom } from "./view/dom.ts";
import type { ViewerDom } from "./view/dom.ts";
import { applyPlayButton, applyTexts, failureText, loadingText } from "./view/texts.ts";
import { createUrlWriter } from "./view/urlState.ts";
import type { UrlWriter } from "./view/urlState.ts";

export type { FrameStats } from "./map/mapCanvas.ts";

export interface Viewer {
  load(provider: DataProvider): Promise<void>;
  getState(): ViewState;
  setState(patch: Partial<ViewState>): void;
  readonly replay: ReplayData | undefined;
  readonly canvas: HTMLCanvasElement;
  readonly stats: FrameStats;
  /**
   * The table exports of the replay shown when the provider that loaded it writes them (the
   * corrected replay: the evidence worker's); undefined: the analyst worker's are the replay's.
   */
  replayTables(hxl: boolean): Promise<ExportFile[]> | undefined;
  /** Stress mode for benchmarks: draw this many flow particles regardless of counts (0 = off). */
  setStress(particles: number): void;
}

function initialState(): ViewState {
  return decodeState(
    location.hash,
    defaultState(
      navigator.languages ?? [navigator.language],
      window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false,
    ),
  );
}

/** Top margin of the fitted corridor, in CSS px: below the frame's date and one label line. */
const FRAME_TOP = 84;

/** Fits the projection to the routes and places and lays the replay out for the map's size. */
function fitMap(ctx: ViewerContext, dom: ViewerDom): void {
  const rect = dom.map.getBoundingClientRect();
  ctx.width = Math.max(200, Math.round(rect.width));
  ctx.height = Math.max(200, Math.round(rect.height));
  ctx.dpr = Math.min(2, window.devicePixelRatio || 1);
  for (const svg of [dom.overlay, dom.hits])
    svg.setAttribute("viewBox", `0 0 ${ctx.width} ${ctx.height}`);
  const replay = ctx.replay;
  if (!replay) return;
  const pts = [
    ...replay.routes.features.flatMap((f) => f.geometry.coordinates),
    ...replay.places.map((p) => [p.lon, p.lat]),
  ];
  // The frame's date is drawn at the top-left (map/draw.ts drawFrameText: 12–34 px) and the
  // corridor's destinations (Tijuana, Mexicali) lie in its top-left corner: the top margin keeps
  // them and a label line above them clear of the date, so the whole corridor reads at once.
  ctx.projection = geoMercator().fitExtent(
    [
      [30, FRAME_TOP],
      [ctx.width - 30, ctx.height - 30],
    ],
    { type: "MultiPoint", coordinates: pts },
  );
  ctx.layout = layoutReplay(replay, (p) => ctx.projection(p), ctx.width, ctx.height);
}

/** Which parts a state change touches. */
function changes(prev: ViewState, patch: Partial<ViewState>) {
  return {
    lang: patch.lang !== undefined && patch.lang !== prev.lang,
    theme: patch.theme !== undefined && patch.theme !== prev.theme,
    staticLayer: patch.layers !== undefined || patch.zoom !== undefined,
    selection: "selection" in patch,
    hover: "hover" in patch,
    day: patch.t !== undefined && Math.floor(patch.t) !== Math.floor(prev.t),
  };
}

/** The viewer's parts that react to state changes (built once by createViewer). */
interface Parts {
  dom: ViewerDom;
  mapCanvas: MapCanvas;
  panels: SidePanels;
  zoom: ZoomControl;
  url: UrlWriter;
  texts(): void;
  renderOverlay(): void;
  resize(): void;
  requestDraw(): void;
}

/** Applies a state patch and updates what it touches. */
function applyPatch(ctx: ViewerContext, parts: Parts, patch: Partial<ViewState>): void {
  const prev = ctx.state;
  const next = { ...prev, ...patch };
  if (patch.speed !== undefined) next.speed = clampSpeed(patch.speed);
  if (ctx.replay) next.t = Math.max(0, Math.min(next.t, ctx.replay.days));
  ctx.state = next;
  const c = changes(prev, patch);
  if (c.lang || c.theme) parts.texts();
  if (c.lang) parts.panels.renderCharts();
  if (c.theme || c.staticLayer) parts.mapCanvas.invalidate();
  if (c.lang || c.theme || c.staticLayer || c.selection || c.hover) parts.renderOverlay();
  if (c.selection) parts.panels.renderDetails();
  if (patch.playing !== undefined) applyPlayButton(parts.dom, next);
  if (patch.speed !== undefined) parts.dom.speed.value = String(next.speed);
  if (c.day) parts.panels.invalidateDay();
  if (patch.zoom) parts.zoom.sync();
  parts.requestDraw();
  if (!next.playing || patch.playing !== undefined) parts.url.schedule();
}

/**
 * The animation loop: advances the time while playing and draws when something changed (or every
 * frame in stress mode). Returns the function that asks for a draw.
 */
function startLoop(ctx: ViewerContext, parts: Pick<Parts, "url">, draw: () => void): () => void {
  let needsDraw = true;
  let last = performance.now();
  function tick(now: number): void {
    const dt = Math.min(0.1, (now - last) / 1000);
    last = now;
    if (ctx.replay && ctx.state.playing) {
      const next = advance(ctx.state, dt, ctx.replay.days);
      if (!next.playing) ctx.setState({ t: next.t, playing: false });
      else {
        if (Math.floor(next.t) !== Math.floor(ctx.state.t)) parts.url.schedule();
        ctx.state = next;
      }
      needsDraw = true;
    }
    if (needsDraw || ctx.stress > 0) {
      needsDraw = false;
      draw();
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
  return () => (needsDraw = true);
}

/**
 * Where the situation panel's "As known on <day>" figures of each replay come from: the provider
 * that loaded it when it computes them (the analyst's files), else the forecast worker (the
 * embedded 2018 data; it says "other data" for anything else).
 */
const asOfSources = new WeakMap<ReplayData, AsOfSource>();
/**
 * The forecast and the table exports of a replay whose provider computes them (the corrected
 * replay: the evidence worker's, with the analyst's corrections); else the forecast worker's and
 * the analyst worker's.
 */
const ownSources = new WeakMap<ReplayData, Pick<DataProvider, "forecast" | "tables">>();

/** Shows a replay the library computed. */
function showReplay(ctx: ViewerContext, parts: Parts, next: ReplayData, providerId: string): void {
  const { dom } = parts;
  const first = ctx.replay === undefined;
  // Another data set (the analyst's files, or back to 2018): the same calendar day when the new
  // data cover it, else its nearest end, not the same number of days from a different start.
  if (ctx.replay && ctx.replay.start !== next.start)
    ctx.state = { ...ctx.state, t: sameDay(ctx.state.t, ctx.replay.start, next) };
  ctx.replay = next;
  ctx.state = decodeState(
    first ? location.hash : `#${encodeState(ctx.state)}`,
    ctx.state,
    next.days,
  );
  dom.status.textContent = "";
  dom.map.setAttribute("aria-busy", "false");
  dom.map.dataset.provider = providerId;
  // Always the library's estimate (there is no other kind of track).
  dom.map.dataset.tracks = "estimate";
  dom.map.dataset.state = "ready";
  dom.scrubber.max = String(next.days);
  dom.scrubber.step = "0.125";
  parts.texts();
  parts.resize();
  const z = ctx.state.zoom;
  if (first && (z.k !== 1 || z.x !== 0 || z.y !== 0)) parts.zoom.sync();
  parts.panels.renderDetails();
  parts.requestDraw();
}

/**
 * Loads a replay from a provider: a loading state naming the library's step meanwhile, the
 * replay when it is ready, or a sentence saying why not (the previous replay stays).
 */
async function loadReplay(ctx: ViewerContext, parts: Parts, provider: DataProvider): Promise<void> {
  const { dom } = parts;
  dom.status.textContent = loadingText(ctx.state.lang);
  dom.map.setAttribute("aria-busy", "true");
  dom.map.dataset.state = "loading";
  try {
    const next = await provider.load({
      onProgress: (p) => {
        if (p.stage !== "done") dom.status.textContent = loadingText(ctx.state.lang, p);
      },
    });
    if (provider.situationAsOf)
      asOfSources.set(next, { situationAsOf: (date) => provider.situationAsOf!(date) });
    if (provider.forecast || provider.tables)
      ownSources.set(next, {
        ...(provider.forecast ? { forecast: provider.forecast.bind(provider) } : {}),
        ...(provider.tables ? { tables: provider.tables.bind(provider) } : {}),
      });
    showReplay(ctx, parts, next, provider.id);
  } catch (err) {
    dom.status.textContent = failureText(ctx.state.lang, err);
    dom.map.setAttribute("aria-busy", "false");
    dom.map.dataset.state = "error";
  }
}

/** Page-wide listeners: the URL hash, clicks on the empty map, resizes, the basemap. */
function listen(ctx: ViewerContext, parts: Parts, basemapUrl: string): void {
  window.addEventListener("hashchange", () => {
    const next = decodeState(location.hash, ctx.state, ctx.replay?.days);
    if (encodeState(next) !== encodeState(ctx.state)) ctx.setState(next);
  });
  parts.dom.overlay.addEventListener("click", () => {
    if (ctx.state.selection) ctx.setState({ selection: null });
  });
  new ResizeObserver(() => {
    parts.resize();
    parts.requestDraw();
  }).observe(parts.dom.map);
  fetch(basemapUrl)
    .then((r) => (r.ok ? (r.json() as Promise<Basemap>) : undefined))
    .then((b) => {
      parts.mapCanvas.setBasemap(b);
      parts.requestDraw();
    })
    .catch(() => undefined);
}

function newContext(setState: (patch: Partial<ViewState>) => void): ViewerContext {
  return {
    state: initialState(),
    replay: undefined,
    layout: undefined,
    projection: geoMercator(),
    frame: undefined,
    width: 0,
    height: 0,
    dpr: 1,
    stress: 0,
    setState,
  };
}

/** The forecast panel (viewer/forecast) kept at the state's date; returns its update. */
function forecastUpdater(
  ctx: ViewerContext,
  dom: ViewerDom,
  provider: ForecastProvider,
): () => void {
  const panel = createForecastPanel({
    container: document.querySelector("aside.side") ?? document.body,
    svg: dom.overlay,
    provider,
  });
  return () =>
    panel.update({
      replay: ctx.replay,
      t: ctx.state.t,
      lang: ctx.state.lang,
      project: (lon, lat) => screenXY(ctx, lon, lat),
      ...(ctx.replay && ownSources.get(ctx.replay)?.forecast
        ? { forecast: ownSources.get(ctx.replay)!.forecast }
        : {}),
    });
}

export function createViewer(options: { basemapUrl: string }): Viewer {
  const dom = findDom();
  const ctx = newContext((patch) => applyPatch(ctx, parts, patch));
  // One worker for the forecast panel and the situation panel's "As known on <day>" figures: it
  // keeps the dataset and caches by day (created at the first request).
  const forecastProvider = createWorkerForecastProvider();
  const updateForecast = forecastUpdater(ctx, dom, forecastProvider);
  const mapCanvas = createMapCanvas(ctx, dom.canvas);
  const panels = createSidePanels(
    ctx,
    dom,
    updateForecast,
    (replay) => asOfSources.get(replay) ?? forecastProvider,
  );
  const renderOverlay = () => {
    renderPlaces(ctx, dom);
    renderGroupTargets(ctx, dom);
    updateForecast();
  };
  const parts: Parts = {
    dom,
    mapCanvas,
    panels,
    zoom: createZoomControl(ctx, dom),
    url: createUrlWriter(() => ctx.state),
    texts: () =>
      applyTexts(dom, ctx.state, ctx.replay, (layer, on) =>
        ctx.setState({ layers: { ...ctx.state.layers, [layer]: on } }),
      ),
    renderOverlay,
    resize() {
      fitMap(ctx, dom);
      mapCanvas.resize();
      renderOverlay();
      panels.renderCharts();
    },
    requestDraw: () => undefined,
  };
  parts.requestDraw = startLoop(ctx, parts, () => {
    if (!ctx.replay || !ctx.layout) return;
    mapCanvas.draw();
    renderGroupTargets(ctx, dom);
    panels.updateCursors();
    updateTimeReadout(ctx, dom);
  });
  wireControls(ctx, dom, parts.zoom.zoomBy);
  listen(ctx, parts, options.basemapUrl);
  parts.texts();
  return {
    load: (provider) => loadReplay(ctx, parts, provider),
    getState: () => structuredClone(ctx.state),
    setState: ctx.setState,
    get replay() {
      return ctx.replay;
    },
    canvas: dom.canvas,
    stats: mapCanvas.stats,
    replayTables: (hxl) => {
      const own = ctx.replay && ownSources.get(ctx.replay)?.tables;
      return own ? own(hxl) : undefined;
    },
    setStress(n) {
      ctx.stress = n;
      parts.requestDraw();
    },
  };
}
