/**
 * The embedded 2018 replay as a provider: the library's `embedded2018()` dataset, enriched with
 * the estimator's tracks and the ledger's split when the library provides them.
 */
import { embedded2018 } from "../../src/index.ts";
import type { Dataset } from "../../src/index.ts";
import type { PrepareInput } from "./prepare.ts";
import { createLocalProvider } from "./provider.ts";
import type { DataProvider, LoadProgress } from "./provider.ts";

/**
 * Adds tracks and split to a dataset. Runs in the page now; a worker (issue 7) runs the same.
 * Until the estimator lands, tracks are left out and prepareReplay interpolates sightings.
 */
export function enrichDataset(
  dataset: Dataset,
  onProgress?: (p: LoadProgress) => void,
): PrepareInput {
  onProgress?.({ stage: "estimating" });
  return { dataset };
}

export function embeddedProvider(): DataProvider {
  return createLocalProvider("embedded-2018", () => embedded2018(), enrichDataset);
}
