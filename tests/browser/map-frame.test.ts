/**
 * The default map frame holds the whole corridor: at 1400×1000 and at common laptop
 * and desktop sizes, on first load with no zoom, the destination places (Tijuana, Mexicali and
 * the El Chaparral crossing) and the origin (San Pedro Sula) are drawn inside the map's SVG.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, open2018, SHOTS, useViewerSession } from "./harness.ts";

const NAMES = ["Tijuana", "Mexicali", "El Chaparral border crossing", "San Pedro Sula"];

/**
 * How far below the map's top edge a mark must be: clear of the frame's date (drawn 12–34 px,
 * map/draw.ts) with a label line (~16 px) above the mark.
 */
const DATE_CLEAR = 56;

/** Each named place's mark centre against the overlay SVG's box, in page pixels. */
function marks(page: Page, names: readonly string[]) {
  return page.evaluate(
    ([names, clear]) => {
      const svg = document.querySelector<SVGSVGElement>("#map-overlay")!;
      const box = svg.getBoundingClientRect();
      const map = document.querySelector("#map")!.getBoundingClientRect();
      const view = {
        left: Math.max(box.left, map.left),
        top: Math.max(box.top, map.top),
        right: Math.min(box.right, map.right),
        bottom: Math.min(box.bottom, map.bottom),
      };
      return names.map((name) => {
        const g = [...document.querySelectorAll<SVGGElement>("g.place")].find((e) =>
          (e.getAttribute("aria-label") ?? "").startsWith(`${name} (`),
        );
        const r = g?.firstElementChild?.getBoundingClientRect();
        const x = r ? r.left + r.width / 2 : NaN;
        const y = r ? r.top + r.height / 2 : NaN;
        return {
          name,
          x,
          y,
          inside:
            x >= view.left + 20 &&
            x <= view.right - 20 &&
            y >= view.top + clear &&
            y <= view.bottom - 20,
          view,
        };
      });
    },
    [names, DATE_CLEAR] as const,
  );
}

describe.skipIf(!hasBrowser)("the default map frame fits the corridor", () => {
  const viewer = useViewerSession();
  for (const [width, height] of [
    [1400, 1000],
    [1280, 800],
    [1920, 1080],
  ] as const)
    it(`at ${width}×${height} the destinations and the origin are inside the map`, async () => {
      const { page } = await open2018(viewer, {
        viewport: { width, height },
        hash: "t=38.5&lang=en",
      });
      try {
        await page.waitForSelector("g.place");
        const found = await marks(page, NAMES);
        await page.screenshot({ path: `${SHOTS}/map-frame-${width}x${height}.png` });
        for (const m of found)
          expect(m, `${m.name} at ${width}×${height}`).toMatchObject({ inside: true });
      } finally {
        await page.close();
      }
    }, 240_000);
});
