/**
 * Valid data without group sightings (count sheets only) is not a failed estimate: the evidence
 * panel says there is no group to explain, in the viewer's language, and shows no chart of the
 * previous data. Through the user's entry point: the file chosen in the analyst
 * panel of the running viewer, in Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const dir = mkdtempSync(join(tmpdir(), "dtm-no-sightings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "conteos.csv");
writeFileSync(
  file,
  "date,fmp_id,direction,total\n" +
    "2018-10-20,GT-TEC,northbound,1200\n" +
    "2018-10-21,GT-TEC,northbound,800\n",
);

describe.skipIf(!hasBrowser)("evidence panel on data without group sightings", () => {
  const viewer = useViewerSession();

  it("says in Spanish that there is no group to explain, not that the estimate failed", async () => {
    const { page, watch } = await open2018(viewer, { hash: "t=10.5&lang=es", locale: "es-MX" });
    await page.waitForFunction(
      () => (window as { dtmEvidence?: { result?: unknown } }).dtmEvidence?.result !== undefined,
      undefined,
      { timeout: 180_000 },
    );
    await settle(page, () => page.setInputFiles("#analyst-input", file));
    const status = page.locator(".evidence-status");
    await expect
      .poll(() => status.textContent(), { timeout: 180_000 })
      .toBe("Sin avistamientos de grupos: no hay grupo que explicar.");
    expect(await page.locator(".marey").isHidden()).toBe(true);
    expect(await page.evaluate(() => document.querySelector("#evidence")?.textContent)).not.toMatch(
      /falló|no group sightings/,
    );
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
