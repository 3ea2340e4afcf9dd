/**
 * The situation panel's switch (tryout22 items 7 and 11): "As known on <day>" shows the figures of
 * `dtm-flow report --as-of <day>` (run here as a child process) — the same headline figures and
 * 90 % intervals, written as the report writes them (whole people, not rounded to tens), and the
 * same places by status — on 15 Nov and 3 Dec 2018, in English and Spanish; "With hindsight"
 * gives the hindsight figures back.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/index.ts";
import { computeAsOfDay } from "../../viewer/data/asOfDay.ts";
import { hasBrowser, open2018, SHOTS, useViewerSession } from "./harness.ts";
import {
  goToDay,
  readPanel,
  reportedHeadlines,
  reportedPlaces,
  setViewerState,
  shownHeadlines,
} from "./situationPanel.ts";

const DAYS = ["2018-12-03", "2018-11-15"];
const execFileAsync = promisify(execFile);

describe.skipIf(!hasBrowser)("the situation panel as known on the day = report --as-of", () => {
  const viewer = useViewerSession();
  const reports = new Map<string, string>();
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "dtm-asof-switch-"));
    for (const date of DAYS) {
      const dir = join(out, date);
      await execFileAsync(
        process.execPath,
        [resolve("bin/dtm-flow.js"), "report", "--as-of", date, "--out", dir],
        { env: { ...process.env, TZ: "UTC" }, maxBuffer: 1 << 24 },
      );
      reports.set(date, readFileSync(join(dir, "situation-update.md"), "utf8"));
    }
  }, 600_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("on 3 Dec and 15 Nov 2018 the switch shows report --as-of's figures, exactly as the report writes them", async () => {
    const { page, watch } = await open2018(viewer, { hash: "t=10.5&lang=en", locale: "en-GB" });
    await page.waitForSelector("#situation input[name=situation-basis]", { timeout: 60_000 });
    const dataset = embedded2018();
    let first = true;
    for (const date of DAYS) {
      await goToDay(page, date);
      if (first) {
        // Default: with hindsight; the reader switches once and the choice stays from day to day.
        expect((await readPanel(page)).basis).toBe("hindsight");
        await page.locator('#situation input[value="as-of"]').check();
        first = false;
      }
      await expect
        .poll(async () => (await readPanel(page)).basis + "|" + (await readPanel(page)).status, {
          timeout: 120_000,
        })
        .toBe("as-of|undefined");
      const shown = await readPanel(page);
      expect(shown.note).toMatch(/^As known on the day \(the figures of dtm-flow report --as-of\)/);
      expect(
        await page
          .locator('#situation input[value="as-of"]')
          .evaluate((e) => e.parentElement!.textContent),
      ).toContain(`As known on ${date === "2018-12-03" ? "3 Dec 2018" : "15 Nov 2018"}`);

      // The library's as-of replay of the day, computed here: the same figures to the last digit.
      const lib = computeAsOfDay(dataset, date).situation!;
      expect(
        shown.headlines.map(({ category, value, valueLow, valueHigh }) => ({
          category,
          value,
          valueLow,
          valueHigh,
        })),
        `${date} panel vs library as of the day`,
      ).toEqual(
        lib.headlines.map(({ category, value, valueLow, valueHigh }) => ({
          category,
          value,
          valueLow,
          valueHigh,
        })),
      );
      // The departed headline's method, the library's words as of the day.
      const method = lib.headlines.find((h) => h.category === "departed")?.method?.en;
      expect(shown.headlines.find((h) => h.category === "departed")?.method).toBe(
        `Method: ${method}.`,
      );

      // report --as-of: the headline table, as written (text), and the places by status.
      const md = reports.get(date)!;
      const reported = reportedHeadlines(md);
      expect(reported.length, date).toBeGreaterThan(3);
      expect(shownHeadlines(shown), `${date} panel text vs report --as-of`).toEqual(reported);
      expect(shown.places, `${date} places by status vs report --as-of`).toEqual(
        reportedPlaces(md),
      );

      // The split readout follows the switch: the as-of categories of the day.
      expect(shown.readoutBasis).toBe("as-of");
      for (const h of shown.headlines.filter((x) => x.category !== "departed"))
        expect(shown.readout[h.category], `${date} ${h.category} readout`).toBe(h.value);
      if (date === "2018-12-03")
        await page.screenshot({ path: join(SHOTS, "viewer-situation-as-of.png"), fullPage: true });
    }

    // A selected group's details (its size and km of the day, from all the data) say they are
    // with hindsight while the switch is on "as known", and a border point's too (review23a M1).
    const pointId = await page.evaluate(
      () =>
        (window as unknown as { dtmViewer: { replay: { flows: { id: string }[] } } }).dtmViewer
          .replay.flows[0]!.id,
    );
    for (const selection of [
      { kind: "group", id: "Honduran caravan 1" },
      { kind: "place", id: pointId },
    ]) {
      await setViewerState(page, { selection });
      await expect
        .poll(() => page.locator('#details .hindsight-badge[data-for="details"]').textContent())
        .toMatch(/^With hindsight/);
    }

    // In Spanish the switch and its note are Spanish; the figures stay the library's.
    await setViewerState(page, { lang: "es" });
    await expect
      .poll(() => page.locator("#situation fieldset.situation-switch").textContent())
      .toContain("Como se sabía el 15 nov 2018");
    expect((await readPanel(page)).note).toMatch(/^Como se sabía ese día/);

    // Back to hindsight: the hindsight figures and label again.
    await page.locator('#situation input[value="hindsight"]').check();
    await expect.poll(async () => (await readPanel(page)).basis).toBe("hindsight");
    expect((await readPanel(page)).readoutBasis).toBe("hindsight");
    await expect.poll(() => page.locator("#details .hindsight-badge").count()).toBe(0);
    expect(await page.locator("#details .close").count()).toBe(1);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
