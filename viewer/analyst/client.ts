/**
 * The page's side of the analyst worker: one long-lived worker holding the dropped files, and a
 * DataProvider over it (the viewer's seam, viewer/data/provider.ts) so that `viewer.load` shows
 * the analyst's replay and keeps the previous one when the computation fails.
 */
import type { TableKind } from "../../src/index.ts";
import { analystProvider } from "./analystProvider.ts";
import type { AnalystProvider, AnalystRequests } from "./analystProvider.ts";
import type {
  AnalystMessage,
  AnalystRequest,
  ExportFile,
  FileSummary,
  IncomingChoice,
} from "./protocol.ts";
import type { ColumnChoices } from "./workspace.ts";

export interface AnalystClient {
  /**
   * Imports (or re-imports with mapping fixes, or as the `kind` the analyst said it holds) a
   * file; resolves with its report.
   */
  importFile(
    id: string,
    file: File,
    choices?: ColumnChoices,
    kind?: TableKind | "header",
    incomingIs?: IncomingChoice,
  ): Promise<FileSummary>;
  remove(id: string): void;
  /**
   * Hands the worker one end of a channel on which it answers requests for the dataset of a
   * compute (`DatasetRequest`): the evidence and the scenario workers ask there.
   */
  connect(port: MessagePort, key?: number): void;
  /** Closes the channel given with `key` in the worker (its other end's worker was stopped). */
  disconnect(key: number): void;
  force(id: string): Promise<FileSummary>;
  reset(): void;
  /**
   * A provider computing the replay of the used files (estimate + ledger in the worker), and the
   * situation as known on a day of that replay (`situationAsOf`, also in the worker).
   */
  provider(lang?: () => "en" | "es"): AnalystProvider;
  /** Tables of the current replay (tracks, split, normalised inputs) as CSV and GeoJSON. */
  /** The tables of the current replay; `hxl`: an HXL hashtag row under the outputs' headers (input tables always have one). */
  tables(hxl?: boolean): Promise<ExportFile[]>;
  /** Reading progress of imports and updates of other files (re-read after a places change). */
  onReading?: (id: string, loaded: number, total: number, rows: number) => void;
  onUpdate?: (file: FileSummary) => void;
}

/**
 * @param evidencePort the analyst end of the channel to the evidence worker, handed to the worker
 *   when it starts (it answers requests for its datasets there).
 */
export function createAnalystClient(
  makeWorker: () => Worker,
  evidencePort?: MessagePort,
): AnalystClient {
  // Created with the first request (the first file), not at start-up: loading its code would
  // compete with the 2018 estimate for the machine's cores and delay the map's first frame.
  let worker: Worker | undefined;
  let req = 0;
  const waiting = new Map<string, (m: AnalystMessage) => void>();
  const send = (m: AnalystRequest) => started().postMessage(m);
  const started = (): Worker => {
    if (worker) return worker;
    worker = makeWorker();
    worker.addEventListener("message", onMessage);
    if (evidencePort) worker.postMessage({ type: "port", port: evidencePort }, [evidencePort]);
    return worker;
  };

  const onMessage = (event: MessageEvent<AnalystMessage>) => {
    const m = event.data;
    if (m.type === "reading") client.onReading?.(m.id, m.loaded, m.total, m.rows);
    if (m.type === "imported") {
      const w = waiting.get(`file:${m.file.id}`);
      if (w) {
        waiting.delete(`file:${m.file.id}`);
        w(m);
      } else client.onUpdate?.(m.file);
    }
    if (m.type === "error" && m.id !== undefined) {
      const w = waiting.get(`file:${m.id}`);
      waiting.delete(`file:${m.id}`);
      w?.(m);
    }
    if ("req" in m && m.req !== undefined) waiting.get(`req:${m.req}`)?.(m);
  };

  const requests: AnalystRequests = {
    ask(make, on) {
      const key = `req:${++req}`;
      waiting.set(key, (m) => {
        if (on(m)) waiting.delete(key);
      });
      send(make(req));
      return () => waiting.delete(key);
    },
  };

  const fileReply = (id: string) =>
    new Promise<FileSummary>((resolve, reject) =>
      waiting.set(`file:${id}`, (m) =>
        m.type === "imported"
          ? resolve(m.file)
          : reject(new Error((m as { message: string }).message)),
      ),
    );

  const client: AnalystClient = {
    importFile(id, file, choices, kind, incomingIs) {
      const reply = fileReply(id);
      send({
        type: "import",
        id,
        file,
        ...(choices ? { choices } : {}),
        ...(kind ? { kind } : {}),
        ...(incomingIs ? { incomingIs } : {}),
      });
      return reply;
    },
    remove(id) {
      send({ type: "remove", id });
    },
    connect(port, key) {
      started().postMessage(
        { type: "port", port, ...(key !== undefined ? { key } : {}) } satisfies AnalystRequest,
        [port],
      );
    },
    disconnect(key) {
      send({ type: "unport", key });
    },
    force(id) {
      const reply = fileReply(id);
      send({ type: "force", id });
      return reply;
    },
    reset() {
      send({ type: "reset" });
    },
    provider: (lang) => analystProvider(requests, lang),
    tables(hxl = false) {
      return new Promise<ExportFile[]>((resolve, reject) =>
        requests.ask(
          (req) => ({ type: "tables", req, hxl }),
          (m) => {
            if (m.type === "tables") resolve(m.files);
            else if (m.type === "error") reject(new Error(m.message));
            else return false;
            return true;
          },
        ),
      );
    },
  };
  return client;
}
