/**
 * The forecast panel's data seam: a ForecastProvider answers "the forecast as of T". The default
 * runs in a Web Worker on the embedded 2018 data; `createLocalForecastProvider` computes in the
 * page (tests, browsers without workers, or a dataset the page already holds).
 */
import { EMBEDDED_2018_NAME } from "../../src/index.ts";
import type { Dataset } from "../../src/index.ts";
import { computeForecastView } from "./view.ts";
import type { ForecastView } from "./view.ts";

export interface ForecastProvider {
  /**
   * Name of the dataset it forecasts (`Dataset.name`); the panel shows its forecasts only while
   * the replay shows the same dataset. Undefined = whatever the replay shows.
   */
  readonly datasetName?: string;
  forecast(asOf: string, horizonDays: number): Promise<ForecastView>;
}

/** Worker protocol. */
export interface ForecastRequest {
  id: number;
  asOf: string;
  horizonDays: number;
}
export type ForecastReply = { id: number; view: ForecastView } | { id: number; error: string };

/** Computes in the page, caching by as-of moment (default: the embedded 2018 data). */
export function createLocalForecastProvider(
  dataset?: () => Dataset,
  datasetName: string | undefined = dataset ? undefined : EMBEDDED_2018_NAME,
): ForecastProvider {
  const cache = new Map<string, ForecastView>();
  return {
    datasetName,
    async forecast(asOf, horizonDays) {
      const key = `${asOf}|${horizonDays}`;
      let view = cache.get(key);
      if (!view) {
        view = computeForecastView(dataset?.(), asOf, horizonDays);
        cache.set(key, view);
      }
      return view;
    },
  };
}

/** One long-lived worker on the embedded 2018 data (falls back to the page without workers). */
export function createWorkerForecastProvider(): ForecastProvider {
  if (typeof Worker === "undefined") return createLocalForecastProvider();
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (v: ForecastView) => void; reject: (e: Error) => void }
  >();
  const start = (): Worker => {
    const w = new Worker(new URL("./forecast.worker.ts", import.meta.url), { type: "module" });
    w.addEventListener("message", (event: MessageEvent<ForecastReply>) => {
      const m = event.data;
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ("view" in m) p.resolve(m.view);
      else p.reject(new Error(m.error));
    });
    w.addEventListener("error", (event) => {
      for (const p of pending.values())
        p.reject(new Error(event.message || "the forecast worker failed"));
      pending.clear();
      worker = undefined;
    });
    return w;
  };
  return {
    datasetName: EMBEDDED_2018_NAME,
    forecast(asOf, horizonDays) {
      worker ??= start();
      const id = ++next;
      return new Promise<ForecastView>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, asOf, horizonDays } satisfies ForecastRequest);
      });
    },
  };
}
