/**
 * "Your own files" with the situation panel's switch (viewer23): "As known on <day>" on the
 * analyst's own files shows the figures of `dtm-flow report --as-of <day>` run on the same files
 * (a child process here) — the headline table as written and the places by status — and the split
 * readout follows; the panels that stay with hindsight (map, split chart, people present) say so
 * while the switch is on, and not otherwise. And a file refused as dtm-flow's own output is read
 * as the kind the analyst says it holds, as `dtm-flow import --kind` reads it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, SHOTS, settle, useViewerSession } from "./harness.ts";
import {
  goToDay,
  readPanel,
  reportedHeadlines,
  reportedPlaces,
  setViewerState,
  shownHeadlines,
} from "./situationPanel.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout22");
const FILES = {
  sightings: join(FIXTURES, "avistamientos.csv"),
  counts: join(FIXTURES, "conteos-kobo.csv"),
  stocks: join(FIXTURES, "cifras.csv"),
};
const TRACKS = join(FIXTURES, "tracks.csv");
const DAY = "2018-11-06";
const execFileAsync = promisify(execFile);

async function dtmFlow(args: string[]): Promise<void> {
  await execFileAsync(process.execPath, [resolve("bin/dtm-flow.js"), ...args], {
    env: { ...process.env, TZ: "UTC" },
    maxBuffer: 1 << 24,
  });
}

/** The "With hindsight" labels on screen, by the panel they are on. */
const badges = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.hindsight-badge[data-basis="hindsight"]')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => e.dataset.for)
      .sort(),
  );

describe.skipIf(!hasBrowser)("Your own files: as known on the day, and what a file is", () => {
  const viewer = useViewerSession();
  let out: string;
  let asOfMd = "";
  let hindsightMd = "";
  let accepted = 0;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "dtm-own-as-of-"));
    const inputs = Object.entries(FILES).flatMap(([k, f]) => [`--${k}`, f]);
    await dtmFlow(["report", "--as-of", DAY, ...inputs, "--out", join(out, "as-of")]);
    await dtmFlow(["report", "--as-of", DAY, "--hindsight", ...inputs, "--out", join(out, "h")]);
    await dtmFlow(["import", TRACKS, "--kind", "sightings", "--out", join(out, "import")]);
    asOfMd = readFileSync(join(out, "as-of", "situation-update.md"), "utf8");
    hindsightMd = readFileSync(join(out, "h", "situation-update.md"), "utf8");
    const report = JSON.parse(readFileSync(join(out, "import", "import-report.json"), "utf8"));
    accepted = report.files[0].accepted;
  }, 300_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("as known on 6 Nov 2018, the panel shows report --as-of on the same files; the hindsight panels say so", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=en", locale: "en-GB" });
    await settle(page, () => page.setInputFiles("#analyst-input", Object.values(FILES)));
    expect(await page.locator('#analyst-files li[data-status="used"]').count()).toBe(3);
    expect(await page.locator("#map").getAttribute("data-provider")).toBe("analyst-files");
    await goToDay(page, DAY);
    expect(await badges(page)).toEqual([]);
    await page.locator('#situation input[value="as-of"]').check();
    await expect
      .poll(
        async () => {
          const p = await readPanel(page);
          return `${p.basis}|${p.status}`;
        },
        { timeout: 120_000 },
      )
      .toBe("as-of|undefined");
    const shown = await readPanel(page);

    const reported = reportedHeadlines(asOfMd);
    expect(reported.length).toBeGreaterThan(2);
    // As known on the day differs from hindsight on these files (a later claim figure, later sightings).
    expect(reported).not.toEqual(reportedHeadlines(hindsightMd));
    expect(shownHeadlines(shown), "panel vs report --as-of on the same files").toEqual(reported);
    expect(shown.places, "places by status vs report --as-of").toEqual(reportedPlaces(asOfMd));
    // The split readout follows the switch: the same as-of figures.
    expect(shown.readoutBasis).toBe("as-of");
    for (const h of shown.headlines.filter((x) => x.category !== "departed"))
      expect(shown.readout[h.category], `${h.category} readout`).toBe(h.value);
    // The map, the split chart, the people present and the time–distance chart stay with
    // hindsight, and say so.
    expect(await badges(page)).toEqual(["evidence-title", "map", "multiples-title", "split-title"]);
    expect(await page.locator('.hindsight-badge[data-for="map"]').textContent()).toMatch(
      /^With hindsight/,
    );
    await page.screenshot({ path: join(SHOTS, "viewer-own-files-as-of.png"), fullPage: true });

    // In Spanish the labels are Spanish; back to hindsight they go, and the figures are hindsight's.
    await setViewerState(page, { lang: "es" });
    await expect
      .poll(() => page.locator('.hindsight-badge[data-for="split-title"]').textContent())
      .toMatch(/^En retrospectiva/);
    await page.locator('#situation input[value="hindsight"]').check();
    await expect.poll(async () => (await readPanel(page)).basis).toBe("hindsight");
    expect(await badges(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  }, 300_000);

  it("after the data's last day, as known on the day says 'after the data', as report --as-of refuses the day (review23a L1)", async () => {
    // Sightings and counts only: the data end on 15 Nov 2018, the replay runs on past it.
    const files = [FILES.sightings, FILES.counts];
    const inputs = ["--sightings", FILES.sightings, "--counts", FILES.counts];
    const refused = await dtmFlow([
      "report",
      "--as-of",
      "2018-11-16",
      ...inputs,
      "--out",
      join(out, "after"),
    ]).then(
      () => "",
      (e: { code?: number; stderr?: string }) => `${e.code}|${e.stderr ?? ""}`,
    );
    expect(refused).toMatch(/^2\|.*outside the data, which runs from 2018-10-19 to 2018-11-15/s);
    const { page, watch } = await open2018(viewer, { hash: "lang=en", locale: "en-GB" });
    await settle(page, () => page.setInputFiles("#analyst-input", files));
    expect(await page.locator("#map").getAttribute("data-provider")).toBe("analyst-files");
    await goToDay(page, "2018-11-16");
    await page.locator('#situation input[value="as-of"]').check();
    const note = page.locator("#situation .situation-outside");
    await note.waitFor({ timeout: 120_000 });
    expect(await note.getAttribute("data-outside")).toBe("after");
    expect(await note.textContent()).toBe(
      "After the data: no figures as known on this day (dtm-flow report --as-of refuses it). The data run from 19 Oct 2018 to 15 Nov 2018.",
    );
    const shown = await readPanel(page);
    expect(shown.basis).toBe("as-of");
    expect(shown.headlines).toEqual([]);
    expect(shown.readout).toEqual({});
    // The last day of the data still has its figures as known on the day.
    await goToDay(page, "2018-11-15");
    await expect
      .poll(async () => (await readPanel(page)).headlines.length, { timeout: 120_000 })
      .toBeGreaterThan(0);
    expect(await page.locator("#situation .situation-outside").count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it("a tracks.csv refused as dtm-flow's output is read as sightings when the analyst says so, as import --kind reads it", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=en" });
    await settle(page, () => page.setInputFiles("#analyst-input", TRACKS));
    const item = page.locator("#analyst-files li").last();
    expect(await item.getAttribute("data-status")).toBe("unusable");
    expect(await item.locator('.fatal[data-code="own_output"]').count()).toBe(1);
    const select = item.locator("select.read-as");
    expect(await select.getAttribute("aria-label")).toBe("It is not dtm-flow's output? Read it as");
    await settle(page, () => select.selectOption("sightings"));
    const again = page.locator("#analyst-files li").last();
    expect(await again.getAttribute("data-kind")).toBe("sightings");
    expect(await again.getAttribute("data-status")).toBe("used");
    expect(Number(await again.getAttribute("data-accepted"))).toBe(accepted);
    expect(accepted).toBeGreaterThan(0);
    expect(await again.locator(".fatal").count()).toBe(0);
    expect(await again.locator("p.read-as").getAttribute("data-kind-chosen")).toBe("sightings");
    expect(await page.locator("#map").getAttribute("data-provider")).toBe("analyst-files");
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 240_000);
});
