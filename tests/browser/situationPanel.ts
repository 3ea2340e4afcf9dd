/**
 * Reading the viewer's situation panel and `dtm-flow report`'s situation-update.md in the browser
 * tests, one way for every test that sets the two side by side.
 */
import type { Page } from "playwright-core";

/** The body rows of the Markdown table under `## heading` (cells trimmed). */
export function markdownTable(md: string, heading: string): string[][] {
  const lines = md.split("\n");
  const at = lines.indexOf(`## ${heading}`);
  if (at < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.startsWith("## ")) break;
    if (!line.startsWith("|")) {
      if (rows.length) break;
      continue;
    }
    rows.push(
      line
        .slice(1, -1)
        .split(" | ")
        .map((c) => c.trim()),
    );
  }
  return rows.slice(2);
}

export const num = (s: string | undefined) =>
  s === undefined || s === "" ? NaN : Number(s.replace(/,/g, ""));

/** The situation panel as the page shows it: basis, texts and data-* figures. */
export function readPanel(page: Page) {
  return page.evaluate(() => {
    const section = document.querySelector<HTMLElement>("#situation section");
    const n = (v: string | undefined) => (v === undefined || v === "" ? NaN : Number(v));
    return {
      date: section?.dataset.date,
      basis: section?.dataset.basis,
      status: section?.dataset.status,
      note: section?.querySelector(".situation-basis")?.textContent ?? "",
      headlines: [...document.querySelectorAll<HTMLElement>("#situation li[data-category]")].map(
        (e) => ({
          category: e.dataset.category!,
          value: n(e.dataset.value),
          valueLow: n(e.dataset.low),
          valueHigh: n(e.dataset.high),
          text: e.textContent ?? "",
        }),
      ),
      places: [...document.querySelectorAll<HTMLElement>("#situation tbody tr")].map((e) => [
        e.dataset.place || `${e.dataset.country} (no place given)`,
        n(e.dataset.travelling),
        n(e.dataset.resting),
        n(e.dataset.waiting),
        n(e.dataset.staying),
        n(e.dataset.present),
      ]),
      readoutBasis: document.querySelector<HTMLElement>("#split-readout")?.dataset.basis,
      readout: Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>("#split-readout li")].map((e) => [
          e.dataset.category!,
          n(e.dataset.value),
        ]),
      ),
    };
  });
}
