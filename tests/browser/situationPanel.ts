/**
 * Reading the viewer's situation panel and `dtm-flow report`'s situation-update.md in the browser
 * tests, one way for every test that sets the two side by side.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { CATEGORY_LABELS } from "../../src/report/format.ts";
import { daysSince } from "../../viewer/data/replay.ts";

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

// A figure the report marks, "882 (estimated, not counted)", is read as its number.
export const num = (s: string | undefined) =>
  s === undefined || s === "" ? NaN : Number(s.replace(/\s*\(.*\)$/, "").replace(/,/g, ""));

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
          // The headline without the method folded under it (the departed headline's "Method: …").
          text: (e.textContent ?? "").replace(
            e.querySelector(".situation-method")?.textContent ?? "",
            "",
          ),
          method: e.querySelector(".situation-method")?.textContent ?? "",
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

/** A headline as text after its name ("6,886 (5,600–11,051)"), by category. */
export interface HeadlineText {
  category: string;
  text: string;
}

/** The "Headline figures" table of a situation-update.md, as written, by category. */
export function reportedHeadlines(md: string): HeadlineText[] {
  const label = Object.fromEntries(Object.entries(CATEGORY_LABELS).map(([c, l]) => [l, c]));
  return markdownTable(md, "Headline figures").map(([name, value, range]) => ({
    category: label[name!]!,
    text: range ? `${value} (${range})` : value!,
  }));
}

/** The panel's headlines as text after "Name: ", by category (to set beside reportedHeadlines). */
export function shownHeadlines(shown: Awaited<ReturnType<typeof readPanel>>): HeadlineText[] {
  return shown.headlines.map((h) => ({
    category: h.category,
    text: h.text.slice(h.text.indexOf(": ") + 2),
  }));
}

/** The "People at places on the date, by status" table: place, then the five figures. */
export function reportedPlaces(md: string): (string | number)[][] {
  return markdownTable(md, "People at places on the date, by status").map((r) => [
    r[0]!,
    ...r.slice(1, 6).map(num),
  ]);
}

/** Patches the viewer's state (`window.dtmViewer.setState`). */
export async function setViewerState(page: Page, patch: object): Promise<void> {
  await page.evaluate(
    (p) =>
      (window as unknown as { dtmViewer: { setState(p: object): void } }).dtmViewer.setState(p),
    patch,
  );
}

/** Moves the viewer to the middle of `date` of the replay shown and waits for its situation panel. */
export async function goToDay(page: Page, date: string): Promise<void> {
  const start = await page.evaluate(
    () =>
      (window as unknown as { dtmViewer: { replay: { start: string } } }).dtmViewer.replay.start,
  );
  await setViewerState(page, { t: Math.floor(daysSince(start, date)) + 0.5, playing: false });
  await expect.poll(async () => (await readPanel(page)).date).toBe(date);
}

/**
 * `dtm-flow report --as-of <date> --hindsight` in English and Spanish, written under a new temporary
 * folder: each language's situation-update.md, and `remove` to delete the folder afterwards.
 */
export async function hindsightUpdates(
  date: string,
): Promise<{ md: Record<"en" | "es", string>; remove: () => void }> {
  const out = mkdtempSync(join(tmpdir(), "dtm-update-"));
  const md: Record<"en" | "es", string> = { en: "", es: "" };
  for (const lang of ["en", "es"] as const) {
    const dir = join(out, lang);
    await promisify(execFile)(
      process.execPath,
      [
        resolve("bin/dtm-flow.js"),
        "report",
        "--as-of",
        date,
        "--hindsight",
        "--lang",
        lang,
        "--out",
        dir,
      ],
      { env: { ...process.env, TZ: "UTC" }, maxBuffer: 1 << 24 },
    );
    md[lang] = readFileSync(join(dir, "situation-update.md"), "utf8");
  }
  return { md, remove: () => rmSync(out, { recursive: true, force: true }) };
}
