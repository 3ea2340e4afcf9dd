/**
 * Colours. Okabe–Ito (Okabe & Ito 2008, "Color Universal Design"): distinguishable by people with
 * the common colour-vision deficiencies. One colour per category everywhere (map, chart, panel);
 * "unknown" is grey with a hatch so it never reads as a category of its own.
 */
import type { SplitCategory } from "../src/index.ts";
import type { Theme } from "./state.ts";

export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  grey: "#999999",
} as const;

export const CATEGORY_COLOUR: Record<SplitCategory, string> = {
  asylum_claim: OKABE_ITO.blue,
  return: OKABE_ITO.vermillion,
  remaining: OKABE_ITO.green,
  regularized: OKABE_ITO.skyBlue,
  onward: OKABE_ITO.purple,
  other: OKABE_ITO.yellow,
  in_transit: OKABE_ITO.orange,
  unknown: OKABE_ITO.grey,
};

/** Northbound flows share the "onward/asylum" blue, southbound the "return" vermillion. */
export const DIRECTION_COLOUR = {
  northbound: OKABE_ITO.blue,
  southbound: OKABE_ITO.vermillion,
  unknown: OKABE_ITO.grey,
};

const GROUP_COLOURS = [
  OKABE_ITO.orange,
  OKABE_ITO.purple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.green,
  OKABE_ITO.yellow,
  OKABE_ITO.vermillion,
  OKABE_ITO.blue,
];

/** Colour of the i-th group. */
export function groupColour(i: number): string {
  return GROUP_COLOURS[i % GROUP_COLOURS.length]!;
}

export interface ThemeColours {
  background: string;
  land: string;
  landOther: string;
  border: string;
  water: string;
  route: string;
  text: string;
  muted: string;
  halo: string;
}

export const THEMES: Record<Theme, ThemeColours> = {
  light: {
    background: "#ffffff",
    land: "#f1efe9",
    landOther: "#e4e1d8",
    border: "#9c978a",
    water: "#dbe8f0",
    route: "#5b5b5b",
    text: "#1d1d1d",
    muted: "#5c5c5c",
    halo: "#ffffff",
  },
  dark: {
    background: "#111418",
    land: "#252a31",
    landOther: "#1c2026",
    border: "#5d6570",
    water: "#0b1620",
    route: "#b9c0c8",
    text: "#eef1f4",
    muted: "#aab2bb",
    halo: "#111418",
  },
};
