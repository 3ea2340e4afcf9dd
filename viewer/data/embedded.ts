/**
 * What the replay adds to a dataset: the estimator's tracks, the ledger's split and the December
 * 2018 situation report's figures. Heavy (the estimator and ledger code): imported by the replay
 * worker, and by the page only where workers are unavailable.
 */
import { runReplay, situationReport2018 } from "../../src/index.ts";
import type { Dataset, Replay } from "../../src/index.ts";
import type { PrepareInput } from "./prepare.ts";
import type { LoadProgress } from "./provider.ts";

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Adds the library's replay (`runReplay`: estimate → ledger → corridor state) to a dataset: the
 * tracks with the estimator's associations, the ledger (its split, and the situation update of
 * each day) and the state of the corridor. The same function runs in the
 * worker and, where workers are unavailable, in the page; the CLI and the notebooks run the same
 * `runReplay`, so every front end shows the same numbers.
 * @throws Error saying that the replay failed and why; the viewer shows it instead of a picture
 *   of its own.
 */
export function enrichDataset(
  dataset: Dataset,
  onProgress?: (p: LoadProgress) => void,
): PrepareInput {
  onProgress?.({ stage: "estimating" });
  let replay: ReturnType<typeof runReplay>;
  try {
    replay = runReplay(dataset);
  } catch (err) {
    throw new Error(`the estimate and ledger could not be built from these data (${reason(err)}).`);
  }
  onProgress?.({ stage: "ledger" });
  return replayInput(replay, situationReport2018());
}

/**
 * What the viewer draws of a library replay (`runReplay`, with or without corrections): its
 * dataset (the corrected one when corrections were applied), tracks with the estimator's
 * associations, the ledger and the state of the corridor. The replay worker and the evidence
 * worker (after an analyst's correction) both pass their replay through here, so the corrected
 * map has the same presence and situation panels as the first one.
 */
export function replayInput(replay: Replay, seeds?: PrepareInput["seeds"]): PrepareInput {
  return {
    dataset: replay.dataset,
    tracks: replay.tracks,
    associations: replay.estimate?.report.associations ?? [],
    estimateWarnings: replay.estimate?.report.warnings ?? [],
    trackEnds: replay.estimate?.report.trackEnds ?? [],
    state: replay.state,
    ledger: replay.ledger,
    ...(seeds ? { seeds } : {}),
  };
}
