// Draws docs/state-2018.svg: the state of the corridor per day on the 2018 replay — everyone who
// had left, stacked as in transit, present at places, claimed asylum (the present who are asylum
// claimants waiting), returned, onward and unknown (they add up to the people who had left, every
// day), with the people present in Tijuana as a line. Title, axis labels, weekly date ticks
// (Mondays), people ticks and a legend naming each band. Every figure is the library's state
// (runReplay); nothing random, so the file is the same on every run.
// Run: npx tsx scripts/plot-state.ts [out.svg]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { dayNumber, isoDate } from "../src/calendar/index.ts";
import { embedded2018 } from "../src/embedded/index.ts";
import { runReplay } from "../src/replay/replay.ts";
import type { CorridorDay } from "../src/state/types.ts";

const out = process.argv[2] ?? "docs/state-2018.svg";
const { state } = runReplay(embedded2018());

const W = 820;
const H = 360;
const m = { left: 72, right: 200, top: 44, bottom: 44 };

/** People present at places who are asylum claimants waiting (the state's `waiting`, summed). */
const claimed = (d: CorridorDay): number =>
  Math.min(
    d.totals.presentAtPlaces,
    d.places.reduce((a, p) => a + p.waiting, 0),
  );
/** The bands, bottom to top: name, people on the day, colour. */
const LAYERS: [string, (d: CorridorDay) => number, string][] = [
  ["in transit (groups on the road)", (d) => d.totals.inTransit, "#4E79A7"],
  ["present at places (not claimants)", (d) => d.totals.presentAtPlaces - claimed(d), "#F28E2B"],
  ["claimed asylum (waiting)", claimed, "#E15759"],
  ["returned", (d) => d.totals.returned, "#59A14F"],
  ["onward", (d) => d.totals.onward, "#B07AA1"],
  ["unknown (no source places them)", (d) => d.totals.unknown, "#BAB0AC"],
];

/** A round step for about `n` ticks up to `max` (1, 2 or 5 × a power of ten). */
function niceStep(max: number, n: number): number {
  const raw = max / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
}

const departed = Math.max(...state.map((d) => d.totals.departed), 1);
const step = niceStep(departed, 6);
const top = Math.ceil(departed / step) * step;
const plotW = W - m.left - m.right;
const x = (i: number) => m.left + (i / Math.max(1, state.length - 1)) * plotW;
const y = (v: number) => H - m.bottom - (v / top) * (H - m.top - m.bottom);
const r1 = (v: number) => Math.round(v * 10) / 10;
const people = (v: number) => v.toLocaleString("en-US");
const first = state[0]?.date ?? "";
const last = state[state.length - 1]?.date ?? "";

const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
  `<title>The state of the corridor per day, 2018 replay (${first} to ${last})</title>`,
  `<rect width="${W}" height="${H}" fill="#fff"/>`,
  `<text x="${m.left}" y="18" font-size="14" font-weight="bold">The state of the corridor per day, 2018 replay</text>`,
  `<text x="${m.left}" y="34" fill="#555">Everyone who had left, by where they were; the bands add up to the people who had left (${people(departed)} at most)</text>`,
];

// People ticks and grid lines.
for (let v = 0; v <= top; v += step) {
  parts.push(
    `<line x1="${m.left}" x2="${m.left + plotW}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#ddd"/>`,
    `<line x1="${m.left - 4}" x2="${m.left}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#333"/>`,
    `<text x="${m.left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${people(v)}</text>`,
  );
}

// The stacked bands.
const below = state.map(() => 0);
LAYERS.forEach(([label, value, color], k) => {
  const upper = state.map((d, i) => below[i]! + value(d));
  const path = [
    ...upper.map((v, i) => `${i ? "L" : "M"}${r1(x(i))},${r1(y(v))}`),
    ...below.map((v, i) => `L${r1(x(i))},${r1(y(v))}`).reverse(),
    "Z",
  ].join("");
  parts.push(`<path d="${path}" fill="${color}"><title>${label}</title></path>`);
  const ly = m.top + (LAYERS.length - 1 - k) * 18; // legend top to bottom as the bands
  parts.push(
    `<rect x="${W - m.right + 14}" y="${ly}" width="10" height="10" fill="${color}"/>`,
    `<text x="${W - m.right + 28}" y="${ly + 9}">${label}</text>`,
  );
  upper.forEach((v, i) => (below[i] = v));
});

const tijuana = state.map((d) => d.places.find((p) => p.placeName === "Tijuana")?.present ?? 0);
const ty = m.top + LAYERS.length * 18 + 6;
parts.push(
  `<path d="${tijuana.map((v, i) => `${i ? "L" : "M"}${r1(x(i))},${r1(y(v))}`).join("")}" fill="none" stroke="#000" stroke-dasharray="4 3"><title>present in Tijuana</title></path>`,
  `<line x1="${W - m.right + 14}" x2="${W - m.right + 24}" y1="${ty + 5}" y2="${ty + 5}" stroke="#000" stroke-dasharray="4 3"/>`,
  `<text x="${W - m.right + 28}" y="${ty + 9}">present in Tijuana (line)</text>`,
);

// Axes, weekly date ticks (Mondays) and labels.
parts.push(
  `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}" stroke="#333"/>`,
  `<line x1="${m.left}" x2="${m.left + plotW}" y1="${H - m.bottom}" y2="${H - m.bottom}" stroke="#333"/>`,
);
const day0 = dayNumber(first) ?? 0;
state.forEach((d, i) => {
  const n = dayNumber(d.date) ?? day0 + i;
  // Day 0 of the calendar (1970-01-01) was a Thursday: (n + 3) % 7 === 0 on Mondays.
  if ((((n + 3) % 7) + 7) % 7 !== 0) return;
  const xi = r1(x(i));
  parts.push(
    `<line x1="${xi}" x2="${xi}" y1="${H - m.bottom}" y2="${H - m.bottom + 4}" stroke="#333"/>`,
    `<text x="${xi}" y="${H - m.bottom + 16}" text-anchor="middle">${isoDate(n).slice(5)}</text>`,
  );
});
parts.push(
  `<text x="${m.left + plotW / 2}" y="${H - 14}" text-anchor="middle">date, ${first} to ${last} (ticks on Mondays, MM-DD)</text>`,
  `<text transform="translate(16 ${m.top + (H - m.top - m.bottom) / 2}) rotate(-90)" text-anchor="middle">people</text>`,
  `</svg>`,
);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, parts.join("\n") + "\n");
console.log(`wrote ${out} (${state.length} days)`);
