/**
 * Messages between the page and the analyst worker (analyst.worker.ts). The worker keeps the
 * dropped files and their records; the page only sees reports, progress and the ReplayData.
 * Everything here is structured-clone-able (a `File` is too: it is passed, never read, by the page).
 */
import type { Dataset, ImportReport, RouteImportReport, TableKind } from "../../src/index.ts";
import type { AsOfDay } from "../data/asOfDay.ts";
import type { LoadProgress } from "../data/provider.ts";
import type { ReplayData } from "../data/replay.ts";
import type { FileFingerprint } from "./sameName.ts";
import type { ColumnChoices, FileKind, FileStatus } from "./workspace.ts";

/**
 * Which of entrada/salida (incoming/outgoing) is northbound at a count sheet's points, as the
 * analyst said it (the CLI's `--incoming-is`, the importer's `incomingIs`); `"unsaid"` takes it back.
 */
export type IncomingChoice = "northbound" | "southbound" | "unsaid";

/** What the page shows of one dropped file. */
export interface FileSummary {
  id: string;
  name: string;
  /** Bytes. */
  size: number;
  kind: FileKind | undefined;
  status: FileStatus;
  report: ImportReport | RouteImportReport;
  /** The mapping fixes applied (by 0-based column index). */
  choices: ColumnChoices;
  /** Fields of each kind, for the mapping editor. */
  fields: string[];
  /** The analyst chose "use the accepted rows anyway" on it. */
  forced: boolean;
  /** The kind the analyst said it holds (read as that kind); undefined: told from its header. */
  kindChosen?: TableKind;
  /** What the analyst said incoming is at its points (`--incoming-is`); undefined: not said. */
  incomingIs?: "northbound" | "southbound";
  /** What its accepted rows cover: a later file of its name is its new version or another file (sameName.ts). */
  fingerprint: FileFingerprint;
}

/** A file to download, made in the worker. */
export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

export type AnalystRequest =
  /**
   * `kind`: the analyst said what the file holds (the CLI's `--kind`): read as that kind, even a
   * header dtm-flow writes (the importer's `readOwnOutputs`, the one rule of src/ingest);
   * `"header"`: the analyst takes that back, the file is read as its header says.
   */
  | {
      type: "import";
      id: string;
      file: File;
      choices?: ColumnChoices;
      kind?: TableKind | "header";
      /** Read entrada/salida as the analyst said (`--incoming-is`); absent: as before. */
      incomingIs?: IncomingChoice;
    }
  | { type: "remove"; id: string }
  | { type: "force"; id: string }
  | { type: "reset" }
  /**
   * `lang`: the viewer's language, for the sentence of a refusal (the analyst's reports lie far
   * from the 2018 routes and she gave no route: the CLI's exit-2 sentence, `farFromRoutesText`).
   */
  | { type: "compute"; req: number; lang?: "en" | "es" }
  /** The situation of `date` as known on it, on the dataset of compute `source` (ReplayData.source). */
  | { type: "asOf"; req: number; date: string; source: number }
  /** The tables of the current replay; `hxl`: an HXL row under the outputs' headers (input tables always have one). */
  | { type: "tables"; req: number; hxl: boolean }
  /**
   * The end of a channel another worker asks for datasets on (`DatasetRequest`): the evidence
   * worker's, or a scenario worker's (`key`: its channel's number, to close it by).
   */
  | { type: "port"; port: MessagePort; key?: number }
  /** Closes the channel `key` (its scenario worker was stopped: "Cancel"). */
  | { type: "unport"; key: number };

/**
 * A scenario worker's channel to the analyst worker's datasets: its end (`port`, handed to the
 * scenario worker) and how to close the analyst worker's end once that worker is stopped.
 */
export interface DatasetLink {
  port: MessagePort;
  close(): void;
}

/** Over the analyst ↔ evidence channel: the dataset of compute `id` (ReplayData.source). */
export interface DatasetRequest {
  type: "dataset";
  id: number;
}
/** The reply: the dataset, or none when a newer compute has replaced it. */
export interface DatasetReply {
  type: "dataset";
  id: number;
  dataset?: Dataset;
}

export type AnalystMessage =
  | { type: "reading"; id: string; loaded: number; total: number; rows: number }
  | { type: "imported"; file: FileSummary }
  | { type: "removed"; id: string }
  | { type: "progress"; req: number; progress: LoadProgress }
  | { type: "done"; req: number; replay: ReplayData; notes: string[] }
  | { type: "tables"; req: number; files: ExportFile[] }
  | { type: "asOf"; req: number; day: AsOfDay }
  | { type: "error"; req?: number; id?: string; message: string };
