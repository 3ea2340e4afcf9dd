/**
 * Messages between the page and the evidence worker (evidence.worker.ts). The worker holds the
 * dataset (the embedded 2018 one, or the analyst's files the map shows) and the corrections,
 * re-runs the replay with them (`runReplay`, as `dtm-flow estimate`, `ledger` and `report
 * --corrections`), and answers evidence requests for a group-day.
 * Everything here is structured-clone-able.
 */
import type {
  CorrectionProblem,
  CorrectionsFile,
  CorrectedInput,
  Evidence,
  TimeDistance,
} from "../../src/index.ts";
import type { AsOfDay } from "../data/asOfDay.ts";
import type { ExportFile } from "../analyst/protocol.ts";
import type { ForecastView } from "../forecast/view.ts";
import type { ReplayData, ReplaySource } from "../data/replay.ts";

export type EvidenceRequest =
  | {
      type: "run";
      req: number;
      corrections: CorrectionsFile;
      /**
       * The data to estimate from now on: the analyst's (a replay's `source`, fetched from the
       * analyst worker over the `port` channel) or "embedded" (the 2018 data set); absent keeps
       * the data the worker holds (embedded at first).
       */
      data?: ReplaySource | "embedded";
    }
  | { type: "evidence"; req: number; group: string; date: string }
  | { type: "check"; req: number }
  /**
   * The situation as known on `date` of the data held with these corrections (the figures of
   * `dtm-flow report --as-of <date> --corrections <file>`): the corrected replay's as-of source.
   */
  | { type: "asOf"; req: number; date: string; corrections: CorrectionsFile }
  /**
   * The forecast panel's forecast as of `asOf` of the data held with these corrections (the
   * forecast of `dtm-flow forecast --as-of <asOf> --corrections <file>`).
   */
  | {
      type: "forecast";
      req: number;
      asOf: string;
      horizonDays: number;
      corrections: CorrectionsFile;
    }
  /**
   * The analyst's table exports of the last run (tracks and split of the corrected replay, the
   * input tables as read); `corrections` must be those of that run (else: an error, the map is
   * about to show another run).
   */
  | { type: "tables"; req: number; hxl: boolean; corrections: CorrectionsFile };

/** Sent once, when the worker starts: its end of the channel to the analyst worker. */
export interface PortMessage {
  type: "port";
  port: MessagePort;
}

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
  | { type: "asOf"; req: number; day: AsOfDay }
  | { type: "forecast"; req: number; view: ForecastView }
  | { type: "tables"; req: number; files: ExportFile[] }
  /** The tables asked for are of corrections still being applied: export again once shown. */
  | { type: "tablesPending"; req: number }
  /**
   * Valid data without group sightings (none in the files, or all rejected): the replay tracks
   * no group, so there is no estimate to explain (not a failure).
   */
  | { type: "noGroups"; req: number }
  /** A forecast request dropped: a newer one with the same corrections arrived before its turn. */
  | { type: "dropped"; req: number }
  /** `problems`: with their codes and params, so the panel says them in its language. */
  | { type: "invalid"; req: number; problems: CorrectionProblem[] }
  | { type: "error"; req: number; message: string };
