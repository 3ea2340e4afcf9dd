/**
 * The notebook import-count-sheet.html says the import's reasons in the toolkit's own words, in
 * English or Spanish (docs/tryout-analyst.md): an unknown place's suggestions once, a whole
 * sheet's warning as the sheet (not `Resumen!file`), a Total row with its column named once, and
 * each reason the same as dtm.issueText / issueReason / totalCheckText give in Node. Only this
 * notebook is built (with the arguments of `npm run notebooks:build`, `--out` redirected).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dtm from "../../src/index.ts";
import { hasBrowser, launchBrowser, serveStatic, watchPage } from "./harness.ts";

const run = promisify(execFile);
const CLI = resolve("node_modules/@observablehq/notebook-kit/dist/bin/notebooks.js");
const NOTEBOOK = "import-count-sheet.html";
const gazetteer = dtm.createGazetteer(dtm.embedded2018().places);

async function imported(name: string) {
  const bytes = new Uint8Array(await readFile(`data/samples/${name}`));
  return dtm.importTable(bytes, { fileName: name, gazetteer }).report;
}

const cells = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );

describe.skipIf(!hasBrowser)("the import notebook's words (built, Chromium)", () => {
  let out = "";
  let site: { close: () => Promise<void>; url: string };
  let browser: Browser;
  let page: Page;
  let watched: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "dtm-notebook-words-"));
    const scripts = JSON.parse(await readFile("package.json", "utf8")).scripts as Record<
      string,
      string
    >;
    const words = scripts["notebooks:build"]!.split(/\s+/).slice(1);
    const args = words.flatMap((w, i) =>
      words[i - 1] === "--out" ? [out] : w === "notebooks/*.html" ? [`notebooks/${NOTEBOOK}`] : [w],
    );
    await run(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 });
    site = await serveStatic(out);
    browser = await launchBrowser();
    page = await browser.newPage();
    watched = watchPage(page, site.url);
    await page.goto(`${site.url}${NOTEBOOK}`, { waitUntil: "load" });
    await page.waitForSelector("#rejections tbody tr", { timeout: 150_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("a rejection's suggestions are said once, in the toolkit's words", async () => {
    const report = await imported("excel-conteo-windows1252.csv");
    const rows = await cells(page, "#rejections tbody tr");
    expect(rows.map((r) => r[4]!.trim())).toEqual(
      report.rejections.map((r) => dtm.issueReason("en", r)),
    );
    // "El Carmen" is no few letters from any known place: no suggestion at all,
    // rather than three far names; a close one is said once (tests/viewer/analystPanel.test.ts).
    const unknown = rows.find((r) => r[3] === "unknown_place")!;
    expect(unknown[4]).toMatch(/"El Carmen" is not a known place\. /);
    expect(unknown[4]).not.toMatch(/did you mean|→/i);
  });

  it("a workbook's sheet warnings are said as the sheet, Total rows with their column once; in Spanish too", async () => {
    const name = "conteo-por-punto.xlsx";
    await page.getByLabel("sample", { exact: true }).selectOption(name);
    await page.waitForFunction(
      (n) => document.querySelector("#import-summary code")?.textContent === n,
      name,
    );
    const report = await imported(name);
    const en = await cells(page, "#warnings tbody tr");
    expect(en.map((r) => r[0])).toEqual(report.warnings.map((w) => dtm.issueWhere("en", w)));
    expect(en.map((r) => r[0])).toContain("sheet Notas");
    expect(en.map((r) => r[0]).join(" ")).not.toMatch(/!file|!0/);
    const totals = await page.locator("#import-summary .total-check").allInnerTexts();
    expect(totals).toEqual(report.totals.map((t) => dtm.totalCheckText("en", t)));
    expect(totals.join(" ")).not.toMatch(/Total total/);

    await page.getByLabel("Español").check();
    await page.waitForSelector('#warnings[lang="es"]');
    const es = await cells(page, "#warnings tbody tr");
    expect(es.map((r) => [r[0], r[3]])).toEqual(
      report.warnings.map((w) => [dtm.issueWhere("es", w), dtm.issueText("es", w)]),
    );
    expect(es.map((r) => r[0])).toContain("hoja Notas");
    const summary = await page.locator("#import-summary").innerText();
    expect(summary).toContain("encabezado en la fila 3");
    expect(summary).not.toMatch(/header in row|rows read/);
    expect(es.find((r) => r[2] === "sheet_skipped")![3]).toMatch(/^la hoja «Notas» se omite/);
    expect(await page.locator("#import-summary .total-check").allInnerTexts()).toEqual(
      report.totals.map((t) => dtm.totalCheckText("es", t)),
    );
  });

  it("counts of one are said in the singular, and the date order in words (Spanish, then English)", async () => {
    const pick = async (name: string) => {
      await page.getByLabel("sample", { exact: true }).selectOption(name);
      await page.waitForFunction(
        (n) => document.querySelector("#import-summary code")?.textContent === n,
        name,
      );
      return page.locator("#import-summary").innerText();
    };
    await page.getByLabel("Español").check();
    await page.waitForSelector('#import-summary[lang="es"]');
    const one = await pick("sin-columna-fecha.csv");
    expect(one).toContain("1 fila leída");
    expect(one).not.toMatch(/\b1 (filas|advertencias|registros|duplicados|rechazadas)\b/);
    const dated = await pick("excel-conteo-windows1252.csv");
    expect(dated).toContain("dd/mm");
    expect(dated).not.toMatch(/\b(dmy|mdy|option|default)\b/);
    await page.getByLabel("English").check();
    await page.waitForSelector('#import-summary[lang="en"]');
    const en = await pick("sin-columna-fecha.csv");
    expect(en).toContain("1 row read");
    expect(en).not.toMatch(/\b1 (rows|warnings|records|duplicates|data rows)\b/);
    expect(await pick("excel-conteo-windows1252.csv")).toMatch(/\b1 warning,/);
  });

  it("no failed cell, no script error, no request to another host", async () => {
    expect(await page.locator(".observablehq--error").allInnerTexts()).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
