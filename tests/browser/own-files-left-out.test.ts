/**
 * "Your own files" with a rejected row: the situation panel's "Data quality" says the rows the
 * files' import rejected, in the words `dtm-flow report` writes in situation-update.md on the
 * same files (the library's `leftOutOfFiles` of the import reports, `situationWords().leftOut`),
 * in English and in Spanish (a child process here).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";
import { goToDay, setViewerState } from "./situationPanel.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout22");
const DAY = "2018-11-06";
const execFileAsync = promisify(execFile);

/** `dtm-flow report` on the files; exit 1 (rows rejected) is what it should say. */
async function report(args: string[]): Promise<number> {
  try {
    await execFileAsync(process.execPath, [resolve("bin/dtm-flow.js"), "report", ...args], {
      env: { ...process.env, TZ: "UTC" },
      maxBuffer: 1 << 24,
    });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

/** The line of situation-update.md's Data quality that names the input files. */
function leftOutLine(md: string, words: RegExp): string {
  const line = md.split("\n").find((l) => words.test(l));
  return (line ?? "").replace(/^- /, "").replace(/\\(.)/g, "$1");
}

const panelLine = (page: Page) =>
  page.evaluate(() => document.querySelector("#situation li.left-out")?.textContent ?? "");

describe.skipIf(!hasBrowser)("Your own files: rows rejected in the files, in Data quality", () => {
  const viewer = useViewerSession();
  let dir: string;
  let files: string[];
  const md: Record<"en" | "es", string> = { en: "", es: "" };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dtm-left-out-"));
    // The tryout's sightings with one row of an impossible date: rejected, the file still used.
    const sightings = join(dir, "avistamientos.csv");
    const text = readFileSync(join(FIXTURES, "avistamientos.csv"), "utf8");
    writeFileSync(sightings, `${text.trimEnd()}\n32/11/2018;Tijuana;Caravana 1;1.000;prensa;\n`);
    files = [sightings, join(FIXTURES, "conteos-kobo.csv"), join(FIXTURES, "cifras.csv")];
    const inputs = ["--sightings", files[0]!, "--counts", files[1]!, "--stocks", files[2]!];
    for (const lang of ["en", "es"] as const) {
      const out = join(dir, lang);
      expect(await report(["--as-of", DAY, ...inputs, "--lang", lang, "--out", out])).toBe(1);
      md[lang] = readFileSync(join(out, "situation-update.md"), "utf8");
    }
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the panel says the report's line, in English and in Spanish", async () => {
    const en = leftOutLine(md.en, /rejected in the input files/);
    const es = leftOutLine(md.es, /en los archivos de entrada/);
    expect(en).toMatch(/^1 row rejected in the input files/);
    expect(es).toMatch(/^1 fila rechazada en los archivos de entrada/);

    const { page, watch } = await open2018(viewer, { hash: "lang=en", locale: "en-GB" });
    // The embedded replay's panel has no such line.
    expect(await panelLine(page)).toBe("");
    await settle(page, () => page.setInputFiles("#analyst-input", files));
    expect(await page.locator('#analyst-files li[data-status="used"]').count()).toBe(3);
    await goToDay(page, DAY);
    await expect.poll(() => panelLine(page)).toBe(en);
    expect(await page.locator("#situation li.left-out").getAttribute("data-rows")).toBe("1");
    await setViewerState(page, { lang: "es" });
    await expect.poll(() => panelLine(page)).toBe(es);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  }, 300_000);
});
