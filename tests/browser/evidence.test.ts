/**
 * Issue 17 in real Chromium (the built site, under its Content-Security-Policy): the time–distance
 * chart shows every 2018 report exactly once; selecting a group-day lists the same reports as
 * report.json (the CLI's); a correction changes the estimate and survives save → reload → CLI;
 * text from files is never interpreted as HTML; no request leaves the page's origin.
 * Screenshots: build/screenshots/evidence-*.png.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import {
  carryTracks,
  createGazetteer,
  embedded2018,
  estimateTracks,
  formatTracksCsv,
  importTable,
} from "../../src/index.ts";
import { assembleDataset } from "../../viewer/analyst/workspace.ts";
import { CANVAS_MARKS } from "../../viewer/marey/marks.ts";
import { stressTimeDistance } from "../../bench/worlds/mareyStress.ts";
import { staysAsSightings } from "../../src/estimate/trackEnds.ts";
import { capture } from "../cli/capture.ts";
import { SHOTS, hasBrowser, launchBrowser, serveBuiltViewer, watchPage } from "./harness.ts";
import type { BuiltSite } from "./harness.ts";

interface Panel {
  ready: Promise<void>;
  result?: { tracksCsv: string; ms: number; groups: string[]; applied: unknown[] };
  evidence?: { group: string; date: string; reports: { sightingId: string; status: string }[] };
  corrections(): { version: 1; corrections: unknown[] };
}
type W = Window & {
  dtmEvidence: Panel;
  dtmViewer: {
    replay?: { start: string };
    getState(): { hover?: string };
    setState(p: object): void;
  };
  pwned?: number;
};

const GROUP = "Honduran caravan 1";
const DATE = "2018-10-22";

/** report.json of `dtm-flow estimate` (optionally with corrections), and tracks.csv. */
async function cli(corrections?: string): Promise<{
  report: {
    associations: { group: string; sightingId: string; countScope?: string }[];
    corrections?: { rejected: string[] };
  };
  tracks: string;
}> {
  const dir = mkdtempSync(join(tmpdir(), "evidence-cli-"));
  const args = ["estimate", "--out", "out"];
  if (corrections !== undefined) {
    writeFileSync(join(dir, "corrections.json"), corrections);
    args.push("--corrections", "corrections.json");
  }
  expect(await run(args, capture(dir).context)).toBe(0);
  return {
    report: JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8")),
    tracks: readFileSync(join(dir, "out", "tracks.csv"), "utf8"),
  };
}

async function openSite(
  browser: Browser,
  site: BuiltSite,
): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1100 },
    acceptDownloads: true,
  });
  const watch = watchPage(page, site.url);
  await page.goto(site.url);
  await page.waitForFunction(
    () => (window as unknown as W).dtmEvidence?.result !== undefined,
    undefined,
    { timeout: 120_000 },
  );
  await page.waitForFunction(() => (window as unknown as W).dtmViewer?.replay !== undefined);
  return { page, watch };
}

async function selectGroupDay(page: Page, group: string, date: string): Promise<void> {
  await page.evaluate(
    ([g, d]) => {
      const w = window as unknown as W;
      const start = Date.parse(`${w.dtmViewer.replay!.start}T00:00:00Z`);
      const t = Math.round((Date.parse(`${d}T00:00:00Z`) - start) / 86_400_000) + 0.5;
      w.dtmViewer.setState({ selection: { kind: "group", id: g }, t, playing: false });
    },
    [group, date] as const,
  );
  await page.waitForFunction(
    ([g, d]) => {
      const e = (window as unknown as W).dtmEvidence.evidence;
      return e?.group === g && e?.date === d;
    },
    [group, date] as const,
  );
}

const hoverOf = (page: Page) =>
  page.evaluate(() => (window as unknown as W).dtmViewer.getState().hover ?? null);
const chartBandClass = (page: Page, group: string) =>
  page.evaluate(
    (g) =>
      document
        .querySelector(`#evidence svg.marey-chart g[data-group="${CSS.escape(g)}"]`)
        ?.getAttribute("class") ?? "",
    group,
  );

/**
 * Hover is shared: the pointer on a group's band on the chart (at its current-position dot)
 * makes it the viewer state's `hover` (so the map draws it); leaving clears it; the pointer on a
 * group's hit target on the map marks its band hovered on the chart.
 */
async function checkSharedHover(page: Page, group: string): Promise<void> {
  const dot = page.locator(`#evidence .marey-overlay circle[data-group="${group}"]`);
  await dot.scrollIntoViewIfNeeded();
  const box = (await dot.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => hoverOf(page)).toBe(group);
  await expect.poll(() => chartBandClass(page, group)).toMatch(/\bhovered\b/);
  expect(
    await page.getAttribute(`#map-hits circle.hit[data-group="${group}"]`, "data-hovered"),
  ).toBe("true");
  await page.mouse.move(box.x + box.width / 2, 1); // off the chart
  await expect.poll(() => hoverOf(page)).toBe(null);

  // On the map: a hit target that is topmost at its centre (groups may overlap).
  await page.locator("#map-hits").scrollIntoViewIfNeeded();
  const onMap = await page.evaluate(() => {
    for (const c of document.querySelectorAll<SVGCircleElement>("#map-hits circle.hit")) {
      const r = c.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (r.width > 0 && document.elementFromPoint(x, y) === c)
        return { id: c.getAttribute("data-group")!, x, y };
    }
    return undefined;
  });
  expect(onMap).toBeDefined();
  await page.mouse.move(onMap!.x, onMap!.y);
  await expect.poll(() => hoverOf(page)).toBe(onMap!.id);
  await expect.poll(() => chartBandClass(page, onMap!.id)).toMatch(/\bhovered\b/);
}

/** The dataset the analyst panel makes of one sample file (as the CLI's loadDataset would). */
function analystDataset(name: string) {
  const base = embedded2018();
  const r = importTable(new Uint8Array(readFileSync(join("data/samples", name))), {
    fileName: name,
    gazetteer: createGazetteer(base.places),
  });
  const file = { id: "x", name, kind: r.kind, records: r.records, report: r.report, forced: false };
  return assembleDataset([file], base)!;
}

const chartReportIds = (page: Page) =>
  page.$$eval("#evidence svg.marey-chart [data-report-id]", (els) =>
    els.map((e) => e.getAttribute("data-report-id")!).sort(),
  );

/** The part of a replay the analyst-file test compares. */
interface FramesOf {
  groups: {
    id: string;
    frames: { date: string; km: number; kmLow: number; kmHigh: number; size: number }[];
  }[];
}

const bandsInOrder = (page: Page) =>
  page.$$eval("#evidence svg.marey-chart g.marey-bands > g", (gs) =>
    gs.map((g) => g.getAttribute("data-group")!),
  );

/** The hovered group's band is drawn last (on top), above the selected one; the order comes back after. */
async function checkHoverRaise(page: Page, selected: string): Promise<void> {
  await page.mouse.move(1, 1);
  await expect.poll(() => hoverOf(page)).toBe(null);
  const before = await bandsInOrder(page);
  expect(before.at(-1)).toBe(selected);
  const other = before[0]!;
  const setHover = (g: string | undefined) =>
    page.evaluate((h) => (window as unknown as W).dtmViewer.setState({ hover: h }), g);
  await setHover(other);
  await expect.poll(() => bandsInOrder(page).then((o) => o.at(-1))).toBe(other);
  expect((await bandsInOrder(page)).at(-2)).toBe(selected);
  expect(await chartBandClass(page, other)).toMatch(/\bhovered\b/);
  await setHover(undefined);
  await expect.poll(() => bandsInOrder(page)).toEqual(before);
}

describe.skipIf(!hasBrowser)("evidence and corrections in the viewer (Chromium)", () => {
  let site: BuiltSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await serveBuiltViewer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("charts every report once, lists a group-day's reports as report.json does, and corrections survive save → reload → CLI", async () => {
    const { page, watch } = await openSite(browser, site);
    // ── the chart: an image with a label, every 2018 report exactly once, a table alternative ──
    const chart = page.locator("#evidence svg.marey-chart");
    await chart.waitFor();
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.getAttribute("aria-label")).toMatch(/^Time–distance chart/);
    const ids = await page.$$eval("#evidence svg.marey-chart [data-report-id]", (els) =>
      els.map((e) => e.getAttribute("data-report-id")),
    );
    const all = embedded2018().sightings.map((s) => s.id);
    expect(ids.length).toBe(all.length);
    expect(new Set(ids)).toEqual(new Set(all));
    await page.locator("#evidence details.marey-data summary").click();
    // The table is built on the details' "toggle" event, which the browser fires as a task
    // after the click: wait for it rather than count at once.
    await expect
      .poll(() => page.locator("#evidence table.marey-table tr[data-report-id]").count())
      .toBe(all.length);

    // ── a group-day: the same reports as report.json's associations within ±3 days ──
    const base = await cli();
    await selectGroupDay(page, GROUP, DATE);
    await page.locator("#evidence-panel table.evidence-table").waitFor();
    const listed = await page.$$eval("#evidence-panel tr[data-sighting-id]", (rows) =>
      rows
        .filter((r) => r.getAttribute("data-status") !== "left_out")
        .map((r) => r.getAttribute("data-sighting-id")),
    );
    const data = embedded2018();
    // Reports: the sightings, and the stock figures of people staying somewhere (the estimator's).
    const sightings = new Map(
      [...data.sightings, ...staysAsSightings(data.stocks)].map((s) => [s.id, s]),
    );
    const day = Date.parse(DATE);
    const expected = base.report.associations
      .filter((a: { group: string; sightingId: string }) => {
        const s = sightings.get(a.sightingId)!;
        return (
          a.group === GROUP &&
          Math.abs(Date.parse(s.observedAt.slice(0, 10)) - day) <= 3 * 86_400_000
        );
      })
      .map((a: { sightingId: string }) => a.sightingId);
    expect([...listed].sort()).toEqual([...expected].sort());
    // Counts of one place or one point show as "≥ n", as report.json reads them (S017: 2,200 on
    // the border bridge on 20 Oct).
    const scoped = await page.$$eval("#evidence-panel tr[data-sighting-id]", (rows) =>
      rows
        .filter((r) => r.querySelector("td[data-count-scope]"))
        .map((r) => [
          r.getAttribute("data-sighting-id"),
          r.querySelector("td[data-count-scope]")!.textContent,
        ]),
    );
    const expectedScoped = base.report.associations.filter(
      (a: { sightingId: string; countScope?: string }) =>
        a.countScope !== undefined && expected.includes(a.sightingId),
    );
    expect(expectedScoped.length).toBeGreaterThan(0);
    expect(scoped.map(([id]) => id).sort()).toEqual(
      expectedScoped.map((a: { sightingId: string }) => a.sightingId).sort(),
    );
    for (const [, text] of scoped) expect(text).toMatch(/^≥ /);
    const before = await page.evaluate(
      () => (window as unknown as W).dtmEvidence.result!.tracksCsv,
    );
    // The worker's uncorrected estimate is the CLI's.
    expect(before).toBe(base.tracks);
    await checkSharedHover(page, GROUP);
    await checkHoverRaise(page, GROUP);
    await page.screenshot({ path: join(SHOTS, "evidence-chart.png"), fullPage: true });

    // ── a correction by keyboard: mark the first report wrong; the estimate changes ──
    const target = await page
      .locator('#evidence-panel tr[data-kind="sighting"][data-status="used"]')
      .first()
      .getAttribute("data-sighting-id");
    const wrong = page.locator(
      `#evidence-panel tr[data-sighting-id="${target}"] button[data-action="reject"]`,
    );
    await wrong.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => (window as unknown as W).dtmEvidence.result?.applied.length === 1,
      undefined,
      { timeout: 60_000 },
    );
    const after = await page.evaluate(() => (window as unknown as W).dtmEvidence.result!);
    expect(after.tracksCsv).not.toBe(before);
    console.log(`[evidence] re-run with one correction: ${after.ms} ms in the worker`);
    await expect.poll(() => page.locator("#corrections li").count()).toBe(1);

    // ── save → reload → load: the same figures; and the CLI with the saved file too ──
    const downloading = page.waitForEvent("download");
    await page.locator("#corrections-save").click();
    const saved = readFileSync((await (await downloading).path())!, "utf8");
    expect(JSON.parse(saved).corrections).toHaveLength(1);
    await page.reload();
    await page.waitForFunction(
      () => (window as unknown as W).dtmEvidence?.result !== undefined,
      undefined,
      { timeout: 120_000 },
    );
    const file = join(mkdtempSync(join(tmpdir(), "evidence-saved-")), "corrections.json");
    writeFileSync(file, saved);
    await page.locator("#corrections-load").setInputFiles(file);
    await page.waitForFunction(
      () => (window as unknown as W).dtmEvidence.result?.applied.length === 1,
      undefined,
      { timeout: 60_000 },
    );
    const reloaded = await page.evaluate(
      () => (window as unknown as W).dtmEvidence.result!.tracksCsv,
    );
    expect(reloaded).toBe(after.tracksCsv);
    const corrected = await cli(saved);
    expect(corrected.tracks).toBe(after.tracksCsv);
    expect(corrected.report.corrections?.rejected).toEqual([target]);

    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("with the analyst's own file loaded, charts and explains that file's reports and the library's estimate of them; back to 2018 after", async () => {
    const { page, watch } = await openSite(browser, site);
    const name = "avistamientos-rangos.csv";
    const dataset = analystDataset(name);
    const mine = dataset.sightings.map((s) => s.id!).sort();
    expect(mine.length).toBeGreaterThan(5);
    await page.setInputFiles("#analyst-input", join("data/samples", name));
    await page.waitForSelector('#map[data-provider="analyst-files"][aria-busy="false"]', {
      timeout: 120_000,
    });
    // The chart's report marks are the file's sightings, none of 2018's.
    await expect.poll(() => chartReportIds(page), { timeout: 120_000 }).toEqual(mine);
    const chart = page.locator("#evidence svg.marey-chart");
    expect(await chart.getAttribute("aria-label")).toContain(`${mine.length} reports`);
    // The estimate behind the chart and the evidence is the one the map shows (the library's for
    // these data, run in the analyst's worker), day by day.
    const frames = (which: "map" | "evidence") =>
      page.evaluate((w) => {
        const win = window as unknown as {
          dtmViewer: { replay: FramesOf };
          dtmEvidence: { result: { replay: FramesOf } };
        };
        const replay = w === "map" ? win.dtmViewer.replay : win.dtmEvidence.result.replay;
        return replay.groups.flatMap((g) =>
          g.frames.map((f) => [g.id, f.date, f.km, f.kmLow, f.kmHigh, f.size]),
        );
      }, which);
    const onMap = await frames("map");
    expect(onMap.length).toBeGreaterThan(0);
    expect(await frames("evidence")).toEqual(onMap);
    // And the library's in Node: the same groups and days (the figures agree to within 1 km;
    // Chromium's and Node's V8 may round the estimator's arithmetic differently in the last bits).
    const result = await page.evaluate(() => (window as unknown as W).dtmEvidence.result!);
    const estimate = estimateTracks(dataset);
    expect(result.groups).toEqual(estimate.groups.map((g) => g.group));
    const rows = (csv: string) =>
      csv
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(","));
    const got = rows(result.tracksCsv);
    const want = rows(formatTracksCsv(carryTracks(estimate, dataset), { bom: false }));
    expect(got.map((r) => r.slice(0, 3))).toEqual(want.map((r) => r.slice(0, 3)));
    got.forEach((r, i) => expect(Math.abs(Number(r[3]) - Number(want[i]![3]))).toBeLessThan(1));
    // A group-day of the file: its evidence lists only the file's sightings.
    const first = estimate.tracks[0]!;
    await selectGroupDay(page, first.group, first.date);
    await page.locator("#evidence-panel table.evidence-table").waitFor();
    const listed = await page.$$eval("#evidence-panel tr[data-sighting-id]", (rows) =>
      rows.map((r) => r.getAttribute("data-sighting-id")!),
    );
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(mine).toContain(id);
    await page.screenshot({ path: join(SHOTS, "evidence-analyst-file.png"), fullPage: true });

    // Back to the 2018 replay: the chart follows.
    await page.click("#analyst-reset");
    await page.waitForSelector('#map[data-provider="embedded-2018"][aria-busy="false"]', {
      timeout: 120_000,
    });
    const all = embedded2018()
      .sightings.map((s) => s.id!)
      .sort();
    await expect.poll(() => chartReportIds(page), { timeout: 120_000 }).toEqual(all);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("says a day written before the track's first fitted day is written, not fitted (tracks.csv written_before_fit)", async () => {
    const { page, watch } = await openSite(browser, site);
    const base = await cli();
    const rows = base.tracks
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(","));
    const header = base.tracks.replace("\uFEFF", "").split("\r\n")[0]!.split(",");
    const col = header.indexOf("written_before_fit");
    const written = rows.find((r) => r[col] === "true")!;
    const fitted = rows.find((r) => r[0] === written[0] && r[col] === "")!;
    expect(written.slice(0, 2)).toEqual(["Honduran caravan 2", "2018-10-17"]);
    await selectGroupDay(page, written[0]!, written[1]!);
    const note = page.locator("#evidence-panel p.evidence-written");
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.textContent()).toMatch(/^Written, not fitted: this day comes before/);
    await page.evaluate(() => (window as unknown as W).dtmViewer.setState({ lang: "es" }));
    await expect
      .poll(() => note.textContent())
      .toMatch(/^Día escrito, no ajustado: es anterior a la primera posición del grupo/);
    await selectGroupDay(page, fitted[0]!, fitted[1]!);
    await expect.poll(() => note.count()).toBe(0);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("draws many report marks on a canvas, and still lists every report in the table", async () => {
    const { page, watch } = await openSite(browser, site);
    const n = CANVAS_MARKS + 500;
    const td = stressTimeDistance(20, n);
    await page.evaluate(
      (content) =>
        (
          window as unknown as { dtmEvidence: { showChart(t: unknown): void } }
        ).dtmEvidence.showChart(content),
      td,
    );
    const canvas = page.locator("#evidence canvas.marey-marks");
    await canvas.waitFor();
    expect(await canvas.getAttribute("data-count")).toBe(String(n));
    expect(await page.locator("#evidence svg.marey-chart [data-report-id]").count()).toBe(0);
    expect(await page.locator("#evidence svg.marey-chart").getAttribute("aria-label")).toContain(
      `${n} reports`,
    );
    // Not blank: the marks are drawn.
    const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let k = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) k++;
      return k;
    });
    expect(inked).toBeGreaterThan(n);
    await page.locator("#evidence details.marey-data summary").click();
    await expect
      .poll(() => page.locator("#evidence table.marey-table tr[data-report-id]").count())
      .toBe(n);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("never interprets text from files as HTML, and keeps links safe", async () => {
    const { page, watch } = await openSite(browser, site);
    const evil = '<img src=x onerror="window.pwned=1">';
    const file = join(mkdtempSync(join(tmpdir(), "evidence-evil-")), "corrections.json");
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        corrections: [
          { kind: "split", group: GROUP, date: DATE, newGroup: evil, note: "<b>x</b>" },
        ],
      }),
    );
    await page.locator("#corrections-load").setInputFiles(file);
    await page.waitForFunction(
      () => (window as unknown as W).dtmEvidence.result?.applied.length === 1,
      undefined,
      { timeout: 60_000 },
    );
    const first = await page.evaluate(
      (g) =>
        (
          window as unknown as {
            dtmEvidence: { result: { chart: { bodies: { group: string; date: string }[] } } };
          }
        ).dtmEvidence.result.chart.bodies.find((b) => b.group === g)?.date,
      evil,
    );
    expect(first).toBeDefined();
    await selectGroupDay(page, evil, first!);
    await page.locator("#evidence-heading").waitFor();
    expect(await page.locator("#evidence-heading").textContent()).toContain(evil);
    expect(await page.locator("#evidence img, #evidence b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as W).pwned)).toBeUndefined();
    const links = await page.$$eval("#evidence-panel a", (as) =>
      as.map((a) => ({ href: a.getAttribute("href") ?? "", rel: a.getAttribute("rel") })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.href).toMatch(/^https?:\/\//);
      expect(l.rel).toBe("noopener noreferrer");
    }
    // A bad file is refused with its pointer; the corrections in force stay.
    const bad = join(mkdtempSync(join(tmpdir(), "evidence-bad-")), "bad.json");
    writeFileSync(bad, '{"version":1,"corrections":[{"kind":"reject"}]}');
    await page.locator("#corrections-load").setInputFiles(bad);
    await page.waitForFunction(() =>
      /\/corrections\/0\/sightingId/.test(
        document.querySelector(".evidence-status")?.textContent ?? "",
      ),
    );
    expect(
      await page.evaluate(
        () => (window as unknown as W).dtmEvidence.corrections().corrections.length,
      ),
    ).toBe(1);
    await page.screenshot({ path: join(SHOTS, "evidence-split.png"), fullPage: true });
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
