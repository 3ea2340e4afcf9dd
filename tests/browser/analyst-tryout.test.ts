/**
 * A DTM analyst's emergency-night tryout in the viewer's "Your own files", in real Chromium with
 * the interface in Spanish (docs/tryout-analyst.md): the file's kind and how each column was
 * recognised are said in Spanish; a count sheet whose latitude is filled on some rows only keeps
 * those counts, with the reason in Spanish; a sheet corrected in Excel and dropped again replaces
 * its earlier version instead of being counted twice. No script error, no request to another host.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, settle, useViewerSession, watchPage } from "./harness.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-analyst-tryout-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HEADER = "Fecha;Punto de monitoreo;Dirección;Total personas;Latitud";

/** People counted in the replay's flows, all points, days and directions. */
const flowTotal = (page: Page) =>
  page.evaluate(() => {
    const replay = (
      window as unknown as {
        dtmViewer: {
          replay: { flows: { days: { byDirection: Record<string, number | undefined> }[] }[] };
        };
      }
    ).dtmViewer.replay;
    let sum = 0;
    for (const f of replay.flows)
      for (const d of f.days) for (const v of Object.values(d.byDirection)) sum += v ?? 0;
    return sum;
  });

describe.skipIf(!hasBrowser)("an analyst's tryout in the viewer, in Chromium", () => {
  const viewer = useViewerSession();
  let page: Page;
  let watched: ReturnType<typeof watchPage>;
  let first = "";
  let second = "";
  // The same name in two folders: the sheet as first sent, then corrected in Excel.

  beforeAll(async () => {
    const v1 = mkdtempSync(join(scratch, "v1-"));
    const v2 = mkdtempSync(join(scratch, "v2-"));
    first = join(v1, "conteo.csv");
    second = join(v2, "conteo.csv");
    writeFileSync(
      first,
      "\uFEFF" +
        [
          HEADER,
          "23/10/2018;Tecún Umán;Norte;2.270;14,6774",
          "24/10/2018;Ciudad Hidalgo;Norte;170;",
          "TOTAL;;;2.500;",
        ].join("\r\n"),
    );
    writeFileSync(
      second,
      "\uFEFF" +
        [
          HEADER,
          "23/10/2018;Tecún Umán;Norte;2.270;14,6774",
          "24/10/2018;Ciudad Hidalgo;Norte;170;",
          "25/10/2018;Ciudad Hidalgo;Norte;60;",
        ].join("\r\n"),
    );
    page = await viewer.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    watched = watchPage(page, viewer.url);
    await page.goto(`${viewer.url}#lang=es`);
    await page.waitForSelector("#analyst");
    await page.waitForSelector('#map[data-provider="embedded-2018"]', { timeout: 60_000 });
  }, 90_000);

  it("the kind and the mapping in Spanish; a lone latitude does not cost the count", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", first));
    const item = page.locator("#analyst-files li").last();
    expect(await item.getAttribute("data-status")).toBe("used");
    expect(await item.getAttribute("data-accepted")).toBe("2");
    expect(await item.locator("summary").first().innerText()).toBe("conteo.csv · Tipo: conteos");
    const how = await item
      .locator(".mapping-table tbody td[data-how]")
      .evaluateAll((tds) => tds.map((td) => td.textContent));
    expect(how).toContain("alias");
    expect(how).not.toContain("canonical");
    const warning = item.locator('table.issues.warnings tr[data-code="half_coordinate_ignored"]');
    expect(await warning.locator("td").nth(3).textContent()).toBe(
      "solo se da la latitud (14,6774), no la longitud: se deja de lado y la fila se ubica por Punto de monitoreo «Tecún Umán».",
    );
    // The sheet's Total row, checked against the rows above: said in Spanish, with its figures.
    const total = item.locator('table.issues.warnings tr[data-code="total_row_mismatch"]');
    expect(await total.locator("td").nth(3).textContent()).toBe(
      "la fila de Total dice 2,500 en Total personas; las filas aceptadas de arriba suman 2,440.",
    );
    expect(await flowTotal(page)).toBe(2270 + 170);
  }, 120_000);

  it("the same sheet corrected and dropped again replaces its earlier version, not added to it", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", second));
    const items = page.locator("#analyst-files li");
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute("data-accepted")).toBe("3");
    expect(await items.first().locator(".replaced").innerText()).toMatch(
      /^Sustituye al archivo anterior del mismo nombre/,
    );
    expect(await flowTotal(page)).toBe(2270 + 170 + 60);
  }, 120_000);

  it("two files of one name in one drop come from two folders: both are read, and said", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", [first, second]));
    const items = page.locator("#analyst-files li");
    expect(await items.count()).toBe(2);
    expect(await items.evaluateAll((li) => li.map((x) => x.getAttribute("data-accepted")))).toEqual(
      ["2", "3"],
    );
    for (const i of [0, 1])
      expect(await items.nth(i).locator(".same-name").textContent()).toMatch(
        /^Mismo nombre que otro archivo de esta entrega/,
      );
    // Both offices' sheets count: 2,270 + 170 from the first, 2,270 + 170 + 60 from the second.
    expect(await flowTotal(page)).toBe(2270 + 170 + 2270 + 170 + 60);
  }, 120_000);

  it("the corrections file is chosen with a button in Spanish, not the browser's English file input", async () => {
    const button = page.locator("#corrections-load-button");
    await button.waitFor({ timeout: 60_000 });
    expect(await button.innerText()).toBe("Cargar corrections.json");
    // The browser's own input (its "Choose File / No file chosen") is not shown.
    expect(await page.locator("#corrections-load").isVisible()).toBe(false);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), button.click()]);
    expect(chooser.element()).toBeTruthy();
    expect(await chooser.element().getAttribute("id")).toBe("corrections-load");
  }, 120_000);

  it("no script error and no request to another host happened", () => {
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
