/**
 * Keeps the URL hash in step with the view state: written shortly after a change (debounced), not
 * on every animation frame, with `history.replaceState` (no history entry per frame).
 */
import { encodeState } from "../state.ts";
import type { ViewState } from "../state.ts";

export interface UrlWriter {
  /** Schedules a write of the state `get()` returns then. */
  schedule(): void;
}

export function createUrlWriter(get: () => ViewState, delayMs = 150): UrlWriter {
  let timer: number | undefined;
  return {
    schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(
        () => history.replaceState(null, "", `#${encodeState(get())}`),
        delayMs,
      );
    },
  };
}
