/**
 * An analyst's own corridor without her route, in real Chromium: the Gulf sightings and their
 * places (tests/fixtures/tryout23) lie mostly over 60 km from every 2018 route. `dtm-flow
 * estimate` without --route refuses them (exit 2) in one sentence; the viewer says the same
 * facts (the library's `farFromRoutesText`, in English and Spanish) ending in its own way to give
 * a route (a route file loaded with the reports, not --route) and draws nothing from them: the
 * 2018 replay stays.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createGazetteer,
  embedded2018,
  farFromRoutesText,
  importTable,
  reportsFarFromRoutes,
} from "../../src/index.ts";
import type { Place, Sighting } from "../../src/index.ts";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";

const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", "tryout23", name);
const SIGHTINGS = fixture("avistamientos-golfo.csv");
const PLACES = fixture("lugares-golfo.csv");
const execFileAsync = promisify(execFile);

describe.skipIf(!hasBrowser)("reports far from every route, no route given, in Chromium", () => {
  const viewer = useViewerSession();
  const sentence: Record<"en" | "es", string> = { en: "", es: "" };
  let cliErr = "";
  let cliSentence = "";
  const out = mkdtempSync(join(tmpdir(), "dtm-far-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  beforeAll(async () => {
    const run = execFileAsync(
      process.execPath,
      [
        resolve("bin/dtm-flow.js"),
        "estimate",
        "--sightings",
        SIGHTINGS,
        "--places",
        PLACES,
        "--out",
        join(out, "o"),
      ],
      { env: { ...process.env, TZ: "UTC" } },
    );
    const failed = await run.then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    cliErr = failed!.stderr;
    // The same reports as the library reads them (the files' places before the embedded ones).
    const dataset = embedded2018();
    const read = (file: string, kind: "places" | "sightings", places: readonly Place[]) =>
      importTable(readFileSync(file, "utf8"), {
        kind,
        fileName: file,
        gazetteer: createGazetteer([...places, ...dataset.places]),
      }).records;
    const places = read(PLACES, "places", []) as Place[];
    const sightings = read(SIGHTINGS, "sightings", places) as Sighting[];
    const far = reportsFarFromRoutes(sightings, dataset.routes)!;
    for (const lang of ["en", "es"] as const)
      sentence[lang] = farFromRoutesText(far, { via: "viewer" }, lang);
    cliSentence = farFromRoutesText(far);
  }, 120_000);

  for (const lang of ["en", "es"] as const) {
    it(`says the refusal in the viewer's words (${lang}) and keeps the 2018 replay`, async () => {
      // The CLI's stderr line is the library's sentence after the file's name.
      expect(cliErr).toContain(cliSentence);
      const { page, watch } = await open2018(viewer, { hash: `lang=${lang}` });
      await settle(page, () => page.setInputFiles("#analyst-input", [PLACES, SIGHTINGS]));
      await expect.poll(() => page.locator("#status").textContent()).toContain(sentence[lang]);
      expect(await page.locator("#map").getAttribute("data-provider")).toBe("embedded-2018");
      expect(sentence[lang]).toMatch(
        lang === "en" ? /most reports lie far from the routes/ : /lejos de las rutas/,
      );
      // The viewer's own way to give a route: no --route, which the browser has not.
      const status = (await page.locator("#status").textContent()) ?? "";
      expect(status).toMatch(
        lang === "en"
          ? /: load your route file \(GeoJSON\) with the reports\./
          : /: cargue su archivo de ruta \(GeoJSON\) junto con los reportes\./,
      );
      expect(status).not.toContain("--route");
      expect(watch.errors).toEqual([]);
      await page.close();
    }, 240_000);
  }
});
