/// <reference lib="webworker" />
/**
 * The replay worker: builds ReplayData off the page's thread. It first posts a quick replay
 * (tracks interpolated between sightings), then the estimated one. The estimator and ledger are
 * imported only after the quick replay is posted, so the first frame does not wait for their code.
 */
import { embedded2018 } from "../../src/index.ts";
import { prepareReplay } from "./prepare.ts";
import type { WorkerMessage, WorkerRequest } from "./workerProtocol.ts";

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.addEventListener("message", async (event: MessageEvent<WorkerRequest>) => {
  try {
    const request = event.data;
    const dataset = request.source === "embedded" ? embedded2018() : request.dataset;
    post({ type: "partial", replay: prepareReplay({ dataset }) });
    const { enrichDataset } = await import("./embedded.ts");
    const input = enrichDataset(dataset, (progress) => post({ type: "progress", progress }));
    post({ type: "progress", progress: { stage: "preparing" } });
    post({ type: "done", replay: prepareReplay(input) });
  } catch (err) {
    post({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
});
