/// <reference lib="webworker" />
/**
 * The forecast worker: keeps the embedded 2018 dataset and answers "forecast as of T" requests
 * off the page's thread (each is an estimator run), caching answers by as-of moment.
 */
import { embedded2018 } from "../../src/index.ts";
import { computeForecastView } from "./view.ts";
import type { ForecastView } from "./view.ts";
import type { ForecastReply, ForecastRequest } from "./provider.ts";

const dataset = embedded2018();
const cache = new Map<string, ForecastView>();
const post = (m: ForecastReply) => (self as unknown as Worker).postMessage(m);

self.addEventListener("message", (event: MessageEvent<ForecastRequest>) => {
  const { id, asOf, horizonDays } = event.data;
  try {
    const key = `${asOf}|${horizonDays}`;
    let view = cache.get(key);
    if (!view) {
      view = computeForecastView(dataset, asOf, horizonDays);
      cache.set(key, view);
    }
    post({ id, view });
  } catch (err) {
    post({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
