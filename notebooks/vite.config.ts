// Vite settings for the notebooks, read by Notebook Kit's `notebooks preview|build --root notebooks`
// (Vite loads the config file of the root it is given). The preview gets its own port, next to the
// viewer's 5173, and its own dependency cache, so `npm start` and `npm run notebooks` can run side
// by side without re-optimising each other's dependencies.
import { defineConfig } from "vite";

export default defineConfig({
  cacheDir: "../node_modules/.vite-notebooks",
  server: { host: "127.0.0.1", port: 5174 },
  // The toolkit, d3 and Plot make one large chunk per notebook; that is expected here.
  build: { chunkSizeWarningLimit: 2000 },
});
