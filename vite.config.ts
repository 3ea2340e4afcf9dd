// The viewer: a single-page app in viewer/ that uses the library through src/index.ts.
// `npm start` serves it; `npm run build` writes a static site to build/viewer that works from
// any static server with no network (relative base, no external resources).
import { defineConfig } from "vite";
import { cspPlugin } from "./viewer/analyst/csp.ts";

/** True where a browser can be opened: a desktop system, and not CI. */
function canOpenBrowser(env = process.env, platform = process.platform): boolean {
  if (env.CI || env.BROWSER === "none") return false;
  if (platform === "darwin" || platform === "win32") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export default defineConfig({
  root: "viewer",
  base: "./",
  publicDir: "../public",
  // Issue 7: the built site gets the strict Content-Security-Policy (viewer/analyst/csp.ts).
  plugins: [cspPlugin()],
  // Under vitest (browser tests) the dev server neither watches files nor hot-reloads, so an edit
  // elsewhere in the checkout cannot reload a page in the middle of a test.
  // `npm start` opens a browser tab only where one can be opened (macOS, Windows, a Linux desktop
  // session); on a server or in a container it prints the address and serves, without the stack
  // trace `vite --open` gives there. BROWSER=none keeps it from opening one anywhere.
  server: process.env.VITEST
    ? { host: "127.0.0.1", port: 5173, hmr: false, watch: null }
    : { host: "127.0.0.1", port: 5173, open: canOpenBrowser() },
  preview: { host: "127.0.0.1", port: 4173 },
  build: {
    outDir: "../build/viewer",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    // No "[PLUGIN_TIMINGS] JavaScript callbacks ran for 5.0s…" after a build on a slow or busy
    // machine: it is advice for plugin authors, and reads to someone building the viewer as if
    // the build had gone wrong.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: "es" },
  // Crawl the replay worker too, so that the dev server pre-bundles the library's dependencies
  // up front instead of discovering them when the worker starts and reloading the page.
  optimizeDeps: { entries: ["index.html", "**/*.worker.ts"] },
});
