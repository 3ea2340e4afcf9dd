/**
 * Import reasons in the viewer's Spanish (viewer/analyst/issueText.ts) in real Chromium: a
 * sightings file with an unknown place, an impossible date and a blank date, chosen in the
 * analyst panel with the interface in Spanish, lists its rejected rows with Spanish reasons; in
 * English the same rows show the library's sentences.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-spanish-reasons-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FILE = join(scratch, "avistamientos-errores.csv");
writeFileSync(
  FILE,
  [
    "fecha,lugar,caravana,cantidad",
    "2018-10-20,Tapachula,Caravana 1,7000",
    "2018-10-21,Huixtla,Caravana 1,6500",
    "2018-10-22,Tapachulita,Caravana 1,6000",
    "32/10/2018,Huixtla,Caravana 1,6000",
    ",Huixtla,Caravana 1,6000",
    "2018-10-23,Escuintla,Caravana 1,5800",
    "2018-10-24,Mapastepec,Caravana 1,5600",
  ].join("\n") + "\n",
);

/** A file whose slashed dates cannot be told dd/mm from mm/dd: a warning about the whole file. */
const UNDECIDED = join(scratch, "fechas-ambiguas.csv");
writeFileSync(
  UNDECIDED,
  "fecha,lugar,caravana,cantidad\n05/10/2018,Tapachula,Caravana 1,7000\n06/10/2018,Huixtla,Caravana 1,6500\n",
);

/** The reason cells of the rejected rows of FILE. */
async function reasons(page: Page): Promise<string[]> {
  const item = page.locator("#analyst-files li", { hasText: "avistamientos-errores.csv" });
  return item.locator("table.issues.rejections tbody tr td:nth-child(4)").allTextContents();
}

describe.skipIf(!hasBrowser)("import reasons in Spanish, in Chromium", () => {
  const viewer = useViewerSession();
  let page: Page;

  beforeAll(async () => {
    ({ page } = await open2018(viewer, { hash: "lang=es" }));
  }, 90_000);

  it("the rejected rows of a file chosen with the Spanish interface have Spanish reasons", async () => {
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await settle(page, () => page.setInputFiles("#analyst-input", FILE));
    const item = page.locator("#analyst-files li").last();
    expect(await item.getAttribute("data-rejected")).toBe("3");
    const es = await reasons(page);
    expect(es).toHaveLength(3);
    const all = es.join("\n");
    expect(all).toContain("lugar «Tapachulita» no es un lugar conocido; ¿quiso decir «Tapachula»");
    expect(all).toContain("fecha «32/10/2018» no es una fecha utilizable");
    expect(all).toContain("fecha: celda vacía; se necesita una fecha.");
    expect(all).not.toMatch(/is not a known place|is not a usable date|is blank/);
    // The code is the row's data-code, for tests and programs; the reason is words only, and
    // names the suggested place once (no "→ Tapachula" after "¿quiso decir «Tapachula»?").
    const rows = item.locator("table.issues.rejections tbody tr");
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-code")))).toEqual(
      expect.arrayContaining(["unknown_place", "invalid_date", "missing_value"]),
    );
    expect(all).not.toMatch(/unknown_place|invalid_date|missing_value|→/);
  }, 90_000);

  it("a whole-file warning's place ('archivo', 'hoja …') stays inside its cell", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", UNDECIDED));
    const item = page.locator("#analyst-files li").last();
    await item.locator("details.warnings").evaluate((d) => d.setAttribute("open", ""));
    const cells = await item
      .locator("table.issues td:first-child")
      .evaluateAll((tds) =>
        tds.map((td) => [td.textContent, td.scrollWidth, td.clientWidth] as const),
      );
    expect(cells.map((c) => c[0])).toContain("archivo");
    for (const [text, scroll, client] of cells)
      expect(scroll, text!).toBeLessThanOrEqual(client + 1);
  }, 60_000);

  it("switched to English, the same rows show the library's English sentences", async () => {
    await page.click("#lang");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect
      .poll(async () => (await reasons(page)).join("\n"), { timeout: 20_000 })
      .toContain("is not a usable date");
    const en = (await reasons(page)).join("\n");
    expect(en).toContain('"Tapachulita" is not a known place');
    expect(en).toContain("is not a usable date");
  }, 60_000);
});
