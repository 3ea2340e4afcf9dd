/**
 * The presence small multiples say what the situation update says of a place with no one present
 * after its count aged out, in real Chromium on 10 Dec 2018, English and Spanish:
 * Mexicali "counted 6 Dec: fewer than 1,000" (its last count was an upper bound) and Mexico City
 * "not counted since 28 Nov", as `dtm-flow report --as-of 2018-12-10 --hindsight` writes them, not
 * "0 present" — one wording, the library's `presentText`; their lines stop where the count aged
 * out (a gap, `presentKnown`) instead of drawing 0.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { situationWords } from "../../src/index.ts";
import { hasBrowser, open2018, SHOTS, useViewerSession } from "./harness.ts";
import { goToDay, markdownTable, hindsightUpdates } from "./situationPanel.ts";

const DATE = "2018-12-10";

describe.skipIf(!hasBrowser)("small multiples: a count that aged out is not 0", () => {
  const viewer = useViewerSession();
  let md: Record<"en" | "es", string> = { en: "", es: "" };
  let remove = () => {};
  beforeAll(async () => {
    ({ md, remove } = await hindsightUpdates(DATE));
  }, 300_000);
  afterAll(() => remove());

  for (const lang of ["en", "es"] as const) {
    it(`Mexicali and Mexico City as the report says them (${lang})`, async () => {
      const table = markdownTable(md[lang], situationWords(lang).presentPerPlace);
      const now = (place: string) => table.find((r) => r[0] === place)?.[1] ?? "";
      expect(now("Mexicali")).toBe(
        lang === "en" ? "counted 6 Dec: fewer than 1,000" : "contado el 6 dic: menos de 1,000",
      );
      expect(now("Mexico City") || now("Ciudad de México")).toMatch(
        lang === "en" ? /^not counted since 28 Nov$/ : /^sin conteo desde el 28 nov$/,
      );
      const { page, watch } = await open2018(viewer, { hash: `t=58.5&lang=${lang}` });
      await goToDay(page, DATE);
      for (const place of ["Mexicali", "Mexico City"]) {
        const figure = page.locator(`#multiples > div[data-place="${place}"] [data-role="figure"]`);
        const reported = now(place) || now("Ciudad de México");
        await expect.poll(async () => (await figure.textContent()) ?? "").toBe(reported);
        expect(await figure.getAttribute("data-value")).toBe("0");
        // The line agrees with the words: it stops before the day (a gap, `presentKnown`), not 0.
        const chart = page.locator(`#multiples > div[data-place="${place}"] svg`);
        const d = (await chart.locator("path").last().getAttribute("d")) ?? "";
        const xs = [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,]/g)].map((m) => Number(m[1]));
        const cursor = Number(await chart.locator('[data-role="cursor"]').getAttribute("x1"));
        expect(xs.length).toBeGreaterThan(1);
        expect(Math.max(...xs)).toBeLessThan(cursor);
      }
      if (lang === "es")
        await page.locator("#multiples").screenshot({ path: `${SHOTS}/multiples-10dec-es.png` });
      expect(watch.errors).toEqual([]);
      await page.close();
    }, 240_000);
  }
});
