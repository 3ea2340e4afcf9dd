/**
 * The viewer's explicit state, shared by its parts (texts, map layers, side panels, controls):
 * the view state (what a link restores), the replay being shown and what is derived from it for
 * drawing. One object, owned by `createViewer`; the parts read it and change the view only
 * through `setState`.
 */
import type { GeoProjection } from "d3-geo";
import type { ReplayData } from "../data/replay.ts";
import type { Frame, Layout } from "../map/frame.ts";
import type { ViewState } from "../state.ts";

export interface ViewerContext {
  state: ViewState;
  /** The library's replay being shown; undefined until the first load succeeds. */
  replay: ReplayData | undefined;
  /** Every position projected for the current size (layoutReplay). */
  layout: Layout | undefined;
  projection: GeoProjection;
  /** The last frame drawn (its group marks carry the numbers shown on the map). */
  frame: Frame | undefined;
  /** Map size in CSS px and the device pixel ratio used for the canvases. */
  width: number;
  height: number;
  dpr: number;
  /** Stress mode for benchmarks: flow particles drawn regardless of counts (0 = off). */
  stress: number;
  setState(patch: Partial<ViewState>): void;
}

/** A place's position on screen (layout pixels, then the zoom transform). */
export function screenXY(ctx: ViewerContext, lon: number, lat: number): [number, number] {
  const p = ctx.projection([lon, lat]) ?? [0, 0];
  const z = ctx.state.zoom;
  return [p[0] * z.k + z.x, p[1] * z.k + z.y];
}
