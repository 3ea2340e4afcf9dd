/**
 * The scenario panel's side of its worker: start it (asking once for the corridor's places),
 * send a run, drop replies of cancelled runs, cancel by terminating it.
 */
import type { ScenarioResult } from "../../src/index.ts";
import type { CorridorInfo, ScenarioReply, ScenarioRequest } from "./protocol.ts";
import type { ScenarioStatus } from "./panelState.ts";
import { statusAfter } from "./panelState.ts";

/** What the client reports. */
export interface WorkerEvents {
  corridor(info: CorridorInfo): void;
  status(next: ScenarioStatus): void;
  result(id: number, result: ScenarioResult): void;
}

export interface WorkerClient {
  /** Starts the worker if none runs (e.g. when the panel opens). */
  ensure(): void;
  /** Checks and runs a scenario; replies of earlier runs are dropped from now on. */
  run(input: unknown): void;
  /** Stops the run (runScenario is synchronous in the worker: the worker is terminated). */
  cancel(): void;
}

/** A client of the workers `createWorker` starts. */
export function createWorkerClient(createWorker: () => Worker, events: WorkerEvents): WorkerClient {
  let worker: Worker | undefined;
  let runId = 0;
  let corridorKnown = false;
  const onReply = (m: ScenarioReply) => {
    if (m.kind === "corridor") {
      corridorKnown = true;
      return events.corridor(m.corridor);
    }
    if (m.id !== runId) return; // an older run (cancelled meanwhile)
    if (m.kind === "result") events.result(m.id, m.result);
    events.status(statusAfter(m));
  };
  const start = (): Worker => {
    const w = createWorker();
    w.addEventListener("message", (ev: MessageEvent<ScenarioReply>) => onReply(ev.data));
    w.addEventListener("error", (ev) => {
      ev.preventDefault();
      events.status({ kind: "failed", message: ev.message || "the scenario worker stopped" });
      worker = undefined;
    });
    // The pickers' places once per page (a new worker after a cancel does not re-render the form).
    if (!corridorKnown) w.postMessage({ kind: "corridor" } satisfies ScenarioRequest);
    return w;
  };
  return {
    ensure() {
      worker ??= start();
    },
    run(input) {
      worker ??= start();
      runId += 1;
      worker.postMessage({ kind: "run", id: runId, input } satisfies ScenarioRequest);
      events.status({ kind: "preparing" });
    },
    cancel() {
      worker?.terminate();
      worker = undefined;
      runId += 1;
      events.status({ kind: "idle" });
    },
  };
}
