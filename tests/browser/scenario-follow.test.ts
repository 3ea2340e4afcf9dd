/**
 * The Scenarios panel, open while the replay on screen changes (the analyst's files computed):
 * its route picker offers the new replay's routes without the planner touching the form (it kept
 * the 2018 routes until the form was redrawn: viewer24's note).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout23");
const FILES = [
  join(FIXTURES, "lugares-golfo.csv"),
  join(FIXTURES, "ruta-piedras-negras-linea.geojson"),
  join(FIXTURES, "avistamientos-golfo.csv"),
];

describe.skipIf(!hasBrowser)("Scenarios panel follows the replay on screen", () => {
  const viewer = useViewerSession();

  it("the route picker refreshes when the own files' replay replaces 2018 while it is open", async () => {
    const { page, watch } = await open2018(viewer);
    await page.getByRole("button", { name: "Scenarios" }).click();
    const routeOptions = () =>
      page
        .locator("#scenario-route option")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await expect
      .poll(async () => (await routeOptions()).length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    const before = await routeOptions();
    expect(before).not.toContain("piedras");
    await settle(page, () => page.setInputFiles("#analyst-input", FILES));
    await page.waitForSelector('#map[data-provider="analyst-files"][data-state="ready"]', {
      timeout: 120_000,
    });
    // Nothing touched in the form: the picker offers the own route.
    await expect.poll(routeOptions, { timeout: 60_000 }).toEqual(["piedras"]);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 300_000);
});
