/**
 * A DTM analyst's messy field files in the viewer's "Your own files", in real Chromium with the
 * interface in Spanish (docs/import.md, "Known limits and field cases"): a sightings export whose
 * caravan label is typed in several cases is one group in the replay, not one per spelling; a
 * blank template (a header, no rows) is refused with its reason in Spanish, not only "cannot be
 * used", and an empty file without a kind made up for it; an Excel workbook whose header spans two merged rows has every column read, and its
 * `#N/A` cell is named as an Excel error, not offered places that sound alike. No script error,
 * no request to another host.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";
import type { PageWatch } from "./harness.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-field-files-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const write = (name: string, body: string | Uint8Array) => {
  const path = join(scratch, name);
  writeFileSync(path, body);
  return path;
};

const LABELS = write(
  "avistamientos-etiquetas.csv",
  [
    "Fecha;Lugar;Caravana;Cantidad",
    "13/10/2018;San Pedro Sula;Caravana 1;1.000",
    "15/10/2018;Agua Caliente;caravana 1;2.000",
    "17/10/2018;Ciudad de Guatemala;CARAVANA 1;3.000",
    "19/10/2018;Tecún Umán;Caravana 1;4.000",
  ].join("\r\n") + "\r\n",
);

const TEMPLATE = write("plantilla.csv", "Fecha;Punto de monitoreo;Dirección;Total\r\n;;;\r\n");

const EMPTY = write("vacio.csv", "");

const day = (d: number) => new Date(Date.UTC(2018, 9, d, 12));
const WORKBOOK = write(
  "conteo-libro.xlsx",
  writeXlsx([
    {
      name: "Conteo",
      rows: [
        ["REGISTRO DE FLUJOS - OIM"],
        ["Fecha", "Punto de monitoreo", "Dirección", "Adultos", "", "Niños (0-17)", "", "Total"],
        ["", "", "", "Hombres", "Mujeres", "Hombres", "Mujeres", ""],
        [day(19), "Tecún Umán", "Norte", 120, 80, 30, 25, 255],
        [day(20), "#N/A", "Norte", 5, 5, 0, 0, 10],
        [day(21), "Ciudad Hidalgo", "Norte", 12, 10, 3, 2, 27],
      ],
    },
  ]),
);

const newest = (page: Page) => page.locator("#analyst-files li").last();

describe.skipIf(!hasBrowser)("field files in the viewer, in Chromium", () => {
  const viewer = useViewerSession();
  let page: Page;
  let watched: PageWatch;

  beforeAll(async () => {
    ({ page, watch: watched } = await open2018(viewer, { hash: "lang=es" }));
  }, 90_000);

  it("a caravan label typed in several cases is one group in the replay", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", LABELS));
    expect(await newest(page).getAttribute("data-status")).toBe("used");
    const groups = await page.evaluate(() =>
      (
        window as unknown as { dtmViewer: { replay: { groups: { id: string }[] } } }
      ).dtmViewer.replay.groups.map((g) => g.id),
    );
    expect(groups).toEqual(["Caravana 1"]);
    const warnings = newest(page).locator(
      'table.issues.warnings tr[data-code="caravan_label_spelling"]',
    );
    expect(await warnings.count()).toBe(2);
    expect(await warnings.first().textContent()).toContain("se lee como «Caravana 1»");
  }, 120_000);

  it("a blank template is refused with its reason in Spanish", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", TEMPLATE));
    const item = newest(page);
    expect(await item.getAttribute("data-status")).toBe("unusable");
    const fatal = item.locator('.fatal[data-code="no_data_rows"]');
    expect(await fatal.innerText()).toBe(
      "el archivo tiene un encabezado (fila 1) pero ninguna fila de datos debajo.",
    );
  }, 60_000);

  it("an empty file is refused without a kind made up for it", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", EMPTY));
    const item = newest(page);
    expect(await item.getAttribute("data-status")).toBe("unusable");
    expect(await item.getAttribute("data-kind")).toBe("");
    expect(await item.locator(".fatal").getAttribute("data-code")).toBe("empty_file");
  }, 60_000);

  it("a workbook with a header over two merged rows: every column read, #N/A named as an Excel error", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", WORKBOOK));
    const item = newest(page);
    expect(await item.getAttribute("data-status")).toBe("used");
    expect(await item.getAttribute("data-accepted")).toBe("2");
    expect(await item.getAttribute("data-rejected")).toBe("1");
    const mapping = await item
      .locator(".mapping-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.querySelector("select")!.value));
    expect(mapping).toEqual([
      "date",
      "fmp_name",
      "direction",
      "men",
      "women",
      "boys",
      "girls",
      "total",
    ]);
    const reason = item.locator(
      'table.issues.rejections tr[data-code="excel_error"] td:nth-child(4)',
    );
    expect(await reason.textContent()).toBe(
      "Punto de monitoreo contiene el error de Excel #N/A (una fórmula que falló), no un valor: corrija la fórmula en la hoja, o vacíe la celda si el valor no se conoce.",
    );
  }, 60_000);

  it("no script error and no request to another host happened", () => {
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
