// Test runner configuration. Two projects:
//  - unit:    library, CLI and property tests in Node (tests/**/*.test.ts);
//  - browser: the viewer and notebooks in real Chromium through playwright-core (tests/browser).
// Time zone is pinned so that local dates in count sheets parse the same everywhere.
import { defineConfig } from "vitest/config";

process.env.TZ = "UTC";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/browser/**"],
          environment: "node",
          // Each test file's temp folders under one root, removed after the file (tests/setup/tmp.ts).
          setupFiles: ["tests/setup/tmp.ts"],
          testTimeout: 60_000,
          env: { TZ: "UTC" },
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          // Builds the viewer once for every browser test file (tests/browser/global-setup.ts).
          globalSetup: ["tests/browser/global-setup.ts"],
          setupFiles: ["tests/setup/tmp.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // One retry: a page on a loaded 2-core machine can miss a frame deadline once; a real
          // fault fails twice. Vitest reports a retried test, so a flaky one stays visible.
          retry: 1,
          env: { TZ: "UTC" },
        },
      },
    ],
  },
});
