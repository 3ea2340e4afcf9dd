// Draws docs/state-2018.svg: the state of the corridor per day on the 2018 replay — everyone who
// had left, stacked as in transit, present at places, returned, onward and unknown (the five add
// up to the people who had left, every day), with the people present in Tijuana as a line.
// Run: npx tsx scripts/plot-state.ts [out.svg]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { embedded2018 } from "../src/embedded/index.ts";
import { runReplay } from "../src/replay/replay.ts";
import type { CorridorTotals } from "../src/state/types.ts";

const out = process.argv[2] ?? "docs/state-2018.svg";
const { state } = runReplay(embedded2018());

const W = 760;
const H = 300;
const m = { left: 60, right: 170, top: 20, bottom: 30 };
const LAYERS: [keyof CorridorTotals, string, string][] = [
  ["inTransit", "in transit (groups on the road)", "#4E79A7"],
  ["presentAtPlaces", "present at places", "#F28E2B"],
  ["returned", "returned", "#59A14F"],
  ["onward", "onward", "#B07AA1"],
  ["unknown", "unknown", "#BAB0AC"],
];
const top = Math.max(...state.map((d) => d.totals.departed), 1);
const x = (i: number) => m.left + (i / Math.max(1, state.length - 1)) * (W - m.left - m.right);
const y = (v: number) => H - m.bottom - (v / top) * (H - m.top - m.bottom);
const r1 = (v: number) => Math.round(v * 10) / 10;

const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
  `<title>The state of the corridor per day, 2018 replay</title>`,
];
const below = state.map(() => 0);
LAYERS.forEach(([key, label, color], k) => {
  const upper = state.map((d, i) => below[i]! + d.totals[key]);
  const path = [
    ...upper.map((v, i) => `${i ? "L" : "M"}${r1(x(i))},${r1(y(v))}`),
    ...below.map((v, i) => `L${r1(x(i))},${r1(y(v))}`).reverse(),
    "Z",
  ].join("");
  parts.push(`<path d="${path}" fill="${color}"><title>${label}</title></path>`);
  parts.push(
    `<rect x="${W - m.right + 12}" y="${m.top + k * 18}" width="10" height="10" fill="${color}"/>`,
    `<text x="${W - m.right + 26}" y="${m.top + k * 18 + 9}">${label}</text>`,
  );
  upper.forEach((v, i) => (below[i] = v));
});
const tijuana = state.map((d) => d.places.find((p) => p.placeName === "Tijuana")?.present ?? 0);
parts.push(
  `<path d="${tijuana.map((v, i) => `${i ? "L" : "M"}${r1(x(i))},${r1(y(v))}`).join("")}" fill="none" stroke="#000" stroke-dasharray="4 3"><title>present in Tijuana</title></path>`,
  `<line x1="${W - m.right + 12}" x2="${W - m.right + 22}" y1="${m.top + 5 * 18 + 5}" y2="${m.top + 5 * 18 + 5}" stroke="#000" stroke-dasharray="4 3"/>`,
  `<text x="${W - m.right + 26}" y="${m.top + 5 * 18 + 9}">present in Tijuana</text>`,
  `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}" stroke="#333"/>`,
  `<line x1="${m.left}" x2="${W - m.right}" y1="${H - m.bottom}" y2="${H - m.bottom}" stroke="#333"/>`,
  `<text x="${m.left - 4}" y="${y(top) + 4}" text-anchor="end">${top.toLocaleString("en-US")}</text>`,
  `<text x="${m.left - 4}" y="${H - m.bottom}" text-anchor="end">0</text>`,
  `<text x="${m.left}" y="${H - 10}">${state[0]?.date ?? ""}</text>`,
  `<text x="${W - m.right}" y="${H - 10}" text-anchor="end">${state[state.length - 1]?.date ?? ""}</text>`,
  `</svg>`,
);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, parts.join("\n") + "\n");
console.log(`wrote ${out} (${state.length} days)`);
