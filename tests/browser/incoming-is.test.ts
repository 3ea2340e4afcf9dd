/**
 * A count sheet whose direction is entrada/salida, in real Chromium: read as it is, each row's
 * direction is relative to the point (warned, read as unknown). Told "incoming is northbound"
 * in its entry (the CLI's --incoming-is), the viewer reads the same people in the same
 * directions as `dtm-flow import --incoming-is northbound`: its counts.csv download is the CLI's
 * counts.csv, byte for byte. Said back to "not said", the warnings return.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const execFileAsync = promisify(execFile);
const ENTRADA_SALIDA = [
  "Fecha;Punto de monitoreo;Sentido;Total",
  "20/10/2018;Tecún Umán;Entrada;1000",
  "21/10/2018;Tecún Umán;Salida;50",
  "22/10/2018;Tecún Umán;Entrada;500",
].join("\n");

describe.skipIf(!hasBrowser)("entrada/salida read as the analyst says, in Chromium", () => {
  const viewer = useViewerSession();
  const dir = mkdtempSync(join(tmpdir(), "dtm-incoming-"));
  const sheet = join(dir, "conteo.csv");
  let cli = "";
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    writeFileSync(sheet, ENTRADA_SALIDA + "\n");
    const out = join(dir, "cli");
    await execFileAsync(
      process.execPath,
      [resolve("bin/dtm-flow.js"), "import", sheet, "--incoming-is", "northbound", "--out", out],
      { env: { ...process.env, TZ: "UTC" } },
    );
    cli = readFileSync(join(out, "counts.csv"), "utf8");
  }, 120_000);

  for (const lang of ["en", "es"] as const) {
    it(`gives the people of import --incoming-is northbound (${lang})`, async () => {
      expect(cli).toContain(",northbound,1000,");
      expect(cli).toContain(",southbound,50,");
      const { page, watch } = await open2018(viewer, { hash: `lang=${lang}` });
      const item = page.locator('#analyst-files li:has-text("conteo.csv")').first();
      await settle(page, () => page.setInputFiles("#analyst-input", [sheet]));
      expect(await item.getAttribute("data-kind")).toBe("counts");
      // Not said: every row's direction is relative to the point (warned).
      expect(await item.getAttribute("data-warnings")).toBe("3");
      const select = item.locator("select.incoming-is");
      expect(await select.inputValue()).toBe("unsaid");
      expect(await item.locator("p.incoming-is label").textContent()).toContain(
        lang === "en" ? "--incoming-is" : "La entrada",
      );

      await settle(page, () => select.selectOption("northbound"));
      await expect.poll(() => item.getAttribute("data-warnings")).toBe("0");
      expect(await item.locator("p.incoming-is").getAttribute("data-incoming-is")).toBe(
        "northbound",
      );
      await page.evaluate(
        () => ((document.querySelector("#export-tables") as HTMLDetailsElement).open = true),
      );
      const [dl] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        page.click('button[data-table="counts.csv"]'),
      ]);
      expect(readFileSync((await dl.path())!, "utf8")).toBe(cli);

      // Taken back: read as unknown again, warned.
      await settle(page, () => item.locator("select.incoming-is").selectOption("unsaid"));
      await expect.poll(() => item.getAttribute("data-warnings")).toBe("3");
      expect(watch.errors).toEqual([]);
      await page.close();
    }, 240_000);
  }
});
