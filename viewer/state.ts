/**
 * The view state: one plain, serialisable object holding everything a shared link must restore
 * (date, speed, play, selection, layers, theme, language, zoom). It lives in the URL hash
 * (`#t=12.5&speed=1&…`), so a view can be shared, and it is what an export (issue 7) records.
 */
import type { Days } from "../src/index.ts";

export const LAYERS = [
  "routes",
  "places",
  "labels",
  "groups",
  "uncertainty",
  "trails",
  "flows",
] as const;
export type LayerId = (typeof LAYERS)[number];

export type Lang = "en" | "es";
export type Theme = "light" | "dark";

/** What the details panel shows: a group (by its label) or a place / border point (by its id). */
export interface Selection {
  kind: "group" | "place";
  id: string;
}

export interface ViewState {
  /** Days since the replay start (fractional: 12.5 = noon of day 12). */
  t: Days;
  /** Replay speed in days per second, 0.25–8. */
  speed: number;
  playing: boolean;
  selection: Selection | null;
  layers: Record<LayerId, boolean>;
  theme: Theme;
  lang: Lang;
  /** Map zoom: scale and translation in CSS pixels (identity = whole corridor). */
  zoom: { k: number; x: number; y: number };
  /** The scenario panel (viewer/scenario) is open; written to the URL only when true. */
  scenario?: boolean;
  /**
   * The group under the pointer on the map or the time–distance chart (its label), drawn
   * emphasised by both; transient, so never written to the URL.
   */
  hover?: string;
}

/**
 * The patch that sets the hovered group to `group` (undefined = none), or undefined when it is
 * already so: pointer moves call it often, and an empty change must not redraw.
 */
export function hoverPatch(
  s: ViewState,
  group: string | undefined,
): Partial<ViewState> | undefined {
  return s.hover === group ? undefined : { hover: group };
}

/** The allowed speeds (days per second), slowest first. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

/**
 * Defaults; `lang` from the browser's language list when given (Spanish for any `es*`), `theme`
 * dark when the system asks for it (`prefers-color-scheme: dark`).
 */
export function defaultState(languages: readonly string[] = [], prefersDark = false): ViewState {
  const first = languages.find((l) => /^(es|en)\b/i.test(l));
  return {
    t: 0.5,
    speed: 1,
    playing: false,
    selection: null,
    layers: {
      routes: true,
      places: true,
      labels: true,
      groups: true,
      uncertainty: true,
      trails: true,
      flows: true,
    },
    theme: prefersDark ? "dark" : "light",
    lang: first && /^es/i.test(first) ? "es" : "en",
    zoom: { k: 1, x: 0, y: 0 },
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Nearest allowed speed (0.25–8 days/s). */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return SPEEDS.reduce(
    (best, s) => (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed)) ? s : best),
    1,
  );
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * Encodes the state as a URL hash (without `#`). Only what differs from nothing is left out:
 * every field is written so that a link means the same thing if defaults ever change.
 * @example encodeState(defaultState()) // => "t=0.5&speed=1&play=0&layers=routes,places,…&theme=light&lang=en&z=1,0,0"
 */
export function encodeState(s: ViewState): string {
  const p = new URLSearchParams();
  p.set("t", String(round(s.t, 3)));
  p.set("speed", String(s.speed));
  p.set("play", s.playing ? "1" : "0");
  if (s.selection) p.set("sel", `${s.selection.kind}:${s.selection.id}`);
  p.set("layers", LAYERS.filter((l) => s.layers[l]).join(","));
  p.set("theme", s.theme);
  p.set("lang", s.lang);
  p.set("z", [round(s.zoom.k, 3), round(s.zoom.x, 1), round(s.zoom.y, 1)].join(","));
  if (s.scenario) p.set("scenario", "1");
  return p.toString();
}

/**
 * Decodes a URL hash (with or without `#`) over `base`: unknown or malformed fields keep the base
 * value; `t` is clamped to 0…`maxT`; speed to the nearest allowed one.
 */
export function decodeState(hash: string, base: ViewState, maxT = Infinity): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const s: ViewState = { ...base, layers: { ...base.layers }, zoom: { ...base.zoom } };
  delete s.hover; // transient: a link never carries one
  const t = Number(p.get("t"));
  if (p.has("t") && Number.isFinite(t)) s.t = clamp(t, 0, maxT);
  const speed = Number(p.get("speed"));
  if (p.has("speed") && Number.isFinite(speed) && speed > 0) s.speed = clampSpeed(speed);
  if (p.has("play")) s.playing = p.get("play") === "1";
  const sel = p.get("sel");
  if (sel) {
    const i = sel.indexOf(":");
    const kind = sel.slice(0, i);
    if ((kind === "group" || kind === "place") && i > 0 && i < sel.length - 1)
      s.selection = { kind, id: sel.slice(i + 1) };
  }
  if (p.has("layers")) {
    const on = new Set((p.get("layers") ?? "").split(","));
    for (const l of LAYERS) s.layers[l] = on.has(l);
  }
  const theme = p.get("theme");
  if (theme === "light" || theme === "dark") s.theme = theme;
  const lang = p.get("lang");
  if (lang === "en" || lang === "es") s.lang = lang;
  const z = (p.get("z") ?? "").split(",").map(Number);
  if (z.length === 3 && z.every(Number.isFinite) && z[0]! > 0)
    s.zoom = { k: clamp(z[0]!, 1, 40), x: z[1]!, y: z[2]! };
  if (p.has("scenario")) s.scenario = p.get("scenario") === "1";
  return s;
}
