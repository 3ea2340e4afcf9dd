/**
 * dtm-flow's own tracks.csv dropped on the viewer's "Your own files" (tryout22 item 5): refused
 * with the library's one sentence (src/ingest/own-outputs.ts) naming the file and what to give
 * instead, in English and in Spanish, not read as 240 sightings that replay the estimate as data;
 * and a day past its month's end told the month's days in Spanish (item 13), as the CLI says it.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const TRACKS = join(import.meta.dirname, "..", "fixtures", "tryout22", "tracks.csv");
const CIFRAS = join(import.meta.dirname, "..", "fixtures", "tryout22", "cifras-excel.csv");

const newest = (page: Page) => page.locator("#analyst-files li").last();

describe.skipIf(!hasBrowser)("dtm-flow's own outputs in Your own files, in Chromium", () => {
  const viewer = useViewerSession();

  for (const [lang, words] of [
    [
      "en",
      "this is dtm-flow's own tracks.csv (the groups dtm-flow estimate placed day by day, an estimate), not data to read: give the sightings, counts and stock figures it was made from.",
    ],
    [
      "es",
      "es el tracks.csv que escribe dtm-flow (los grupos que dtm-flow estimate situó día a día, una estimación), no datos para leer: dé los avistamientos, conteos y cifras de los que se hizo.",
    ],
  ] as const) {
    it(`tracks.csv is refused with its reason (${lang})`, async () => {
      const { page, watch: watched } = await open2018(viewer, { hash: `lang=${lang}` });
      await settle(page, () => page.setInputFiles("#analyst-input", TRACKS));
      const item = newest(page);
      expect(await item.getAttribute("data-status")).toBe("unusable");
      expect(await item.getAttribute("data-accepted")).toBe("0");
      const fatal = item.locator('.fatal[data-code="own_output"]');
      expect(await fatal.innerText()).toBe(words);
      if (lang === "es") {
        // The day past its month's end gets the month's days in Spanish too (tryout22 item 13).
        await settle(page, () => page.setInputFiles("#analyst-input", CIFRAS));
        const reason = newest(page).locator(
          'table.issues.rejections tr[data-code="invalid_date"] td:nth-child(4)',
        );
        expect(await reason.textContent()).toBe(
          "Fecha «31/04/2018» no es una fecha utilizable: abril tiene 30 días.",
        );
      }
      expect(watched.errors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
      await page.close();
    }, 150_000);
  }
});
