/// <reference lib="webworker" />
/**
 * The replay worker: runs the library's estimator and ledger off the page's thread and posts the
 * ReplayData built from them, with progress on the way. A failure is posted as an error message
 * (the page says it in a sentence); there is no fallback replay.
 */
import { embedded2018, InputProblem } from "../../src/index.ts";
import { enrichDataset } from "./embedded.ts";
import { prepareReplay } from "./prepare.ts";
import type { WorkerMessage, WorkerRequest } from "./workerProtocol.ts";

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.addEventListener("message", (event: MessageEvent<WorkerRequest>) => {
  try {
    const request = event.data;
    post({ type: "progress", progress: { stage: "reading" } });
    const dataset = request.source === "embedded" ? embedded2018() : request.dataset;
    const input = enrichDataset(dataset, (progress) => post({ type: "progress", progress }));
    post({ type: "progress", progress: { stage: "preparing" } });
    post({ type: "done", replay: prepareReplay(input) });
  } catch (err) {
    post({
      type: "error",
      message: err instanceof Error ? err.message : String(err),
      ...(err instanceof InputProblem ? { problem: { code: err.code, params: err.params } } : {}),
    });
  }
});
