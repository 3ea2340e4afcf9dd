// Draws docs/tracks-2018.svg: km along the route against date for every 2018 caravan group, with
// the median person as a line with its 90 % interval as a band, the body from tail to head
// between dashed lines, and the source reports as points; below,
// the size (log scale) with its interval and the raw reported figures (before bias correction).
// Run: npx tsx scripts/plot-tracks.ts [out.svg]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { scaleLinear, scaleLog, scaleUtc } from "d3-scale";
import { embedded2018 } from "../src/embedded/index.ts";
import { estimateTracks } from "../src/estimate/estimateTracks.ts";
import { toLocalTime } from "../src/estimate/time.ts";
import { createGazetteer } from "../src/geo/gazetteer.ts";
import { createRouteIndex } from "../src/geo/routeIndex.ts";

const out = process.argv[2] ?? "docs/tracks-2018.svg";
const data = embedded2018();
const result = estimateTracks(data);
const index = createRouteIndex(data.routes);
const gazetteer = createGazetteer(data.places);

const W = 1000;
const margin = { left: 70, right: 230, top: 40 };
const kmPanel = { top: margin.top, height: 420 };
const sizePanel = { top: margin.top + 420 + 60, height: 240 };
const H = sizePanel.top + sizePanel.height + 50;
const palette = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#7f7f7f",
  "#bcbd22",
];

const dayMs = (date: string): Date => new Date(`${date}T12:00:00Z`);
const dates = result.tracks.map((t) => dayMs(t.date).getTime());
const x = scaleUtc()
  .domain([new Date(Math.min(...dates) - 86_400_000), new Date(Math.max(...dates) + 86_400_000)])
  .range([margin.left, W - margin.right]);
const maxKm = Math.max(...result.tracks.map((t) => t.kmHigh));
const yKm = scaleLinear()
  .domain([0, Math.ceil(maxKm / 500) * 500])
  .range([kmPanel.top + kmPanel.height, kmPanel.top]);
const sized = result.tracks.filter((t) => Number.isFinite(t.size));
const ySize = scaleLog()
  .domain([100, 20_000])
  .range([sizePanel.top + sizePanel.height, sizePanel.top])
  .clamp(true);

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const f = (n: number): string => n.toFixed(1);
const parts: string[] = [];
parts.push(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  `<rect width="${W}" height="${H}" fill="white"/>`,
  `<text x="${margin.left}" y="22" font-size="15" font-weight="bold">2018 caravans: km along the route (median person: line and 90 % band; body from tail to head: dashed; reports as dots)</text>`,
  `<text x="${margin.left}" y="${sizePanel.top - 14}" font-size="15" font-weight="bold">Size, people (log scale): estimate with 90 % interval; dots are raw reported figures before bias correction</text>`,
);
// Axes and grid.
for (const tick of yKm.ticks(8)) {
  parts.push(
    `<line x1="${margin.left}" x2="${W - margin.right}" y1="${f(yKm(tick))}" y2="${f(yKm(tick))}" stroke="#eee"/>`,
    `<text x="${margin.left - 6}" y="${f(yKm(tick) + 4)}" text-anchor="end">${tick.toLocaleString("en-US")}</text>`,
  );
}
for (const tick of [100, 300, 1000, 3000, 10000]) {
  parts.push(
    `<line x1="${margin.left}" x2="${W - margin.right}" y1="${f(ySize(tick))}" y2="${f(ySize(tick))}" stroke="#eee"/>`,
    `<text x="${margin.left - 6}" y="${f(ySize(tick) + 4)}" text-anchor="end">${tick.toLocaleString("en-US")}</text>`,
  );
}
for (const tick of x.ticks(10)) {
  const label = tick.toISOString().slice(5, 10);
  for (const panel of [kmPanel, sizePanel]) {
    parts.push(
      `<line x1="${f(x(tick))}" x2="${f(x(tick))}" y1="${panel.top}" y2="${panel.top + panel.height}" stroke="#f3f3f3"/>`,
      `<text x="${f(x(tick))}" y="${panel.top + panel.height + 16}" text-anchor="middle">${label}</text>`,
    );
  }
}
parts.push(
  `<text transform="translate(18 ${kmPanel.top + kmPanel.height / 2}) rotate(-90)" text-anchor="middle">km from the route's origin</text>`,
  `<text transform="translate(18 ${sizePanel.top + sizePanel.height / 2}) rotate(-90)" text-anchor="middle">people</text>`,
);

result.groups.forEach((g, gi) => {
  const color = palette[gi % palette.length];
  const rows = result.tracks.filter((t) => t.group === g.group);
  const band = (
    lo: (r: (typeof rows)[number]) => number,
    hi: (r: (typeof rows)[number]) => number,
  ): string => {
    const xs = rows.map((r) => x(dayMs(r.date)));
    const widen = rows.length === 1 ? 4 : 0;
    const top = rows.map((r, i) => `${f(xs[i] - widen)},${f(hi(r))}`);
    if (widen) top.push(`${f(xs[0] + widen)},${f(hi(rows[0]))}`);
    const bottom = rows.map((r, i) => `${f(xs[i] + widen)},${f(lo(r))}`).reverse();
    if (widen) bottom.push(`${f(xs[0] - widen)},${f(lo(rows[0]))}`);
    return [...top, ...bottom].join(" ");
  };
  parts.push(
    `<g><title>${esc(g.group)} (route ${esc(g.routeId)})</title>`,
    `<polygon points="${band(
      (r) => yKm(r.kmLow),
      (r) => yKm(r.kmHigh),
    )}" fill="${color}" fill-opacity="0.18" stroke="none"/>`,
    `<polyline points="${rows.map((r) => `${f(x(dayMs(r.date)))},${f(yKm(r.km))}`).join(" ")}" fill="none" stroke="${color}" stroke-width="2"/>`,
  );
  // The body: from its tail to its head (dashed edges), around the median person's line.
  if (rows.every((r) => r.headKm !== undefined && r.tailKm !== undefined)) {
    const edge = (km: (r: (typeof rows)[number]) => number): string =>
      `<polyline points="${rows.map((r) => `${f(x(dayMs(r.date)))},${f(yKm(km(r)))}`).join(" ")}" fill="none" stroke="${color}" stroke-width="1" stroke-dasharray="4 3"/>`;
    parts.push(
      `<polygon points="${band(
        (r) => yKm(r.tailKm ?? r.km),
        (r) => yKm(r.headKm ?? r.km),
      )}" fill="${color}" fill-opacity="0.12" stroke="none"/>`,
      edge((r) => r.headKm ?? r.km),
      edge((r) => r.tailKm ?? r.km),
    );
  }
  const withSize = rows.filter((r) => Number.isFinite(r.size));
  if (withSize.length) {
    parts.push(
      `<polygon points="${band(
        (r) => ySize(r.sizeLow),
        (r) => ySize(r.sizeHigh),
      )}" fill="${color}" fill-opacity="0.15" stroke="none"/>`,
      `<polyline points="${withSize.map((r) => `${f(x(dayMs(r.date)))},${f(ySize(r.size))}`).join(" ")}" fill="none" stroke="${color}" stroke-width="2"/>`,
    );
  }
  // The source reports of this group.
  const ids = new Set(g.sightings);
  for (const s of data.sightings) {
    if (!ids.has(s.id ?? "")) continue;
    const time = toLocalTime(s.observedAt, data.timeZone);
    if (!time) continue;
    const px = x(new Date(time.t * 86_400_000));
    let point: [number, number] | undefined;
    if (s.lat !== undefined && s.lon !== undefined) point = [s.lon, s.lat];
    else if (s.placeName) {
      const p = gazetteer.find(s.placeName, s.country);
      if (p) point = [p.lon, p.lat];
    }
    const title = esc(
      `${s.id} ${s.observedAt} ${s.placeName ?? ""} — ${s.sourceOrg ?? s.sourceType ?? "source"}`,
    );
    if (point) {
      const p = index.project(point, { routeId: g.routeId });
      if (p && p.distanceKm < 60) {
        parts.push(
          `<circle cx="${f(px)}" cy="${f(yKm(p.km))}" r="3.5" fill="white" stroke="${color}" stroke-width="1.5"><title>${title}</title></circle>`,
        );
      }
    }
    const size =
      s.sizeBest ??
      (s.sizeMin !== undefined && s.sizeMax !== undefined
        ? Math.sqrt(s.sizeMin * s.sizeMax)
        : (s.sizeMin ?? s.sizeMax));
    if (size !== undefined && size > 0) {
      parts.push(
        `<circle cx="${f(px)}" cy="${f(ySize(size))}" r="3" fill="white" stroke="${color}" stroke-width="1.2"><title>${title}: ${size}</title></circle>`,
      );
    }
  }
  parts.push(`</g>`);
  // Legend.
  const ly = margin.top + 10 + gi * 20;
  parts.push(
    `<rect x="${W - margin.right + 15}" y="${ly - 9}" width="14" height="10" fill="${color}" fill-opacity="0.35"/>`,
    `<text x="${W - margin.right + 35}" y="${ly}">${esc(g.group)} (${esc(g.routeId)})</text>`,
  );
});
const noteY = margin.top + 10 + result.groups.length * 20 + 10;
const biases = result.report.sourceBiases
  .map((b) => `${b.sourceType}: ×${Math.exp(b.bias).toFixed(2)} (n=${b.n})`)
  .map(
    (line, i) =>
      `<text x="${W - margin.right + 15}" y="${noteY + 18 + i * 16}">${esc(line)}</text>`,
  );
parts.push(
  `<text x="${W - margin.right + 15}" y="${noteY}" font-weight="bold">Fitted source bias</text>`,
  ...biases,
  `<text x="${margin.left}" y="${H - 12}" fill="#555">Generated by scripts/plot-tracks.ts from the embedded 2018 data (dtm-flow estimate). Groups on different routes have km from their own route's origin.</text>`,
  `</svg>`,
);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, parts.join("\n") + "\n");
console.log(`wrote ${out}: ${result.groups.length} groups, ${sized.length} sized group-days`);
