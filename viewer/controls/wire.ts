/**
 * The replay controls wired to the viewer: play/pause, day steps, the scrubber, the speed, theme
 * and language buttons and the keyboard; and the time readouts (date, scrubber position) per frame.
 */
import { dateOf } from "../data/replay.ts";
import { formatDate } from "../i18n.ts";
import type { ViewerContext } from "../view/context.ts";
import { byId } from "../view/dom.ts";
import type { ViewerDom } from "../view/dom.ts";
import { keyCommand, PREVENTS_DEFAULT } from "./keys.ts";
import type { KeyCommand } from "./keys.ts";
import { stepPatch, togglePatch } from "./playback.ts";

/** Runs a keyboard or button command against the viewer's state. */
export function runCommand(
  ctx: ViewerContext,
  command: KeyCommand,
  zoomBy: (f: number) => void,
): void {
  const days = ctx.replay?.days;
  if (command === "zoom-in") return zoomBy(2);
  if (command === "zoom-out") return zoomBy(0.5);
  if (command === "clear-selection") return ctx.setState({ selection: null });
  if (days === undefined) return;
  if (command === "toggle-play") ctx.setState(togglePatch(ctx.state, days));
  else if (command === "previous-day") ctx.setState(stepPatch(ctx.state.t, -1, days));
  else if (command === "next-day") ctx.setState(stepPatch(ctx.state.t, 1, days));
  else if (command === "start") ctx.setState({ t: 0, playing: false });
  else if (command === "end") ctx.setState({ t: days, playing: false });
}

export function wireControls(
  ctx: ViewerContext,
  dom: ViewerDom,
  zoomBy: (f: number) => void,
): void {
  const run = (c: KeyCommand) => runCommand(ctx, c, zoomBy);
  dom.play.addEventListener("click", () => run("toggle-play"));
  byId<HTMLButtonElement>("step-back").addEventListener("click", () => run("previous-day"));
  byId<HTMLButtonElement>("step-forward").addEventListener("click", () => run("next-day"));
  dom.scrubber.addEventListener("input", () =>
    ctx.setState({ t: Number(dom.scrubber.value), playing: false }),
  );
  dom.speed.addEventListener("change", () => ctx.setState({ speed: Number(dom.speed.value) }));
  byId<HTMLButtonElement>("theme").addEventListener("click", () =>
    ctx.setState({ theme: ctx.state.theme === "dark" ? "light" : "dark" }),
  );
  byId<HTMLButtonElement>("lang").addEventListener("click", () =>
    ctx.setState({ lang: ctx.state.lang === "en" ? "es" : "en" }),
  );
  document.addEventListener("keydown", (ev) => {
    const target = ev.target as HTMLElement;
    const command = keyCommand({
      key: ev.key,
      code: ev.code,
      modified: ev.altKey || ev.ctrlKey || ev.metaKey,
      tag: target.tagName,
      inputType: (target as HTMLInputElement).type,
      role: target.getAttribute?.("role"),
      hasSelection: ctx.state.selection !== null,
    });
    if (!command) return;
    if (PREVENTS_DEFAULT.has(command)) ev.preventDefault();
    run(command);
  });
}

/** The date output and the scrubber's position and spoken value for the state's time. */
export function updateTimeReadout(ctx: ViewerContext, dom: ViewerDom): void {
  if (!ctx.replay) return;
  const label = formatDate(ctx.state.lang, dateOf(ctx.replay.start, ctx.state.t));
  if (dom.date.textContent !== label) dom.date.textContent = label;
  if (document.activeElement !== dom.scrubber || ctx.state.playing)
    dom.scrubber.value = String(ctx.state.t);
  if (dom.scrubber.getAttribute("aria-valuetext") !== label)
    dom.scrubber.setAttribute("aria-valuetext", label);
}
