/**
 * Playback as pure functions of the view state: the next state after `dt` seconds of play, a step
 * by whole days, and play/pause. Times are days since the replay start; `days` is its length.
 */
import type { ViewState } from "../state.ts";

/**
 * The state after `dtSeconds` of play at `state.speed` days per second: stops at the end.
 * @example advance({ ...s, t: 10, speed: 2, playing: true }, 0.5, 40).t // => 11
 */
export function advance(state: ViewState, dtSeconds: number, days: number): ViewState {
  if (!state.playing) return state;
  const t = state.t + dtSeconds * state.speed;
  return t >= days ? { ...state, t: days, playing: false } : { ...state, t };
}

/**
 * The patch of a step by `delta` days: lands on noon of the day, the time of the library's daily
 * estimates, and pauses. @example stepPatch(20.9, 1, 40) // => { t: 21.5, playing: false }
 */
export function stepPatch(t: number, delta: number, days: number): Partial<ViewState> {
  const day = Math.floor(t) + delta;
  return { t: Math.max(0, Math.min(days, day + 0.5)), playing: false };
}

/** Play/pause; play at the end starts again from the beginning. */
export function togglePatch(state: ViewState, days: number): Partial<ViewState> {
  if (!state.playing && state.t >= days) return { t: 0, playing: true };
  return { playing: !state.playing };
}
