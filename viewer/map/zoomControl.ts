/**
 * Zoom and pan of the map with d3-zoom (wheel, drag), the zoom buttons and the +/− keys. The view
 * state holds the transform; `sync` moves d3's transform to the state's (a link, setState) without
 * echoing it back.
 */
import { select } from "d3-selection";
import { zoom as d3zoom, zoomIdentity } from "d3-zoom";
import type { ViewerContext } from "../view/context.ts";
import { byId, hideTooltip } from "../view/dom.ts";
import type { ViewerDom } from "../view/dom.ts";

export interface ZoomControl {
  /** Zooms by `factor` about the centre of the map. */
  zoomBy(factor: number): void;
  /** Applies the state's zoom to d3's transform (no zoom event back into the state). */
  sync(): void;
}

export function createZoomControl(ctx: ViewerContext, dom: ViewerDom): ZoomControl {
  const target = select(dom.map);
  let syncing = false;
  const behaviour = d3zoom<HTMLDivElement, unknown>()
    .scaleExtent([1, 40])
    .on("zoom", (ev: { transform: { k: number; x: number; y: number } }) => {
      if (syncing) return;
      hideTooltip(dom);
      syncing = true;
      ctx.setState({ zoom: { k: ev.transform.k, x: ev.transform.x, y: ev.transform.y } });
      syncing = false;
    });
  target.call(behaviour).on("dblclick.zoom", null);
  const zoomBy = (factor: number) => target.call(behaviour.scaleBy, factor);
  byId<HTMLButtonElement>("zoom-in").addEventListener("click", () => zoomBy(2));
  byId<HTMLButtonElement>("zoom-out").addEventListener("click", () => zoomBy(0.5));
  byId<HTMLButtonElement>("zoom-reset").addEventListener("click", () =>
    target.call(behaviour.transform, zoomIdentity),
  );
  for (const b of dom.map.querySelectorAll(".zoom-buttons button"))
    b.addEventListener("mousedown", (ev) => ev.stopPropagation());
  return {
    zoomBy,
    sync() {
      if (syncing) return;
      const z = ctx.state.zoom;
      syncing = true;
      target.call(behaviour.transform, zoomIdentity.translate(z.x, z.y).scale(z.k));
      syncing = false;
    },
  };
}
