/**
 * After an analyst's correction the forecast panel and the analyst's table exports are of the
 * corrected data (issue 14: one state every view reads): in real Chromium, with S050 rejected,
 * the panel's arrivals as of 17 Nov 2018 are those of `dtm-flow forecast --as-of 2018-11-17
 * --corrections fix.json` (and differ from the forecast without it), and the split.csv and
 * tracks.csv the analyst downloads are, byte for byte, those of `dtm-flow ledger --corrections`
 * and `dtm-flow estimate --corrections`, named "corrected".
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
import { goToDay } from "./situationPanel.ts";

// Rejecting S050 (a national figure with no place, data/corrections/example-2018.json) changes
// the forecast as of 17 Nov 2018: Honduran caravan 1's people and its Tijuana date.
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

/** forecast.csv's rows by "group|place" (a CSV without quoted commas: the 2018 names have none). */
function forecastRows(text: string): Map<string, Record<string, string>> {
  const [head, ...lines] = text
    .replace(/^\ufeff/, "")
    .trim()
    .split(/\r?\n/);
  const columns = head!.split(",");
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines) {
    const cells = line.split(",");
    expect(cells.length).toBe(columns.length);
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
    if (row.status === "ahead" || row.status === "most_passed")
      rows.set(`${row.group}|${row.place_name}`, row);
  }
  return rows;
}

/** The panel's rows: group, place, the median person's and the head's p50 date, people p50. */
const panelRows = (page: Page) =>
  page.locator("#forecast tr[data-place][data-group]").evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = tr.querySelectorAll("td");
      return {
        key: `${tr.getAttribute("data-group")}|${tr.getAttribute("data-place")}`,
        p50: tr.querySelector("td[data-date]")?.getAttribute("data-date") ?? "",
        head: tr.querySelector("td[data-head-date]")?.getAttribute("data-head-date") ?? "",
        people: cells[2]?.hasAttribute("data-people")
          ? ""
          : (cells[2]?.textContent ?? "").replace(/\D/g, ""),
      };
    }),
  );

describe.skipIf(!hasBrowser)("the corrected forecast and exports read the corrected data", () => {
  const viewer = useViewerSession();
  let dir: string;
  let corrected: Map<string, Record<string, string>>;
  let plain: Map<string, Record<string, string>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dtm-corrected-forecast-"));
    writeFileSync(join(dir, "fix.json"), JSON.stringify(REJECT));
    const cli = async (args: string[]) => expect(await run(args, capture(dir).context)).toBe(0);
    await cli(["forecast", "--as-of", DATE, "--corrections", "fix.json", "--out", "fc"]);
    await cli(["forecast", "--as-of", DATE, "--out", "plain"]);
    await cli(["ledger", "--corrections", "fix.json", "--out", "ledger"]);
    await cli(["estimate", "--corrections", "fix.json", "--out", "estimate"]);
    corrected = forecastRows(readFileSync(join(dir, "fc", "forecast.csv"), "utf8"));
    plain = forecastRows(readFileSync(join(dir, "plain", "forecast.csv"), "utf8"));
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("after a correction: the forecast panel equals forecast --corrections, the tables ledger and estimate --corrections", async () => {
    const { page, watch } = await open2018(viewer, { hash: "t=10.5&lang=en", locale: "en-GB" });
    await page.waitForFunction(() => (window as W).dtmEvidence?.result !== undefined, undefined, {
      timeout: 180_000,
    });
    await page.evaluate((file) => void (window as W).dtmEvidence!.setCorrections(file), REJECT);
    await page.waitForFunction(
      () => (window as W).dtmEvidence?.result?.applied.length === 1,
      undefined,
      { timeout: 180_000 },
    );
    await page.waitForSelector('#map[data-provider="corrected"]', { timeout: 60_000 });
    await goToDay(page, DATE);

    // ── the forecast panel: the corrected forecast, said so ──
    await page.waitForFunction(
      () =>
        /17 Nov 2018/.test(
          document.querySelector('#forecast [data-status="ready"]')?.textContent ?? "",
        ),
      undefined,
      { timeout: 180_000 },
    );
    expect(await page.locator('#forecast [data-status="corrected"]').textContent()).toMatch(
      /^With your corrections \(evidence panel\): the forecast of dtm-flow forecast --corrections/,
    );
    expect(await page.locator('#forecast [data-status="uncorrected"]').count()).toBe(0);
    const shown = await panelRows(page);
    expect(shown.length).toBeGreaterThan(5);
    for (const row of shown) {
      const cli = corrected.get(row.key);
      expect(cli, row.key).toBeDefined();
      expect({ key: row.key, p50: row.p50, head: row.head, people: row.people }).toEqual({
        key: row.key,
        p50: cli!.arrival_p50,
        head: cli!.head_arrival_p50,
        people: cli!.people_p50,
      });
    }
    // The correction reached the forecast: some row differs from the forecast without it.
    const differs = shown.filter((row) => {
      const p = plain.get(row.key);
      return !p || p.arrival_p50 !== row.p50 || p.people_p50 !== row.people;
    });
    expect(differs.length).toBeGreaterThan(0);
    // Cones are drawn from the corrected forecast as well.
    expect(await page.locator("#map-overlay g.forecast-cones g.cone").count()).toBeGreaterThan(0);

    // ── the analyst's tables: of the corrected replay, named so ──
    await page.evaluate(
      () => ((document.querySelector("#export-tables") as HTMLDetailsElement).open = true),
    );
    for (const [table, file] of [
      ["split.csv", join(dir, "ledger", "split.csv")],
      ["tracks.csv", join(dir, "estimate", "tracks.csv")],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        page.click(`button[data-table="${table}"]`),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^dtm-flow-corrected-\\d{4}-\\d\\d-\\d\\d-to-\\d{4}-\\d\\d-\\d\\d-${table}$`),
      );
      const got = readFileSync((await download.path())!, "utf8");
      expect(got === readFileSync(file, "utf8"), `${table} = the CLI's`).toBe(true);
    }
    await expect
      .poll(() => page.locator("#analyst-status").textContent())
      .toMatch(/^Table of the estimate with your corrections/);
    // The input tables are as read: the rejected report is still there (the same corrections
    // file fits them again), and the status line says so.
    const [inputs] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.click(`button[data-table="sightings.csv"]`),
    ]);
    expect(readFileSync((await inputs.path())!, "utf8")).toMatch(/\bS050\b/);
    await expect
      .poll(() => page.locator("#analyst-status").textContent())
      .toMatch(/^Input table as read, without your corrections/);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  }, 480_000);
});
