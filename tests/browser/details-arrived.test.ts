/**
 * In real Chromium on the 2018 replay: on 10 Dec Honduran caravan 1 has arrived; the
 * details panel says its people are counted at places (Tijuana), read from the library's state,
 * beside its estimated size, so no bare size stands against the places' figures.
 */
import { describe, expect, it } from "vitest";
import { hasBrowser, open2018, useViewerSession } from "./harness.ts";

describe.skipIf(!hasBrowser)("details of an arrived group (2018, 10 Dec)", () => {
  const viewer = useViewerSession();
  it("says where Honduran caravan 1's people are counted, in English and Spanish", async () => {
    for (const [lang, want] of [
      ["en", /^Arrived on 17 Nov: its people are now counted at places \(present at Tijuana/],
      [
        "es",
        /^Llegó el 17 nov\.?: sus personas ya se cuentan en los lugares \(presentes en Tijuana/,
      ],
    ] as const) {
      const { page } = await open2018(viewer, {
        hash: `t=58.5&lang=${lang}&sel=group%3AHonduran+caravan+1`,
      });
      try {
        const dd = page.locator('[data-field="accounted"]');
        await dd.waitFor({ timeout: 60_000 });
        expect(await dd.getAttribute("data-status")).toBe("arrived");
        expect((await dd.textContent())?.trim()).toMatch(want);
      } finally {
        await page.close();
      }
    }
  }, 300_000);
});
