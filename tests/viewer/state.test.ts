import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clampSpeed,
  decodeState,
  defaultState,
  encodeState,
  hoverPatch,
  LAYERS,
  SPEEDS,
} from "../../viewer/state.ts";
import type { ViewState } from "../../viewer/state.ts";

const stateArb: fc.Arbitrary<ViewState> = fc.record({
  t: fc.double({ min: 0, max: 80, noNaN: true }).map((t) => Math.round(t * 1000) / 1000),
  speed: fc.constantFrom(...SPEEDS),
  playing: fc.boolean(),
  selection: fc.option(
    fc.record({
      kind: fc.constantFrom("group" as const, "place" as const),
      id: fc.string({ minLength: 1, maxLength: 30 }),
    }),
    { nil: null },
  ),
  layers: fc.record(
    Object.fromEntries(LAYERS.map((l) => [l, fc.boolean()])) as Record<
      (typeof LAYERS)[number],
      fc.Arbitrary<boolean>
    >,
  ),
  theme: fc.constantFrom("light" as const, "dark" as const),
  lang: fc.constantFrom("en" as const, "es" as const),
  zoom: fc.record({
    k: fc.integer({ min: 1000, max: 40000 }).map((k) => k / 1000),
    x: fc.integer({ min: -50000, max: 50000 }).map((x) => x / 10),
    y: fc.integer({ min: -50000, max: 50000 }).map((y) => y / 10),
  }),
});

describe("view state in the URL", () => {
  it("decodeState(encodeState(s)) gives back s for any state (selection ids with any characters)", () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(decodeState(`#${encodeState(s)}`, defaultState())).toEqual(s);
      }),
    );
  });

  it("decodeState keeps the base value for malformed or unknown fields", () => {
    const base = defaultState();
    const s = decodeState("#t=abc&speed=-3&theme=pink&lang=fr&z=0,1,2&sel=nokind&foo=1", base);
    expect(s).toEqual(base);
  });

  it("decodeState clamps t to the replay length and speed to the nearest allowed speed", () => {
    const s = decodeState("t=500&speed=3", defaultState(), 67);
    expect(s.t).toBe(67);
    expect(s.speed).toBe(4);
    expect(clampSpeed(0.1)).toBe(0.25);
    expect(clampSpeed(100)).toBe(8);
  });

  it("defaultState takes Spanish from any es-* browser language and English otherwise", () => {
    expect(defaultState(["es-MX", "en"]).lang).toBe("es");
    expect(defaultState(["fr-FR", "en-US"]).lang).toBe("en");
    expect(defaultState(["de"]).lang).toBe("en");
    expect(defaultState([]).lang).toBe("en");
  });

  it("defaultState is light unless the system prefers dark", () => {
    expect(defaultState([]).theme).toBe("light");
    expect(defaultState([], true).theme).toBe("dark");
  });

  it("an empty layers list turns every layer off (not back to the defaults)", () => {
    const s = decodeState("layers=", defaultState());
    expect(Object.values(s.layers).every((v) => !v)).toBe(true);
  });
});

describe("hover (shared by the map and the time–distance chart)", () => {
  it("is never written to or read from the URL", () => {
    const s: ViewState = { ...defaultState(["en"]), hover: "Honduran caravan 1" };
    expect(encodeState(s)).toBe(encodeState(defaultState(["en"])));
    expect(encodeState(s)).not.toMatch(/hover|Honduran/);
    expect(decodeState(encodeState(s), s).hover).toBeUndefined();
    expect(decodeState("#hover=A", defaultState()).hover).toBeUndefined();
  });

  it("patches only a change of the hovered group", () => {
    const s = defaultState();
    expect(hoverPatch(s, undefined)).toBeUndefined();
    expect(hoverPatch(s, "A")).toEqual({ hover: "A" });
    expect(hoverPatch({ ...s, hover: "A" }, "A")).toBeUndefined();
    expect(hoverPatch({ ...s, hover: "A" }, "B")).toEqual({ hover: "B" });
    expect(hoverPatch({ ...s, hover: "A" }, undefined)).toEqual({ hover: undefined });
  });
});
