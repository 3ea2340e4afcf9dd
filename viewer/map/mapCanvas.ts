/**
 * The map's canvases: the static layer (basemap and routes, cached per zoom/theme/size/layers) and
 * each frame's moving marks (bodies, bands, halos, median marks, trails, flow particles) with the
 * date and legend. Keeps its own state: the static cache, the basemap and frame timings.
 */
import type { FeatureCollection, Geometry } from "geojson";
import { dateOf } from "../data/replay.ts";
import { formatDate, tr } from "../i18n.ts";
import { THEMES } from "../palette.ts";
import type { ViewerContext } from "../view/context.ts";
import { drawFrameText, drawMarks, drawStatic } from "./draw.ts";
import { computeFrame } from "./frame.ts";

export type Basemap = FeatureCollection<Geometry, { name?: string; kind?: string }>;

export interface FrameStats {
  /** Durations (ms) of the last frames' compute + draw, most recent last (max 600). */
  times: number[];
  /** performance.now() when the first frame with data was drawn. */
  firstFrameAt?: number;
  particles: number;
}

const FONT = () =>
  getComputedStyle(document.documentElement).getPropertyValue("--font") || "system-ui, sans-serif";

export interface MapCanvas {
  readonly stats: FrameStats;
  /** Sizes the canvases to the map (CSS px × device pixel ratio) and invalidates the cache. */
  resize(): void;
  /** The static layer must be redrawn (zoom, theme, layers, basemap changed). */
  invalidate(): void;
  setBasemap(basemap: Basemap | undefined): void;
  /** Computes the frame at the state's time into `ctx.frame` and draws it. */
  draw(): void;
}

export function createMapCanvas(ctx: ViewerContext, canvas: HTMLCanvasElement): MapCanvas {
  const g = canvas.getContext("2d")!;
  const staticCanvas = document.createElement("canvas");
  const staticG = staticCanvas.getContext("2d")!;
  const stats: FrameStats = { times: [], particles: 0 };
  const font = FONT();
  let basemap: Basemap | undefined;
  let staticDirty = true;

  function drawStaticLayer(): void {
    const { state, replay } = ctx;
    staticG.setTransform(ctx.dpr, 0, 0, ctx.dpr, 0, 0);
    drawStatic(staticG, {
      width: ctx.width,
      height: ctx.height,
      projection: ctx.projection,
      zoom: state.zoom,
      basemap,
      routes: replay!.routes,
      colours: THEMES[state.theme],
      layers: state.layers,
    });
    staticDirty = false;
  }

  function drawText(): void {
    const L = ctx.state.lang;
    drawFrameText(g, {
      width: ctx.width,
      height: ctx.height,
      date: formatDate(L, dateOf(ctx.replay!.start, ctx.state.t)),
      colours: THEMES[ctx.state.theme],
      font,
      legend: {
        group: tr(L, "legendGroup"),
        halo: tr(L, "legendHalo"),
        band: tr(L, "legendBand"),
        uncertain: tr(L, "legendUncertain"),
        unseen: tr(L, "legendUnseen"),
        north: tr(L, "legendNorth"),
        south: tr(L, "legendSouth"),
        credit: tr(L, "basemapCredit"),
      },
    });
  }

  return {
    stats,
    resize() {
      for (const c of [canvas, staticCanvas]) {
        c.width = Math.round(ctx.width * ctx.dpr);
        c.height = Math.round(ctx.height * ctx.dpr);
      }
      staticDirty = true;
    },
    invalidate: () => void (staticDirty = true),
    setBasemap(b) {
      basemap = b;
      staticDirty = true;
    },
    draw() {
      const { state, replay, layout } = ctx;
      if (!replay || !layout) return;
      const t0 = performance.now();
      if (staticDirty) drawStaticLayer();
      ctx.frame = computeFrame(layout, state.t, {
        previous: ctx.frame,
        stressParticles: ctx.stress,
        scale: state.zoom.k,
      });
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.drawImage(staticCanvas, 0, 0);
      g.setTransform(ctx.dpr, 0, 0, ctx.dpr, 0, 0);
      drawMarks(g, ctx.frame, {
        zoom: state.zoom,
        colours: THEMES[state.theme],
        layers: state.layers,
        selected: state.selection?.kind === "group" ? state.selection.id : undefined,
        hovered: state.hover,
      });
      drawText();
      stats.particles = ctx.frame.particleCount;
      stats.times.push(performance.now() - t0);
      if (stats.times.length > 600) stats.times.shift();
      stats.firstFrameAt ??= performance.now();
    },
  };
}
