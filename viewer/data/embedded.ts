/**
 * The embedded 2018 replay: the library's `embedded2018()` dataset, with the estimator's tracks,
 * the ledger's split and the December 2018 situation report's figures. The estimate takes a second or two, so
 * the embedded provider runs it in a Web Worker (replay.worker.ts) and first sends a quick replay
 * interpolated between sightings; the page never freezes and the first frame comes at once.
 */
import { buildLedger, estimateTracks, situationReport2018 } from "../../src/index.ts";
import type { Dataset } from "../../src/index.ts";
import type { PrepareInput } from "./prepare.ts";
import { createLocalProvider } from "./provider.ts";
import type { DataProvider, LoadProgress } from "./provider.ts";
import { createWorkerProvider } from "./workerProvider.ts";

/**
 * Adds the library's tracks (with the estimator's associations) and the ledger's split to a dataset. The same function runs in the worker
 * and, where workers are unavailable, in the page. An estimator failure leaves the interpolated
 * tracks (the replay still works, and says so).
 */
export function enrichDataset(
  dataset: Dataset,
  onProgress?: (p: LoadProgress) => void,
): PrepareInput {
  onProgress?.({ stage: "estimating" });
  const { tracks, report } = estimateTracks(dataset);
  onProgress?.({ stage: "ledger" });
  const { split } = buildLedger({ dataset, tracks });
  return {
    dataset,
    tracks,
    split,
    associations: report.associations,
    seeds: situationReport2018(),
  };
}

/** The embedded 2018 replay, computed in a worker when the browser has them. */
export function embeddedProvider(): DataProvider {
  if (typeof Worker === "undefined") {
    return createLocalProvider(
      "embedded-2018",
      async () => (await import("../../src/index.ts")).embedded2018(),
      enrichDataset,
    );
  }
  return createWorkerProvider(
    "embedded-2018",
    () => new Worker(new URL("./replay.worker.ts", import.meta.url), { type: "module" }),
    { source: "embedded" },
  );
}
