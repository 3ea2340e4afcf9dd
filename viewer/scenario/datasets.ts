/**
 * The scenario worker's side of its channel to the analyst worker: asks for the dataset of the
 * analyst's replay `source` (`DatasetRequest`, the channel the evidence worker uses too) and keeps
 * the last one with what was built from it (the corridor), so that runs on the same replay ask
 * once.
 */
import type { Dataset } from "../../src/index.ts";
import type { DatasetReply, DatasetRequest } from "../analyst/protocol.ts";

/** The sentence when the analyst worker holds no dataset for the replay asked (replaced since). */
export const FILES_CHANGED =
  "the files on screen changed since this replay was computed; wait for the new replay and run again.";

export function analystDatasets() {
  let port: MessagePort | undefined;
  const waiting = new Map<number, ((d: Dataset | undefined) => void)[]>();
  let kept: { source: number; built: unknown } | undefined;

  function ask(source: number): Promise<Dataset | undefined> {
    if (!port) return Promise.reject(new Error("no channel to your files' worker."));
    return new Promise((resolve) => {
      const list = waiting.get(source) ?? [];
      list.push(resolve);
      if (list.length === 1)
        port!.postMessage({ type: "dataset", id: source } satisfies DatasetRequest);
      waiting.set(source, list);
    });
  }

  return {
    /** Takes the channel's end (a new one replaces the old). */
    connect(next: MessagePort): void {
      port = next;
      port.addEventListener("message", (event: MessageEvent<DatasetReply>) => {
        const { id, dataset } = event.data;
        const list = waiting.get(id) ?? [];
        waiting.delete(id);
        for (const resolve of list) resolve(dataset);
      });
      port.start();
    },
    /**
     * What `build` makes of the dataset of replay `source`, kept for the next ask of the same one.
     * @throws Error (FILES_CHANGED) when the analyst worker no longer holds that replay's dataset.
     */
    async ground<G>(source: number, build: (dataset: Dataset) => G): Promise<G> {
      if (kept?.source === source) return kept.built as G;
      const dataset = await ask(source);
      if (dataset === undefined) throw new Error(FILES_CHANGED);
      const built = build(dataset);
      kept = { source, built };
      return built;
    },
  };
}
