/**
 * Real-Chromium test harness: starts Vite (the viewer or a built site), launches Debian's
 * Chromium through playwright-core, and records every request that leaves the page's origin.
 *
 * Chromium is looked up at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser.
 * Without it the browser tests are skipped with a message saying how to install it — unless
 * DTM_REQUIRE_BROWSER=1 (set by .ci/run), in which case a missing browser fails the run.
 */
import { existsSync, mkdirSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { createServer } from "vite";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, inject } from "vitest";

/** Folder for the tests' screenshots (artefacts to look at): $VIEWER_SHOTS or build/screenshots. */
export const SHOTS = resolve(process.env.VIEWER_SHOTS ?? "build/screenshots");

export const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Path of the Chromium executable, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

const required = process.env.DTM_REQUIRE_BROWSER === "1";
const executablePath = findChromium();
if (!executablePath) {
  const how =
    "install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH";
  if (required)
    throw new Error(
      `Browser tests are required (DTM_REQUIRE_BROWSER=1) but Chromium was not found: ${how}.`,
    );
  console.warn(`\n[browser tests] SKIPPED: Chromium not found; ${how}.\n`);
}

/** True when the browser tests can run here; use with describe.skipIf(!hasBrowser). */
export const hasBrowser = executablePath !== undefined;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}

/** Starts the Vite dev server for the viewer on a free port and returns it with its base URL. */
export async function startViewer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: resolve("vite.config.ts"),
    server: { port: 0, host: "127.0.0.1", open: false },
    logLevel: "error",
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** The viewer's dev server and a Chromium, shared by the tests of one describe block. */
export interface ViewerSession {
  /** Base URL of the viewer, ending in "/". */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Call in a describe block: before its tests, makes the screenshot folder, starts the viewer's
 * dev server and launches Chromium; after them, closes both. The returned session is filled in
 * by then (read `url` and `browser` inside hooks and tests, not in the describe body).
 * @example
 * const viewer = useViewerSession();
 * it("…", async () => { const page = await viewer.browser.newPage(); await page.goto(viewer.url); });
 */
export function useViewerSession(): ViewerSession {
  let server: ViteDevServer | undefined;
  const session = { url: "", browser: undefined as unknown as Browser };
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const started = await startViewer();
    server = started.server;
    session.url = started.url;
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await server?.close();
  });
  return session;
}

/** Waits until the viewer page has its replay data (window.dtmViewer.replay). */
export async function waitForReplay(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { dtmViewer?: { replay?: unknown } }).dtmViewer?.replay !== undefined,
  );
}

/** The production build of the viewer (`vite build`), served by a static server. */
export interface BuiltSite {
  /** The folder the build was written to (shared by the run: read it, do not change it). */
  out: string;
  /** Base URL of the static server, ending in "/". */
  url: string;
  /** Stops the server (the build itself is deleted after the run by the global setup). */
  close: () => Promise<void>;
}

/**
 * Serves the viewer's production build — made once per run by tests/browser/global-setup.ts —
 * from a plain static server, as any static host would.
 */
export async function serveBuiltViewer(): Promise<BuiltSite> {
  const out = inject("viewerSite");
  const site = await serveStatic(out);
  return { out, url: site.url, close: site.close };
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv",
  ".geojson": "application/geo+json",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/** Serves a built static folder (build/viewer, build/notebooks) the way any static server would. */
export async function serveStatic(
  root: string,
): Promise<{ close: () => Promise<void>; url: string }> {
  const base = resolve(root);
  const server = createHttpServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * Watches a page: collects requests to any origin other than `origin`, console errors and
 * uncaught page errors, so a test can assert that none happened.
 */
export function watchPage(page: Page, origin: string) {
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  const allowed = new URL(origin).origin;
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return;
    if (new URL(url).origin !== allowed) foreignRequests.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return { foreignRequests, errors };
}

/**
 * Runs `action` (which adds files to the analyst panel, or resets it) and waits until the panel
 * has imported and, if needed, computed (#analyst's data-computed changed, no progress shown) and
 * the map is drawn. `timeout` in ms for the import and computation; default 90 s.
 */
export async function settle(
  page: Page,
  action: () => Promise<unknown>,
  timeout = 90_000,
): Promise<void> {
  const before = await page.locator("#analyst").getAttribute("data-computed");
  await action();
  await page.waitForFunction(
    (b) => {
      const el = document.querySelector("#analyst");
      return (
        el?.getAttribute("data-computed") !== b &&
        !el?.querySelector("#analyst-progress:not([hidden])")
      );
    },
    before,
    { timeout },
  );
  await page.waitForFunction(
    () => document.querySelector("#map")?.getAttribute("aria-busy") === "false",
  );
}

/** What `watchPage` collects on a page. */
export type PageWatch = ReturnType<typeof watchPage>;

/** How `open2018` opens the page. */
export interface Open2018Options {
  /** The URL's hash without "#" (e.g. `t=10.5&lang=en`); none by default. */
  hash?: string;
  /** Default 1400 × 1000. */
  viewport?: { width: number; height: number };
  /** The browser's locale (e.g. "en-GB"); the browser's own by default. */
  locale?: string;
}

/**
 * Opens the 2018 replay in a new page of `session`: goes to the viewer (with `hash`), watches the
 * page (watchPage) from the start, and waits until the embedded 2018 replay is loaded and the
 * map drawn from the library's estimate (`#map[data-provider="embedded-2018"]`, its replay on
 * `window.dtmViewer`). The one way the browser tests open the replay.
 * @example const { page, watch } = await open2018(viewer, { hash: "t=10.5&lang=en", locale: "en-GB" });
 */
export async function open2018(
  session: ViewerSession,
  options: Open2018Options = {},
): Promise<{ page: Page; watch: PageWatch }> {
  const page = await session.browser.newPage({
    viewport: options.viewport ?? { width: 1400, height: 1000 },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const watch = watchPage(page, session.url);
  await page.goto(options.hash ? `${session.url}#${options.hash}` : session.url);
  await waitFor2018(page);
  return { page, watch };
}

/**
 * Waits until `page` (the viewer, dev server or built site) shows the embedded 2018 replay drawn
 * from the library's estimate: at start-up, or after "Return to the 2018 replay".
 */
export async function waitFor2018(page: Page): Promise<void> {
  await waitForReplay(page);
  await page.waitForSelector('#map[data-provider="embedded-2018"][data-tracks="estimate"]', {
    timeout: 60_000,
  });
}
