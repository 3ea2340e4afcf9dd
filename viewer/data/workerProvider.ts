/**
 * A DataProvider that computes in a Web Worker. One worker per load; it is terminated when the
 * load ends or is aborted, so a new load (another file, issue 7) never races an old one.
 */
import type { DataProvider } from "./provider.ts";
import type { ReplayData } from "./replay.ts";
import type { WorkerMessage, WorkerRequest } from "./workerProtocol.ts";
import { InputProblem } from "../../src/index.ts";

/**
 * @param makeWorker creates the worker (Vite bundles `new Worker(new URL(...), { type: "module" })`).
 * @param request what the worker should replay.
 */
export function createWorkerProvider(
  id: string,
  makeWorker: () => Worker,
  request: WorkerRequest,
): DataProvider {
  return {
    id,
    load({ signal, onProgress } = {}) {
      return new Promise<ReplayData>((resolve, reject) => {
        const worker = makeWorker();
        const finish = () => worker.terminate();
        signal?.addEventListener("abort", () => {
          finish();
          reject(new Error("cancelled"));
        });
        worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
          const m = event.data;
          if (m.type === "progress") onProgress?.(m.progress);
          else if (m.type === "done") {
            finish();
            onProgress?.({ stage: "done", fraction: 1 });
            resolve(m.replay);
          } else {
            finish();
            reject(
              m.problem
                ? new InputProblem(m.problem.code, m.problem.params as never)
                : new Error(m.message),
            );
          }
        });
        worker.addEventListener("error", (event) => {
          finish();
          reject(new Error(event.message || "the replay worker failed"));
        });
        worker.postMessage(request);
      });
    },
  };
}
