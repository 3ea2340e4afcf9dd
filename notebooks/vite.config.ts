// Vite settings for the notebooks, read by Notebook Kit's `notebooks preview|build --root notebooks`
// (Vite loads the config file of the root it is given). The preview gets its own port, next to the
// viewer's 5173, and its own dependency cache, so `npm start` and `npm run notebooks` can run side
// by side without re-optimising each other's dependencies.
import { defineConfig } from "vite";

export default defineConfig({
  cacheDir: "../node_modules/.vite-notebooks",
  server: { host: "127.0.0.1", port: 5174 },
  // Pre-bundle every package the notebooks and the toolkit import when the preview starts. Left to
  // discovery, the first page opened on a fresh clone finds them late, Vite re-optimises and answers
  // the page's pending imports with "504 Outdated Optimize Dep" (a failed cell until reloaded).
  optimizeDeps: {
    include: [
      "d3",
      "@observablehq/plot",
      "@observablehq/inputs",
      "htl",
      "papaparse",
      "fflate",
      "flatbush",
      "topojson-client",
    ],
  },
  // The toolkit, d3 and Plot make one large chunk per notebook; that is expected here.
  build: { chunkSizeWarningLimit: 2000 },
});
