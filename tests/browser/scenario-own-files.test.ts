/**
 * tryout23 MED 8: with the analyst's own route and places on screen, the Scenarios panel says
 * plainly that it runs on the 2018 corridor only (and how to run the scenario on one's own route),
 * and its validation errors are in Spanish in the Spanish viewer, with the place in the form in
 * words instead of a raw JSON pointer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout23");
const FILES = [
  "lugares-golfo.csv",
  "ruta-piedras-negras-linea.geojson",
  "avistamientos-golfo.csv",
].map((f) => join(FIXTURES, f));
const SCENARIO = JSON.parse(readFileSync(join(FIXTURES, "escenario-coahuila.json"), "utf8"));

describe.skipIf(!hasBrowser)("Scenarios panel with the analyst's own files on screen", () => {
  const viewer = useViewerSession();

  it("says it knows only the 2018 corridor, and says its errors in Spanish", async () => {
    const { page, watch } = await open2018(viewer, { hash: "lang=es", locale: "es-MX" });
    // On the 2018 data the note is not shown.
    await page.getByRole("button", { name: "Escenarios" }).click();
    await page.waitForFunction(() => (window as unknown as { dtmScenario?: unknown }).dtmScenario);
    expect(await page.locator("#scenario-corridor-note").isHidden()).toBe(true);

    await settle(page, () => page.setInputFiles("#analyst-input", FILES));
    await page.waitForSelector('#map[data-provider="analyst-files"]', { timeout: 120_000 });
    await page.evaluate(
      (i) =>
        (window as unknown as { dtmScenario: { setInput(i: unknown): void } }).dtmScenario.setInput(
          i,
        ),
      SCENARIO,
    );
    await page.locator("#scenario-run").click();
    await page.waitForSelector('#scenario-status[data-status="invalid"]', { timeout: 120_000 });

    const note = page.locator("#scenario-corridor-note");
    expect(await note.isVisible()).toBe(true);
    const noteText = (await note.textContent()) ?? "";
    expect(noteText).toMatch(/solo sobre el corredor de 2018/);
    expect(noteText).toMatch(/rutas: piedras/);
    expect(noteText).toMatch(
      /dtm-flow scenario escenario\.json --route ruta\.geojson --places lugares\.csv/,
    );

    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("#scenario-errors li, .field-error:not([hidden])")]
        .map((e) => e.textContent ?? "")
        .filter(Boolean),
    );
    const all = shown.join("\n");
    // The library's Spanish sentences (src/scenario/errorSentences.ts); the note above says why.
    expect(all).toMatch(/ruta desconocida "piedras"; rutas: /);
    expect(all).toMatch(/lugar desconocido "Piedras Negras"/);
    // No English sentence of the library and no raw JSON pointer is shown.
    expect(all).not.toMatch(/unknown (route|place)|did you mean/);
    expect(all).not.toMatch(/\/waves\/\d/);
    expect(watch.errors).toEqual([]);
  });
});
