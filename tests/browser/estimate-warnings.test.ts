/**
 * The estimator's warnings on an analyst's own files are on the "Your own files" panel, as
 * `dtm-flow estimate` says them on stderr: a route drawn from the destination back to the start
 * (tryout23 item 1, `route_backwards`) is named there; drawn the right way round, nothing is said.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout23");
const files = (route: string) =>
  ["avistamientos-golfo.csv", "lugares-golfo.csv", route].map((f) => join(FIXTURES, f));

describe.skipIf(!hasBrowser)("the estimator's warnings on your own files, in Chromium", () => {
  const viewer = useViewerSession();

  it("a route drawn backwards is named on the panel, as estimate says it", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=en" });
    await settle(page, () => page.setInputFiles("#analyst-input", files("ruta-al-reves.geojson")));
    const said = page.locator('#analyst-estimate-warnings li[data-code="route_backwards"]');
    expect(await said.count()).toBe(1);
    expect(await said.textContent()).toMatch(
      /^Estimate warning \(as dtm-flow estimate says it\): route "piedras" seems drawn against the direction of travel/,
    );
    // Back to 2018: the files' warnings go with them.
    await page.locator("#analyst-reset").click();
    await expect.poll(() => page.locator("#analyst-estimate-warnings li").count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 200_000);

  it("in Spanish, the warning is said in Spanish from its code and values (tryout24 MED-I)", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=es" });
    await settle(page, () => page.setInputFiles("#analyst-input", files("ruta-al-reves.geojson")));
    const said = page.locator('#analyst-estimate-warnings li[data-code="route_backwards"]');
    expect(await said.count()).toBe(1);
    expect(await said.textContent()).toMatch(
      /^Aviso de la estimación \(como lo dice dtm-flow estimate\): la ruta «piedras» parece trazada en sentido contrario al del viaje/,
    );
    expect(await page.locator("#analyst-estimate-warnings").textContent()).not.toMatch(
      /seems drawn|only its size|off route/,
    );
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 200_000);

  it("drawn the right way round: no such warning", async () => {
    const { page } = await open2018(viewer, { hash: "lang=en" });
    await settle(page, () =>
      page.setInputFiles("#analyst-input", files("ruta-piedras-negras.geojson")),
    );
    expect(
      await page.locator('#analyst-estimate-warnings li[data-code="route_backwards"]').count(),
    ).toBe(0);
    await page.close();
  }, 200_000);
});
