/**
 * The scenario panel's side of its worker: start it (asking for the corridor's places of the
 * replay on screen), send a run, drop replies of cancelled runs, cancel by terminating it. A run
 * or corridor of the analyst's files (`source`) first hands the worker a channel to the analyst
 * worker (`datasetPort`), once per worker.
 */
import type { ScenarioResult } from "../../src/index.ts";
import type { CorridorInfo, ScenarioReply, ScenarioRequest } from "./protocol.ts";
import type { ScenarioStatus } from "./panelState.ts";
import type { DatasetLink } from "../analyst/protocol.ts";
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
  /**
   * Asks for the pickers' places and routes of the replay on screen unless they were asked for
   * already; those of another replay (replaced meanwhile) are dropped.
   */
  corridor(): void;
  /**
   * Checks and runs a scenario on the replay on screen (the analyst's own routes and places when
   * it is theirs); replies of earlier runs are dropped from now on.
   */
  run(input: unknown): void;
  /** Stops the run (runScenario is synchronous in the worker: the worker is terminated). */
  cancel(): void;
}

/** Where the scenarios run: the replay on screen, and the channel to its datasets. */
export interface ScenarioGround {
  /** The analyst's replay on screen (its compute's number); undefined: the 2018 data. */
  source(): number | undefined;
  /**
   * A new channel to the analyst worker (its datasets), one per scenario worker, closed when that
   * worker is stopped; absent: runs on the analyst's files fail with a sentence.
   */
  datasetPort?: () => DatasetLink;
}

/** A client of the workers `createWorker` starts. */
export function createWorkerClient(
  createWorker: () => Worker,
  events: WorkerEvents,
  { source, datasetPort }: ScenarioGround,
): WorkerClient {
  let worker: Worker | undefined;
  /** The running worker's channel to the analyst worker, when it was given one. */
  let link: DatasetLink | undefined;
  /** Stops the worker and closes its channel's other end in the analyst worker (else left open). */
  const stop = () => {
    worker?.terminate();
    worker = undefined;
    link?.close();
    link = undefined;
  };
  let runId = 0;
  /** The replay whose corridor was last asked for ("2018": the embedded corridor). */
  let asked: number | "2018" | undefined;
  const onReply = (m: ScenarioReply) => {
    if (m.kind === "corridor")
      return m.corridor.source === source() ? events.corridor(m.corridor) : undefined;
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
      stop();
    });
    return w;
  };
  /** The worker, with its channel to the analyst worker when `source` is the analyst's. */
  const ready = (source: number | undefined): Worker => {
    worker ??= start();
    if (source !== undefined && !link && datasetPort) {
      link = datasetPort();
      worker.postMessage({ kind: "port", port: link.port } satisfies ScenarioRequest, [link.port]);
    }
    return worker;
  };
  const client: WorkerClient = {
    ensure() {
      worker ??= start();
    },
    corridor() {
      const on = source();
      if (asked === (on ?? "2018")) return;
      asked = on ?? "2018";
      ready(on).postMessage({
        kind: "corridor",
        ...(on !== undefined ? { source: on } : {}),
      } satisfies ScenarioRequest);
    },
    run(input) {
      const on = source();
      const w = ready(on);
      runId += 1;
      w.postMessage({
        kind: "run",
        id: runId,
        input,
        ...(on !== undefined ? { source: on } : {}),
      } satisfies ScenarioRequest);
      events.status({ kind: "preparing" });
    },
    cancel() {
      stop();
      runId += 1;
      events.status({ kind: "idle" });
    },
  };
  return client;
}
