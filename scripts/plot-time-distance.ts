// Draws docs/time-distance-2018.svg: the viewer's time–distance (Marey) chart of the 2018 estimate
// — the same builders as the viewer (viewer/marey), from the library's timeDistance.
// Run: npx tsx scripts/plot-time-distance.ts [out.svg]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { embedded2018, estimateTracks, timeDistance } from "../src/index.ts";
import { mareyChart } from "../viewer/marey/chart.ts";
import { layoutMarey } from "../viewer/marey/layout.ts";
import { h, toSvgString } from "../viewer/render/vnode.ts";

const out = process.argv[2] ?? "docs/time-distance-2018.svg";
const data = embedded2018();
const td = timeDistance(data, estimateTracks(data));
const layout = layoutMarey(td, { width: 1100, height: 640 }, td.dayRange[0]);
const chart = mareyChart(layout, td, { lang: "en", ink: "#1d1d1d", t: 0, withNow: false });
chart.children.splice(
  1,
  0,
  h("rect", { width: layout.width, height: layout.height, fill: "#ffffff" }),
);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `<?xml version="1.0" encoding="UTF-8"?>\n${toSvgString(chart)}\n`);
console.log(`wrote ${out} (${td.groups.length} groups, ${td.reports.length} reports)`);
