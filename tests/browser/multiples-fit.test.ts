/**
 * The presence small multiples' text lines fit their chart, in real Chromium at the viewer's
 * default size (1400 × 1000), English and Spanish, on days whose lines are long: 10 Dec 2018
 * (Mexicali "counted 6 Dec: fewer than 1,000", Mexico City "not counted since 28 Nov") and days
 * with counts of several days ("(counted 21 Nov–4 Dec)"), and the days whose people line carries
 * a mark: Mexico City's people travelling through (5 Nov), Tijuana's estimated 80 (15 Nov). Every line ends inside the chart's
 * right margin, so none is cut ("… / 7,000 capacid…").
 */
import { describe, expect, it } from "vitest";
import { hasBrowser, open2018, SHOTS, useViewerSession } from "./harness.ts";
import { goToDay } from "./situationPanel.ts";

const DAYS = ["2018-11-05", "2018-11-15", "2018-11-25", "2018-12-05", "2018-12-10"];

describe.skipIf(!hasBrowser)("small multiples: titles fit", () => {
  const viewer = useViewerSession();
  for (const lang of ["en", "es"] as const) {
    it(`every line of every multiple fits its width (${lang})`, async () => {
      const { page, watch } = await open2018(viewer, { hash: `lang=${lang}` });
      for (const date of DAYS) {
        await goToDay(page, date);
        const lines = await page.evaluate(() =>
          [...document.querySelectorAll("#multiples > div svg")].flatMap((svg) => {
            const width = Number(svg.getAttribute("viewBox")!.split(" ")[2]);
            return [...svg.querySelectorAll("text")]
              .filter((t) => (t.textContent ?? "") !== "")
              .map((t) => ({
                text: t.textContent!,
                end: Number(t.getAttribute("x")) + (t as SVGTextElement).getComputedTextLength(),
                width,
              }));
          }),
        );
        expect(lines.length, date).toBeGreaterThan(5);
        // Inside the right margin (8 px of 220): no line runs off the chart.
        const over = lines.filter((l) => l.end > l.width - 8);
        expect(over, `${date} ${lang}`).toEqual([]);
      }
      const all = await page.locator("#multiples").textContent();
      expect(all).toContain(lang === "en" ? "fewer than 1,000" : "menos de 1,000");
      await page.locator("#multiples").screenshot({ path: `${SHOTS}/multiples-fit-${lang}.png` });
      expect(watch.errors).toEqual([]);
      await page.close();
    }, 240_000);
  }
});
