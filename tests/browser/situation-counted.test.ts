/**
 * The situation panel in real Chromium on 5 Dec 2018 says what `dtm-flow report --as-of 2018-12-05
 * --hindsight` writes (English and Spanish): a present figure resting on counts of several days
 * gives their range, "3,969 (counted 21 Nov–4 Dec)" at Tijuana, and the people who left carry the
 * report's method ("between 16,000 and 26,110 left with the caravans"), from the library's words.
 * Tijuana's presence small multiple gives the same count dates under its figure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, SHOTS, useViewerSession } from "./harness.ts";
import { readPanel, hindsightUpdates } from "./situationPanel.ts";

const DATE = "2018-12-05";

describe.skipIf(!hasBrowser)("count dates and the departed method in the situation panel", () => {
  const viewer = useViewerSession();
  let md: Record<"en" | "es", string> = { en: "", es: "" };
  let remove = () => {};
  beforeAll(async () => {
    ({ md, remove } = await hindsightUpdates(DATE));
  }, 300_000);
  afterAll(() => remove());

  for (const lang of ["en", "es"] as const) {
    it(`as the report (${lang})`, async () => {
      // Day 53.5 of the replay (from 13 Oct): 5 Dec.
      const { page, watch } = await open2018(viewer, { hash: `t=53.5&lang=${lang}` });
      await page.waitForSelector(`#situation section[data-date="${DATE}"] li[data-category]`, {
        timeout: 60_000,
      });
      // The report's row of Tijuana in its table of places: "| Tijuana | 3,969 (counted …) |".
      const row = md[lang].split("\n").find((l) => l.startsWith("| Tijuana | "))!;
      const age = / (\([^)]*\d[^)]*\)) \|/.exec(row)![1]!;
      expect(age).toMatch(
        lang === "en" ? /^\(counted \d+ Nov–\d+ Dec\)$/ : /^\(contado del \d+ nov al \d+ dic\)$/,
      );
      await page.locator("#situation details.situation-places > summary").click();
      const shown = await page
        .locator('#situation tr[data-place="Tijuana"] .counted')
        .textContent();
      expect(shown?.trim()).toBe(age);
      // Tijuana's small multiple says the same count dates under its figure of the day.
      const multiple = page.locator('#multiples > div[data-place="Tijuana"]');
      expect(await multiple.locator('[data-role="counted"]').textContent()).toBe(age);
      expect(await multiple.locator("title").textContent()).toContain(age);
      // The departed headline's method, as the report's first "Method:" line (its departed's).
      const method = md[lang]
        .split("\n")
        .find((l) => /^- (Method|Método):/.test(l))!
        .slice(2)
        // Markdown escapes underscores (a measure's name); the panel shows the text.
        .replace(/\\_/g, "_");
      const panel = await readPanel(page);
      const departed = panel.headlines.find((h) => h.category === "departed")!;
      expect(departed.method).toBe(method);
      expect(method).toMatch(lang === "en" ? /rest on the tracked groups' sizes/ : /\d/);
      if (lang === "en")
        await page.locator("#situation").screenshot({ path: `${SHOTS}/situation-counted.png` });
      expect(watch.errors).toEqual([]);
      await page.close();
    }, 240_000);
  }
});
