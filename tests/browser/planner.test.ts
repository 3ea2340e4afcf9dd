/**
 * A planner's screen in real Chromium: at 1280 × 1000 the split chart is in view under the map
 * without scrolling, in English and in Spanish (the side column, however long, does not push it
 * down).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, useViewerSession, waitForReplay } from "./harness.ts";

describe.skipIf(!hasBrowser)("a planner's screen, in Chromium", () => {
  const viewer = useViewerSession();
  let page: Page;

  beforeAll(async () => {
    page = await viewer.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(viewer.url);
    await waitForReplay(page);
    await page.waitForSelector("#split svg.split-chart");
  }, 90_000);
  afterAll(async () => page?.close());

  it("shows the whole split chart without scrolling at 1280 × 1000, in English and Spanish", async () => {
    for (const lang of ["en", "es"]) {
      if (lang === "es") await page.click("#lang");
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      await page.waitForSelector("#forecast table", { timeout: 60_000 });
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const box = (await page.locator("#split svg.split-chart").boundingBox())!;
      expect(box.height).toBeGreaterThan(150);
      expect(box.y).toBeGreaterThan(0);
      expect(box.y + box.height).toBeLessThanOrEqual(1000);
      // The side column is taller than the map and charts together, yet the map row is no
      // taller than its content: the side's height goes below the charts.
      const side = (await page.locator("aside.side").boundingBox())!;
      expect(side.y + side.height).toBeGreaterThan(box.y + box.height);
    }
  });
});
