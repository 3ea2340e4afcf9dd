/**
 * The notebooks, built and opened in real Chromium with no network.
 *
 * beforeAll builds every notebooks/*.html with the exact arguments of the `notebooks:build`
 * script in package.json (only `--out` is redirected to a temporary folder), serves the result
 * as a plain static site and opens each page. A page passes when no cell failed, nothing was
 * requested from any other host (fonts included), and its key outputs show the figures the
 * toolkit computes for the same inputs in Node.
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dtm from "../../src/index.ts";
import { hasBrowser, launchBrowser, serveStatic, watchPage } from "./harness.ts";

const run = promisify(execFile);

/** Every notebook in notebooks/: each one is built and opened. */
const NOTEBOOK_FILES = readdirSync("notebooks")
  .filter((f) => f.endsWith(".html"))
  .sort();

/**
 * The notebooks the repository holds (git ls-files): each must say in KEY_OUTPUTS what it shows.
 * A notebook of the user's own, not committed (README.md: copy index.html to my-analysis.html and
 * add a cell), is built and opened like the others and must run clean, but needs no entry, so that
 * following README.md does not make `npm test` fail. Outside a git checkout every notebook counts.
 */
const COMMITTED = ((): Set<string> | undefined => {
  try {
    const listed = execFileSync("git", ["ls-files", "notebooks"], { encoding: "utf8" });
    return new Set(listed.split("\n").map((path) => path.replace(/^notebooks\//, "")));
  } catch {
    return undefined;
  }
})();
const mustHaveKeyOutputs = (file: string) => COMMITTED?.has(file) ?? true;

/**
 * What each notebook must show once its cells have run: `ready` are selectors to wait for,
 * `check` compares the figures on the page with what the toolkit computes here in Node.
 */
const KEY_OUTPUTS: Record<
  string,
  { ready: string[]; previewReady?: string[]; check: (page: Page) => Promise<void> }
> = {
  "index.html": {
    ready: ["#toolkit-status strong", "#draws rect"],
    async check(page) {
      const exported = Object.keys(dtm).length;
      expect(await page.locator("#toolkit-status strong").innerText()).toBe(String(exported));
      // 1000 seeded normal draws binned by Plot: the bar counts add up to 1000.
      expect(await barTotal(page, "#draws")).toBe(1000);
    },
  },
  "import-count-sheet.html": {
    ready: [
      "#import-summary [data-figure=accepted]",
      "#mapping-table tbody tr",
      "#daily-counts rect",
      "#sex-age rect",
    ],
    check: checkImport,
  },
  "replay-2018.html": {
    ready: [
      "#replay-summary",
      "#tracks-km g[aria-label=line] path",
      "#tracks-size",
      "#maps svg",
      "#split g[aria-label=area] path",
      "#seed-table tbody tr",
      "#source-bias-table tbody tr",
    ],
    check: checkReplay,
  },
  "influx-scenario.html": {
    ready: [
      "#scenario-status",
      "#fan-charts svg",
      "#needs-table tbody tr",
      "#compare-chart",
      "#compare-table tbody tr",
      "#scenario-json",
    ],
    check: checkInflux,
  },
  "estimator-accuracy.html": {
    ready: ["#study-status[data-done=yes]", "#accuracy-table tbody tr"],
    // The live preview runs unbundled code: wait for the first worlds' charts, not the whole study.
    previewReady: ["#accuracy-charts svg", "#accuracy-table tbody tr"],
    check: checkAccuracy,
  },
};

/** Sum of the counts that a Plot bar chart shows in its bars' titles. */
function barTotal(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .evaluate((svg) =>
      Array.from(svg.querySelectorAll("g[aria-label=rect] title"), (t) =>
        Number(t.textContent),
      ).reduce((a, b) => a + b, 0),
    );
}
/** The text of the element that shows one figure (`data-figure="name"`) inside `scope`. */
function figure(page: Page, scope: string, name: string): Promise<string> {
  return page.locator(`${scope} [data-figure="${name}"]`).innerText();
}

const people = new Intl.NumberFormat("en-US");
/** A count as the notebooks print it (d3.format(",.0f"), which rounds like toFixed). */
const whole = (x: number) => people.format(Number(x.toFixed(0)));

/** The import summary's figures, as the page shows them. */
async function importFigures(page: Page) {
  const names = [
    "rows-read",
    "data-rows",
    "accepted",
    "rejected",
    "records",
    "warnings",
    "duplicates",
  ];
  const values = await Promise.all(names.map((n) => figure(page, "#import-summary", n)));
  return Object.fromEntries(names.map((n, i) => [n, values[i]!.replace(/,/g, "")]));
}

function expectedFigures(report: dtm.ImportReport) {
  return {
    "rows-read": String(report.rowsRead),
    "data-rows": String(report.dataRows),
    accepted: String(report.accepted),
    rejected: String(report.rejected),
    records: String(report.recordsOut),
    warnings: String(report.warnings.length),
    duplicates: String(report.duplicates.length),
  };
}

/** import-count-sheet: the Windows-1252 sample's report and charts, then a mapping changed by hand. */
async function checkImport(page: Page) {
  const fileName = "excel-conteo-windows1252.csv";
  const bytes = new Uint8Array(await readFile(`data/samples/${fileName}`));
  const gazetteer = dtm.createGazetteer(dtm.embedded2018().places);
  const first = dtm.importTable(bytes, { fileName, gazetteer });
  expect(first.report.encoding).toBe("windows-1252");
  expect(await figure(page, "#import-summary", "encoding")).toBe("windows-1252");
  expect(await importFigures(page)).toEqual(expectedFigures(first.report));
  expect(first.report.rejected).toBeGreaterThan(0);
  expect(await page.locator("#rejections tbody tr").count()).toBe(first.report.rejections.length);
  expect(await page.locator("#mapping-table tbody tr").count()).toBe(first.report.columns.length);
  // One bar per point, day and direction with a count.
  const records = first.records as dtm.CountRecord[];
  const bars = new Set(records.map((r) => `${r.fmpName ?? r.fmpId}|${r.date}|${r.direction}`));
  expect(await page.locator("#daily-counts g[aria-label=bar] rect").count()).toBe(bars.size);

  // The analyst says "Observaciones" is no field: it is re-imported and kept as an extra column.
  await page.getByLabel("Observaciones", { exact: true }).selectOption("(no field: keep as extra)");
  await page.waitForSelector('#mapping-table tr[data-column="Observaciones"] em');
  const notes = first.report.columns.find((c) => c.column === "Observaciones")!;
  const second = dtm.importTable(bytes, {
    fileName,
    gazetteer,
    kind: "counts",
    columns: { [notes.index]: dtm.KEEP_AS_EXTRA },
  });
  expect(second.report.extraColumns).toEqual(["Observaciones"]);
  expect(await importFigures(page)).toEqual(expectedFigures(second.report));

  // Every other bundled sample (Kobo with HXL, long layout, XLSX, a file missing a column) imports
  // in the page with the report the library gives in Node, and no cell fails.
  for (const sample of [
    "kobo-conteo-tecun-uman.csv",
    "dtm-largo-sexo-edad.tsv",
    "conteo-por-punto.xlsx",
    "sin-columna-fecha.csv",
  ]) {
    await page.getByLabel("sample", { exact: true }).selectOption(sample);
    await page.waitForFunction(
      (name) => document.querySelector("#import-summary code")?.textContent === name,
      sample,
    );
    const bytes = new Uint8Array(await readFile(`data/samples/${sample}`));
    const { report } = dtm.importTable(bytes, { fileName: sample, gazetteer });
    expect(await importFigures(page), sample).toEqual(expectedFigures(report));
    expect(await page.locator("#import-fatal").count(), sample).toBe(report.fatal ? 1 : 0);
    expect(await page.locator(".observablehq--error").count(), sample).toBe(0);
  }

  // An analyst's own file (here a sightings table) through the file input: imported as it is,
  // and the count charts say there is nothing to chart rather than drawing zeros.
  const own = "avistamientos-rangos.csv";
  await page.getByLabel("or your own file").setInputFiles(`data/samples/${own}`);
  await page.waitForFunction(
    (name) => document.querySelector("#import-summary code")?.textContent === name,
    own,
  );
  const ownBytes = new Uint8Array(await readFile(`data/samples/${own}`));
  const ownImport = dtm.importTable(ownBytes, { fileName: own, gazetteer });
  expect(ownImport.kind).toBe("sightings");
  expect(await figure(page, "#import-summary", "kind")).toBe("sightings");
  expect(await importFigures(page)).toEqual(expectedFigures(ownImport.report));
  expect(await page.locator("#daily-counts").innerText()).toContain("No count records");
}

/** replay-2018: the figures, tracks, maps, split, seeds and biases of the 2018 estimate. */
async function checkReplay(page: Page) {
  const data = dtm.embedded2018();
  const result = dtm.estimateTracks(data);
  const summary = "#replay-summary";
  expect(await figure(page, summary, "sightings")).toBe(String(data.sightings.length));
  expect(await figure(page, summary, "groups")).toBe(String(result.groups.length));
  expect(await figure(page, summary, "track-days")).toBe(String(result.tracks.length));
  const associated = result.groups.reduce((n, g) => n + g.sightings.length, 0);
  expect(await figure(page, summary, "associated")).toBe(String(associated));
  expect(await figure(page, summary, "left-out")).toBe(String(result.report.leftOut.length));
  // One line per group with a track (all groups are selected at first), one dot per placed report.
  const tracked = new Set(result.tracks.map((t) => t.group)).size;
  expect(await page.locator("#tracks-km g[aria-label=line] path").count()).toBe(tracked);
  expect(await page.locator("#tracks-km g[aria-label=dot] > *").count()).toBeGreaterThan(tracked);
  // A map every 7 days from the first track day to the last.
  const days = result.tracks.map((t) => Date.parse(t.date));
  const weeks = Math.floor((Math.max(...days) - Math.min(...days)) / (7 * 86_400_000)) + 1;
  expect(await page.locator("#maps > figure, #maps > svg").count()).toBe(weeks);
  // The state's totals on the last day, grouped by thousands as the CLI prints them.
  const state = dtm.runReplay(data).state;
  const t = state[state.length - 1]!.totals;
  const n = (v: number) => v.toLocaleString("en-US");
  expect((await page.locator("#state-totals").innerText()).replace(/\s+/g, " ")).toBe(
    `On ${state[state.length - 1]!.date}: ${n(t.departed)} left = ${n(t.inTransit)} in transit + ${n(t.presentAtPlaces)} at places + ${n(t.returned)} returned + ${n(t.onward)} onward + ${n(t.unknown)} unknown.`,
  );
  // The split's categories stack up, and the report's figures are set against the ledger.
  const ledger = dtm.buildLedger({ dataset: data, tracks: result.tracks });
  const seeds = dtm
    .situationReport2018()
    .filter((f) => f.category !== undefined && f.unit === "people");
  expect(await page.locator("#seed-table tbody tr").count()).toBe(seeds.length);
  expect(await page.locator("#seed-overlay svg").count()).toBe(seeds.length);
  const claims = seeds.find((f) => f.category === "asylum_claim")!;
  const total = dtm.splitTotal(ledger.split, {
    date: claims.asOf,
    category: "asylum_claim",
    countries: claims.countries,
  })!;
  expect(await page.locator(`#seed-table tr[data-seed="${claims.id}"] td`).nth(4).innerText()).toBe(
    `${people.format(total.value)} (${people.format(total.valueLow)}–${people.format(total.valueHigh)})`,
  );
  // One row per fitted source type, with the factor exp(bias).
  const biases = result.report.sourceBiases;
  expect(biases.length).toBeGreaterThan(0);
  expect(await page.locator("#source-bias-table tbody tr").count()).toBe(biases.length);
  for (const b of biases) {
    const cells = page.locator(`#source-bias-table tr[data-source="${b.sourceType}"] td`);
    expect(await cells.nth(2).innerText()).toBe(`×${Math.exp(b.bias).toFixed(2)}`);
    expect(await cells.nth(4).innerText()).toBe(String(b.n));
  }

  // As of three weeks after the first report, only what was known by then is used.
  const firstDay = data.sightings.map((x) => x.observedAt.slice(0, 10)).sort()[0]!;
  const asOf = new Date(Date.parse(firstDay) + 21 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("estimate as of").selectOption({ label: `end of ${asOf}` });
  await page.waitForSelector('#replay-summary [data-figure="after-as-of"]');
  // The reports left out, counted here without the library (review 21b LOW 13: the notebook's
  // own call, runReplay as of that day, cannot be its own check): its sightings and the stays
  // groups were counted at (people remaining at a named place, with the group's label: stock rows
  // the estimator reads as reports, docs/estimation.md). The embedded data are written in local
  // time without an offset, so a report after the end of that local day is one dated later.
  expect(data.sightings.every((x) => !/(Z|[+-]\d\d:?\d\d)$/.test(x.observedAt))).toBe(true);
  const stays = data.stocks.filter(
    (f) =>
      f.category === "remaining" &&
      f.basis === "present" &&
      f.placeName?.trim() &&
      f.caravanLabel?.trim() &&
      f.value > 0,
  );
  const after =
    data.sightings.filter((x) => x.observedAt.slice(0, 10) > asOf).length +
    stays.filter((f) => f.date.slice(0, 10) > asOf).length;
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(data.sightings.length + stays.length);
  expect(await figure(page, summary, "after-as-of")).toBe(String(after));
  // The library's replay as of that day (the rule of `dtm-flow report --as-of`): no track day
  // after it, and the page's figures are its.
  const then = dtm.runReplay(data, { asOf }).estimate!;
  expect(then.tracks.every((t) => t.date <= asOf)).toBe(true);
  expect(await figure(page, summary, "track-days")).toBe(String(then.tracks.length));
  expect(await figure(page, summary, "groups")).toBe(String(then.groups.length));
  // The situation report's figures dated after that day are set aside, not compared.
  const dated = seeds.filter((f) => f.asOf <= asOf).length;
  expect(await page.locator("#seed-table tbody tr").count()).toBe(dated);
}

/** influx-scenario: scenario A as the page defines it, run here too, gives the same figures. */
async function checkInflux(page: Page) {
  const dataset = dtm.embedded2018();
  const origin = dtm.createGazetteer(dataset.places).find("Tecún Umán")!.name;
  const json = {
    name: "A",
    like: "2018",
    runs: 200,
    seed: 1,
    horizonDays: 90,
    waves: [{ origin, date: "2019-01-15", people: { min: 4000, max: 6000 } }],
    shelters: [{ place: "Tijuana", capacity: 6000 }],
  };
  // The page ran exactly this scenario (its JSON is shown for the CLI).
  expect(JSON.parse(await page.locator("#scenario-json").innerText())).toEqual(json);
  // "like": "2018" is calibrated on the estimated replay, as the page (and the CLI) do.
  const like2018 = dtm.like2018Parameters(dataset);
  expect(await page.locator("#calibration li").allTextContents()).toEqual(like2018.notes);
  const { scenario, errors } = dtm.validateScenario(json, { dataset, like2018 });
  expect(errors).toEqual([]);
  const result = dtm.runScenario(scenario!, { dataset });
  const watched = ["Tapachula", "Mexico City", "Mexicali", "Tijuana"].filter((name) =>
    result.places.some((p) => p.name === name),
  );
  expect(watched).toContain("Tijuana");
  expect(await page.locator("#fan-charts > figure").count()).toBe(watched.length);
  expect(await page.locator("#needs-table tbody tr").count()).toBe(watched.length);
  const tijuana = result.places.find((p) => p.name === "Tijuana")!;
  const row = page.locator('#needs-table tr[data-place="Tijuana"] td');
  expect(await row.nth(1).innerText()).toContain(tijuana.firstArrival.p50!);
  const peak = tijuana.peakPeople;
  expect(await row.nth(3).innerText()).toBe(
    `${whole(peak.p50)} (${whole(peak.p10)} – ${whole(peak.p90)})`,
  );
  // Needs at the p90 peak as `dtm-flow scenario` prints them and the viewer shows them: the
  // library's scenarioPeakNeeds rounded up by shownNeed (the page took the p90 series' own peak
  // day with the later latrine ratio, and water to the whole m³: other figures than the CLI's).
  const needs = dtm.scenarioPeakNeeds(tijuana, result);
  const shown = (k: keyof typeof dtm.NEEDS_SHOWN_DECIMALS) =>
    dtm.shownNeed(k, needs[k][0]!).toLocaleString("en-US", {
      maximumFractionDigits: dtm.NEEDS_SHOWN_DECIMALS[k],
    });
  expect(await row.allInnerTexts().then((cells) => cells.slice(4, 8))).toEqual([
    shown("waterM3PerDay"),
    shown("latrines"),
    shown("coveredM2"),
    shown("hygieneKitsPerMonth"),
  ]);
  expect(
    await page.locator('#fan-charts figure[data-place="Tijuana"] g[aria-label=rule]').count(),
  ).toBe(1);
  // Scenario B has more people: its Tijuana peak is shown beside A's.
  const compare = page.locator('#compare-table tr[data-place="Tijuana"] td');
  expect(await compare.nth(3).innerText()).toBe(whole(peak.p50));
  expect(await page.locator("#compare-chart g[aria-label=line] path").count()).toBe(
    2 * watched.length,
  );

  // The planner cuts Tijuana's capacity in scenario A to 500: both scenarios run again and the
  // days on which the p90 of people present exceeds it are counted as the engine counts them.
  await page.getByLabel("Tijuana shelter capacity").first().fill("500");
  const small = dtm.validateScenario(
    { ...json, shelters: [{ place: "Tijuana", capacity: 500 }] },
    { dataset, like2018 },
  );
  const over = dtm
    .runScenario(small.scenario!, { dataset })
    .places.find((p) => p.name === "Tijuana")!.daysOverCapacityP90.length;
  expect(over).toBeGreaterThan(0);
  await page.waitForFunction(
    (days) =>
      document.querySelector('#needs-table tr[data-place="Tijuana"] td:nth-child(9)')
        ?.textContent === days,
    String(over),
    { timeout: 60_000 },
  );
  expect(await page.locator('#compare-table tr[data-place="Tijuana"] td').nth(5).innerText()).toBe(
    String(over),
  );
}

/** estimator-accuracy: every level scored, and one level's figures recomputed here. */
async function checkAccuracy(page: Page) {
  const levels = 4 + 4 + 4;
  expect(await page.locator("#accuracy-table tbody tr").count()).toBe(2 * levels);
  expect(await page.locator("#accuracy-charts svg").count()).toBe(12);
  // Outlier rate 0 on the notebook's default: 2 worlds, seeds 1000 and 1001, medium world.
  const config = {
    groups: 2,
    days: 30,
    departureSpreadDays: 8,
    observation: {
      sightingsPerGroupDay: 1.2,
      outlierRate: 0,
      sizeOutlierRate: 0.04,
      missingLabelRate: 0.2,
      dateOnlyRate: 0.4,
    },
  };
  let estimator = dtm.emptyAccuracySums();
  let baseline = dtm.emptyAccuracySums();
  for (const seed of [1000, 1001]) {
    const world = dtm.simulateWorld(config, dtm.mulberry32(seed));
    const score = dtm.scoreWorld(world, dtm.estimateTracks(world.dataset).tracks);
    estimator = dtm.addAccuracySums(estimator, score.estimator);
    baseline = dtm.addAccuracySums(baseline, score.baseline);
  }
  for (const [method, sums] of [
    ["estimator", estimator],
    ["naive baseline", baseline],
  ] as const) {
    const cells = page.locator(
      `#accuracy-table tr[data-study="outlier rate"][data-level="0"][data-method="${method}"] td`,
    );
    const f = dtm.accuracyFigures(sums);
    expect(await cells.nth(3).innerText()).toBe(f.positionMaeKm.toFixed(1));
    expect(await cells.nth(7).innerText()).toBe(String(f.n));
  }
}

const NOTEBOOKS = resolve("notebooks");
const CLI = resolve("node_modules/@observablehq/notebook-kit/dist/bin/notebooks.js");

/** The arguments of `npm run notebooks:build`, with the glob expanded and `--out` replaced. */
async function buildArguments(out: string): Promise<string[]> {
  const scripts = JSON.parse(await readFile("package.json", "utf8")).scripts as Record<
    string,
    string
  >;
  const words = scripts["notebooks:build"]!.split(/\s+/);
  expect(words.slice(0, 2)).toEqual(["notebooks", "build"]);
  const notebooks = (await readdir(NOTEBOOKS)).filter((f) => f.endsWith(".html")).sort();
  const args: string[] = ["build"];
  for (let i = 2; i < words.length; i++) {
    const word = words[i]!;
    if (word === "--out") {
      args.push(word, out);
      i++; // skip the script's own output folder
    } else if (word === "notebooks/*.html") {
      args.push(...notebooks.map((f) => `notebooks/${f}`));
    } else args.push(word);
  }
  expect(args).toContain(out);
  return args;
}

/** Opens a built notebook and waits for its key outputs, then for the network to go quiet. */
async function open(page: Page, url: string, ready: string[]) {
  await page.goto(url, { waitUntil: "load" });
  for (const selector of ready) await page.waitForSelector(selector, { timeout: 150_000 });
  await page.waitForLoadState("networkidle");
}

/** What every notebook must show: no failed cell, no request elsewhere, no console error. */
async function expectCleanPage(page: Page, watch: ReturnType<typeof watchPage>) {
  expect(await page.locator(".observablehq--error").allInnerTexts()).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
}

describe.skipIf(!hasBrowser)("notebooks (built site, Chromium, offline)", () => {
  let out = "";
  let site: { close: () => Promise<void>; url: string };
  let browser: Browser;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "dtm-notebooks-"));
    await run(process.execPath, [CLI, ...(await buildArguments(out))], {
      maxBuffer: 64 * 1024 * 1024,
    });
    site = await serveStatic(out);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("notebooks:build writes one page per notebook, with the fonts bundled locally", async () => {
    const sources = (await readdir(NOTEBOOKS)).filter((f) => f.endsWith(".html")).sort();
    const built = (await readdir(out)).filter((f) => f.endsWith(".html")).sort();
    expect(built).toEqual(sources);
    const assets = await readdir(join(out, "assets"));
    expect(assets.some((f) => /^inter-latin-wght-normal-.*\.woff2$/.test(f))).toBe(true);
  });

  it.each(NOTEBOOK_FILES)(
    "%s runs offline with no failed cell and shows its key outputs",
    async (file) => {
      const page = await browser.newPage();
      const watch = watchPage(page, site.url);
      // Console warnings a reader opening the console would meet (e.g. Plot's "implicit z
      // channel has high cardinality" while the accuracy study streamed in).
      const warnings: string[] = [];
      page.on("console", (m) => void (m.type() === "warning" && warnings.push(m.text())));
      const fonts: string[] = [];
      page.on("request", (r) => void (r.resourceType() === "font" && fonts.push(r.url())));
      const key = KEY_OUTPUTS[file];
      await open(page, `${site.url}${file}`, key?.ready ?? []);
      await expectCleanPage(page, watch);
      // The notebook fonts were fetched, and from the site itself (watchPage saw none elsewhere).
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((url) => url.startsWith(site.url))).toBe(true);
      if (!key && !mustHaveKeyOutputs(file)) {
        console.warn(`[notebooks] ${file} is not committed: checked for a clean run only.`);
      } else {
        expect(key, `${file} needs an entry in KEY_OUTPUTS saying what it must show`).toBeDefined();
        await key!.check(page);
      }
      // Still clean after the check's interactions (inputs changed, files switched).
      await expectCleanPage(page, watch);
      expect(warnings).toEqual([]);
      await page.close();
    },
  );
});

/** The arguments of `npm run notebooks` (the live preview). */
async function previewArguments(): Promise<string[]> {
  const scripts = JSON.parse(await readFile("package.json", "utf8")).scripts as Record<
    string,
    string
  >;
  const words = scripts["notebooks"]!.split(/\s+/);
  expect(words.slice(0, 2)).toEqual(["notebooks", "preview"]);
  return words.slice(1);
}

/** Starts `notebooks preview` as `npm run notebooks` does and resolves with the URL it prints. */
function startPreview(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((done, fail) => {
    let output = "";
    const timer = setTimeout(
      () => fail(new Error(`no preview URL after 60 s:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += stripVTControlCharacters(chunk.toString());
      const match = /Local:\s+(http:\/\/\S+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done({ child, url: match[1]! });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => fail(new Error(`notebooks preview exited (${code}):\n${output}`)));
  });
}

describe.skipIf(!hasBrowser)("notebooks (npm run notebooks preview, Chromium, offline)", () => {
  let preview: { child: ChildProcess; url: string } | undefined;
  let browser: Browser;

  beforeAll(async () => {
    preview = await startPreview(await previewArguments());
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    preview?.child.kill();
  });

  it.each(NOTEBOOK_FILES)(
    "%s previews live (TypeScript from src/ through Vite) with no failed cell and no request to another host",
    async (file) => {
      const page = await browser.newPage();
      const watch = watchPage(page, preview!.url);
      const key = KEY_OUTPUTS[file];
      await open(page, `${preview!.url}${file}`, key?.previewReady ?? key?.ready ?? []);
      await expectCleanPage(page, watch);
      await page.close();
    },
  );
});
