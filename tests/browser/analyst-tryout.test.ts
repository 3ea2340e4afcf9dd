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
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";
import type { PageWatch } from "./harness.ts";

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
  let watched: PageWatch;
  let first = "";
  let second = "";
  let office = "";
  let heldV1 = "";
  let heldV2 = "";
  let heldConteo = "";
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
    // Another office's sheet of the same template and name: other points.
    office = join(mkdtempSync(join(scratch, "tapachula-")), "conteo.csv");
    writeFileSync(office, [HEADER, "23/10/2018;Tapachula;Norte;900;"].join("\r\n"));
    // The first sheet re-saved with its dates broken on most rows: held (more rejected than accepted).
    heldConteo = join(mkdtempSync(join(scratch, "held-conteo-")), "conteo.csv");
    writeFileSync(
      heldConteo,
      [
        HEADER,
        "23/10/2018;Tecún Umán;Norte;2.270;",
        "24/10/2018;Ciudad Hidalgo;Norte;170;",
        "2018-13-45;Tecún Umán;Norte;10;",
        "45/45/2018;Ciudad Hidalgo;Norte;10;",
        "ayer;Ciudad Hidalgo;Norte;10;",
      ].join("\r\n"),
    );
    // A sheet whose direction column is not recognised (read as unknown), with more bad dates than
    // good rows; then its corrected version (one more good row, still more rejected than accepted).
    const held = (...good: string[]) =>
      [
        "Fecha;Punto de monitoreo;Sentido_x;Total personas",
        ...good,
        "ayer;Tecún Umán;Norte;10",
        "anteayer;Tecún Umán;Norte;10",
        "mañana;Tecún Umán;Norte;10",
        "pasado;Tecún Umán;Norte;10",
      ].join("\r\n");
    heldV1 = join(mkdtempSync(join(scratch, "held1-")), "turnos.csv");
    heldV2 = join(mkdtempSync(join(scratch, "held2-")), "turnos.csv");
    writeFileSync(heldV1, held("23/10/2018;Tecún Umán;Norte;500"));
    writeFileSync(
      heldV2,
      held("23/10/2018;Tecún Umán;Norte;500", "24/10/2018;Tecún Umán;Norte;40"),
    );
    ({ page, watch: watched } = await open2018(viewer, { hash: "lang=es" }));
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
    // Each field offered in the list in Spanish, its contract name (English) beside it; the
    // value stays the contract name (stop 20 leftover).
    const options = await item
      .locator(".mapping-table tbody select")
      .first()
      .locator("option")
      .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toContainEqual(["direction", "dirección (direction)"]);
    expect(options).toContainEqual(["total", "total de personas (total)"]);
    expect(options).toContainEqual(["fmp_name", "punto de monitoreo (fmp_name)"]);
    expect(options.filter(([v]) => v !== "").every(([v, t]) => t!.endsWith(`(${v})`))).toBe(true);
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
    const note = items.first().locator(".same-name-note");
    expect(await note.getAttribute("data-why")).toBe("same_ground");
    expect(await note.innerText()).toMatch(
      /^Sustituye al archivo anterior del mismo nombre \(2 filas, 2 lugares, del 2018-10-23 al 2018-10-24\): este contiene 2 de los 2 puntos o lugares y 2 de los 2 días del anterior: se lee como su versión corregida/,
    );
    expect(await flowTotal(page)).toBe(2270 + 170 + 60);
  }, 120_000);

  it("the same file dropped again (the same bytes) is read once, and said", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", second));
    const items = page.locator("#analyst-files li");
    expect(await items.count()).toBe(1);
    expect(await items.first().locator(".redropped").innerText()).toMatch(
      /^Dado de nuevo sin cambios/,
    );
    expect(await flowTotal(page)).toBe(2270 + 170 + 60);
  }, 120_000);

  it("two files of one name in one drop come from two folders: both are read, and said", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", [first, second]));
    const items = page.locator("#analyst-files li");
    // The listed `second` was given again in this drop (the same bytes): read once, beside `first`.
    expect(await items.evaluateAll((li) => li.map((x) => x.getAttribute("data-accepted")))).toEqual(
      ["3", "2"],
    );
    for (const i of [0, 1])
      expect(await items.nth(i).locator(".same-name").textContent()).toMatch(
        /^Mismo nombre que otro archivo de esta entrega/,
      );
    // Both offices' sheets count: 2,270 + 170 + 60 from the second, 2,270 + 170 from the first.
    expect(await flowTotal(page)).toBe(2270 + 170 + 2270 + 170 + 60);
  }, 120_000);

  it("another office's sheet of the same name (other points) is kept beside it; one click replaces, one keeps both", async () => {
    await settle(page, () => page.locator("#analyst-reset").click());
    await settle(page, () => page.setInputFiles("#analyst-input", first));
    await settle(page, () => page.setInputFiles("#analyst-input", office));
    const items = page.locator("#analyst-files li");
    expect(await items.count()).toBe(2);
    const note = items.last().locator(".same-name-note");
    expect(await note.getAttribute("data-why")).toBe("other_places");
    expect(await note.innerText()).toMatch(
      /^Mismo nombre que un archivo anterior, con otro contenido \(otros puntos o lugares; este contiene 0 de los 2 puntos o lugares y 1 de los 2 días del anterior\): se usan los dos\./,
    );
    expect(await flowTotal(page)).toBe(2270 + 170 + 900);
    await settle(page, () => note.locator("button.replace-earlier").click());
    expect(await items.count()).toBe(1);
    expect(await flowTotal(page)).toBe(900);
    const replaced = items.first().locator(".same-name-note");
    expect(await replaced.getAttribute("data-why")).toBe("analyst");
    await settle(page, () => replaced.locator("button.keep-both").click());
    expect(await items.count()).toBe(2);
    expect(await flowTotal(page)).toBe(2270 + 170 + 900);
  }, 180_000);

  it("a held new version (most rows rejected) never pushes the used one out of the replay", async () => {
    await settle(page, () => page.locator("#analyst-reset").click());
    await settle(page, () => page.setInputFiles("#analyst-input", first));
    await settle(page, () => page.setInputFiles("#analyst-input", heldConteo));
    const items = page.locator("#analyst-files li");
    expect(await items.count()).toBe(2);
    expect(await items.last().getAttribute("data-status")).toBe("held");
    const note = items.last().locator(".same-name-note");
    expect(await note.getAttribute("data-why")).toBe("new_held");
    expect(await note.innerText()).toMatch(
      /^Mismo nombre que un archivo anterior; este está en espera \(más filas rechazadas que aceptadas\)/,
    );
    // The earlier sheet stays in the replay; the held one is not used.
    expect(await items.first().getAttribute("data-status")).toBe("used");
    expect(await flowTotal(page)).toBe(2270 + 170);
  }, 180_000);

  it("a corrected sheet keeps the column chosen and the 'use anyway' of its earlier version", async () => {
    await settle(page, () => page.locator("#analyst-reset").click());
    await settle(page, () => page.setInputFiles("#analyst-input", heldV1));
    const item = page.locator("#analyst-files li").last();
    // With no direction column found, every row reads as direction unknown (tryout20 #2): held,
    // more rows rejected than accepted; the analyst names the direction column and re-reads it.
    expect(await item.getAttribute("data-status")).toBe("held");
    await item.locator('select[data-column="2"]').selectOption("direction");
    await settle(page, () => item.locator("button.reimport").click());
    expect(await item.getAttribute("data-status")).toBe("held");
    await settle(page, () => item.locator("button.force").click());
    expect(await flowTotal(page)).toBe(500);
    // The corrected sheet: one more good row, still more rows rejected than accepted.
    await settle(page, () => page.setInputFiles("#analyst-input", heldV2));
    const items = page.locator("#analyst-files li");
    expect(await items.count()).toBe(1);
    const next = items.first();
    expect(await next.getAttribute("data-status")).toBe("used");
    expect(await next.locator('tr[data-index="2"] td[data-how]').getAttribute("data-how")).toBe(
      "user",
    );
    expect(await next.locator(".same-name-note").innerText()).toContain(
      "Se conservan las columnas que usted asignó en él. Se usa de todos modos, como la versión anterior.",
    );
    expect(await flowTotal(page)).toBe(500 + 40);
  }, 180_000);

  it("every file picker is a button in the viewer's language, reached by the keyboard", async () => {
    const p = await viewer.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await p.goto(`${viewer.url}#lang=es&scenario=1`);
    await p.bringToFront();
    for (const [button, input, text] of [
      ["#analyst-input-button", "analyst-input", "Elegir archivos…"],
      ["#corrections-load-button", "corrections-load", "Cargar corrections.json"],
      ["#scenario-file-button", "scenario-file", "Cargar un scenario.json…"],
    ] as const) {
      const b = p.locator(button);
      await b.waitFor({ timeout: 60_000 });
      expect(await b.innerText()).toBe(text);
      expect(await p.locator(`#${input}`).isVisible()).toBe(false);
      // Tab reaches it (a real button), Enter opens the chooser of its hidden input.
      expect(await b.evaluate((e) => e.tagName + ":" + (e as HTMLElement).tabIndex), button).toBe(
        "BUTTON:0",
      );
      const [chooser] = await Promise.all([p.waitForEvent("filechooser"), b.press("Enter")]);
      expect(await chooser.element().getAttribute("id")).toBe(input);
    }
    await p.close();
  }, 120_000);

  it("a corrections.json dropped on the page goes to the evidence panel, not to the importer", async () => {
    const before = await page.locator("#analyst-files li").count();
    const bad = join(mkdtempSync(join(scratch, "corr-")), "corrections.json");
    writeFileSync(bad, '{"version":1,"corrections":[{"kind":"reject"}]}');
    await page.setInputFiles("#analyst-input", bad);
    // The evidence panel read it and says what is wrong, with its JSON pointer.
    await page.waitForFunction(
      () =>
        /\/corrections\/0\/sightingId/.test(
          document.querySelector(".evidence-status")?.textContent ?? "",
        ),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.locator("#analyst-files li").count()).toBe(before);
    expect(await page.locator('#analyst-files li[data-code="not_geojson"]').count()).toBe(0);
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
