/**
 * Canvas drawing: the static layer (basemap, route, cached per zoom/theme/size) and the moving
 * marks of a Frame (trails, position bands, bodies, halos, median marks, flow particles), plus the date and
 * legend in the frame so a screenshot or recording (issue 7) carries them.
 */
import { geoPath } from "d3-geo";
import type { GeoProjection } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import type { RouteCollection } from "../../src/index.ts";
import { DIRECTION_COLOUR, groupColour } from "../palette.ts";
import type { ThemeColours } from "../palette.ts";
import type { LayerId } from "../state.ts";
import type { Frame } from "./frame.ts";

export interface ZoomTransform {
  k: number;
  x: number;
  y: number;
}

/** Above this many particles, they are written as pixels (a path of 20,000 rectangles is slow in software rendering). */
const FAST_PARTICLES = 3000;

let pixelCache:
  | {
      w: number;
      h: number;
      image: ImageData;
      u32: Uint32Array;
      scratch: HTMLCanvasElement;
      sctx: CanvasRenderingContext2D;
    }
  | undefined;

/** RGBA (little-endian ABGR) of a #rrggbb colour, opaque. */
function abgr(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  return ((0xff << 24) | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0;
}

/** Writes particles as 2×2 device pixels into an ImageData, then draws it over the frame once. */
function drawParticlesAsPixels(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  zoom: ZoomTransform,
): void {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  const dpr = ctx.getTransform().a || 1;
  if (!pixelCache || pixelCache.w !== w || pixelCache.h !== h) {
    const scratch = document.createElement("canvas");
    scratch.width = w;
    scratch.height = h;
    const sctx = scratch.getContext("2d")!;
    const image = sctx.createImageData(w, h);
    pixelCache = { w, h, image, u32: new Uint32Array(image.data.buffer), scratch, sctx };
  }
  const { u32, image, scratch, sctx } = pixelCache;
  u32.fill(0);
  const colours = [abgr(DIRECTION_COLOUR.northbound), abgr(DIRECTION_COLOUR.southbound)];
  for (let j = 0; j < frame.particleCount; j++) {
    const x = Math.round((frame.particles[2 * j]! * zoom.k + zoom.x) * dpr);
    const y = Math.round((frame.particles[2 * j + 1]! * zoom.k + zoom.y) * dpr);
    if (x < 0 || y < 0 || x + 1 >= w || y + 1 >= h) continue;
    const c = colours[frame.particleDir[j]!]!;
    const i = y * w + x;
    u32[i] = c;
    u32[i + 1] = c;
    u32[i + w] = c;
    u32[i + w + 1] = c;
  }
  sctx.putImageData(image, 0, 0);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(scratch, 0, 0);
  ctx.restore();
}

/** Draws basemap and routes into `ctx` (CSS pixels; the caller has set the device-pixel scale). */
export function drawStatic(
  ctx: CanvasRenderingContext2D,
  opts: {
    width: number;
    height: number;
    projection: GeoProjection;
    zoom: ZoomTransform;
    basemap: FeatureCollection<Geometry, { name?: string; kind?: string }> | undefined;
    routes: RouteCollection;
    colours: ThemeColours;
    layers: Record<LayerId, boolean>;
  },
): void {
  const { width, height, zoom, colours } = opts;
  ctx.save();
  ctx.fillStyle = colours.water;
  ctx.fillRect(0, 0, width, height);
  ctx.translate(zoom.x, zoom.y);
  ctx.scale(zoom.k, zoom.k);
  const path = geoPath(opts.projection, ctx);
  if (opts.basemap) {
    const corridor = new Set(["484", "320", "340", "222"]);
    for (const f of opts.basemap.features) {
      if (f.properties?.kind === "borders") continue;
      ctx.beginPath();
      path(f);
      ctx.fillStyle = corridor.has(String(f.id)) ? colours.land : colours.landOther;
      ctx.fill();
    }
    const borders = opts.basemap.features.find((f) => f.properties?.kind === "borders");
    if (borders) {
      ctx.beginPath();
      path(borders);
      ctx.strokeStyle = colours.border;
      ctx.lineWidth = 1 / zoom.k;
      ctx.setLineDash([4 / zoom.k, 2 / zoom.k]);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
  if (opts.layers.routes) {
    for (const f of opts.routes.features) {
      ctx.beginPath();
      path(f);
      ctx.strokeStyle = colours.route;
      const branch = f.properties.parent_route_id !== undefined;
      ctx.lineWidth = (branch ? 1.5 : 2.5) / zoom.k;
      ctx.setLineDash(branch ? [6 / zoom.k, 3 / zoom.k] : []);
      ctx.globalAlpha = 0.7;
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.setLineDash([]);
    }
  }
  ctx.restore();
}

function polyline(ctx: CanvasRenderingContext2D, xy: Float32Array, zoom: ZoomTransform): void {
  ctx.beginPath();
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]! * zoom.k + zoom.x;
    const y = xy[i + 1]! * zoom.k + zoom.y;
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
}

/**
 * Draws the moving marks. Positions are in layout pixels (zoom 1); the zoom transform is applied
 * to positions, not to sizes, so circles keep their size in people when zooming.
 */
export function drawMarks(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  opts: {
    zoom: ZoomTransform;
    colours: ThemeColours;
    layers: Record<LayerId, boolean>;
    selected?: string;
    /** The hovered group (map or chart): outlined like the selected one. */
    hovered?: string;
  },
): void {
  const { zoom, layers, colours } = opts;
  const px = (x: number) => x * zoom.k + zoom.x;
  const py = (y: number) => y * zoom.k + zoom.y;

  if (layers.flows && frame.particleCount > FAST_PARTICLES) {
    drawParticlesAsPixels(ctx, frame, zoom);
  } else if (layers.flows && frame.particleCount > 0) {
    for (let dir = 0; dir < 2; dir++) {
      ctx.fillStyle = dir === 0 ? DIRECTION_COLOUR.northbound : DIRECTION_COLOUR.southbound;
      ctx.beginPath();
      for (let j = 0; j < frame.particleCount; j++) {
        if (frame.particleDir[j] !== dir) continue;
        const x = px(frame.particles[2 * j]!);
        const y = py(frame.particles[2 * j + 1]!);
        ctx.rect(x - 1.25, y - 1.25, 2.5, 2.5);
      }
      ctx.fill();
    }
  }
  if (!layers.groups) return;
  for (const g of frame.groups) {
    if (g.unseenSince !== undefined) {
      drawUnseen(
        ctx,
        px(g.x),
        py(g.y),
        g,
        colours,
        g.id === opts.selected || g.id === opts.hovered,
      );
      continue;
    }
    const colour = groupColour(g.colour);
    ctx.globalAlpha = g.alpha;
    if (layers.trails && g.trail.length >= 4) {
      // Fading trail: segments from newest (opaque) to oldest (transparent).
      const n = g.trail.length / 2;
      let x0 = px(g.x);
      let y0 = py(g.y);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 3;
      ctx.lineCap = "round";
      for (let i = 0; i < n; i++) {
        const x1 = px(g.trail[2 * i]!);
        const y1 = py(g.trail[2 * i + 1]!);
        ctx.globalAlpha = g.alpha * 0.7 * (1 - i / n);
        ctx.beginPath();
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
        ctx.stroke();
        x0 = x1;
        y0 = y1;
      }
      ctx.globalAlpha = g.alpha;
    }
    if (layers.uncertainty && g.band.length >= 4) {
      polyline(ctx, g.band, zoom);
      ctx.strokeStyle = colour;
      ctx.globalAlpha = g.alpha * 0.35;
      ctx.lineWidth = 9;
      ctx.lineCap = "round";
      ctx.stroke();
      ctx.globalAlpha = g.alpha;
    }
    const x = px(g.x);
    const y = py(g.y);
    const hasBody = g.body.length >= 6;
    if (hasBody) drawBody(ctx, g, colour, zoom);
    // With a body, the body shows the people and the median person is a dot on it; without one
    // (a zero-length body), the circle's area is the people and the halo their interval.
    else if (layers.uncertainty) drawHalo(ctx, x, y, g, colour);
    ctx.beginPath();
    ctx.arc(x, y, hasBody ? MEDIAN_DOT : g.r, 0, 2 * Math.PI);
    ctx.fillStyle = colour;
    ctx.globalAlpha = g.alpha * (g.uncertain && !hasBody ? 0.55 : 0.9);
    ctx.fill();
    ctx.globalAlpha = g.alpha;
    const on = g.id === opts.selected || g.id === opts.hovered;
    ctx.lineWidth = on ? 3 : 1.5;
    ctx.strokeStyle = on ? colours.text : colours.halo;
    if (g.uncertain && layers.uncertainty) ctx.setLineDash([4, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  }
}

/**
 * A group not seen since its last report: a small dashed grey ring (fixed size: none of its people
 * are on the road), no body, band or trail, so the map shows no people the split does not count.
 */
function drawUnseen(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  g: Frame["groups"][number],
  colours: ThemeColours,
  on: boolean,
): void {
  ctx.beginPath();
  ctx.arc(x, y, g.r, 0, 2 * Math.PI);
  ctx.globalAlpha = 0.35;
  ctx.fillStyle = colours.muted;
  ctx.fill();
  ctx.globalAlpha = 0.9;
  ctx.lineWidth = on ? 3 : 1.5;
  ctx.strokeStyle = on ? colours.text : colours.muted;
  ctx.setLineDash([2, 2]);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

/** Radius (px) of the median person's dot on a body. */
const MEDIAN_DOT = 4.5;

/** The body along the road, tail to head, wider where more people are per km (body.ts). */
function drawBody(
  ctx: CanvasRenderingContext2D,
  g: Frame["groups"][number],
  colour: string,
  zoom: ZoomTransform,
): void {
  polyline(ctx, g.body, zoom);
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.globalAlpha = g.alpha * 0.7;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = colour;
  ctx.globalAlpha = g.alpha;
  ctx.stroke();
}

/** Halo: the ring between the low and high ends of the size interval. */
function drawHalo(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  g: Frame["groups"][number],
  colour: string,
): void {
  ctx.beginPath();
  ctx.arc(x, y, g.rHigh, 0, 2 * Math.PI);
  ctx.arc(x, y, g.rLow, 0, 2 * Math.PI, true);
  ctx.fillStyle = colour;
  ctx.globalAlpha = g.alpha * 0.25;
  ctx.fill();
  ctx.beginPath();
  ctx.arc(x, y, g.rHigh, 0, 2 * Math.PI);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.globalAlpha = g.alpha * 0.8;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = g.alpha;
}

const legendWidths = new Map<string, number>();

/** The date and a compact legend, drawn in the frame (top-left and bottom-left). */
export function drawFrameText(
  ctx: CanvasRenderingContext2D,
  opts: {
    width: number;
    height: number;
    date: string;
    colours: ThemeColours;
    legend: {
      north: string;
      south: string;
      group: string;
      halo: string;
      band: string;
      uncertain: string;
      /** A group not seen for long (greyed ring, no people on the road). */
      unseen: string;
      credit: string;
    };
    font: string;
  },
): void {
  const { colours, legend, height } = opts;
  ctx.save();
  ctx.font = `600 22px ${opts.font}`;
  ctx.textBaseline = "top";
  ctx.lineWidth = 4;
  ctx.strokeStyle = colours.halo;
  ctx.strokeText(opts.date, 14, 12);
  ctx.fillStyle = colours.text;
  ctx.fillText(opts.date, 14, 12);

  ctx.font = `12px ${opts.font}`;
  const rows: [string, (x: number, y: number) => void][] = [
    [
      legend.group,
      (x, y) => {
        ctx.beginPath();
        ctx.arc(x + 6, y + 6, 6, 0, 2 * Math.PI);
        ctx.fillStyle = groupColour(0);
        ctx.fill();
      },
    ],
    [
      legend.halo,
      (x, y) => {
        ctx.beginPath();
        ctx.arc(x + 6, y + 6, 7, 0, 2 * Math.PI);
        ctx.arc(x + 6, y + 6, 3, 0, 2 * Math.PI, true);
        ctx.fillStyle = groupColour(0);
        ctx.globalAlpha = 0.35;
        ctx.fill();
        ctx.globalAlpha = 1;
      },
    ],
    [
      legend.band,
      (x, y) => {
        ctx.fillStyle = groupColour(0);
        ctx.globalAlpha = 0.35;
        ctx.fillRect(x, y + 3, 14, 7);
        ctx.globalAlpha = 1;
      },
    ],
    [
      legend.uncertain,
      (x, y) => {
        ctx.beginPath();
        ctx.arc(x + 6, y + 6, 5.5, 0, 2 * Math.PI);
        ctx.fillStyle = groupColour(0);
        ctx.globalAlpha = 0.55;
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.setLineDash([3, 2]);
        ctx.strokeStyle = colours.text;
        ctx.lineWidth = 1;
        ctx.stroke();
        ctx.setLineDash([]);
      },
    ],
    [
      legend.unseen,
      (x, y) => {
        ctx.beginPath();
        ctx.arc(x + 6, y + 6, 4, 0, 2 * Math.PI);
        ctx.globalAlpha = 0.35;
        ctx.fillStyle = colours.muted;
        ctx.fill();
        ctx.globalAlpha = 0.9;
        ctx.setLineDash([2, 2]);
        ctx.strokeStyle = colours.muted;
        ctx.lineWidth = 1.5;
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.globalAlpha = 1;
      },
    ],
    [
      legend.north,
      (x, y) => {
        ctx.fillStyle = DIRECTION_COLOUR.northbound;
        for (let i = 0; i < 4; i++) ctx.fillRect(x + i * 4, y + 5, 2.5, 2.5);
      },
    ],
    [
      legend.south,
      (x, y) => {
        ctx.fillStyle = DIRECTION_COLOUR.southbound;
        for (let i = 0; i < 4; i++) ctx.fillRect(x + i * 4, y + 5, 2.5, 2.5);
      },
    ],
  ];
  const lineH = 17;
  const boxH = rows.length * lineH + 26;
  // Measuring text is slow in software rendering: the legend's width is cached per text set.
  const key = `${opts.font}|${rows.map(([t]) => t).join("|")}`;
  let boxW = legendWidths.get(key);
  if (boxW === undefined) {
    boxW = Math.max(...rows.map(([t]) => ctx.measureText(t).width)) + 36;
    legendWidths.set(key, boxW);
  }
  const y0 = height - boxH - 10;
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = colours.halo;
  ctx.fillRect(10, y0, boxW, boxH);
  ctx.globalAlpha = 1;
  rows.forEach(([text, icon], i) => {
    const y = y0 + 6 + i * lineH;
    icon(18, y);
    ctx.fillStyle = colours.text;
    ctx.fillText(text, 38, y);
  });
  ctx.fillStyle = colours.muted;
  ctx.font = `10px ${opts.font}`;
  ctx.fillText(legend.credit, 18, y0 + 8 + rows.length * lineH);
  ctx.restore();
}
