/**
 * The data-provider seam. The app asks a provider for ReplayData and does not care where the work
 * runs: `createLocalProvider` computes in the page (the embedded 2018 replay); a worker provider
 * (issue 7) implements the same interface by posting a Dataset to a Web Worker that runs
 * the library's estimator and ledger + `prepareReplay` and posts the structured-clone-able
 * ReplayData back. There is no partial or fallback replay: until the library's estimate is ready
 * the page shows a loading state, and a failure is shown as a sentence.
 */
import type { Dataset } from "../../src/index.ts";
import type { ExportFile } from "../analyst/protocol.ts";
import type { ForecastView } from "../forecast/view.ts";
import type { AsOfDay } from "./asOfDay.ts";
import { prepareReplay } from "./prepare.ts";
import type { PrepareInput } from "./prepare.ts";
import type { ReplayData } from "./replay.ts";

/** Progress of a load: a stage name and, when known, a fraction 0–1. */
export interface LoadProgress {
  stage: "reading" | "estimating" | "ledger" | "preparing" | "done";
  fraction?: number;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

export interface DataProvider {
  /** Stable id shown in the UI and recorded in exports, e.g. `embedded-2018`. */
  readonly id: string;
  /**
   * Loads (or recomputes) the replay. Rejects with an Error whose message can be shown to users;
   * the caller keeps its previous ReplayData when that happens.
   */
  load(options?: LoadOptions): Promise<ReplayData>;
  /**
   * The situation panel's "As known on <date>" for the replay this provider loaded (the figures
   * of `dtm-flow report --as-of <date>` on the same data). Absent: the viewer's own as-of source
   * (the forecast worker, for the embedded 2018 data only).
   */
  situationAsOf?(date: string): Promise<AsOfDay>;
  /**
   * The forecast panel's forecast as of `asOf` for the replay this provider loaded (what
   * `dtm-flow forecast --as-of <asOf>` writes for the same data and corrections). Absent: the
   * forecast worker's (the embedded 2018 data only, without corrections).
   */
  forecast?(asOf: string, horizonDays: number): Promise<ForecastView>;
  /**
   * The analyst's table exports of the replay this provider loaded (tracks, split, inputs).
   * Absent: the analyst worker's (its files, or the embedded 2018 data, without corrections).
   * Rejects with a TablesPendingError while the corrections are still being applied.
   */
  tables?(hxl: boolean): Promise<ExportFile[]>;
}

/**
 * The tables asked for are of corrections still being applied (the map does not show them yet):
 * the export bar says so in the viewer's language (viewer/analyst/texts.ts, `tablesPending`).
 */
export class TablesPendingError extends Error {
  readonly code = "tables_pending";
  constructor() {
    super("these corrections are being applied: export again once the map shows them.");
    this.name = "TablesPendingError";
  }
}

/**
 * A provider that computes in the page from a dataset factory. `enrich` adds the library's tracks
 * and split (estimator and ledger) to the dataset; it is the function a worker would run too.
 * @example createLocalProvider("embedded-2018", () => embedded2018(), estimateAndSplit)
 */
export function createLocalProvider(
  id: string,
  dataset: () => Dataset | Promise<Dataset>,
  enrich: (
    dataset: Dataset,
    onProgress?: (p: LoadProgress) => void,
  ) => PrepareInput | Promise<PrepareInput>,
): DataProvider {
  return {
    id,
    async load(options = {}) {
      const { signal, onProgress } = options;
      onProgress?.({ stage: "reading" });
      const data = await dataset();
      if (signal?.aborted) throw new Error("cancelled");
      const input = await enrich(data, onProgress);
      if (signal?.aborted) throw new Error("cancelled");
      onProgress?.({ stage: "preparing" });
      const replay = prepareReplay(input);
      onProgress?.({ stage: "done", fraction: 1 });
      return replay;
    },
  };
}
