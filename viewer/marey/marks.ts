/**
 * Report marks on a canvas, for charts with many reports. 10,000 SVG marks made the page play at
 * ~4 frames/s in Chromium (style, layerisation and software painting of the whole document each
 * frame the map changes), although the chart's own script work was under 1 ms; on a canvas the
 * marks are one bitmap drawn once per rebuild. The SVG keeps the marks (with `data-report-id`)
 * for smaller data, and the data table lists every report in both cases.
 */
import type { ReportMark } from "./layout.ts";

/** Above this many reports the live chart draws its report marks on a canvas. */
export const CANVAS_MARKS = 1500;

/** The part of CanvasRenderingContext2D the marks use (a recording fake in unit tests). */
export type MarksContext = Pick<
  CanvasRenderingContext2D,
  | "beginPath"
  | "arc"
  | "moveTo"
  | "lineTo"
  | "fill"
  | "stroke"
  | "fillRect"
  | "setTransform"
  | "clearRect"
  | "fillStyle"
  | "strokeStyle"
  | "lineWidth"
  | "globalAlpha"
>;

/**
 * Draws every mark as the SVG draws it (chart.ts `reportMark`): a bar for a size range, a circle
 * (filled at 75 % opacity, or hollow with a thicker ring when set aside), a cross when rejected.
 * @param scale device pixels per CSS pixel (the canvas's backing store is `scale`× the chart).
 */
export function drawMarks(
  ctx: MarksContext,
  marks: readonly ReportMark[],
  size: { width: number; height: number },
  scale: number,
): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  for (const r of marks) {
    ctx.fillStyle = r.colour;
    ctx.strokeStyle = r.colour;
    if (r.bar) {
      ctx.globalAlpha = 0.6;
      ctx.fillRect(r.x - 1.5, r.y - r.bar.half, 3, 2 * r.bar.half);
    }
    ctx.beginPath();
    ctx.arc(r.x, r.y, r.r, 0, 2 * Math.PI);
    if (!r.hollow) {
      ctx.globalAlpha = 0.75;
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    ctx.lineWidth = r.hollow ? 1.5 : 0.6;
    ctx.stroke();
    if (r.rejected) {
      ctx.beginPath();
      ctx.moveTo(r.x - r.r, r.y - r.r);
      ctx.lineTo(r.x + r.r, r.y + r.r);
      ctx.moveTo(r.x - r.r, r.y + r.r);
      ctx.lineTo(r.x + r.r, r.y - r.r);
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }
}
