/** Messages between the scenario panel and its worker (viewer/scenario/scenario.worker.ts). */
import type { ScenarioError, ScenarioResult } from "../../src/index.ts";

/**
 * Page → worker: the corridor's places and routes (for the form's pickers), or check and run a
 * scenario (parsed scenario.json). A run is cancelled by terminating the worker. `source`: the
 * analyst's replay on screen (`ReplayData.source.id`), whose dataset (its routes and places) the
 * worker asks the analyst worker for over the channel given with `port`; absent: the embedded
 * 2018 corridor.
 */
export type ScenarioRequest =
  | { kind: "run"; id: number; input: unknown; source?: number }
  | { kind: "corridor"; source?: number }
  | { kind: "port"; port: MessagePort };

/** What the form offers in its place and route pickers. */
export interface CorridorInfo {
  /** The analyst's replay whose routes and places these are; undefined: the 2018 corridor. */
  source?: number;
  /** Names of the places on the corridor, in route order (first route first). */
  places: string[];
  /** Spanish names of those places, where the gazetteer has one (by name). */
  namesEs?: Record<string, string>;
  routes: { id: string; name: string }[];
}

/** Worker → page. */
export type ScenarioReply =
  | { kind: "corridor"; corridor: CorridorInfo }
  | { kind: "preparing"; id: number }
  | { kind: "progress"; id: number; done: number; total: number }
  | { kind: "invalid"; id: number; errors: ScenarioError[] }
  | { kind: "result"; id: number; result: ScenarioResult }
  | { kind: "failed"; id: number; message: string };
