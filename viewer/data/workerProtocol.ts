/**
 * Messages between the page and the replay worker. Everything is structured-clone-able: a
 * Dataset goes in, ReplayData comes out.
 */
import type { Dataset } from "../../src/index.ts";
import type { LoadProgress } from "./provider.ts";
import type { ReplayData } from "./replay.ts";
import type { InputProblemCode } from "../../src/index.ts";

/** What to replay: the embedded 2018 data, or a dataset the page built (an analyst's files, issue 7). */
export type WorkerRequest = { source: "embedded" } | { source: "dataset"; dataset: Dataset };

export type WorkerMessage =
  | { type: "progress"; progress: LoadProgress }
  | { type: "done"; replay: ReplayData }
  /** `problem`: the code and params of a library InputProblem, so the page says it in its language. */
  | { type: "error"; message: string; problem?: { code: InputProblemCode; params: object } };
