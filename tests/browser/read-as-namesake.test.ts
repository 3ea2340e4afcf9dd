/**
 * "Read as" and the same-name rule (review23a H1): dtm-flow's own tracks.csv, read as sightings on
 * the analyst's word, then a new export of the same name. The new version is read as the kind said
 * for its name (as the column fixes are carried), weighed against the earlier one once it can be
 * used, and replaces it: one version in the replay, its rows counted once.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const TRACKS = join(import.meta.dirname, "..", "fixtures", "tryout22", "tracks.csv");

describe.skipIf(!hasBrowser)("a new version of a file read as another kind, in Chromium", () => {
  const viewer = useViewerSession();
  const dir = mkdtempSync(join(tmpdir(), "dtm-read-as-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The new export: the same file's first 4 rows (same kind, places, days and sources).
  const v2 = join(dir, "tracks.csv");
  writeFileSync(v2, readFileSync(TRACKS, "utf8").split("\n").slice(0, 5).join("\n") + "\n");

  it("replaces the earlier version: one tracks.csv in the replay, read as sightings", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=en" });
    await settle(page, () => page.setInputFiles("#analyst-input", TRACKS));
    const items = page.locator("#analyst-files li");
    expect(await items.last().getAttribute("data-status")).toBe("unusable");
    await settle(page, () => items.last().locator("select.read-as").selectOption("sightings"));
    expect(await items.last().getAttribute("data-status")).toBe("used");
    expect(await items.last().getAttribute("data-accepted")).toBe("5");

    await settle(page, () => page.setInputFiles("#analyst-input", v2));
    // The kind said for the name is said for its new version, which then replaces the earlier one.
    expect(await items.count()).toBe(1);
    const only = items.first();
    expect(await only.getAttribute("data-status")).toBe("used");
    expect(await only.getAttribute("data-accepted")).toBe("4");
    expect(await only.locator("p.read-as").getAttribute("data-kind-chosen")).toBe("sightings");
    expect(await only.innerText()).not.toContain("this one cannot be used");
    const replayName = await page.evaluate(
      () =>
        (window as unknown as { dtmViewer: { replay: { name: string } } }).dtmViewer.replay.name,
    );
    expect(replayName).toBe("tracks.csv");
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 200_000);

  it("weighs a namesake again when it is read as another kind later: the earlier version leaves", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=en" });
    const items = page.locator("#analyst-files li");
    // Both dropped before the analyst says what they hold: both refused, both listed.
    await settle(page, () => page.setInputFiles("#analyst-input", TRACKS));
    await settle(page, () => page.setInputFiles("#analyst-input", v2));
    expect(await items.count()).toBe(2);
    await settle(page, () => items.first().locator("select.read-as").selectOption("sightings"));
    expect(await items.first().getAttribute("data-status")).toBe("used");
    // The new version read as sightings too: now it can be used, it meets the earlier one again.
    await settle(page, () => items.last().locator("select.read-as").selectOption("sightings"));
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute("data-accepted")).toBe("4");
    expect(await items.first().innerText()).not.toContain("this one cannot be used");
    const replayName = await page.evaluate(
      () =>
        (window as unknown as { dtmViewer: { replay: { name: string } } }).dtmViewer.replay.name,
    );
    expect(replayName).toBe("tracks.csv");
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 200_000);

  it("the kind said can be taken back: read as its header says, refused again (review23a L4)", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=en" });
    const items = page.locator("#analyst-files li");
    await settle(page, () => page.setInputFiles("#analyst-input", TRACKS));
    await settle(page, () => items.last().locator("select.read-as").selectOption("sightings"));
    expect(await items.last().getAttribute("data-status")).toBe("used");
    const back = items.last().locator('select.read-as option[value=""]');
    expect(await back.textContent()).toBe("as its header says (dtm-flow's own output: refused)");
    await settle(page, () => items.last().locator("select.read-as").selectOption(""));
    expect(await items.count()).toBe(1);
    expect(await items.last().getAttribute("data-status")).toBe("unusable");
    expect(await items.last().locator('.fatal[data-code="own_output"]').count()).toBe(1);
    expect(await items.last().locator("p.read-as").getAttribute("data-kind-chosen")).toBe("");
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 200_000);
});
