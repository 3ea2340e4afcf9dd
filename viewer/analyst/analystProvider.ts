/**
 * The DataProvider of the analyst's files (the viewer's seam, viewer/data/provider.ts): a compute
 * of the replay of the used files in the analyst worker, and the situation as known on a day of
 * that replay (`situationAsOf`, the worker's `computeAsOfDay` of the same compute's dataset).
 */
import type { AsOfDay } from "../data/asOfDay.ts";
import type { DataProvider } from "../data/provider.ts";
import type { ReplayData } from "../data/replay.ts";
import type { AnalystMessage, AnalystRequest } from "./protocol.ts";

/** Requests to the analyst worker, each with its number (`req`) and its replies. */
export interface AnalystRequests {
  /**
   * Sends `make(req)`; `on` gets every reply to it until it returns true (the last).
   * @returns stops listening (the replies still on their way are dropped).
   */
  ask(make: (req: number) => AnalystRequest, on: (m: AnalystMessage) => boolean): () => void;
}

export type AnalystProvider = DataProvider & { situationAsOf(date: string): Promise<AsOfDay> };

/**
 * A provider over the worker; each provider remembers the compute its replay came from.
 * @param lang the viewer's language when a compute is asked (its refusal's sentence is in it).
 */
export function analystProvider(
  requests: AnalystRequests,
  lang: () => "en" | "es" = () => "en",
): AnalystProvider {
  /** The compute this provider's replay came from (ReplayData.source.id). */
  let source: number | undefined;
  return {
    id: "analyst-files",
    situationAsOf(date) {
      const of = source;
      if (of === undefined) return Promise.reject(new Error("no replay of these files yet."));
      return new Promise<AsOfDay>((resolve, reject) =>
        requests.ask(
          (req) => ({ type: "asOf", req, date, source: of }),
          (m) => {
            if (m.type === "asOf") resolve(m.day);
            else reject(new Error(m.type === "error" ? m.message : "no answer"));
            return true;
          },
        ),
      );
    },
    load({ onProgress, signal } = {}) {
      return new Promise<ReplayData>((resolve, reject) => {
        const stop = requests.ask(
          (req) => ({ type: "compute", req, lang: lang() }),
          (m) => {
            if (m.type === "progress") onProgress?.(m.progress);
            else if (m.type === "done") {
              onProgress?.({ stage: "done", fraction: 1 });
              source = m.replay.source?.id;
              resolve(m.replay);
              return true;
            } else if (m.type === "error") {
              reject(new Error(m.message));
              return true;
            }
            return false;
          },
        );
        signal?.addEventListener("abort", () => {
          stop();
          reject(new Error("cancelled"));
        });
      });
    },
  };
}
