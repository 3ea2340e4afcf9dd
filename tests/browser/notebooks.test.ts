/**
 * The notebooks, built and opened in real Chromium with no network.
 *
 * beforeAll builds every notebooks/*.html with the exact arguments of the `notebooks:build`
 * script in package.json (only `--out` is redirected to a temporary folder), serves the result
 * as a plain static site and opens each page. A page passes when no cell failed, nothing was
 * requested from any other host (fonts included), and its key outputs show the figures the
 * toolkit computes for the same inputs in Node.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dtm from "../../src/index.ts";
import { hasBrowser, launchBrowser, serveStatic, watchPage } from "./harness.ts";

const run = promisify(execFile);

/** Every notebook in notebooks/: each one is built and opened. */
const NOTEBOOK_FILES = readdirSync("notebooks")
  .filter((f) => f.endsWith(".html"))
  .sort();

/**
 * What each notebook must show once its cells have run: `ready` are selectors to wait for,
 * `check` compares the figures on the page with what the toolkit computes here in Node.
 */
const KEY_OUTPUTS: Record<string, { ready: string[]; check: (page: Page) => Promise<void> }> = {
  "index.html": {
    ready: ["#toolkit-status strong", "#draws rect"],
    async check(page) {
      const exported = Object.keys(dtm).length;
      expect(await page.locator("#toolkit-status strong").innerText()).toBe(String(exported));
      // 1000 seeded normal draws binned by Plot: the bar counts add up to 1000.
      expect(await barTotal(page, "#draws")).toBe(1000);
    },
  },
};

/** Sum of the counts that a Plot bar chart shows in its bars' titles. */
function barTotal(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .evaluate((svg) =>
      Array.from(svg.querySelectorAll("g[aria-label=rect] title"), (t) =>
        Number(t.textContent),
      ).reduce((a, b) => a + b, 0),
    );
}
const NOTEBOOKS = resolve("notebooks");
const CLI = resolve("node_modules/@observablehq/notebook-kit/dist/bin/notebooks.js");

/** The arguments of `npm run notebooks:build`, with the glob expanded and `--out` replaced. */
async function buildArguments(out: string): Promise<string[]> {
  const scripts = JSON.parse(await readFile("package.json", "utf8")).scripts as Record<
    string,
    string
  >;
  const words = scripts["notebooks:build"]!.split(/\s+/);
  expect(words.slice(0, 2)).toEqual(["notebooks", "build"]);
  const notebooks = (await readdir(NOTEBOOKS)).filter((f) => f.endsWith(".html")).sort();
  const args: string[] = ["build"];
  for (let i = 2; i < words.length; i++) {
    const word = words[i]!;
    if (word === "--out") {
      args.push(word, out);
      i++; // skip the script's own output folder
    } else if (word === "notebooks/*.html") {
      args.push(...notebooks.map((f) => `notebooks/${f}`));
    } else args.push(word);
  }
  expect(args).toContain(out);
  return args;
}

/** Opens a built notebook and waits for its key outputs, then for the network to go quiet. */
async function open(page: Page, url: string, ready: string[]) {
  await page.goto(url, { waitUntil: "load" });
  for (const selector of ready) await page.waitForSelector(selector, { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
}

/** What every notebook must show: no failed cell, no request elsewhere, no console error. */
async function expectCleanPage(page: Page, watch: ReturnType<typeof watchPage>) {
  expect(await page.locator(".observablehq--error").allInnerTexts()).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
}

describe.skipIf(!hasBrowser)("notebooks (built site, Chromium, offline)", () => {
  let out = "";
  let site: { close: () => Promise<void>; url: string };
  let browser: Browser;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "dtm-notebooks-"));
    await run(process.execPath, [CLI, ...(await buildArguments(out))], {
      maxBuffer: 64 * 1024 * 1024,
    });
    site = await serveStatic(out);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("notebooks:build writes one page per notebook, with the fonts bundled locally", async () => {
    const sources = (await readdir(NOTEBOOKS)).filter((f) => f.endsWith(".html")).sort();
    const built = (await readdir(out)).filter((f) => f.endsWith(".html")).sort();
    expect(built).toEqual(sources);
    const assets = await readdir(join(out, "assets"));
    expect(assets.some((f) => /^inter-latin-wght-normal-.*\.woff2$/.test(f))).toBe(true);
  });

  it.each(NOTEBOOK_FILES)(
    "%s opens with no failed cell and no request to another host",
    async (file) => {
      const page = await browser.newPage();
      const watch = watchPage(page, site.url);
      const fonts: string[] = [];
      page.on("request", (r) => void (r.resourceType() === "font" && fonts.push(r.url())));
      const key = KEY_OUTPUTS[file];
      await open(page, `${site.url}${file}`, key?.ready ?? []);
      await expectCleanPage(page, watch);
      // The notebook fonts were fetched, and from the site itself (watchPage saw none elsewhere).
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((url) => url.startsWith(site.url))).toBe(true);
      expect(key, `${file} needs an entry in KEY_OUTPUTS saying what it must show`).toBeDefined();
      await key!.check(page);
      await page.close();
    },
  );
});
