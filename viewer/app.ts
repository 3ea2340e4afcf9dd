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
import { advance } from "./controls/playback.ts";
import { updateTimeReadout, wireControls } from "./controls/wire.ts";
import type { DataProvider } from "./data/provider.ts";
import type { ReplayData } from "./data/replay.ts";
import { createForecastPanel } from "./forecast/panel.ts";
import { layoutReplay } from "./map/frame.ts";
import { renderGroupTargets } from "./map/groupLayer.ts";
import { createMapCanvas } from "./map/mapCanvas.ts";
import type { Basemap, FrameStats } from "./map/mapCanvas.ts";
import { renderPlaces } from "./map/placesLayer.ts";
import { createZoomControl } from "./map/zoomControl.ts";
import { clampSpeed, decodeState, defaultState, encodeState } from "./state.ts";
import type { ViewState } from "./state.ts";
import { screenXY } from "./view/context.ts";
import type { ViewerContext } from "./view/context.ts";
import { findDom } from "./view/dom.ts";
import type { ViewerDom } from "./view/dom.ts";
import { applyPlayButton, applyTexts, failureText, loadingText } from "./view/texts.ts";
import { createUrlWriter } from "./view/urlState.ts";

export type { FrameStats } from "./map/mapCanvas.ts";

export interface Viewer {
  load(provider: DataProvider): Promise<void>;
  getState(): ViewState;
  setState(patch: Partial<ViewState>): void;
  readonly replay: ReplayData | undefined;
  readonly canvas: HTMLCanvasElement;
  readonly stats: FrameStats;
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
  ctx.projection = geoMercator().fitExtent(
    [
      [30, 50],
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
    day: patch.t !== undefined && Math.floor(patch.t) !== Math.floor(prev.t),
  };
}

export function createViewer(options: { basemapUrl: string }): Viewer {
  const dom = findDom();
  const ctx: ViewerContext = {
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
  const mapCanvas = createMapCanvas(ctx, dom.canvas);
  const forecastPanel = createForecastPanel({
    container: document.querySelector("aside.side") ?? document.body,
    svg: dom.overlay,
  });
  const updateForecast = () =>
    forecastPanel.update({
      replay: ctx.replay,
      t: ctx.state.t,
      lang: ctx.state.lang,
      project: (lon, lat) => screenXY(ctx, lon, lat),
    });
  const panels = createSidePanels(ctx, dom, updateForecast);
  const url = createUrlWriter(() => ctx.state);
  const zoom = createZoomControl(ctx, dom);
  let needsDraw = true;

  const texts = () =>
    applyTexts(dom, ctx.state, ctx.replay, (layer, on) =>
      setState({ layers: { ...ctx.state.layers, [layer]: on } }),
    );
  function renderOverlay(): void {
    renderPlaces(ctx, dom);
    renderGroupTargets(ctx, dom);
    updateForecast();
  }
  function resize(): void {
    fitMap(ctx, dom);
    mapCanvas.resize();
    renderOverlay();
    panels.renderCharts();
  }

  function setState(patch: Partial<ViewState>): void {
    const prev = ctx.state;
    const next = { ...prev, ...patch };
    if (patch.speed !== undefined) next.speed = clampSpeed(patch.speed);
    if (ctx.replay) next.t = Math.max(0, Math.min(next.t, ctx.replay.days));
    ctx.state = next;
    const c = changes(prev, patch);
    if (c.lang || c.theme) texts();
    if (c.lang) panels.renderCharts();
    if (c.theme || c.staticLayer) mapCanvas.invalidate();
    if (c.lang || c.theme || c.staticLayer || c.selection) renderOverlay();
    if (c.selection) panels.renderDetails();
    if (patch.playing !== undefined) applyPlayButton(dom, next);
    if (patch.speed !== undefined) dom.speed.value = String(next.speed);
    if (c.day) panels.invalidateDay();
    if (patch.zoom) zoom.sync();
    needsDraw = true;
    if (!next.playing || patch.playing !== undefined) url.schedule();
  }

  function drawFrame(): void {
    if (!ctx.replay || !ctx.layout) return;
    mapCanvas.draw();
    renderGroupTargets(ctx, dom);
    panels.updateCursors();
    updateTimeReadout(ctx, dom);
  }

  let last = performance.now();
  function tick(now: number): void {
    const dt = Math.min(0.1, (now - last) / 1000);
    last = now;
    if (ctx.replay && ctx.state.playing) {
      const next = advance(ctx.state, dt, ctx.replay.days);
      if (!next.playing) setState({ t: next.t, playing: false });
      else {
        if (Math.floor(next.t) !== Math.floor(ctx.state.t)) url.schedule();
        ctx.state = next;
      }
      needsDraw = true;
    }
    if (needsDraw || ctx.stress > 0) {
      needsDraw = false;
      drawFrame();
    }
    requestAnimationFrame(tick);
  }

  wireControls(ctx, dom, zoom.zoomBy);
  window.addEventListener("hashchange", () => {
    const next = decodeState(location.hash, ctx.state, ctx.replay?.days);
    if (encodeState(next) !== encodeState(ctx.state)) setState(next);
  });
  dom.overlay.addEventListener("click", () => {
    if (ctx.state.selection) setState({ selection: null });
  });
  new ResizeObserver(() => {
    resize();
    needsDraw = true;
  }).observe(dom.map);
  fetch(options.basemapUrl)
    .then((r) => (r.ok ? (r.json() as Promise<Basemap>) : undefined))
    .then((b) => {
      mapCanvas.setBasemap(b);
      needsDraw = true;
    })
    .catch(() => undefined);
  texts();
  requestAnimationFrame(tick);

  /** Shows a replay the library computed. */
  function show(next: ReplayData, providerId: string): void {
    const first = ctx.replay === undefined;
    ctx.replay = next;
    ctx.state = decodeState(
      first ? location.hash : `#${encodeState(ctx.state)}`,
      ctx.state,
      next.days,
    );
    dom.status.textContent = "";
    dom.map.setAttribute("aria-busy", "false");
    dom.map.dataset.provider = providerId;
    // Always the library's estimate (there is no other kind of track any more).
    dom.map.dataset.tracks = "estimate";
    dom.map.dataset.state = "ready";
    dom.scrubber.max = String(next.days);
    dom.scrubber.step = "0.125";
    texts();
    resize();
    const z = ctx.state.zoom;
    if (first && (z.k !== 1 || z.x !== 0 || z.y !== 0)) zoom.sync();
    panels.renderDetails();
    needsDraw = true;
  }

  async function load(provider: DataProvider): Promise<void> {
    dom.status.textContent = loadingText(ctx.state.lang);
    dom.map.setAttribute("aria-busy", "true");
    dom.map.dataset.state = "loading";
    try {
      const next = await provider.load({
        onProgress: (p) => {
          if (p.stage !== "done") dom.status.textContent = loadingText(ctx.state.lang, p);
        },
      });
      show(next, provider.id);
    } catch (err) {
      // Keep the replay shown (if any); say in a sentence why the new one could not be made.
      dom.status.textContent = failureText(ctx.state.lang, err);
      dom.map.setAttribute("aria-busy", "false");
      dom.map.dataset.state = "error";
    }
  }

  return {
    load,
    getState: () => structuredClone(ctx.state),
    setState,
    get replay() {
      return ctx.replay;
    },
    canvas: dom.canvas,
    stats: mapCanvas.stats,
    setStress(n) {
      ctx.stress = n;
      needsDraw = true;
    },
  };
}
