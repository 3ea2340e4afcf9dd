/**
 * The forecast panel's data seam: a ForecastProvider answers "the forecast as of T". The default
 * runs in a Web Worker on the embedded 2018 data; `createLocalForecastProvider` computes in the
 * page (tests, browsers without workers, or a dataset the page already holds).
 */
import { EMBEDDED_2018_NAME, embedded2018 } from "../../src/index.ts";
import type { Dataset } from "../../src/index.ts";
import { computeAsOfDay } from "../data/asOfDay.ts";
import type { AsOfDay } from "../data/asOfDay.ts";
import { computeForecastView } from "./view.ts";
import type { ForecastView } from "./view.ts";

export interface ForecastProvider {
  /**
   * Name of the dataset it forecasts (`Dataset.name`); the panel shows its forecasts only while
   * the replay shows the same dataset. Undefined = whatever the replay shows.
   */
  readonly datasetName?: string;
  forecast(asOf: string, horizonDays: number): Promise<ForecastView>;
  /**
   * The situation panel's figures as known on `date` (`computeAsOfDay`: the library's replay as of
   * the day, the figures of `dtm-flow report --as-of <date>`), cached by day.
   */
  situationAsOf(date: string): Promise<AsOfDay>;
}

/** Worker protocol: a forecast as of a moment, or the situation as known on a day. */
export type ForecastRequest =
  | { id: number; kind?: "forecast"; asOf: string; horizonDays: number }
  | { id: number; kind: "situation"; asOf: string };
export type ForecastReply =
  { id: number; view: ForecastView } | { id: number; day: AsOfDay } | { id: number; error: string };

/** Computes in the page, caching by as-of moment (default: the embedded 2018 data). */
export function createLocalForecastProvider(
  dataset?: () => Dataset,
  datasetName: string | undefined = dataset ? undefined : EMBEDDED_2018_NAME,
): ForecastProvider {
  const cache = new Map<string, ForecastView>();
  const days = new Map<string, AsOfDay>();
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
    async situationAsOf(date) {
      let day = days.get(date);
      if (!day) {
        day = computeAsOfDay(dataset?.() ?? embedded2018(), date);
        days.set(date, day);
      }
      return day;
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
    { resolve: (v: ForecastView | AsOfDay) => void; reject: (e: Error) => void }
  >();
  const start = (): Worker => {
    const w = new Worker(new URL("./forecast.worker.ts", import.meta.url), { type: "module" });
    w.addEventListener("message", (event: MessageEvent<ForecastReply>) => {
      const m = event.data;
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ("view" in m) p.resolve(m.view);
      else if ("day" in m) p.resolve(m.day);
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
  const ask = (request: ForecastRequest) =>
    new Promise<ForecastView | AsOfDay>((resolve, reject) => {
      worker ??= start();
      pending.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  return {
    datasetName: EMBEDDED_2018_NAME,
    forecast: (asOf, horizonDays) =>
      ask({ id: ++next, asOf, horizonDays }) as Promise<ForecastView>,
    situationAsOf: (asOf) => ask({ id: ++next, kind: "situation", asOf }) as Promise<AsOfDay>,
  };
}
