/** The elements of index.html the viewer drives, looked up once. */
export interface ViewerDom {
  map: HTMLDivElement;
  canvas: HTMLCanvasElement;
  overlay: SVGSVGElement;
  /** Group hit targets and labels: their own small SVG, so moving them does not repaint places. */
  hits: SVGSVGElement;
  tooltip: HTMLDivElement;
  scrubber: HTMLInputElement;
  play: HTMLButtonElement;
  speed: HTMLSelectElement;
  date: HTMLOutputElement;
  status: HTMLParagraphElement;
  split: HTMLDivElement;
  splitReadout: HTMLUListElement;
  multiples: HTMLDivElement;
  headlines: HTMLDivElement;
  /** The library's situation update of the day (headline figures, people at places by status). */
  situation: HTMLDivElement;
  details: HTMLElement;
}

export const byId = <T extends Element>(id: string) => document.getElementById(id) as unknown as T;

export function findDom(): ViewerDom {
  return {
    map: byId("map"),
    canvas: byId("map-canvas"),
    overlay: byId("map-overlay"),
    hits: byId("map-hits"),
    tooltip: byId("tooltip"),
    scrubber: byId("scrubber"),
    play: byId("play"),
    speed: byId("speed"),
    date: byId("date"),
    status: byId("status"),
    split: byId("split"),
    splitReadout: byId("split-readout"),
    multiples: byId("multiples"),
    headlines: byId("headlines"),
    situation: byId("situation"),
    details: byId("details"),
  };
}

/** Shows a tooltip next to (x, y) in map pixels, kept inside the map's width. */
export function showTooltip(dom: ViewerDom, width: number, text: string, x: number, y: number) {
  dom.tooltip.textContent = text;
  dom.tooltip.hidden = false;
  dom.tooltip.style.left = `${Math.min(width - 200, x + 14)}px`;
  dom.tooltip.style.top = `${Math.max(0, y - 10)}px`;
}

export function hideTooltip(dom: ViewerDom): void {
  dom.tooltip.hidden = true;
}
