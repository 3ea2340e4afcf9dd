/**
 * The split chart's hover readout: the day under the pointer and each category of the ledger's
 * split that day with its 90 % interval, in a tooltip over the chart.
 */
import type { ReplayData } from "../data/replay.ts";
import { dateOf } from "../data/replay.ts";
import { categoryName, formatDate, formatCount } from "../i18n.ts";
import type { Lang } from "../state.ts";
import type { ViewerContext } from "../view/context.ts";
import type { ViewerDom } from "../view/dom.ts";
import { splitAt, splitX } from "./splitChart.ts";

/** "In transit: 1,230 (1,100–1,400)": one category of the split with its 90 % interval. */
export function splitLine(
  L: Lang,
  r: { category: Parameters<typeof categoryName>[1]; value: number; low: number; high: number },
): string {
  const range = r.high > r.low ? ` (${formatCount(L, r.low)}–${formatCount(L, r.high)})` : "";
  return `${categoryName(L, r.category)}: ${formatCount(L, r.value)}${range}`;
}

/** The text of the split chart's hover readout for day `day`, or undefined off the chart. */
export function splitHoverText(replay: ReplayData, day: number, L: Lang): string | undefined {
  const rows = day >= 0 && day <= replay.days ? splitAt(replay.split, day) : [];
  if (!rows.length) return undefined;
  return [formatDate(L, dateOf(replay.start, day)), ...rows.map((r) => splitLine(L, r))].join("\n");
}

/**
 * The tooltip over the split chart (`dom.split`), following the pointer; returns its element,
 * which the chart's renderer appends again after each redraw.
 */
export function splitHoverTip(ctx: ViewerContext, dom: Pick<ViewerDom, "split">): HTMLDivElement {
  const splitTip = document.createElement("div");
  splitTip.className = "tooltip chart-tooltip";
  splitTip.hidden = true;
  dom.split.addEventListener("pointermove", (ev) => {
    const svg = dom.split.querySelector("svg");
    if (!ctx.replay || !svg) return;
    const box = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute("width"));
    const day = Math.floor(
      splitX(ctx.replay.split, width).invert((ev.clientX - box.left) * (width / box.width)),
    );
    const text = splitHoverText(ctx.replay, day, ctx.state.lang);
    if (text === undefined) return void (splitTip.hidden = true);
    splitTip.textContent = text;
    splitTip.hidden = false;
    const x = ev.clientX - box.left;
    splitTip.style.left = `${x > box.width / 2 ? x - 250 : x + 14}px`;
    splitTip.style.top = "8px";
  });
  dom.split.addEventListener("pointerleave", () => (splitTip.hidden = true));
  return splitTip;
}
