import { describe, expect, it } from "vitest";
import { keyCommand } from "../../viewer/controls/keys.ts";
import { advance, stepPatch, togglePatch } from "../../viewer/controls/playback.ts";
import { defaultState } from "../../viewer/state.ts";

const base = defaultState(["en"]);
const press = (key: string, over: Partial<Parameters<typeof keyCommand>[0]> = {}) =>
  keyCommand({ key, tag: "BODY", hasSelection: false, ...over });

describe("keyCommand", () => {
  it("maps the replay keys to commands", () => {
    expect(press(" ")).toBe("toggle-play");
    expect(press("x", { code: "Space" })).toBe("toggle-play");
    expect(press("ArrowLeft")).toBe("previous-day");
    expect(press("ArrowRight")).toBe("next-day");
    expect(press("Home")).toBe("start");
    expect(press("End")).toBe("end");
    expect(press("+")).toBe("zoom-in");
    expect(press("=")).toBe("zoom-in");
    expect(press("-")).toBe("zoom-out");
    expect(press("q")).toBeUndefined();
  });

  it("leaves text fields, selects and the browser's shortcuts alone; buttons and marks keep Space", () => {
    expect(press("ArrowLeft", { tag: "INPUT", inputType: "text" })).toBeUndefined();
    expect(press("ArrowLeft", { tag: "INPUT", inputType: "range" })).toBe("previous-day");
    expect(press("ArrowLeft", { tag: "SELECT" })).toBeUndefined();
    expect(press("ArrowLeft", { tag: "TEXTAREA" })).toBeUndefined();
    expect(press("ArrowLeft", { modified: true })).toBeUndefined();
    expect(press(" ", { tag: "BUTTON" })).toBeUndefined();
    expect(press(" ", { tag: "SUMMARY" })).toBeUndefined();
    expect(press(" ", { tag: "circle", role: "button" })).toBeUndefined();
  });

  it("Escape clears a selection only when there is one", () => {
    expect(press("Escape")).toBeUndefined();
    expect(press("Escape", { hasSelection: true })).toBe("clear-selection");
  });
});

describe("playback", () => {
  it("advance moves t by speed × seconds while playing and stops at the end", () => {
    expect(advance({ ...base, t: 10, speed: 2, playing: true }, 0.5, 40).t).toBe(11);
    expect(advance({ ...base, t: 10, speed: 2, playing: false }, 0.5, 40).t).toBe(10);
    expect(advance({ ...base, t: 39.9, speed: 8, playing: true }, 0.1, 40)).toMatchObject({
      t: 40,
      playing: false,
    });
  });

  it("stepPatch lands on noon of the day (the library's daily estimate) and pauses, within the replay", () => {
    expect(stepPatch(20.9, 1, 40)).toEqual({ t: 21.5, playing: false });
    expect(stepPatch(20.1, -1, 40)).toEqual({ t: 19.5, playing: false });
    expect(stepPatch(0.2, -1, 40)).toEqual({ t: 0, playing: false });
    expect(stepPatch(39.7, 1, 40)).toEqual({ t: 40, playing: false });
  });

  it("togglePatch plays, pauses, and restarts from the beginning at the end", () => {
    expect(togglePatch({ ...base, t: 5, playing: false }, 40)).toEqual({ playing: true });
    expect(togglePatch({ ...base, t: 5, playing: true }, 40)).toEqual({ playing: false });
    expect(togglePatch({ ...base, t: 40, playing: false }, 40)).toEqual({ t: 0, playing: true });
  });
});
