/**
 * The viewer's Content-Security-Policy. The page may run only its own scripts and workers and
 * connect only to its own origin: a file that carries markup cannot run anything, and no data
 * can be sent to another host. Styles may be set inline (d3 and the chart builders set `style`
 * attributes; styles cannot run code).
 *
 * index.html carries the development policy (`npm start`: Vite injects CSS as <style> elements
 * and its client connects back to the dev server's websocket); the build replaces it with the
 * stricter one through `cspPlugin()` (vite.config.ts), and fails if the meta tag is missing.
 */
import type { Plugin } from "vite";

const COMMON = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** The policy of the dev server (must equal the meta tag in viewer/index.html). */
export const DEV_CSP = [
  ...COMMON,
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "worker-src 'self'",
].join("; ");

/** The policy of the built site: no <style> elements, no websocket. */
export const BUILD_CSP = [
  ...COMMON,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "connect-src 'self'",
  "worker-src 'self'",
].join("; ");

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/i;

/** Vite plugin: in the build, swaps the development policy for BUILD_CSP. */
export function cspPlugin(): Plugin {
  return {
    name: "dtm-flow-csp",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        if (!META.test(html))
          throw new Error("index.html has no Content-Security-Policy meta tag.");
        return html.replace(
          META,
          `<meta http-equiv="Content-Security-Policy" content="${BUILD_CSP}" />`,
        );
      },
    },
  };
}
