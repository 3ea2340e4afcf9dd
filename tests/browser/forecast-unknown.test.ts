/**
 * The forecast panel in real Chromium on 18 Nov 2018: Salvadoran caravan 1, last reported on
 * 1 Nov, has a position the library calls unknown (no report for more than a week, a 90 % interval
 * wider than 1,000 km). The panel says of it, in English and in Spanish, the sentence
 * `dtm-flow forecast --as-of 2018-11-18` prints (from 20 Nov the
 * group is accounted for: Tijuana's count takes its people in), lists no place ahead for it and draws no cone for it
 * on the map.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { forecastSummaryLines } from "../../cli/forecast-summary.ts";
import { embedded2018, forecastArrivals, mulberry32, nowcast } from "../../src/index.ts";
import { SHOTS, hasBrowser, open2018, useViewerSession } from "./harness.ts";

const GROUP = "Salvadoran caravan 1";

describe.skipIf(!hasBrowser)("position unknown in the forecast panel, in Chromium", () => {
  const viewer = useViewerSession();
  let cli: Record<"en" | "es", string>;
  beforeAll(() => {
    // As the CLI with its defaults (runs, seed 1), the panel's too.
    const dataset = embedded2018();
    const now = nowcast(dataset, { asOf: "2018-11-18" });
    const fc = forecastArrivals(now, { dataset, random: mulberry32(1) });
    const line = (lang: "en" | "es") =>
      forecastSummaryLines(now, fc, lang, dataset.places)
        .find((l) => l.startsWith(`  ${GROUP}:`))!
        .trim();
    cli = { en: line("en"), es: line("es") };
  }, 300_000);

  for (const lang of ["en", "es"] as const) {
    it(`says what the CLI says (${lang}) and lists no place ahead`, async () => {
      // Day 36.5 of the replay (from 13 Oct): 18 Nov.
      const { page, watch } = await open2018(viewer, { hash: `t=36.5&lang=${lang}` });
      await page.waitForSelector(
        `#forecast li[data-status="position_unknown"][data-group="${GROUP}"]`,
        { timeout: 120_000 },
      );
      expect(await page.locator("#forecast [data-status]").first().textContent()).toMatch(/18/);
      expect(cli[lang]).toMatch(lang === "en" ? /position unknown \(km / : /posición desconocida/);
      const li = page.locator(
        `#forecast li[data-status="position_unknown"][data-group="${GROUP}"]`,
      );
      expect(await li.textContent()).toBe(cli[lang]);
      expect(await page.locator(`#forecast tbody[data-group="${GROUP}"]`).count()).toBe(0);
      // On the map: cones for the groups with a place, none for this one (no place to draw).
      expect(await page.locator("#map-overlay g.forecast-cones g.cone").count()).toBeGreaterThan(0);
      expect(
        await page.locator(`#map-overlay g.forecast-cones g.cone[data-group="${GROUP}"]`).count(),
      ).toBe(0);
      if (lang === "en")
        await page.locator("#forecast").screenshot({ path: `${SHOTS}/forecast-unknown.png` });
      expect(watch.errors).toEqual([]);
      await page.close();
    }, 240_000);
  }
});
