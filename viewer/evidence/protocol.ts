/**
 * Messages between the page and the evidence worker (evidence.worker.ts). The worker holds the
 * dataset and the analyst's corrections, re-runs the estimate (estimateWithCorrections — the same
 * function as `dtm-flow estimate --corrections`), and answers evidence requests for a group-day.
 * Everything here is structured-clone-able.
 */
import type { CorrectionsFile, CorrectedInput, Evidence, TimeDistance } from "../../src/index.ts";
import type { ReplayData } from "../data/replay.ts";

export type EvidenceRequest =
  | { type: "run"; req: number; corrections: CorrectionsFile }
  | { type: "evidence"; req: number; group: string; date: string }
  | { type: "check"; req: number };

export interface RunResult {
  chart: TimeDistance;
  replay: ReplayData;
  applied: CorrectedInput["applied"];
  accepted: string[];
  rejected: string[];
  destinations: CorrectedInput["destinations"];
  /** tracks.csv of the corrected estimate (as the CLI writes it, without BOM). */
  tracksCsv: string;
  /** Group names of the corrected estimate, in track order. */
  groups: string[];
  /** Time the estimate took in the worker (ms). */
  ms: number;
}

export type EvidenceMessage =
  | { type: "result"; req: number; result: RunResult }
  | { type: "evidence"; req: number; evidence: Evidence }
  | { type: "checked"; req: number; heldOut: number }
  | { type: "invalid"; req: number; problems: { pointer: string; message: string }[] }
  | { type: "error"; req: number; message: string };
