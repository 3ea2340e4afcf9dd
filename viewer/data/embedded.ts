/**
 * What the replay adds to a dataset: the estimator's tracks, the ledger's split and the December
 * 2018 situation report's figures. Heavy (the estimator and ledger code): imported by the replay
 * worker, and by the page only where workers are unavailable.
 */
import { buildLedger, estimateTracks, situationReport2018 } from "../../src/index.ts";
import type { Dataset } from "../../src/index.ts";
import type { PrepareInput } from "./prepare.ts";
import type { LoadProgress } from "./provider.ts";

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Adds the library's tracks (with the estimator's associations) and the ledger's split to a
 * dataset. The same function runs in the worker and, where workers are unavailable, in the page.
 * @throws Error saying which step failed (the estimator or the ledger) and why; the viewer shows
 *   it instead of a picture of its own.
 */
export function enrichDataset(
  dataset: Dataset,
  onProgress?: (p: LoadProgress) => void,
): PrepareInput {
  onProgress?.({ stage: "estimating" });
  let estimate: ReturnType<typeof estimateTracks>;
  try {
    estimate = estimateTracks(dataset);
  } catch (err) {
    throw new Error(`the estimator could not place the groups (${reason(err)}).`);
  }
  onProgress?.({ stage: "ledger" });
  let split: PrepareInput["split"];
  try {
    split = buildLedger({ dataset, tracks: estimate.tracks }).split;
  } catch (err) {
    throw new Error(`the ledger could not be built from the estimate (${reason(err)}).`);
  }
  return {
    dataset,
    tracks: estimate.tracks,
    split,
    associations: estimate.report.associations,
    seeds: situationReport2018(),
  };
}
