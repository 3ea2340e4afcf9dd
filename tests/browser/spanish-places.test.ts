/**
 * Place names in the viewer's Spanish, in real Chromium, where a planner reads them beside the
 * map: the time–distance chart's km axis and its data table, the evidence table of a group-day and
 * the group's details (its reports, with the source's confidence in words). Each place the
 * gazetteer names in Spanish (`nameEs`) shows that name, never the English one it had before
 * ("Mexico City", "Guatemala City", "El Chaparral border crossing"); in English the English names.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/index.ts";
import { SHOTS, hasBrowser, open2018, useViewerSession } from "./harness.ts";
import type { PageWatch } from "./harness.ts";

/** English names of the embedded places that have another Spanish name. */
const ENGLISH_ONLY = new Set(
  embedded2018()
    .places.filter((p) => p.nameEs && p.nameEs !== p.name)
    .map((p) => p.name),
);

/** The km axis's labels (each `text` holds its label, then its whole name as a `title`). */
const axisLabels = (page: Page) =>
  page
    .locator("#evidence svg.marey-chart g.marey-axes text")
    .evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ""));

/**
 * Texts holding an English name with a Spanish one (so should not show in Spanish): anywhere in
 * the text ("Mexico City (MEX)" too), or cut short as the axis cuts long names ("El Chaparral
 * border cros…").
 */
const english = (texts: string[]) =>
  texts
    .map((t) => t.trim())
    .filter((t) =>
      [...ENGLISH_ONLY].some(
        (n) => t.includes(n) || (t.endsWith("…") && t.length > 1 && n.startsWith(t.slice(0, -1))),
      ),
    );

describe.skipIf(!hasBrowser)("place names in Spanish beside the map, in Chromium", () => {
  const viewer = useViewerSession();
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    // 11 Nov 2018, the first Honduran caravan selected, in Spanish.
    ({ page, watch } = await open2018(viewer, {
      hash: "t=29.5&lang=es&sel=group%3AHonduran+caravan+1",
      viewport: { width: 1280, height: 1000 },
    }));
    await page.locator("#evidence-panel table.evidence-table").waitFor({ timeout: 90_000 });
  }, 120_000);
  afterAll(async () => page?.close());

  it("the time–distance chart's axis and data table use the Spanish names", async () => {
    expect(ENGLISH_ONLY.has("Mexico City")).toBe(true);
    const axis = await axisLabels(page);
    expect(axis).toContain("Ciudad de México");
    expect(axis).toContain("Ciudad de Guatemala");
    expect(english(axis)).toEqual([]);
    await page.locator("#evidence details").first().locator("summary").click();
    const cells = await page
      .locator("#evidence table.marey-table tr[data-report-id] td:nth-child(4)")
      .allTextContents();
    expect(cells.length).toBeGreaterThan(50);
    expect(english(cells)).toEqual([]);
    await page.locator("#evidence").screenshot({ path: `${SHOTS}/spanish-places-chart.png` });
  });

  it("the evidence table and the group's reports use the Spanish names, and confidence in words", async () => {
    const evidence = await page
      .locator("#evidence-panel table.evidence-table tbody tr td:nth-child(2)")
      .allTextContents();
    expect(evidence.length).toBeGreaterThan(0);
    expect(english(evidence)).toEqual([]);
    const where = await page.locator("#details ol.reports .where").allTextContents();
    expect(where).toContain("Ciudad de Guatemala");
    expect(english(where)).toEqual([]);
    const confidence = await page.locator("#details ol.reports .conf").allTextContents();
    expect(confidence).toContain(" (confianza: alta)");
    expect(confidence.join(" ")).not.toMatch(/high|medium|low/);
  });

  it("the group's details and its evidence give the same km for the day, whole km", async () => {
    // They said "2,080 km (2,020–2,240 km)" (rounded to 10 like people) and "km 2077.8 (90 %:
    // 2022.5–2235.2)" side by side for the same estimate.
    const numbers = (text: string | null) => (text ?? "").match(/\d[\d,]*(\.\d+)?/g) ?? [];
    const details = numbers(await page.locator('#details dd[data-field="km"]').textContent());
    const line = await page.locator("#evidence-panel p.evidence-estimate").textContent();
    const evidence = line?.match(/km ([\d,]+) \(90 %: ([\d,]+)–([\d,]+)\)/)?.slice(1);
    expect(details).toHaveLength(3);
    expect(evidence).toEqual(details);
  });

  it("in English the same places keep their English names", async () => {
    await page.click("#lang");
    await page.waitForSelector("html[lang=en]");
    await expect.poll(() => axisLabels(page)).toContain("Mexico City");
    expect(await page.locator("#details ol.reports .where").allTextContents()).toContain(
      "Guatemala City",
    );
    expect(await page.locator("#details ol.reports .conf").allTextContents()).toContain(
      " (confidence: high)",
    );
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
