/**
 * The provider of the embedded 2018 replay. The estimate takes a second or two, so it runs in a
 * Web Worker (replay.worker.ts) and the page shows a loading state meanwhile. Without Worker
 * support the same work runs in the page (the estimator's code is then loaded on demand).
 */
import { createLocalProvider } from "./provider.ts";
import type { DataProvider } from "./provider.ts";
import { createWorkerProvider } from "./workerProvider.ts";

export function embeddedProvider(): DataProvider {
  if (typeof Worker === "undefined") {
    return createLocalProvider(
      "embedded-2018",
      async () => (await import("../../src/index.ts")).embedded2018(),
      async (dataset, onProgress) =>
        (await import("./embedded.ts")).enrichDataset(dataset, onProgress),
    );
  }
  return createWorkerProvider(
    "embedded-2018",
    () => new Worker(new URL("./replay.worker.ts", import.meta.url), { type: "module" }),
    { source: "embedded" },
  );
}
