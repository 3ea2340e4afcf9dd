/**
 * A tally (Fecha;Punto;Entradas;Salidas) dropped with another file, in real Chromium: its entry is
 * open with the entrada/salida choice in view though it was not the last file dropped, and its
 * column-mapping table names the file's columns (Entradas, Salidas) with nothing to remap, never
 * the importer's Sentido/Total.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const TALLY = [
  "Fecha;Punto de monitoreo;Entradas;Salidas",
  "25/10/2018;Ciudad Hidalgo;1.200;35",
  "26/10/2018;Ciudad Hidalgo;800;20",
].join("\n");
const PLAIN = [
  "Fecha;Punto;Sentido;Total",
  "20/10/2018;Tecún Umán;norte;1000",
  "21/10/2018;Tecún Umán;sur;50",
].join("\n");

describe.skipIf(!hasBrowser)("a tally among several files, in Chromium", () => {
  const viewer = useViewerSession();
  const dir = mkdtempSync(join(tmpdir(), "dtm-tally-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tally = join(dir, "resumen.csv");
  const plain = join(dir, "zz-conteo.csv");
  writeFileSync(tally, TALLY + "\n");
  writeFileSync(plain, PLAIN + "\n");

  for (const lang of ["en", "es"] as const) {
    it(`keeps the tally's entry open with its choice visible, and names Entradas, Salidas (${lang})`, async () => {
      const { page, watch } = await open2018(viewer, { hash: `lang=${lang}` });
      await settle(page, () => page.setInputFiles("#analyst-input", [tally, plain]));
      const item = page.locator('#analyst-files li:has-text("resumen.csv")').first();
      const other = page.locator('#analyst-files li:has-text("zz-conteo.csv")').first();
      await expect.poll(() => item.getAttribute("data-kind")).toBe("counts");
      await expect.poll(() => other.getAttribute("data-kind")).toBe("counts");
      // The other file needs nothing: only the tally's entry is open for its choice.
      expect(await item.locator("details").first().getAttribute("open")).not.toBeNull();
      const select = item.locator("select.incoming-is");
      expect(await select.isVisible()).toBe(true);
      // The mapping table: the file's columns, with no field select on the made rows.
      const made = item.locator("table.mapping-table tr[data-made]");
      expect(await made.count()).toBe(2);
      expect(await made.locator("td:first-child").allTextContents()).toEqual([
        "Entradas, Salidas",
        "Entradas, Salidas",
      ]);
      expect(await made.locator("select").count()).toBe(0);
      const firsts = await item.locator("table.mapping-table td:first-child").allTextContents();
      expect(firsts).not.toContain("Sentido");
      expect(firsts).not.toContain("Total");
      await settle(page, () => select.selectOption("northbound"));
      await expect.poll(() => item.getAttribute("data-warnings")).toBe("1");
      expect(watch.errors).toEqual([]);
      await page.close();
    }, 240_000);
  }
});
