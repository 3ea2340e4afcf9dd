/**
 * Viewer benchmark. Two parts:
 *  1. Node: the cost of computeFrame (where every mark is at time t) over the embedded 2018
 *     replay and in the 20,000-particle stress mode, as a ratio against a baseline measured in the
 *     same process (a plain pass writing the same number of coordinates).
 *  2. Chromium (when installed): the built site served statically; frame work (compute + draw) and
 *     rAF intervals while playing the replay, the same in stress mode, time to the first frame,
 *     and the JavaScript bundle size gzipped.
 * Run: `npx tsx bench/viewer.bench.ts` (add `--node-only` to skip Chromium, `--marey-only` to
 * measure only the time–distance chart in Chromium). The chart: layout and per-frame work in Node,
 * and its frame work in Chromium while playing, for 2018 and for 100 groups × 10,000 reports.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { geoMercator } from "d3-geo";
import { enrichDataset } from "../viewer/data/embedded.ts";
import { prepareReplay } from "../viewer/data/prepare.ts";
import { computeFrame, layoutReplay } from "../viewer/map/frame.ts";
import { embedded2018, estimateTracks, timeDistance } from "../src/index.ts";
import type { TimeDistance } from "../src/index.ts";
import { layoutMarey, mareyFrame } from "../viewer/marey/layout.ts";
import { stressTimeDistance } from "./worlds/mareyStress.ts";
import type { Frame, Layout } from "../viewer/map/frame.ts";

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const fmt = (v: number, d = 3) => v.toFixed(d);

function nodePart(): void {
  const input = enrichDataset(embedded2018());
  const replay = prepareReplay(input);
  // For timing the bodies only: the same tracks with a body of 40 km behind and 20 km ahead of
  // the median person (the 2018 estimate on main gives no head/tail yet, so its bodies are empty).
  const bodied = prepareReplay({
    ...input,
    tracks: input.tracks.map((p) => ({ ...p, tailKm: Math.max(0, p.km - 40), headKm: p.km + 20 })),
  });
  const projection = geoMercator().fitExtent(
    [
      [30, 50],
      [1070, 570],
    ],
    { type: "MultiPoint", coordinates: replay.places.map((p) => [p.lon, p.lat]) },
  );
  const layout: Layout = layoutReplay(replay, (p) => projection(p), 1100, 600);
  const bodiedLayout: Layout = layoutReplay(bodied, (p) => projection(p), 1100, 600);
  // 60 frames per replay day (1 day/s at 60 fps), the whole replay.
  const ts = Array.from({ length: Math.round(replay.days * 60) }, (_, i) => i / 60);

  function run(stress: number, on: Layout = layout): { perFrame: number[]; coords: number } {
    let prev: Frame | undefined;
    const perFrame: number[] = [];
    let coords = 0;
    for (const t of ts) {
      const t0 = performance.now();
      prev = computeFrame(on, t, { previous: prev, stressParticles: stress });
      perFrame.push(performance.now() - t0);
      coords +=
        prev.particleCount * 2 +
        prev.groups.reduce((s, g) => s + 2 + g.trail.length + g.band.length + g.body.length, 0);
    }
    return { perFrame, coords };
  }

  /** Baseline: write the same number of coordinates into a typed array with no logic. */
  function baseline(coords: number): number {
    const buf = new Float32Array(4096);
    const t0 = performance.now();
    for (let i = 0; i < coords; i++) buf[i & 4095] = i * 0.5;
    return performance.now() - t0;
  }

  run(0); // warm-up
  const replayRun = run(0);
  const stressRun = run(20_000);
  const bodyRun = run(0, bodiedLayout);
  const bodyBase = baseline(bodyRun.coords);
  const replayBase = baseline(replayRun.coords);
  const stressBase = baseline(stressRun.coords);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `computeFrame, ${ts.length} frames (${fmt(replay.days, 0)} days at 60 fps), ${replay.groups.length} groups`,
  );
  console.log("| case | mean ms/frame | p95 ms/frame | ratio to baseline |");
  console.log("|---|---|---|---|");
  console.log(
    `| 2018 replay | ${fmt(sum(replayRun.perFrame) / ts.length)} | ${fmt(quantile(replayRun.perFrame, 0.95))} | ${fmt(sum(replayRun.perFrame) / Math.max(1e-6, replayBase), 1)}× |`,
  );
  console.log(
    `| 2018 replay, bodies 60 km long (timing only) | ${fmt(sum(bodyRun.perFrame) / ts.length)} | ${fmt(quantile(bodyRun.perFrame, 0.95))} | ${fmt(sum(bodyRun.perFrame) / Math.max(1e-6, bodyBase), 1)}× |`,
  );
  console.log(
    `| stress 20,000 particles | ${fmt(sum(stressRun.perFrame) / ts.length)} | ${fmt(quantile(stressRun.perFrame, 0.95))} | ${fmt(sum(stressRun.perFrame) / Math.max(1e-6, stressBase), 1)}× |`,
  );
}

/**
 * The time–distance chart (viewer/marey): layout once, then the per-frame work (cursor and every
 * group's median person at t) over the whole replay at 60 frames per day, for the 2018 estimate
 * and for a synthetic 100 groups × 10,000 reports.
 */
function mareyNodePart(): void {
  const d = embedded2018();
  const cases: [string, TimeDistance][] = [
    ["2018 estimate", timeDistance(d, estimateTracks(d))],
    ["100 groups × 10,000 reports", stressTimeDistance(100, 10_000)],
  ];
  console.log("\nTime–distance chart: layout once, then per frame (60 frames per day)");
  console.log("| case | groups | reports | layout ms | mean ms/frame | p95 ms/frame |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, td] of cases) {
    const t0 = performance.now();
    const layout = layoutMarey(td, { width: 1200, height: 640 }, td.dayRange[0]);
    const layoutMs = performance.now() - t0;
    const days = td.dayRange[1] - td.dayRange[0];
    const per: number[] = [];
    for (let i = 0; i < days * 60; i++) {
      const s = performance.now();
      mareyFrame(layout, i / 60);
      per.push(performance.now() - s);
    }
    const mean = per.reduce((a, b) => a + b, 0) / per.length;
    console.log(
      `| ${name} | ${td.groups.length} | ${td.reports.length} | ${fmt(layoutMs, 1)} | ${fmt(mean, 4)} | ${fmt(quantile(per, 0.95), 4)} |`,
    );
  }
}

/**
 * In the page: clears the map's frame timings, records every animation-frame interval in
 * `window.rafGaps` and plays the replay from day 0 at 2 days/s. A string, not a function: tsx
 * would wrap named functions in a helper the page lacks.
 */
const PLAY_AND_RECORD = `(() => {
  window.dtmViewer.stats.times.length = 0;
  window.rafGaps = [];
  let last = performance.now();
  const loop = (now) => {
    window.rafGaps.push(now - last);
    last = now;
    if (window.rafGaps.length < 100000) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  window.dtmViewer.setState({ t: 0, speed: 2, playing: true });
})()`;

async function browserPart(): Promise<void> {
  const { hasBrowser, launchBrowser, serveStatic } = await import("../tests/browser/harness.ts");
  if (!hasBrowser) {
    console.log("\nChromium not found: browser part skipped.");
    return;
  }
  const { build } = await import("vite");
  const out = mkdtempSync(join(tmpdir(), "dtm-viewer-bench-"));
  try {
    await build({
      configFile: resolve("vite.config.ts"),
      logLevel: "error",
      build: { outDir: out, emptyOutDir: true },
    });
    const assets = readdirSync(join(out, "assets"));
    const js = assets.filter((f) => f.endsWith(".js"));
    const sizes = js.map((f) => {
      const bytes = readFileSync(join(out, "assets", f));
      return { f, raw: bytes.length, gz: gzipSync(bytes).length };
    });
    const main = sizes.filter((s) => !/worker/i.test(s.f));
    const worker = sizes.filter((s) => /worker/i.test(s.f));
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    const total = (xs: typeof sizes, k: "raw" | "gz") => xs.reduce((a, s) => a + s[k], 0);
    const basemap = readFileSync(join(out, "basemap.json"));

    const site = await serveStatic(out);
    const browser = await launchBrowser();
    try {
      async function measure(query: string, hash: string, seconds: number) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${site.url}${query}${hash}`);
        await page.waitForSelector('#map[data-tracks="estimate"]', { timeout: 60_000 });
        const firstFrame = await page.evaluate(
          () =>
            (window as unknown as { dtmViewer: { stats: { firstFrameAt?: number } } }).dtmViewer
              .stats.firstFrameAt,
        );
        await page.evaluate(PLAY_AND_RECORD);
        await page.waitForTimeout(seconds * 1000);
        const r = await page.evaluate(() => ({
          work: (
            window as unknown as { dtmViewer: { stats: { times: number[]; particles: number } } }
          ).dtmViewer.stats,
          gaps: (window as unknown as { rafGaps: number[] }).rafGaps,
        }));
        await page.close();
        return {
          firstFrame,
          work: r.work.times,
          gaps: r.gaps.slice(5),
          particles: r.work.particles,
        };
      }
      /**
       * The time–distance chart's frame work (viewer/marey/view.ts) while the replay plays, the
       * map's frame work in the same frames, and the page's frame interval (rAF to rAF: script,
       * style, layout, layerisation and paint of the whole page, and the machine's load).
       */
      async function measureChart(td: TimeDistance | undefined, seconds: number) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${site.url}#t=0&speed=2`);
        await page.waitForFunction(
          () => (window as unknown as { dtmEvidence?: { result?: unknown } }).dtmEvidence?.result,
          undefined,
          { timeout: 120_000 },
        );
        // A string, not a function (see PLAY_AND_RECORD).
        if (td) await page.evaluate(`window.dtmEvidence.showChart(${JSON.stringify(td)})`);
        await page.waitForTimeout(1500);
        await page.evaluate(`window.dtmEvidence.times.length = 0; ${PLAY_AND_RECORD}`);
        await page.waitForTimeout(seconds * 1000);
        const r = (await page.evaluate(`({
          chart: window.dtmEvidence.times.slice(),
          map: window.dtmViewer.stats.times.slice(),
          gaps: window.rafGaps.slice(5),
          marks: document.querySelector("#evidence canvas.marey-marks")?.dataset.count ?? "svg",
        })`)) as { chart: number[]; map: number[]; gaps: number[]; marks: string };
        await page.close();
        return r;
      }
      const chart2018 = await measureChart(undefined, 8);
      const chartStress = await measureChart(stressTimeDistance(100, 10_000), 8);
      console.log(
        "\nTime–distance chart in Chromium while playing at 2 days/s (map and chart on the page)",
      );
      console.log(
        "| case | report marks | frames | p95 chart work (ms) | max chart work (ms) | p95 map work (ms) | p95 frame interval (ms) | goal (work; interval) |",
      );
      console.log("|---|---|---|---|---|---|---|---|");
      for (const [name, m, goal] of [
        ["2018 estimate", chart2018, "≤ 8 ms; ≤ 33 ms"],
        ["100 groups × 10,000 reports", chartStress, "≤ 16.7 ms; ≤ 33 ms"],
      ] as const)
        console.log(
          `| ${name} | ${m.marks === "svg" ? "SVG" : `canvas (${m.marks})`} | ${m.gaps.length} | ${fmt(quantile(m.chart, 0.95), 2)} | ${fmt(Math.max(...m.chart), 2)} | ${fmt(quantile(m.map, 0.95), 2)} | ${fmt(quantile(m.gaps, 0.95), 1)} | ${goal} |`,
        );
      if (process.argv.includes("--marey-only")) return;
      const play = await measure("", "#t=0&speed=2", 8);
      const stress = await measure("?stress=20000", "#t=0&speed=2", 8);
      console.log("\nChromium (headless, software rendering), built site from a static server");
      console.log(
        "| case | frames | p95 frame work (ms) | p95 rAF interval (ms) | first frame (ms after navigation) |",
      );
      console.log("|---|---|---|---|---|");
      for (const [name, m] of [
        ["2018 replay playing at 2 days/s", play],
        [`stress mode (${stress.particles.toLocaleString("en")} particles)`, stress],
      ] as const)
        console.log(
          `| ${name} | ${m.work.length} | ${fmt(quantile(m.work, 0.95), 2)} | ${fmt(quantile(m.gaps, 0.95), 2)} | ${fmt(m.firstFrame ?? NaN, 0)} |`,
        );
      console.log(
        `\nBundle: page JS ${kb(total(main, "raw"))} (${kb(total(main, "gz"))} gzipped); worker JS ${kb(total(worker, "raw"))} (${kb(total(worker, "gz"))} gzipped); basemap.json ${kb(basemap.length)} (${kb(gzipSync(basemap).length)} gzipped)`,
      );
    } finally {
      await browser.close();
      await site.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

nodePart();
mareyNodePart();
if (!process.argv.includes("--node-only")) await browserPart();
