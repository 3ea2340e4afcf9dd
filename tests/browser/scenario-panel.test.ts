/**
 * The viewer's scenario panel in real Chromium: opened from the toolbar (and kept in the URL), it
 * runs the Tecún Umán example in a worker with progress, then shows fan charts of people present
 * against shelter capacity and the needs table with the planning figures beside it; a negative
 * number of people is reported at the people field and nothing runs; two results sit side by
 * side; a result downloads as CSV; the texts follow the language; no console error and no
 * request to another host.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  SHOTS,
  serveBuiltViewer,
  hasBrowser,
  useViewerSession,
  waitForReplay,
  watchPage,
} from "./harness.ts";
import { shownNeed } from "../../src/index.ts";

/**
 * The row of one place in the scenario-summary.csv that `dtm-flow scenario` (run as a child
 * process, as a planner runs it) writes for the Tecún Umán example at `runs` runs.
 */
async function cliSummaryRow(runs: number, place: string): Promise<Record<string, string>> {
  const out = mkdtempSync(join(tmpdir(), "dtm-scenario-"));
  try {
    await promisify(execFile)(
      process.execPath,
      [
        resolve("bin/dtm-flow.js"),
        "scenario",
        "data/scenarios/tecun-uman-2019-01-15.json",
        "--runs",
        String(runs),
        "--out",
        out,
      ],
      { env: { ...process.env, TZ: "UTC" }, maxBuffer: 1 << 24 },
    );
    const [head, ...lines] = readFileSync(join(out, "scenario-summary.csv"), "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const columns = head!.split(",");
    const cells = lines.map((l) => l.split(",")).find((c) => c[1] === place)!;
    // The last column, peak_note, is a sentence with commas (quoted): the rest of the line.
    const last = columns.length - 1;
    return Object.fromEntries([
      ...columns.slice(0, last).map((c, i) => [c, cells[i]!]),
      [columns[last]!, cells.slice(last).join(",").replace(/^"|"$/g, "").replace(/""/g, '"')],
    ]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Records every status the panel shows (the run is fast: polling could miss "running"). */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { statuses: string[]; progress: number[] };
    w.statuses = [];
    w.progress = [];
    const status = document.getElementById("scenario-status")!;
    const bar = document.getElementById("scenario-progress") as HTMLProgressElement;
    new MutationObserver(() => {
      const s = status.dataset.status ?? "";
      if (w.statuses[w.statuses.length - 1] !== s) w.statuses.push(s);
      if (s === "running") w.progress.push(bar.value / bar.max);
    }).observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
  });
}
const statuses = (page: Page) =>
  page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);

describe.skipIf(!hasBrowser)("scenario panel in Chromium", () => {
  const viewer = useViewerSession();

  it("runs the Tecún Umán example with progress, shows fans and needs, reports a bad field, compares two results and downloads CSV", async () => {
    const page = await viewer.browser.newPage({
      viewport: { width: 1500, height: 1100 },
      locale: "en-GB",
      acceptDownloads: true,
    });
    const watch = watchPage(page, viewer.url);
    await page.goto(`${viewer.url}#lang=en`);
    await waitForReplay(page);

    // Closed at first; the toolbar button opens it (keyboard: Enter on the focused button).
    const panel = page.locator("#scenario");
    expect(await panel.isHidden()).toBe(true);
    await page.locator("#scenario-toggle").focus();
    await page.keyboard.press("Enter");
    await panel.waitFor({ state: "visible" });
    expect(await page.locator("#scenario-toggle").getAttribute("aria-expanded")).toBe("true");
    await page.waitForFunction(() => location.hash.includes("scenario=1"));
    // The form starts from the Tecún Umán example; the place picker comes from the worker.
    expect(await page.locator('input[data-pointer="/waves/0/origin"]').inputValue()).toBe(
      "Tecún Umán",
    );
    await page.waitForFunction(
      () => document.querySelectorAll("#scenario-places option").length > 10,
    );
    // The Sphere defaults are shown beside the planning fields.
    expect(
      await page
        .locator('input[data-pointer="/planning/waterLitresPerPersonPerDay"]')
        .getAttribute("placeholder"),
    ).toBe("15");
    // Every control has a label. The scenario.json input is hidden behind its button (the
    // viewer's one file picker, viewer/fileButton.ts): the button is the control, named by its text.
    const unlabelled = await page.evaluate(
      () =>
        [...document.querySelectorAll("#scenario-form input, #scenario-form select")].filter(
          (c) => !(c as HTMLInputElement).hidden && (c as HTMLInputElement).labels?.length === 0,
        ).length,
    );
    expect(unlabelled).toBe(0);
    expect(await page.locator("#scenario-file-button").innerText()).toBe("Load a scenario.json…");

    // Run with few runs: progress, then the result.
    await page.locator('input[data-pointer="/runs"]').fill("200");
    await recordStatuses(page);
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-results article[data-result="0"]', { timeout: 90_000 });
    const seen = await statuses(page);
    expect(seen).toContain("running");
    expect(seen[seen.length - 1]).toBe("done");
    const progress = await page.evaluate(
      () => (window as unknown as { progress: number[] }).progress,
    );
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(1);
    expect(await page.locator("#scenario-status").textContent()).toBe("");

    const first = page.locator('#scenario-results article[data-result="0"]');
    expect(await first.locator("h3").textContent()).toMatch(/Tecún Umán/);
    expect(await first.locator("p.muted").first().textContent()).toMatch(/^200 runs/);
    // Fan charts: a band, a median line, and the capacity line where it is known (Tapachula 1,000).
    const tapachula = first.locator('svg.fan[data-place="Tapachula"]');
    expect(await tapachula.count()).toBe(1);
    expect((await tapachula.locator("path.band").getAttribute("d"))!.length).toBeGreaterThan(50);
    expect((await tapachula.locator("path.median").getAttribute("d"))!.length).toBeGreaterThan(20);
    expect(await tapachula.locator("line.capacity").getAttribute("data-capacity")).toBe("1000");
    expect(await first.locator('svg.fan[data-place="Mexico City"]').count()).toBe(1);
    // Needs table: Tapachula reached on 16 Jan, with water, latrines, space and kits.
    const row = first.locator('table.needs tr[data-place="Tapachula"]');
    expect(await row.locator("td[data-date]").getAttribute("data-date")).toBe("2019-01-16");
    // The p50 and its p10–p90 are apart for screen readers and copied text ("16 Jan15 Jan–17 Jan").
    expect(await row.locator("td[data-date]").textContent()).toMatch(
      /^16 Jan p10–p90: \d+ \w+–\d+ \w+$/,
    );
    expect(await row.locator("td[data-peak]").textContent()).toMatch(
      /^[\d,]+ p10–p90: [\d,]+–[\d,]+/,
    );
    // A place the runs only pass through (median peak 0): no arrival date beside the 0
    // ("first arrival 16 Jan" next to "peak 0" at Frontera Hidalgo).
    for (const zero of await first.locator("table.needs tr[data-place]").all()) {
      if ((await zero.locator("td[data-peak]").getAttribute("data-peak")) !== "0") continue;
      expect(await zero.locator("td[data-date]").textContent()).toBe("none in the median run");
      expect(await zero.locator("td[data-date]").getAttribute("data-date")).toBe("");
    }
    const water = Number(await row.locator('td[data-need="water"]').textContent());
    const latrines = Number(await row.locator('td[data-need="latrines"]').textContent());
    expect(water).toBeGreaterThan(0);
    expect(latrines).toBeGreaterThan(0);
    // Water (m³/day) is people × 15 L ÷ 1000, latrines people ÷ 50 (rounded up), at the same peak.
    expect(Math.abs(latrines - Math.ceil((water * 1000) / 15 / 50))).toBeLessThanOrEqual(1);
    // The same needs as `dtm-flow scenario` writes for the same scenario, runs and seed.
    const cli = await cliSummaryRow(200, "Tapachula");
    expect(latrines).toBe(Number(cli["latrines_peak_p90"]));
    // The library's two-moded note (people present in 35–65 % of runs), as the CLI's: none
    // when the CLI has none.
    if (cli["peak_note"])
      expect(await row.locator("[data-peak-note]").textContent()).toBe(cli["peak_note"]);
    else expect(await row.locator("[data-peak-note]").count()).toBe(0);
    // The figures of the CSV rounded up to what a plan uses (0.1 m³ of water, whole m²), as the
    // CLI prints them (was 56.685 m³ and 13,226.5 m²).
    expect(water).toBe(shownNeed("waterM3PerDay", Number(cli["water_m3_day_peak_p90"])));
    expect(String(water)).toMatch(/^\d+(\.\d)?$/);
    expect(await row.locator('td[data-need="covered"]').textContent()).toBe(
      shownNeed("coveredM2", Number(cli["covered_m2_peak_p90"])).toLocaleString("en-GB"),
    );
    // The whole needs table is in view: no column behind a horizontal scroll bar (water,
    // latrines, space and kits were), and no need printed as "-0".
    // At 1280 px too, a planner's laptop.
    await page.setViewportSize({ width: 1280, height: 1000 });
    const [scroll, client] = await first
      .locator(".needs-scroll")
      .evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.setViewportSize({ width: 1500, height: 1100 });
    for (const cell of await first.locator("table.needs td[data-need]").allTextContents())
      expect(cell).toMatch(/^\d/);
    // Grouped by thousands as the CLI's summary prints them (3,715), the exact figure of the CSV.
    const kits = (await row.locator('td[data-need="kits"]').textContent())!;
    expect(kits).toBe(Number(cli["hygiene_kits_month_peak_p90"]).toLocaleString("en-GB"));
    expect(kits).toMatch(/^\d{1,3}(,\d{3})+$/);
    // The planning figures are printed beside the table.
    expect(
      await first.locator('dd[data-figure="waterLitresPerPersonPerDay"]').textContent(),
    ).toMatch(/^15 \(default\)/);
    await first.locator('svg.fan[data-place="Tapachula"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/scenario-one.png`, fullPage: true });
    await first.screenshot({ path: `${SHOTS}/scenario-result-a.png` });

    // An invalid edit: negative people. The error shows at the people field; nothing runs.
    const peopleField = page.locator('input[data-pointer="/waves/0/people"]');
    await peopleField.fill("-5");
    await recordStatuses(page);
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-status[data-status="invalid"]', { timeout: 60_000 });
    expect(await peopleField.getAttribute("aria-invalid")).toBe("true");
    const fieldBox = page.locator('[data-field="/waves/0/people"]');
    const error = fieldBox.locator(".field-error");
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/-5/);
    expect(await error.getAttribute("data-pointers")).toBe("/waves/0/people");
    // The error is tied to the field for screen readers, and the field has the focus.
    const describedBy = (await peopleField.getAttribute("aria-describedby"))!.split(" ");
    expect(describedBy).toContain(await error.getAttribute("id"));
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-pointer"))).toBe(
      "/waves/0/people",
    );
    expect(await statuses(page)).not.toContain("running");
    expect(await page.locator("#scenario-results article").count()).toBe(1);
    await fieldBox.scrollIntoViewIfNeeded();
    await page.locator(".waves").screenshot({ path: `${SHOTS}/scenario-invalid.png` });

    // A second scenario: a range of people and bigger covered space. Side by side with the first.
    await peopleField.fill("2000–3000");
    expect(await error.isHidden()).toBe(true);
    await page.locator('input[data-pointer="/name"]').fill("2,000–3,000 people, 4.5 m²");
    await page.locator('input[data-pointer="/planning/coveredM2PerPerson"]').fill("4.5");
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-results article[data-result="1"]', { timeout: 90_000 });
    expect(await page.locator("#scenario-results .scenario-columns.cols-2").count()).toBe(1);
    const second = page.locator('#scenario-results article[data-result="1"]');
    expect(await second.locator("h3").textContent()).toBe("B · 2,000–3,000 people, 4.5 m²");
    expect(await second.locator('dd[data-figure="coveredM2PerPerson"]').textContent()).toMatch(
      /^4\.5 \(changed; Sphere 2018 3\.5\)/,
    );
    // Side by side: the two columns share a row on the page.
    const [a, b] = [await first.boundingBox(), await second.boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    // Same y scale for a place across results: a smaller wave draws a lower median.
    await page.locator("#scenario-results").scrollIntoViewIfNeeded();
    await page.locator("#scenario").screenshot({ path: `${SHOTS}/scenario-two.png` });

    // CSV of the first result: one row per place and day, figures and planning figures.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      first.locator("button.csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^5-000-people-cross-at-tecun-uman.*\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    const header = lines[0]!.split(",");
    expect(header.slice(0, 6)).toEqual([
      "scenario",
      "place_id",
      "place",
      "country",
      "date",
      "capacity",
    ]);
    expect(header).toContain("present_p90");
    expect(header).toContain("water_litres_per_person_day"); // the same columns as the CLI's file
    const tap = lines.filter((l) => l.includes(",Tapachula,"));
    expect(tap.length).toBe(60); // one row a day over the 60-day horizon
    expect(tap[0]).toMatch(/,2019-01-15,1000,/);

    // Spanish: the panel's texts follow the viewer's language.
    await page.locator("#lang").click();
    await page.waitForFunction(
      () => document.getElementById("scenario-toggle")?.textContent === "Escenarios",
    );
    expect(await page.locator("#scenario-title").textContent()).toBe("Escenario de llegada");
    expect(await page.locator("#scenario-run").textContent()).toBe("Calcular escenario");
    expect(await first.locator("button.csv").textContent()).toBe("Descargar CSV");
    // Places by their Spanish names in the fans, the needs table and the place picker (they were
    // "Mexico City" in a Spanish panel); the data keep the gazetteer's name.
    const mexico = first.locator('svg.fan[data-place="Mexico City"]');
    expect(await mexico.locator("text.name").textContent()).toBe("Ciudad de México");
    expect(await mexico.getAttribute("aria-label")).toMatch(/^Ciudad de México: /);
    expect(await first.locator('table.needs tr[data-place="Mexico City"] th').textContent()).toBe(
      "Ciudad de México",
    );
    expect(
      await page.locator('#scenario-places option[value="Mexico City"]').getAttribute("label"),
    ).toBe("Ciudad de México");

    // Closing it clears the URL key; the toggle gets the focus back.
    await page.locator(".scenario-close").click();
    expect(await panel.isHidden()).toBe(true);
    await page.waitForFunction(() => !location.hash.includes("scenario=1"));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("scenario-toggle");

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  }, 240_000);

  it("opens from a shared link (scenario=1) and loads a user's scenario.json", async () => {
    const page = await viewer.browser.newPage({
      viewport: { width: 1300, height: 900 },
      locale: "en-GB",
    });
    const watch = watchPage(page, viewer.url);
    await page.goto(`${viewer.url}#lang=en&scenario=1`);
    await page.locator("#scenario").waitFor({ state: "visible" });
    const json = JSON.stringify({
      name: "Mine",
      waves: [{ origin: "Ciudad Hidalgo", date: "2019-03-01", people: { min: 800, max: 1200 } }],
      runs: 50,
      horizonDays: 30,
    });
    await page.locator("#scenario-file").setInputFiles({
      name: "scenario.json",
      mimeType: "application/json",
      buffer: Buffer.from(json),
    });
    await page.waitForSelector('#scenario-status[data-status="loaded"]');
    expect(await page.locator('input[data-pointer="/name"]').inputValue()).toBe("Mine");
    expect(await page.locator('input[data-pointer="/waves/0/people"]').inputValue()).toBe(
      "800–1200",
    );
    // A file that is not JSON is refused with the parser's message; the form is kept.
    await page.locator("#scenario-file").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from("{ not json"),
    });
    await page.waitForSelector('#scenario-status[data-status="badJson"]');
    expect(await page.locator('input[data-pointer="/name"]').inputValue()).toBe("Mine");
    // An unknown place is reported at the origin field with suggestions.
    await page.locator('input[data-pointer="/waves/0/origin"]').fill("Tapachla");
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-status[data-status="invalid"]', { timeout: 60_000 });
    expect(await page.locator('[data-field="/waves/0/origin"] .field-error').textContent()).toMatch(
      /Tapachula/,
    );
    await page.locator('input[data-pointer="/waves/0/origin"]').fill("Ciudad Hidalgo");
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-results article[data-result="0"]', { timeout: 90_000 });
    expect(await page.locator("#scenario-results article h3").textContent()).toBe("A · Mine");
    // Beyond the limits: refused at the field with the CLI's sentence, and nothing runs.
    await page.locator('input[data-pointer="/runs"]').fill("20000");
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-status[data-status="invalid"]', { timeout: 60_000 });
    expect(await page.locator('[data-field="/runs"] .field-error').textContent()).toBe(
      "runs are limited to 10,000, got 20,000; beyond 1,000 runs the p10/p50/p90 barely change",
    );
    // A long run can be cancelled: the worker stops, no result is added, the next run works.
    await page.locator('input[data-pointer="/runs"]').fill("10000");
    await page.locator('input[data-pointer="/horizonDays"]').fill("120");
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-status[data-status="running"]', { timeout: 60_000 });
    expect(await page.locator("#scenario-run").isDisabled()).toBe(true);
    await page.locator("#scenario-cancel").click();
    expect(await page.locator("#scenario-status").getAttribute("data-status")).toBe("idle");
    expect(await page.locator("#scenario-cancel").isHidden()).toBe(true);
    await page.locator('input[data-pointer="/runs"]').fill("30");
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-results article[data-result="1"]', { timeout: 90_000 });
    expect(await page.locator("#scenario-results article").count()).toBe(2);

    // A planner's file with a date written day/month: the date field shows it as written (a date
    // input would show it blank), the problem is said beside it and in the status, nothing runs.
    await page.locator("#scenario-file").setInputFiles({
      name: "fecha.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        JSON.stringify({
          name: "Fecha",
          waves: [{ origin: "Tecún Umán", date: "15/01/2019", people: 5000 }],
          runs: 50,
        }),
      ),
    });
    await page.waitForSelector('#scenario-status[data-status="loaded"]');
    const date = page.locator('input[data-pointer="/waves/0/date"]');
    expect(await date.inputValue()).toBe("15/01/2019");
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-status[data-status="invalid"]', { timeout: 60_000 });
    expect(await page.locator('[data-field="/waves/0/date"] .field-error').textContent()).toMatch(
      /got "15\/01\/2019"; use "2019-01-15"/,
    );
    expect(await page.locator("#scenario-status").textContent()).toBe(
      "1 problem in the scenario, shown at its field; nothing was run.",
    );
    expect(await page.locator("#scenario-results article").count()).toBe(2);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  }, 180_000);

  it("works in the built static site under its strict Content-Security-Policy (worker, stylesheet)", async () => {
    const site = await serveBuiltViewer();
    try {
      const page = await viewer.browser.newPage({ viewport: { width: 1300, height: 900 } });
      const watch = watchPage(page, site.url);
      await page.goto(`${site.url}#lang=es&theme=dark&scenario=1`);
      await page.locator("#scenario").waitFor({ state: "visible" });
      expect(await page.locator("#scenario-toggle").textContent()).toBe("Escenarios");
      await page.locator('input[data-pointer="/runs"]').fill("50");
      await page.locator("#scenario-run").click();
      await page.waitForSelector('#scenario-results article[data-result="0"] svg.fan', {
        timeout: 90_000,
      });
      // The panel's stylesheet applies (bundled CSS, not an inline <style>).
      const grid = await page
        .locator("#scenario .scenario-body")
        .evaluate((el) => getComputedStyle(el).display);
      expect(grid).toBe("grid");
      await page.locator("#scenario").screenshot({ path: `${SHOTS}/scenario-built-dark-es.png` });
      expect(watch.errors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await page.close();
    } finally {
      await site.close();
    }
  }, 300_000);
});
