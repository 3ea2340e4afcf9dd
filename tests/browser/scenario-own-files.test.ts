/**
 * tryout23 MED 8: with the analyst's own route and places on screen, the Scenarios panel runs on
 * them — the dataset on screen, through the same library calls as `dtm-flow scenario … --route
 * … --places …` — and gives the command's figures; it says so in a note, its pickers offer the
 * own route, and its validation errors are in Spanish in the Spanish viewer, with the place in
 * the form in words instead of a raw JSON pointer.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout23");
const PLACES = join(FIXTURES, "lugares-golfo.csv");
const ROUTE = join(FIXTURES, "ruta-piedras-negras-linea.geojson");
const FILES = [PLACES, ROUTE, join(FIXTURES, "avistamientos-golfo.csv")];
const SCENARIO_FILE = join(FIXTURES, "escenario-coahuila.json");
const RUNS = 60;
const SCENARIO = { ...JSON.parse(readFileSync(SCENARIO_FILE, "utf8")), runs: RUNS };

/** Peak people (p10/p50/p90) by place id, as scenario-summary.csv of `dtm-flow scenario` has them. */
async function cliPeaks(out: string): Promise<Record<string, number[]>> {
  await promisify(execFile)(
    process.execPath,
    [
      resolve("bin/dtm-flow.js"),
      "scenario",
      SCENARIO_FILE,
      "--route",
      ROUTE,
      "--places",
      PLACES,
      "--runs",
      String(RUNS),
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
  const at = (name: string) => columns.indexOf(name);
  return Object.fromEntries(
    lines.map((l) => {
      const c = l.split(",");
      const peak = ["peak_present_p10", "peak_present_p50", "peak_present_p90"];
      return [c[at("place_id")]!, peak.map((p) => Number(c[at(p)]))];
    }),
  );
}

const setInput = (page: Page, input: unknown) =>
  page.evaluate(
    (i) =>
      (window as unknown as { dtmScenario: { setInput(i: unknown): void } }).dtmScenario.setInput(
        i,
      ),
    input,
  );

describe.skipIf(!hasBrowser)("Scenarios panel with the analyst's own files on screen", () => {
  const viewer = useViewerSession();
  const out = mkdtempSync(join(tmpdir(), "dtm-scenario-own-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("runs on the own route and places as dtm-flow scenario --route --places does; errors in Spanish", async () => {
    const cli = await cliPeaks(out);
    const { page, watch } = await open2018(viewer, { hash: "lang=es", locale: "es-MX" });
    // On the 2018 data the note is not shown.
    await page.getByRole("button", { name: "Escenarios" }).click();
    await page.waitForFunction(() => (window as unknown as { dtmScenario?: unknown }).dtmScenario);
    expect(await page.locator("#scenario-corridor-note").isHidden()).toBe(true);

    await settle(page, () => page.setInputFiles("#analyst-input", FILES));
    await page.waitForSelector('#map[data-provider="analyst-files"]', { timeout: 120_000 });
    await setInput(page, SCENARIO);
    // The route picker offers the own route (the pickers follow the replay on screen).
    const routeOptions = () =>
      page
        .locator("#scenario-route option")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await expect.poll(routeOptions, { timeout: 60_000 }).toEqual(["piedras"]);
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-status[data-status="done"]', {
      state: "attached",
      timeout: 180_000,
    });
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        (
          window as unknown as {
            dtmScenario: {
              results: {
                places: {
                  placeId: string;
                  peakPeople: { p10: number; p50: number; p90: number };
                }[];
              }[];
            };
          }
        ).dtmScenario.results[0]!.places.map((p) => [
          p.placeId,
          [p.peakPeople.p10, p.peakPeople.p50, p.peakPeople.p90],
        ]),
      ),
    );
    expect(Object.keys(shown)).toContain("MX-PNE");
    expect(shown, "panel vs dtm-flow scenario --route --places").toEqual(cli);
    expect(shown["MX-PNE"]![1]).toBeGreaterThan(0);

    const note = page.locator("#scenario-corridor-note");
    expect(await note.isVisible()).toBe(true);
    const noteText = (await note.textContent()) ?? "";
    expect(noteText).toMatch(/sobre sus archivos en pantalla: sus rutas \(piedras\)/);
    expect(noteText).toMatch(
      /dtm-flow scenario escenario\.json --route ruta\.geojson --places lugares\.csv/,
    );

    // A route and a place the files do not have: said in Spanish by the library's sentences
    // (src/scenario/errorSentences.ts, from each error's code), no raw JSON pointer.
    const bad = structuredClone(SCENARIO);
    bad.waves[0].route[0].routeId = "main";
    bad.shelters[0].place = "Piedras Negritas";
    await setInput(page, bad);
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-status[data-status="invalid"]', { timeout: 120_000 });
    const all = (
      await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            "#scenario-errors li, .field-error:not([hidden])",
          ),
        ]
          .map((e) => e.textContent ?? "")
          .filter(Boolean),
      )
    ).join("\n");
    expect(all).toMatch(/ruta desconocida "main"; rutas: piedras/);
    expect(all).toMatch(/lugar desconocido "Piedras Negritas"; ¿quiso decir "Piedras Negras"/);
    expect(all).not.toMatch(/unknown (route|place)|did you mean/);
    expect(all).not.toMatch(/\/waves\/\d/);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }, 400_000);
});
