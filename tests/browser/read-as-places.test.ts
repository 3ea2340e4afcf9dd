/**
 * "Read as" and places (review23a L2), and a replay whose files all become unusable: a table shaped
 * like dtm-flow ledger's places.csv (refused as its output) read as places lets the sightings'
 * place names resolve; read as another kind, the sightings are read again against the places that
 * are left. When no file can be used any more the 2018 replay is shown again, said in a
 * sentence, the files still listed — never the files' old replay under files that are not used.
 * The Gulf sightings come with their route (ruta-piedras-negras.geojson): without it most of them
 * lie far from every 2018 route and are refused, as `dtm-flow estimate` refuses them
 * (tests/browser/far-from-routes.test.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const SIGHTINGS = join(
  import.meta.dirname,
  "..",
  "fixtures",
  "tryout23",
  "avistamientos-golfo.csv",
);
const ROUTE = join(
  import.meta.dirname,
  "..",
  "fixtures",
  "tryout23",
  "ruta-piedras-negras.geojson",
);
const TRACKS = join(import.meta.dirname, "..", "fixtures", "tryout22", "tracks.csv");

describe.skipIf(!hasBrowser)("Read as places and back, in Chromium", () => {
  const viewer = useViewerSession();
  const dir = mkdtempSync(join(tmpdir(), "dtm-read-as-places-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The ledger's places.csv columns (so refused as dtm-flow's output), with positions: read as
  // places (`import --kind places`), it gives San Luis Potosí, Saltillo and Piedras Negras.
  const places = join(dir, "places.csv");
  writeFileSync(
    places,
    [
      "date,place_name,country,travelling,resting,waiting,staying,present,present_low,present_high,capacity,lat,lon",
      "2019-02-09,San Luis Potosí,MEX,0,0,0,0,0,0,0,,22.1565,-100.9855",
      "2019-02-11,Saltillo,MEX,0,0,0,0,0,0,0,1500,25.4232,-101.0053",
      "2019-02-12,Piedras Negras,MEX,0,0,0,0,0,0,0,,28.7003,-100.5236",
    ].join("\n") + "\n",
  );

  it("re-reads the sightings when the kind was places, and again when it is not any more", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=en" });
    const item = (name: string) => page.locator(`#analyst-files li:has-text("${name}")`).first();
    await settle(page, () => page.setInputFiles("#analyst-input", [places, SIGHTINGS, ROUTE]));
    const sightings = item("avistamientos-golfo.csv");
    // Four of seven rows name places the embedded gazetteer does not know: held.
    expect(await sightings.getAttribute("data-rejected")).toBe("4");
    expect(await sightings.getAttribute("data-status")).toBe("held");
    expect(await item("places.csv").getAttribute("data-status")).toBe("unusable");

    await settle(page, () => item("places.csv").locator("select.read-as").selectOption("places"));
    expect(await item("places.csv").getAttribute("data-status")).toBe("used");
    await expect.poll(() => sightings.getAttribute("data-rejected")).toBe("0");
    expect(await sightings.getAttribute("data-accepted")).toBe("7");
    expect(await page.locator("#map").getAttribute("data-provider")).toBe("analyst-files");

    // Read as stocks (refused: no such columns), the places are gone: the sightings are read again.
    // (A used file's report is folded once another file is newer: unfold it to reach the select.)
    await item("places.csv")
      .locator("details")
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await settle(page, () => item("places.csv").locator("select.read-as").selectOption("stocks"));
    expect(await item("places.csv").getAttribute("data-status")).toBe("unusable");
    await expect.poll(() => sightings.getAttribute("data-rejected")).toBe("4");
    expect(await sightings.getAttribute("data-status")).toBe("held");
    // Only the route is used now: the replay is of it (the 2018 reports on it), the files listed.
    expect(await item("ruta-piedras-negras.geojson").getAttribute("data-status")).toBe("used");
    expect(await page.locator("#map").getAttribute("data-provider")).toBe("analyst-files");
    expect(await page.locator("#analyst-files li").count()).toBe(3);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("the only file read back as its header says (refused): the 2018 replay again, in Spanish too", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=es" });
    const items = page.locator("#analyst-files li");
    await settle(page, () => page.setInputFiles("#analyst-input", TRACKS));
    await settle(page, () => items.last().locator("select.read-as").selectOption("sightings"));
    expect(await page.locator("#map").getAttribute("data-provider")).toBe("analyst-files");
    await settle(page, () => items.last().locator("select.read-as").selectOption(""));
    expect(await items.last().getAttribute("data-status")).toBe("unusable");
    await expect
      .poll(() => page.locator("#map").getAttribute("data-provider"))
      .toBe("embedded-2018");
    expect(await page.locator("#analyst-status").textContent()).toBe(
      "Ya no se puede usar ninguno de sus archivos (vea cada archivo abajo): se vuelve a mostrar la reproducción de 2018 incluida.",
    );
    expect(await items.count()).toBe(1);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 240_000);
});
