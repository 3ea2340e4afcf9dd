/**
 * After an analyst's correction the map draws the corrected replay from the library's state and
 * ledger (issue 14: one state every view reads): in real Chromium, the situation panel is there
 * and its figures, places and presence panels equal `dtm-flow report --hindsight --corrections`
 * for the same file and day, and they differ from the uncorrected map's; switched to "As known on
 * the day", the panel equals `dtm-flow report --as-of --corrections`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import type { CorrectionsFile } from "../../src/index.ts";
import { capture } from "../cli/capture.ts";
import { hasBrowser, open2018, useViewerSession } from "./harness.ts";
import {
  goToDay,
  markdownTable,
  num,
  readPanel,
  reportedHeadlines,
  reportedPlaces,
  shownHeadlines,
} from "./situationPanel.ts";

// Rejecting S050 (a national figure with no place, data/corrections/example-2018.json) changes
// the people the estimate holds at Tijuana on 17 Nov 2018.
const DATE = "2018-11-17";
const REJECT: CorrectionsFile = {
  version: 1,
  corrections: [{ kind: "reject", sightingId: "S050" }],
};

type W = Window & {
  dtmEvidence?: {
    result?: { applied: unknown[] };
    setCorrections(file: CorrectionsFile): Promise<unknown>;
  };
};

/** The presence panels' figure of the day, by place (the small multiples' data-value). */
const presence = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>("#multiples > div[data-place]")].map((e) => [
        e.dataset.place!,
        Number(e.querySelector('[data-role="figure"]')?.getAttribute("data-value") ?? NaN),
      ]),
    ),
  );

const positive = (figures: Record<string, number>) =>
  Object.fromEntries(Object.entries(figures).filter(([, v]) => v > 0));

describe.skipIf(!hasBrowser)("the corrected map reads the library's corrected state", () => {
  const viewer = useViewerSession();
  let dir: string;
  let md: string;
  /** `report --as-of DATE` (as known on the day) with and without the correction. */
  let asOfMd: string;
  let plainAsOfMd: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dtm-corrected-map-"));
    writeFileSync(join(dir, "fix.json"), JSON.stringify(REJECT));
    // The viewer's situation panel is the hindsight replay: `report --hindsight` is its file.
    const args = ["report", "--as-of", DATE, "--hindsight", "--corrections", "fix.json"];
    expect(await run([...args, "--out", "out"], capture(dir).context)).toBe(0);
    md = readFileSync(join(dir, "out", "situation-update.md"), "utf8");
    const asOf = ["report", "--as-of", DATE];
    expect(
      await run([...asOf, "--corrections", "fix.json", "--out", "as-of"], capture(dir).context),
    ).toBe(0);
    asOfMd = readFileSync(join(dir, "as-of", "situation-update.md"), "utf8");
    expect(await run([...asOf, "--out", "plain"], capture(dir).context)).toBe(0);
    plainAsOfMd = readFileSync(join(dir, "plain", "situation-update.md"), "utf8");
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("after a correction: the situation panel is present and it and the presence panels equal report --corrections for the day", async () => {
    const { page, watch } = await open2018(viewer, { hash: "t=10.5&lang=en", locale: "en-GB" });
    await page.waitForFunction(() => (window as W).dtmEvidence?.result !== undefined, undefined, {
      timeout: 180_000,
    });
    await goToDay(page, DATE);
    const before = positive(await presence(page));

    await page.evaluate((file) => void (window as W).dtmEvidence!.setCorrections(file), REJECT);
    await page.waitForFunction(
      () => (window as W).dtmEvidence?.result?.applied.length === 1,
      undefined,
      {
        timeout: 180_000,
      },
    );
    await page.waitForSelector('#map[data-provider="corrected"]', { timeout: 60_000 });
    await goToDay(page, DATE);

    const shown = await readPanel(page);
    expect(shown.headlines.length).toBeGreaterThan(3);
    expect(shownHeadlines(shown)).toEqual(reportedHeadlines(md));
    expect(shown.places).toEqual(reportedPlaces(md));
    // The presence panels "on the date" of the report = the corrected map's.
    const reported = Object.fromEntries(
      markdownTable(md, "People present per place")
        .map(([place, today]) => [place!, num((today ?? "").split(" (")[0])] as const)
        .filter(([, today]) => today > 0),
    );
    const after = positive(await presence(page));
    expect(after).toEqual(reported);
    expect(after.Tijuana).toBeGreaterThan(0);
    // The correction reached the panels: Tijuana's people differ from the uncorrected map's.
    expect(after.Tijuana).not.toBe(before.Tijuana);

    // "As known on the day": the figures of `report --as-of DATE --corrections`, not the
    // uncorrected data's (which `report --as-of DATE` alone gives, and differ).
    await page.locator('#situation input[value="as-of"]').check();
    await expect
      .poll(async () => (await readPanel(page)).basis + "|" + (await readPanel(page)).status, {
        timeout: 180_000,
      })
      .toBe("as-of|undefined");
    const asOf = await readPanel(page);
    expect(asOf.note).toMatch(/^As known on the day \(the figures of dtm-flow report --as-of\)/);
    expect(reportedHeadlines(asOfMd)).not.toEqual(reportedHeadlines(plainAsOfMd));
    expect(shownHeadlines(asOf)).toEqual(reportedHeadlines(asOfMd));
    expect(asOf.places).toEqual(reportedPlaces(asOfMd));

    // The forecast panel and the analyst's tables of the corrected replay: corrected-forecast.test.ts.
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
