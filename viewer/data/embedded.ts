/**
 * What the 2018 replay adds to a dataset: the estimator's tracks, the ledger's split and the
 * December 2018 situation report's figures. Heavy (the estimator and ledger code): imported by the
 * replay worker after its quick first replay, never by the page's main bundle.
 */
import { buildLedger, estimateTracks, situationReport2018 } from "../../src/index.ts";
import type { Dataset } from "../../src/index.ts";
import type { PrepareInput } from "./prepare.ts";
import type { LoadProgress } from "./provider.ts";

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

// Kept here too for modules that import the provider from this file (it lives in embeddedProvider.ts).
export { embeddedProvider } from "./embeddedProvider.ts";
