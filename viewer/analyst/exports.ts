/**
 * Pictures and recordings of the replay: the current frame as PNG or SVG, and the animation as
 * WebM. Each picture carries the date, the legend (drawn in the map frame by the viewer), the
 * place labels, the data set's name and its sources, so it can go into a situation update as is.
 * Text from users' files is written with fillText / textContent, never parsed as markup.
 */
import { dateOf } from "../data/replay.ts";
import type { ReplayData } from "../data/replay.ts";
import { datasetName, formatDate } from "../i18n.ts";
import { THEMES } from "../palette.ts";
import type { ViewState } from "../state.ts";
import type { ExportFile } from "./protocol.ts";
import { at } from "./texts.ts";

/** What the exports need of the viewer (its public seam, viewer/app.ts). */
export interface FrameSource {
  readonly canvas: HTMLCanvasElement;
  readonly replay: ReplayData | undefined;
  getState(): ViewState;
  setState(patch: Partial<ViewState>): void;
  /**
   * The table exports of the replay shown when its provider writes them (the corrected replay);
   * undefined: the analyst worker's are the replay's (viewer/app.ts).
   */
  replayTables?(hxl: boolean): Promise<ExportFile[]> | undefined;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const FOOTER = 46;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** Every source organisation named in the replay (reports, counts, figures), most cited first. */
export function replaySources(replay: ReplayData): string[] {
  const n = new Map<string, number>();
  const add = (s: string | undefined) => s && n.set(s, (n.get(s) ?? 0) + 1);
  for (const g of replay.groups) for (const r of g.reports) add(r.sourceOrg);
  for (const f of replay.flows) for (const d of f.days) for (const s of d.sources) add(s);
  for (const h of replay.headlines) add(h.sourceOrg);
  for (const p of replay.presence) for (const x of p.points) add(x.sourceOrg);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
}

/**
 * The two footer lines: data set and date; the sources (most cited first, as many as fit in
 * `maxChars`, then how many more) and the basemap credit.
 */
export function footerLines(
  replay: ReplayData,
  state: ViewState,
  maxChars = 160,
): [string, string] {
  const L = state.lang;
  const date = formatDate(L, dateOf(replay.start, state.t));
  const first = `${at(L, "data")}: ${datasetName(L, replay.name)} · ${date}`;
  const all = replaySources(replay);
  const shown: string[] = [];
  let length = 0;
  for (const s of all) {
    if (shown.length && length + s.length + 2 > maxChars) break;
    shown.push(s);
    length += s.length + 2;
  }
  const more = all.length - shown.length;
  const sources = shown.join("; ") + (more > 0 ? ` (+${more} ${at(L, "moreSources")})` : "");
  return [first, `${at(L, "sources")}: ${sources || "–"} · ${at(L, "basemap")}`];
}

interface Label {
  x: number;
  y: number;
  text: string;
  anchor: string;
  size: number;
  marker: { x: number; y: number; shape: "circle" | "rect"; fill: string };
}

/** The place labels and markers the viewer shows in its SVG overlay, in CSS pixels. */
function overlayLabels(): Label[] {
  const out: Label[] = [];
  for (const g of document.querySelectorAll<SVGGElement>("#map-overlay g.place")) {
    const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(g.getAttribute("transform") ?? "");
    if (!m) continue;
    const x = Number(m[1]);
    const y = Number(m[2]);
    const shape = g.querySelector("rect") ? "rect" : "circle";
    const markerEl = g.querySelector("rect, circle");
    const text = g.querySelector("text");
    const shown = text && text.getAttribute("display") !== "none" && text.textContent;
    out.push({
      x: x + Number(text?.getAttribute("x") ?? 0),
      y: y + Number(text?.getAttribute("y") ?? 0),
      text: shown ? text.textContent! : "",
      anchor: text?.getAttribute("text-anchor") ?? "start",
      size: Number(text?.getAttribute("font-size") ?? 11),
      marker: { x, y, shape, fill: markerEl?.getAttribute("fill") ?? "#555" },
    });
  }
  return out;
}

function cssSize(source: FrameSource): { w: number; h: number; scale: number } {
  const vb = document
    .getElementById("map-overlay")
    ?.getAttribute("viewBox")
    ?.split(" ")
    .map(Number);
  const w = vb && vb[2] ? vb[2] : source.canvas.width;
  const h = vb && vb[3] ? vb[3] : source.canvas.height;
  return { w, h, scale: source.canvas.width / w };
}

/**
 * Draws the current frame with labels and footer into `target` (resized to fit).
 * @returns false when there is no replay yet.
 */
export function composeFrame(source: FrameSource, target: HTMLCanvasElement): boolean {
  const replay = source.replay;
  if (!replay) return false;
  const state = source.getState();
  const { w, h, scale } = cssSize(source);
  const width = Math.round(w * scale);
  const height = Math.round((h + FOOTER) * scale);
  if (target.width !== width || target.height !== height) {
    target.width = width;
    target.height = height;
  }
  const ctx = target.getContext("2d")!;
  const colours = THEMES[state.theme];
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(source.canvas, 0, 0);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  for (const l of overlayLabels()) {
    ctx.fillStyle = l.marker.fill;
    if (l.marker.shape === "rect") {
      ctx.save();
      ctx.translate(l.marker.x, l.marker.y);
      ctx.rotate(Math.PI / 4);
      ctx.fillRect(-5, -5, 10, 10);
      ctx.restore();
    } else {
      ctx.beginPath();
      ctx.arc(l.marker.x, l.marker.y, 4, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (!l.text) continue;
    ctx.font = `${l.size}px ${FONT}`;
    ctx.textAlign = l.anchor === "end" ? "right" : l.anchor === "middle" ? "center" : "left";
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.halo;
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = colours.text;
    ctx.fillText(l.text, l.x, l.y);
  }
  const [line1, line2] = footerLines(replay, state, Math.floor(w / 6.2));
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, h, w, FOOTER);
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillStyle = colours.text;
  ctx.font = `600 13px ${FONT}`;
  ctx.fillText(line1, 10, h + 6, w - 20);
  ctx.font = `12px ${FONT}`;
  ctx.fillText(line2, 10, h + 25, w - 20);
  return true;
}

/** The current frame as a PNG. */
export async function framePng(source: FrameSource): Promise<Blob> {
  const canvas = document.createElement("canvas");
  if (!composeFrame(source, canvas)) throw new Error("no replay to export yet.");
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed."))), "image/png"),
  );
}

/**
 * The current frame as SVG: the map (basemap, routes, groups, date and legend as drawn) as an
 * embedded image, the place labels and the footer as SVG text, the legend and sources in <desc>.
 */
export function frameSvg(source: FrameSource, legend: string[]): Blob {
  const replay = source.replay;
  if (!replay) throw new Error("no replay to export yet.");
  const state = source.getState();
  const { w, h } = cssSize(source);
  const el = <K extends keyof SVGElementTagNameMap>(
    tag: K,
    attrs: Record<string, string | number> = {},
    text?: string,
  ) => {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const colours = THEMES[state.theme];
  const [line1, line2] = footerLines(replay, state, Math.floor(w / 6.2));
  const svg = el("svg", {
    xmlns: SVG_NS,
    width: w,
    height: h + FOOTER,
    viewBox: `0 0 ${w} ${h + FOOTER}`,
    "font-family": FONT,
  });
  svg.append(
    el("title", {}, `dtm-flow · ${line1}`),
    el("desc", {}, `${legend.join("; ")}. ${line2}`),
    el("rect", { width: w, height: h + FOOTER, fill: colours.background }),
    el("image", { href: source.canvas.toDataURL("image/png"), x: 0, y: 0, width: w, height: h }),
  );
  const labels = el("g", {
    class: "labels",
    fill: colours.text,
    stroke: colours.halo,
    "stroke-width": 3,
    "paint-order": "stroke",
  });
  for (const l of overlayLabels()) {
    if (!l.text) continue;
    labels.append(
      el(
        "text",
        { x: l.x.toFixed(1), y: l.y.toFixed(1), "text-anchor": l.anchor, "font-size": l.size },
        l.text,
      ),
    );
  }
  const date = formatDate(state.lang, dateOf(replay.start, state.t));
  svg.append(
    labels,
    el(
      "text",
      {
        class: "date",
        x: w - 12,
        y: 28,
        "text-anchor": "end",
        "font-size": 13,
        fill: colours.text,
      },
      date,
    ),
    el(
      "text",
      {
        class: "footer",
        x: 10,
        y: h + 20,
        "font-size": 13,
        "font-weight": 600,
        fill: colours.text,
      },
      line1,
    ),
    el("text", { class: "sources", x: 10, y: h + 38, "font-size": 12, fill: colours.text }, line2),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
  return new Blob([xml], { type: "image/svg+xml" });
}

/** A WebM type this browser's MediaRecorder can write, or undefined. */
export function webmType(): string | undefined {
  if (typeof MediaRecorder === "undefined") return undefined;
  return ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"].find((t) =>
    MediaRecorder.isTypeSupported(t),
  );
}

export interface Recording {
  stop(): void;
  /** The WebM, once stopped (by `stop`, the replay's end, or `maxSeconds`). */
  done: Promise<Blob>;
}

/**
 * Records the replay playing from the current date (each frame composed with labels and footer,
 * so the date, legend and sources are in the video) until its end, `maxSeconds`, or `stop()`.
 */
export function recordWebm(
  source: FrameSource,
  options: { maxSeconds?: number; fps?: number } = {},
): Recording {
  const type = webmType();
  if (!type) throw new Error("MediaRecorder cannot write WebM here.");
  const canvas = document.createElement("canvas");
  composeFrame(source, canvas);
  const stream = canvas.captureStream(options.fps ?? 30);
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const parts: Blob[] = [];
  recorder.addEventListener("dataavailable", (e) => {
    if (e.data.size) parts.push(e.data);
  });
  const done = new Promise<Blob>((resolve) =>
    recorder.addEventListener("stop", () => {
      stream.getTracks().forEach((t) => t.stop());
      resolve(new Blob(parts, { type: "video/webm" }));
    }),
  );
  const started = performance.now();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (recorder.state !== "inactive") recorder.stop();
  };
  const state = source.getState();
  if (source.replay && state.t >= source.replay.days) source.setState({ t: 0 });
  source.setState({ playing: true });
  recorder.start(500);
  const frame = () => {
    if (stopped) return;
    composeFrame(source, canvas);
    const elapsed = (performance.now() - started) / 1000;
    if (
      !source.getState().playing ||
      (options.maxSeconds !== undefined && elapsed >= options.maxSeconds)
    ) {
      // One more composed frame holds the last date on screen before the file ends.
      window.setTimeout(stop, 200);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return { stop, done };
}

/** Saves a blob as a file download (a local blob: URL; nothing leaves the machine). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** File name stem for exports: `dtm-flow-2018-10-21` (the date shown). */
export function exportName(replay: ReplayData, state: ViewState): string {
  return `dtm-flow-${dateOf(replay.start, state.t)}`;
}

/**
 * File name stem for the tables (tracks.csv, split.csv, the input tables, GeoJSON), which hold
 * every day of the replay, not the day shown: `dtm-flow-2018-10-13-to-2019-01-14`; with the
 * analyst's corrections in the replay `dtm-flow-corrected-2018-10-13-to-2019-01-14`, so the
 * file says it is not of the data as read.
 */
export function tableExportName(
  replay: Pick<ReplayData, "start" | "days"> & { corrected?: boolean },
): string {
  const what = replay.corrected ? "dtm-flow-corrected" : "dtm-flow";
  return `${what}-${replay.start}-to-${dateOf(replay.start, replay.days)}`;
}
